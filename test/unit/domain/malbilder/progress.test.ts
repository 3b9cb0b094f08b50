import { describe, expect, it } from 'vitest';
import type { Indicator, Reading } from '../../../../src/domain/malbilder/malbild.js';
import { indicatorProgress, readingsByDate, type IndicatorTrend } from '../../../../src/domain/malbilder/progress.js';

const r = (value: number, date: string, by = 'aad-anna'): Reading => ({ value, date, by });

/** Share who feel safe: higher is better, 50 % → 70 %. */
const safe = (readings: Reading[], over: Partial<Indicator> = {}): Indicator => ({
  id: 'trygghet',
  name: 'Andel trygga',
  unit: '%',
  direction: 'increase',
  baseline: { value: 50, date: '2025-01-01' },
  target: { value: 70, date: '2027-12-31' },
  readings,
  ...over,
});

/** Reported burglaries: lower is better, 100 → 60. */
const burglaries = (readings: Reading[], over: Partial<Indicator> = {}): Indicator => ({
  id: 'inbrott',
  name: 'Anmälda bostadsinbrott',
  unit: 'antal',
  direction: 'decrease',
  baseline: { value: 100, date: '2025-01-01' },
  target: { value: 60, date: '2027-12-31' },
  readings,
  ...over,
});

describe('indicatorProgress', () => {
  const cases: [string, Indicator, { progress: number | null; reached: boolean; trend: IndicatorTrend; latest?: number }][] = [
    // increase
    ['increase: at the baseline', safe([r(50, '2026-01-01')]), { progress: 0, reached: false, trend: 'unknown', latest: 50 }],
    ['increase: halfway', safe([r(60, '2026-01-01')]), { progress: 0.5, reached: false, trend: 'unknown', latest: 60 }],
    ['increase: target reached', safe([r(60, '2026-01-01'), r(70, '2026-06-01')]), { progress: 1, reached: true, trend: 'improving', latest: 70 }],
    ['increase: target exceeded', safe([r(80, '2026-06-01')]), { progress: 1.5, reached: true, trend: 'unknown', latest: 80 }],
    ['increase: wrong way since baseline', safe([r(45, '2026-01-01'), r(40, '2026-06-01')]), { progress: -0.5, reached: false, trend: 'worsening', latest: 40 }],
    ['increase: falling back after reaching', safe([r(72, '2026-01-01'), r(65, '2026-06-01')]), { progress: 0.75, reached: false, trend: 'worsening', latest: 65 }],
    // decrease
    ['decrease: halfway', burglaries([r(80, '2026-01-01')]), { progress: 0.5, reached: false, trend: 'unknown', latest: 80 }],
    ['decrease: improving', burglaries([r(90, '2026-01-01'), r(80, '2026-06-01')]), { progress: 0.5, reached: false, trend: 'improving', latest: 80 }],
    ['decrease: target reached', burglaries([r(60, '2026-06-01')]), { progress: 1, reached: true, trend: 'unknown', latest: 60 }],
    ['decrease: target exceeded', burglaries([r(70, '2026-01-01'), r(50, '2026-06-01')]), { progress: 1.25, reached: true, trend: 'improving', latest: 50 }],
    ['decrease: wrong way', burglaries([r(100, '2026-01-01'), r(110, '2026-06-01')]), { progress: -0.25, reached: false, trend: 'worsening', latest: 110 }],
    // missing data
    ['no readings', safe([]), { progress: null, reached: false, trend: 'unknown' }],
    ['no baseline: progress unknown, the rest still known', safe([r(60, '2026-01-01'), r(72, '2026-06-01')], { baseline: undefined }), { progress: null, reached: true, trend: 'improving', latest: 72 }],
    ['no baseline, decrease, not reached', burglaries([r(90, '2026-01-01'), r(95, '2026-06-01')], { baseline: undefined }), { progress: null, reached: false, trend: 'worsening', latest: 95 }],
    ['no baseline and no readings', safe([], { baseline: undefined }), { progress: null, reached: false, trend: 'unknown' }],
    // baseline == target: "hold the level"
    ['hold the level: held', safe([r(50, '2026-06-01')], { target: { value: 50, date: '2027-12-31' } }), { progress: 1, reached: true, trend: 'unknown', latest: 50 }],
    ['hold the level: better', safe([r(55, '2026-06-01')], { target: { value: 50, date: '2027-12-31' } }), { progress: 1, reached: true, trend: 'unknown', latest: 55 }],
    ['hold the level: slipped', burglaries([r(99, '2026-01-01'), r(104, '2026-06-01')], { target: { value: 100, date: '2027-12-31' } }), { progress: 0, reached: false, trend: 'worsening', latest: 104 }],
    // trends
    ['flat', safe([r(60, '2026-01-01'), r(60, '2026-06-01')]), { progress: 0.5, reached: false, trend: 'flat', latest: 60 }],
    ['flat within floating-point noise', safe([r(0.1 + 0.2, '2026-01-01'), r(0.3, '2026-06-01')], { baseline: { value: 0, date: '2025-01-01' }, target: { value: 0.6, date: '2027-12-31' } }), { progress: 0.5, reached: false, trend: 'flat', latest: 0.3 }],
    ['only the last two readings count', safe([r(40, '2025-06-01'), r(65, '2026-01-01'), r(62, '2026-06-01')]), { progress: 0.6, reached: false, trend: 'worsening', latest: 62 }],
    // order and corrections
    ['readings entered out of order', safe([r(66, '2026-06-01'), r(55, '2026-01-01')]), { progress: 0.8, reached: false, trend: 'improving', latest: 66 }],
    ['same date entered twice: the correction wins and is no movement', safe([r(55, '2026-01-01'), r(60, '2026-06-01'), r(58, '2026-06-01')]), { progress: 0.4, reached: false, trend: 'improving', latest: 58 }],
  ];
  it.each(cases)('%s', (_label, indicator, expected) => {
    const p = indicatorProgress(indicator);
    if (expected.progress === null) expect(p.progress).toBeNull();
    else expect(p.progress).toBeCloseTo(expected.progress, 9);
    expect(p.reached).toBe(expected.reached);
    expect(p.trend).toBe(expected.trend);
    expect(p.latest?.value).toBe(expected.latest);
  });

  it('latest is the reading itself, with who entered it', () => {
    expect(indicatorProgress(safe([r(60, '2026-01-01', 'aad-bo')])).latest).toEqual({ value: 60, date: '2026-01-01', by: 'aad-bo' });
  });

  it('reaching the target ignores the target date', () => {
    expect(indicatorProgress(safe([r(70, '2028-06-01')])).reached).toBe(true);
  });
});

describe('readingsByDate', () => {
  it.each([
    ['empty', [], []],
    ['sorted oldest first', [r(3, '2026-03-01'), r(1, '2026-01-01'), r(2, '2026-02-01')], [1, 2, 3]],
    ['the later entry of a date wins', [r(1, '2026-01-01'), r(9, '2026-01-01')], [9]],
    ['across a year end', [r(2, '2027-01-01'), r(1, '2026-12-31')], [1, 2]],
  ] as [string, Reading[], number[]][])('%s', (_label, readings, values) => {
    expect(readingsByDate(readings).map((x) => x.value)).toEqual(values);
  });
});
