import { describe, expect, it } from 'vitest';
import { indicatorDirections, indicatorSchema, malbildSchema, type Indicator } from '../../../../src/domain/malbilder/malbild.js';

const indicator: Indicator = {
  id: 'trygghet',
  name: 'Andel som känner sig trygga utomhus på kvällen',
  unit: '%',
  direction: 'increase',
  baseline: { value: 60, date: '2025-01-01' },
  target: { value: 75, date: '2027-12-31' },
  readings: [{ value: 63, date: '2026-03-01', by: 'aad-anna' }],
};

function issues(schema: typeof indicatorSchema | typeof malbildSchema, input: unknown) {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('indicatorSchema', () => {
  it('accepts a complete indicator unchanged', () => {
    expect(indicatorSchema.parse(indicator)).toEqual(indicator);
  });

  it('a new indicator has no readings', () => {
    const { readings: _r, ...fresh } = indicator;
    expect(indicatorSchema.parse(fresh).readings).toEqual([]);
  });

  it.each(indicatorDirections)('direction %s', (direction) => {
    const target = direction === 'increase' ? indicator.target : { value: 40, date: '2027-12-31' };
    expect(issues(indicatorSchema, { ...indicator, direction, target })).toEqual([]);
  });

  it.each([
    ['no baseline', { baseline: undefined }, []],
    ['baseline equals target (hold the level)', { target: { value: 60, date: '2027-12-31' } }, []],
    ['empty unit (a plain index)', { unit: '' }, []],
    ['negative values', { direction: 'decrease', baseline: { value: -1, date: '2025-01-01' }, target: { value: -5, date: '2026-01-01' } }, []],
    ['increase with target below baseline', { target: { value: 50, date: '2027-12-31' } }, [['target', 'targetWrongDirection']]],
    ['decrease with target above baseline', { direction: 'decrease' }, [['target', 'targetWrongDirection']]],
    ['target date before baseline date', { target: { value: 75, date: '2024-12-31' } }, [['target', 'endBeforeStart']]],
    ['unknown direction', { direction: 'up' }, [['direction', 'chooseOne']]],
    ['empty name', { name: ' ' }, [['name', 'required']]],
    ['NaN target', { target: { value: Number.NaN, date: '2027-12-31' } }, [['target.value', 'notANumber']]],
    ['infinite reading', { readings: [{ value: Number.POSITIVE_INFINITY, date: '2026-01-01', by: 'x' }] }, [['readings.0.value', 'notANumber']]],
    ['value as text', { baseline: { value: '60', date: '2025-01-01' } }, [['baseline.value', 'notANumber']]],
    ['reading on a date that does not exist', { readings: [{ value: 1, date: '2026-02-29', by: 'x' }] }, [['readings.0.date', 'date']]],
  ])('%s', (_label, over, expected) => {
    expect(issues(indicatorSchema, { ...indicator, ...over })).toEqual(expected);
  });
});

describe('malbildSchema', () => {
  const valid = { id: 'mb-berga', district: 'Berga', statements: ['Tryggt i centrum', 'Färre bränder'], indicators: [indicator] };
  it('accepts a målbild', () => {
    expect(malbildSchema.parse(valid)).toEqual(valid);
  });
  it.each([
    ['no indicators yet', { indicators: undefined }, []],
    ['no statements yet', { statements: [] }, []],
    ['empty district', { district: '' }, [['district', 'required']]],
    ['an empty statement', { statements: ['ok', '  '] }, [['statements.1', 'required']]],
    ['a statement of 501 characters', { statements: ['x'.repeat(501)] }, [['statements.0', 'tooLong']]],
    ['21 statements', { statements: Array.from({ length: 21 }, (_, i) => `S${i}`) }, [['statements', 'tooMany']]],
  ])('%s', (_label, over, expected) => {
    expect(issues(malbildSchema, { ...valid, ...over })).toEqual(expected);
  });
});
