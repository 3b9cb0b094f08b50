import { isoWeekOf } from '../domain/calendar/isoWeek.js';
import type { SchoolHolidayHit } from '../domain/calendar/schoolHolidays.js';

/** The field-error code naming the lov a date falls in: "schoolHoliday|höstlov;44;2027-11-01;2027-11-07". */
export function schoolHolidayCode(hit: SchoolHolidayHit): string {
  const first = isoWeekOf(hit.from).week;
  const last = isoWeekOf(hit.to).week;
  const weeks = first === last ? String(first) : `${first}–${last}`;
  // ';' and '|' separate the code's parts: keep them out of a free-text label.
  return `schoolHoliday|${hit.label.replace(/[;|]/g, ' ')};${weeks};${hit.from};${hit.to}`;
}
