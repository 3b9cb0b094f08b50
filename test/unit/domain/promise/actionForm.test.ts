import { describe, expect, it } from 'vitest';
import {
  actionFormFieldIds,
  actionUpdateFormFieldIds,
  parseActionForm,
  parseActionUpdateForm,
  parseCount,
} from '../../../../src/domain/promise/actionForm.js';

const ctx = {
  today: '2026-05-20',
  knownOwners: [
    { aadObjectId: 'aad-anna', name: 'Anna Andersson' },
    { aadObjectId: 'aad-bo', name: 'Bo Berg' },
  ],
  commitmentIds: ['c-trygg', 'c-narkotika'],
};
const valid = { text: 'Kvällsvandringar i Skäggetorp', owner: 'aad-anna', due: '2026-09-30', commitment: 'c-trygg' };
const MB = 'x'.repeat(1_000_000);

describe('field ids (the card builder uses the same)', () => {
  it('new action', () => expect([...actionFormFieldIds]).toEqual(['text', 'owner', 'due', 'commitment']));
  it('update', () => expect([...actionUpdateFormFieldIds]).toEqual(['status', 'followUp', 'count']));
});

describe('parseActionForm: valid', () => {
  it.each([
    ['complete', {}, { text: valid.text, ownerAadObjectId: 'aad-anna', ownerName: 'Anna Andersson', due: '2026-09-30', commitmentId: 'c-trygg' }],
    ['text trimmed', { text: '  Fler vandringar  ' }, { text: 'Fler vandringar' }],
    ['due today', { due: '2026-05-20' }, { due: '2026-05-20' }],
    ['due with spaces around', { due: ' 2026-06-01 ' }, { due: '2026-06-01' }],
    ['the owner name comes from the known owners, not the card', { owner: 'aad-bo', ownerName: 'Hacker' }, { ownerAadObjectId: 'aad-bo', ownerName: 'Bo Berg' }],
    ['500-character text', { text: 'x'.repeat(500) }, { text: 'x'.repeat(500) }],
    ['extra card data ignored', { verb: 'action.create', promiseId: 'p' }, {}],
  ])('%s', (_label, over, expected) => {
    const r = parseActionForm({ ...valid, ...over }, ctx);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject(expected);
  });
});

describe('parseActionForm: field errors', () => {
  it.each([
    ['nothing filled in', {}, { text: 'required', owner: 'required', due: 'required', commitment: 'required' }],
    ['empty strings', { text: '', owner: '', due: '', commitment: '' }, { text: 'required', owner: 'required', due: 'required', commitment: 'required' }],
    ['only spaces', { ...valid, text: '   ' }, { text: 'required' }],
    ['text of 501 characters', { ...valid, text: 'x'.repeat(501) }, { text: 'tooLong' }],
    ['unknown owner', { ...valid, owner: 'aad-zed' }, { owner: 'unknownOwner' }],
    ['owner given by name instead of id', { ...valid, owner: 'Anna Andersson' }, { owner: 'unknownOwner' }],
    ['due yesterday', { ...valid, due: '2026-05-19' }, { due: 'pastDate' }],
    ['due last year', { ...valid, due: '2025-12-31' }, { due: 'pastDate' }],
    ['due not a real date', { ...valid, due: '2026-02-30' }, { due: 'date' }],
    ['due in Swedish notation', { ...valid, due: '30/9 2026' }, { due: 'date' }],
    ['due with a time', { ...valid, due: '2026-09-30T12:00' }, { due: 'date' }],
    ['unknown commitment', { ...valid, commitment: 'c-other' }, { commitment: 'unknownCommitment' }],
    ['everything wrong', { text: 'x'.repeat(600), owner: 'nobody', due: '2020-01-01', commitment: 'none' }, { text: 'tooLong', owner: 'unknownOwner', due: 'pastDate', commitment: 'unknownCommitment' }],
  ])('%s', (_label, raw, expected) => {
    expect(parseActionForm(raw, ctx)).toEqual({ ok: false, fieldErrors: expected });
  });
});

