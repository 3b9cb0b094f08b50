import { describe, expect, it } from 'vitest';
import { parseDecimal, parseReadingForm, readingFormFieldIds } from '../../../../src/domain/malbilder/readingForm.js';

const ctx = { indicatorIds: ['trygghet', 'inbrott'], today: '2026-05-20' };
const valid = { indicator: 'trygghet', value: '63', date: '2026-05-01' };
const MB = '1'.repeat(1_000_000);

it('field ids (the card builder uses the same)', () => {
  expect([...readingFormFieldIds]).toEqual(['indicator', 'value', 'date']);
});

describe('parseReadingForm: valid', () => {
  it.each([
    ['whole number', {}, { indicatorId: 'trygghet', value: 63, date: '2026-05-01' }],
    ['decimal comma', { value: '12,5' }, { value: 12.5 }],
    ['decimal point', { value: '12.5' }, { value: 12.5 }],
    ['thousands space', { value: '1 200' }, { value: 1200 }],
    ['non-breaking thousands space', { value: '1\u00a0200,75' }, { value: 1200.75 }],
    ['negative', { value: '-3,25' }, { value: -3.25 }],
    ['Unicode minus', { value: '\u22124' }, { value: -4 }],
    ['zero', { value: '0' }, { value: 0 }],
    ['a number (Input.Number)', { value: 7.5 }, { value: 7.5 }],
    ['date today', { date: '2026-05-20' }, { date: '2026-05-20' }],
    ['date empty means today', { date: '' }, { date: '2026-05-20' }],
    ['date missing means today', { date: undefined }, { date: '2026-05-20' }],
    ['an old date', { date: '2019-01-01' }, { date: '2019-01-01' }],
  ])('%s', (_label, over, expected) => {
    const r = parseReadingForm({ ...valid, ...over }, ctx);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject(expected);
  });
});

describe('parseReadingForm: field errors', () => {
  it.each([
    ['nothing', {}, { indicator: 'required', value: 'required' }],
    ['no value', { ...valid, value: undefined }, { value: 'required' }],
    ['empty value', { ...valid, value: '' }, { value: 'required' }],
    ['blank value', { ...valid, value: '   ' }, { value: 'required' }],
    ['value null', { ...valid, value: null }, { value: 'required' }],
    ['value a word', { ...valid, value: 'sextiotre' }, { value: 'notANumber' }],
    ['value with a unit', { ...valid, value: '63 %' }, { value: 'notANumber' }],
    ['value with two decimal marks', { ...valid, value: '1,2,3' }, { value: 'notANumber' }],
    ['exponent', { ...valid, value: '1e3' }, { value: 'notANumber' }],
    ['hex', { ...valid, value: '0x1F' }, { value: 'notANumber' }],
    ['Infinity as text', { ...valid, value: 'Infinity' }, { value: 'notANumber' }],
    ['NaN as a number', { ...valid, value: Number.NaN }, { value: 'notANumber' }],
    ['Infinity as a number', { ...valid, value: Number.POSITIVE_INFINITY }, { value: 'notANumber' }],
    ['value an object', { ...valid, value: { v: 1 } }, { value: 'notANumber' }],
    ['value a boolean', { ...valid, value: true }, { value: 'notANumber' }],
    ['1 MB value', { ...valid, value: MB }, { value: 'notANumber' }],
    ['unknown indicator', { ...valid, indicator: 'bränder' }, { indicator: 'unknownIndicator' }],
    ['no indicator', { ...valid, indicator: '' }, { indicator: 'required' }],
    ['indicator a number', { ...valid, indicator: 3 }, { indicator: 'required' }],
    ['1 MB indicator', { ...valid, indicator: MB }, { indicator: 'unknownIndicator' }],
    ['date tomorrow', { ...valid, date: '2026-05-21' }, { date: 'futureDate' }],
    ['date next year', { ...valid, date: '2027-01-01' }, { date: 'futureDate' }],
    ['date that does not exist', { ...valid, date: '2026-02-29' }, { date: 'date' }],
    ['date in another notation', { ...valid, date: '1/5 2026' }, { date: 'date' }],
    ['date a number', { ...valid, date: 20260501 }, { date: 'date' }],
    ['1 MB date', { ...valid, date: MB }, { date: 'date' }],
    ['all at once', { indicator: 'x', value: 'x', date: '2099-01-01' }, { indicator: 'unknownIndicator', value: 'notANumber', date: 'futureDate' }],
  ])('%s', (_label, raw, expected) => {
    expect(parseReadingForm(raw, ctx)).toEqual({ ok: false, fieldErrors: expected });
  });

  it.each([null, 'x', 5, []])('not an object (%j) reads as an empty form', (raw) => {
    expect(parseReadingForm(raw as unknown as Record<string, unknown>, ctx)).toEqual({ ok: false, fieldErrors: { indicator: 'required', value: 'required' } });
  });
});

describe('parseDecimal', () => {
  it.each([
    ['42', 42],
    ['0,5', 0.5],
    ['-0.5', -0.5],
    ['1 000 000', 1_000_000],
    [3.14, 3.14],
    ['', null],
    ['-', null],
    [',5', null],
    ['5,', null],
    ['+5', null],
    ['--5', null],
  ] as [unknown, number | null][])('%j → %j', (input, expected) => {
    expect(parseDecimal(input)).toBe(expected);
  });
});
