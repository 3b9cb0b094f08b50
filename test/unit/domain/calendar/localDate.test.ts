import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  isIsoDate,
  isMonthDay,
  isoDateRange,
  monthDayInYear,
  weekdayOf,
} from '../../../../src/domain/calendar/localDate.js';

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'], // leap year
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-04-22', -21, '2026-04-01'],
    ['2026-03-25', 7, '2026-04-01'], // across the DST change: still whole days
    ['2026-05-05', 0, '2026-05-05'],
  ])('%s %+d → %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });
});

describe('weekdayOf (ISO: 1 = Monday … 7 = Sunday)', () => {
  it.each([
    ['2026-03-02', 1],
    ['2026-03-04', 3],
    ['2026-03-07', 6],
    ['2026-03-08', 7],
    ['2025-01-01', 3],
    ['2028-02-29', 2],
  ])('%s → %d', (date, expected) => {
    expect(weekdayOf(date)).toBe(expected);
  });
});

describe('validation', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-4-1', false],
    ['', false],
  ])('isIsoDate(%j) → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['02-28', true],
    ['02-29', false], // exists only in leap years: refused for yearly ranges
    ['12-31', true],
    ['04-31', false],
    ['2026-01-01', false],
  ])('isMonthDay(%j) → %s', (value, expected) => {
    expect(isMonthDay(value)).toBe(expected);
  });
});

describe('ranges and comparison', () => {
  it('compareIsoDates orders like a comparator', () => {
    expect(['2026-05-01', '2025-12-31', '2026-01-10'].sort(compareIsoDates)).toEqual(['2025-12-31', '2026-01-10', '2026-05-01']);
    expect(compareIsoDates('2026-01-01', '2026-01-01')).toBe(0);
  });

  it('isoDateRange is inclusive and may cross a year', () => {
    expect(isoDateRange('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(isoDateRange('2026-01-02', '2026-01-01')).toEqual([]);
  });

  it('daysBetween counts whole days, negative when reversed', () => {
    expect(daysBetween('2026-02-01', '2026-03-31')).toBe(58);
    expect(daysBetween('2028-02-01', '2028-03-31')).toBe(59);
    expect(daysBetween('2026-03-31', '2026-02-01')).toBe(-58);
  });

  it('monthDayInYear rejects a day the year lacks', () => {
    expect(monthDayInYear(2026, '06-06')).toBe('2026-06-06');
    expect(() => monthDayInYear(2026, '02-29')).toThrow(RangeError);
  });
});
