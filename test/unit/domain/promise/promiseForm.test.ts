import { describe, expect, it } from 'vitest';
import { parseCommitmentForm, parsePromiseForm } from '../../../../src/domain/promise/promiseForm.js';

describe('parsePromiseForm', () => {
  it('accepts title and period', () => {
    expect(parsePromiseForm({ title: ' Löfte 2027–2028 ', periodFrom: '2027-01-01', periodTo: '2028-12-31' })).toEqual({
      ok: true,
      value: { title: 'Löfte 2027–2028', periodFrom: '2027-01-01', periodTo: '2028-12-31' },
    });
  });

  it.each([
    [{}, { title: 'required', periodFrom: 'date', periodTo: 'date' }],
    [{ title: '  ', periodFrom: '2027-02-30', periodTo: '2028-01-01' }, { title: 'required', periodFrom: 'date' }],
    [{ title: 'x'.repeat(201), periodFrom: '2027-01-01', periodTo: '2028-01-01' }, { title: 'tooLong' }],
    [{ title: 'T', periodFrom: '2028-01-01', periodTo: '2027-01-01' }, { periodTo: 'endBeforeStart' }],
    [{ title: '', periodFrom: '2028-01-01', periodTo: '2028-01-01' }, { title: 'required', periodTo: 'endBeforeStart' }],
    [{ title: 42, periodFrom: ['x'], periodTo: null }, { title: 'required', periodFrom: 'date', periodTo: 'date' }],
  ])('%j → %j', (raw, errors) => {
    expect(parsePromiseForm(raw as Record<string, unknown>)).toEqual({ ok: false, fieldErrors: errors });
  });
});

describe('parseCommitmentForm', () => {
  const ctx = { districts: ['Berga', 'Ryd', 'Skäggetorp'], malbildIds: ['malbild-berga'] };

  it('accepts text, party, districts (deduplicated) and an optional målbild', () => {
    expect(parseCommitmentForm({ text: 'Fler vuxna ute', responsible: 'bada', districts: 'Berga,Ryd,Berga', malbild: 'malbild-berga' }, ctx)).toEqual({
      ok: true,
      value: { text: 'Fler vuxna ute', responsible: 'bada', districts: ['Berga', 'Ryd'], malbildId: 'malbild-berga' },
    });
    expect(parseCommitmentForm({ text: 'X', responsible: 'polisen', districts: '', malbild: '' }, ctx)).toEqual({ ok: true, value: { text: 'X', responsible: 'polisen', districts: [] } });
  });

  it('refuses empty text, unknown party, district and målbild', () => {
    expect(parseCommitmentForm({ text: '', responsible: 'brandkåren', districts: 'Mars', malbild: 'malbild-ryd' }, ctx)).toEqual({
      ok: false,
      fieldErrors: { text: 'required', responsible: 'chooseOne', districts: 'unknownDistrict', malbild: 'chooseOne' },
    });
    expect(parseCommitmentForm({ text: 'x', responsible: 'bada', districts: 5 }, ctx)).toEqual({ ok: false, fieldErrors: { districts: 'unknownDistrict' } });
  });
});
