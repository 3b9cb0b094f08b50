/**
 * Whether a date falls inside a blocked period (school holidays and the like).
 * Yearly 'MM-DD' ranges may wrap the year end: jullov '12-20'…'01-06' covers both
 * 2026-12-28 and 2027-01-03.
 */
import { compareIsoDates, isIsoDate, monthDayOf, type IsoDate } from './localDate.js';
import type { BlockedPeriod } from './planSettings.js';

export function isInBlockedPeriod(date: IsoDate, period: BlockedPeriod): boolean {
  if (isIsoDate(period.from)) {
    return compareIsoDates(period.from, date) <= 0 && compareIsoDates(date, period.to) <= 0;
  }
  const md = monthDayOf(date); // 'MM-DD' strings compare like the dates they name
  return period.from <= period.to ? period.from <= md && md <= period.to : md >= period.from || md <= period.to;
}

/** The first blocked period containing `date`, or null. */
export function blockedPeriodAt(date: IsoDate, periods: readonly BlockedPeriod[]): BlockedPeriod | null {
  return periods.find((p) => isInBlockedPeriod(date, p)) ?? null;
}
