/**
 * How far an indicator has come: from its baseline toward its target, in the direction
 * that counts as better, and whether the last readings move the right way.
 */
import { compareIsoDates } from '../calendar/localDate.js';
import type { Indicator, IndicatorDirection, Reading } from './malbild.js';

export const indicatorTrends = ['improving', 'worsening', 'flat', 'unknown'] as const;
export type IndicatorTrend = (typeof indicatorTrends)[number];

export interface IndicatorProgress {
  /** The reading with the latest date. */
  latest?: Reading;
  /**
   * Fraction of the way from baseline to target: 0 at the baseline, 1 at the target.
   * Not clamped, on purpose: above 1 means the target is exceeded, below 0 that the
   * indicator has moved the wrong way since the baseline — both worth showing. null
   * without a baseline or without readings. When the target equals the baseline (a
   * "hold the level" goal) there is no distance to divide: 1 if held, else 0.
   */
  progress: number | null;
  /** The latest reading is at the target or beyond it in the right direction (dates aside). */
  reached: boolean;
  /** From the last two readings, judged by the direction; 'unknown' with fewer than two. */
  trend: IndicatorTrend;
}

export function indicatorProgress(indicator: Pick<Indicator, 'direction' | 'baseline' | 'target' | 'readings'>): IndicatorProgress {
  const readings = readingsByDate(indicator.readings);
  const latest = readings.at(-1);
  const previous = readings.at(-2);
  if (!latest) return { progress: null, reached: false, trend: 'unknown' };

  const better = betterBy(indicator.direction);
  const reached = better(indicator.target.value, latest.value) >= 0;
  const trend: IndicatorTrend = previous ? trendOf(better(previous.value, latest.value), previous.value, latest.value) : 'unknown';
  let progress: number | null = null;
  if (indicator.baseline) {
    const needed = better(indicator.baseline.value, indicator.target.value);
    progress = needed > 0 ? better(indicator.baseline.value, latest.value) / needed : reached ? 1 : 0;
  }
  return { latest, progress, reached, trend };
}

/**
 * Readings oldest first, one per date: a second reading of the same date is taken as a
 * correction of the first (the later entry wins), not as a movement.
 */
export function readingsByDate(readings: readonly Reading[]): Reading[] {
  const byDate = new Map<string, Reading>();
  for (const r of readings) byDate.set(r.date, r);
  return [...byDate.values()].sort((a, b) => compareIsoDates(a.date, b.date));
}

/** How much better `to` is than `from` in the indicator's direction (negative = worse). */
function betterBy(direction: IndicatorDirection): (from: number, to: number) => number {
  switch (direction) {
    case 'increase':
      return (from, to) => to - from;
    case 'decrease':
      return (from, to) => from - to;
    default: {
      const unhandled: never = direction;
      return unhandled;
    }
  }
}

/** Differences within floating-point noise of the values are no movement. */
function trendOf(gain: number, a: number, b: number): IndicatorTrend {
  const noise = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return gain > noise ? 'improving' : gain < -noise ? 'worsening' : 'flat';
}
