import { describe, expect, it } from 'vitest';
import { parseIndicatorForm, parseStatementsForm } from '../../../../src/domain/malbilder/malbildForm.js';
import { canEditMalbild, canEnterReading, malbildIdFor } from '../../../../src/domain/malbilder/permissions.js';

describe('parseStatementsForm', () => {
  it('one statement per line, bullets and blanks dropped', () => {
    expect(parseStatementsForm({ statements: '- Trygga kvällar\n\n• Fler vuxna ute \r\n' })).toEqual({ ok: true, value: { statements: ['Trygga kvällar', 'Fler vuxna ute'] } });
    expect(parseStatementsForm({})).toEqual({ ok: true, value: { statements: [] } });
  });

  it('refuses too many, too long and wrong types', () => {
    expect(parseStatementsForm({ statements: Array.from({ length: 21 }, (_, i) => `m${i}`).join('\n') })).toEqual({ ok: false, fieldErrors: { statements: 'tooMany' } });
    expect(parseStatementsForm({ statements: 'x'.repeat(501) })).toEqual({ ok: false, fieldErrors: { statements: 'tooLong' } });
    expect(parseStatementsForm({ statements: 7 })).toEqual({ ok: false, fieldErrors: { statements: 'tooLong' } });
  });
});

describe('parseIndicatorForm', () => {
  const ok = { name: 'Andel trygga', unit: '%', direction: 'increase', baselineValue: '52,5', baselineDate: '2025-10-01', targetValue: '70', targetDate: '2027-10-01' };

  it('reads Swedish numbers and an optional baseline', () => {
    expect(parseIndicatorForm(ok)).toEqual({ ok: true, value: { name: 'Andel trygga', unit: '%', direction: 'increase', baseline: { value: 52.5, date: '2025-10-01' }, target: { value: 70, date: '2027-10-01' } } });
    expect(parseIndicatorForm({ ...ok, baselineValue: '', baselineDate: '', unit: '' })).toEqual({ ok: true, value: { name: 'Andel trygga', unit: '', direction: 'increase', target: { value: 70, date: '2027-10-01' } } });
  });

  it.each([
    [{ targetValue: '' }, { targetValue: 'required' }],
    [{ targetValue: 'sjuttio' }, { targetValue: 'notANumber' }],
    [{ baselineDate: '' }, { baselineDate: 'required' }],
    [{ baselineValue: '' }, { baselineValue: 'required' }],
    [{ direction: 'sideways' }, { direction: 'chooseOne' }],
    [{ name: '' }, { name: 'required' }],
    [{ targetValue: '40' }, { targetValue: 'targetWrongDirection' }],
    [{ targetDate: '2024-01-01' }, { targetDate: 'endBeforeStart' }],
  ])('%j → %j', (over, errors) => {
    expect(parseIndicatorForm({ ...ok, ...over })).toEqual({ ok: false, fieldErrors: errors });
  });
});

describe('målbild permissions', () => {
  const forums = [
    { id: 'tr-berga', active: true, districts: ['Berga'] },
    { id: 'tr-ryd', active: false, districts: ['Ryd'] },
  ];
  const roles = (over: Partial<{ chair: boolean; steeringMember: boolean; forumIds: string[] }>) => ({ chair: false, steeringMember: false, forumIds: [], ...over });

  it('chairs edit; chairs, steering members and members of an active forum of the district enter readings', () => {
    expect(canEditMalbild(roles({ chair: true }))).toBe(true);
    expect(canEditMalbild(roles({ steeringMember: true }))).toBe(false);
    expect(canEnterReading(roles({ steeringMember: true }), 'Berga', forums)).toBe(true);
    expect(canEnterReading(roles({ forumIds: ['tr-berga'] }), 'berga', forums)).toBe(true);
    expect(canEnterReading(roles({ forumIds: ['tr-berga'] }), 'Ryd', forums)).toBe(false);
    expect(canEnterReading(roles({ forumIds: ['tr-ryd'] }), 'Ryd', forums)).toBe(false);
    expect(canEnterReading(roles({}), 'Berga', forums)).toBe(false);
  });

  it('ids are accent-free slugs', () => {
    expect(malbildIdFor('Skäggetorp')).toBe('malbild-skaggetorp');
    expect(malbildIdFor(' Berga ')).toBe('malbild-berga');
  });
});
