/**
 * ISO 8601 week numbers: weeks start on Monday and week 1 is the week with the year's
 * first Thursday. Swedish schools and workplaces name periods by them ("vecka 44").
 */
import { addDays, daysBetween, formatIsoDate, parseIsoDate, weekdayOf, type IsoDate } from './localDate.js';

export interface IsoWeek {
  /** The ISO week-numbering year; differs from the calendar year around New Year. */
  year: number;
  week: number;
}

export function isoWeekOf(date: IsoDate): IsoWeek {
  // The week belongs to the year of its Thursday.
  const thursday = addDays(date, 4 - weekdayOf(date));
  const year = parseIsoDate(thursday).year;
  const week = Math.floor(daysBetween(formatIsoDate({ year, month: 1, day: 1 }), thursday) / 7) + 1;
  return { year, week };
}

/** The Monday of `date`'s ISO week. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** Monday and Sunday of ISO week `week` of ISO year `year`, or null when the year has no such week (53). */
export function isoWeekDates(year: number, week: number): { from: IsoDate; to: IsoDate } | null {
  // 4 January is always in week 1.
  const from = addDays(mondayOf(formatIsoDate({ year, month: 1, day: 4 })), 7 * (week - 1));
  const w = isoWeekOf(from);
  if (w.year !== year || w.week !== week) return null;
  return { from, to: addDays(from, 6) };
}