describe('parseActionForm: hostile card data never throws', () => {
  it.each([
    ['numbers', { text: 42, owner: 7, due: 20260930, commitment: 1 }, { text: 'required', owner: 'required', due: 'required', commitment: 'required' }],
    ['arrays and objects', { text: ['a'], owner: { id: 'aad-anna' }, due: [], commitment: null }, { text: 'required', owner: 'required', due: 'required', commitment: 'required' }],
    ['booleans', { ...valid, text: true }, { text: 'required' }],
    ['1 MB text', { ...valid, text: MB }, { text: 'tooLong' }],
    ['1 MB owner', { ...valid, owner: MB }, { owner: 'unknownOwner' }],
    ['1 MB due', { ...valid, due: MB }, { due: 'date' }],
    ['1 MB commitment', { ...valid, commitment: MB }, { commitment: 'unknownCommitment' }],
  ])('%s', (_label, raw, expected) => {
    expect(parseActionForm(raw, ctx)).toEqual({ ok: false, fieldErrors: expected });
  });

  it.each([null, undefined, 'text', 42, ['a']])('not an object (%j) reads as an empty form', (raw) => {
    const r = parseActionForm(raw as unknown as Record<string, unknown>, ctx);
    expect(r).toEqual({ ok: false, fieldErrors: { text: 'required', owner: 'required', due: 'required', commitment: 'required' } });
  });

  it('a prototype-polluting key is just another unknown field', () => {
    const raw = JSON.parse(`{"__proto__":{"isChair":true},"text":"T","owner":"aad-anna","due":"2026-06-01","commitment":"c-trygg"}`) as Record<string, unknown>;
    const r = parseActionForm(raw, ctx);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>)['isChair']).toBeUndefined();
  });
});

describe('parseActionUpdateForm', () => {
  it.each([
    ['status only', { status: 'pagar' }, { status: 'pagar' }],
    ['every status is accepted', { status: 'stoppad' }, { status: 'stoppad' }],
    ['status and follow-up', { status: 'klar', followUp: ' Klart i maj ' }, { status: 'klar', followUpText: 'Klart i maj' }],
    ['follow-up with a count', { followUp: '6 narkotikasök', count: '6' }, { followUpText: '6 narkotikasök', count: 6 }],
    ['count as a number (Input.Number)', { followUp: 'Sök', count: 6 }, { followUpText: 'Sök', count: 6 }],
    ['count zero', { followUp: 'Inga sök', count: '0' }, { followUpText: 'Inga sök', count: 0 }],
    ['count with a Swedish thousands space', { followUp: 'Kontakter', count: '1 200' }, { followUpText: 'Kontakter', count: 1200 }],
    ['empty count and status are not given', { followUp: 'Pågår', count: '', status: '' }, { followUpText: 'Pågår' }],
    ['1000-character follow-up', { followUp: 'x'.repeat(1000) }, { followUpText: 'x'.repeat(1000) }],
  ])('%s', (_label, raw, expected) => {
    expect(parseActionUpdateForm(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['nothing at all', {}, { followUp: 'required' }],
    ['only blanks', { status: '', followUp: '  ', count: '' }, { followUp: 'required' }],
    ['a count without a text', { status: 'pagar', count: '3' }, { followUp: 'required' }],
    ['unknown status', { status: 'done' }, { status: 'chooseOne' }],
    ['status in Swedish spelling', { status: 'pågår' }, { status: 'chooseOne' }],
    ['follow-up of 1001 characters', { followUp: 'x'.repeat(1001) }, { followUp: 'tooLong' }],
    ['follow-up of 1 MB', { followUp: MB }, { followUp: 'tooLong' }],
    ['count with a unit', { followUp: 'Sök', count: '6 st' }, { count: 'notANumber' }],
    ['negative count', { followUp: 'Sök', count: '-1' }, { count: 'notANumber' }],
    ['decimal count', { followUp: 'Sök', count: '2,5' }, { count: 'notANumber' }],
    ['fractional number', { followUp: 'Sök', count: 2.5 }, { count: 'notANumber' }],
    ['exponent', { followUp: 'Sök', count: '1e3' }, { count: 'notANumber' }],
    ['NaN', { followUp: 'Sök', count: Number.NaN }, { count: 'notANumber' }],
    ['Infinity', { followUp: 'Sök', count: Number.POSITIVE_INFINITY }, { count: 'notANumber' }],
    ['1 MB count', { followUp: 'Sök', count: '9'.repeat(1_000_000) }, { count: 'notANumber' }],
    ['count as an object', { followUp: 'Sök', count: { n: 1 } }, { count: 'notANumber' }],
    ['follow-up as a number', { followUp: 6 }, { followUp: 'required' }],
    ['several at once', { status: 'x', followUp: 'x'.repeat(1001), count: 'sex' }, { status: 'chooseOne', followUp: 'tooLong', count: 'notANumber' }],
  ])('%s', (_label, raw, expected) => {
    expect(parseActionUpdateForm(raw)).toEqual({ ok: false, fieldErrors: expected });
  });
});

describe('parseCount', () => {
  it.each([
    ['6', 6],
    [' 12 ', 12],
    ['1\u00a0000', 1000],
    ['007', 7],
    [0, 0],
    [42, 42],
    ['', null],
    ['-3', null],
    ['+3', null],
    ['3.0', null],
    ['0x10', null],
    ['9007199254740993', null], // beyond safe integers
    [-1, null],
    [Number.MAX_SAFE_INTEGER + 2, null],
    [true, null],
    [null, null],
  ] as [unknown, number | null][])('%j → %j', (input, expected) => {
    expect(parseCount(input)).toBe(expected);
  });
});
