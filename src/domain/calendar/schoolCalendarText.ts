/**
 * The `läsårstider` command's argument: a year, then the municipality's lov as dates.
 *   läsårstider 2027                      → show the year's school holidays
 *   läsårstider 2027 sportlov 2027-03-01–2027-03-05, höstlov 2027-11-01–2027-11-05
 *   läsårstider 2027 ta bort              → back to the weekly rules (SCHOOL_HOLIDAYS)
 * Pure: text in, a request or the first problem out.
 */
import { isIsoDate, parseIsoDate } from './localDate.js';
import { MAX_SCHOOL_HOLIDAY_DAYS, schoolCalendarSchema, type SchoolCalendar } from './schoolHolidays.js';

export type SchoolCalendarProblem =
  | { code: 'year' }
  | { code: 'format'; item: string }
  | { code: 'endsBeforeStart'; item: string }
  | { code: 'tooLong'; item: string; maxDays: number }
  | { code: 'otherYear'; item: string; year: number }
  | { code: 'tooMany'; max: number };

export type SchoolCalendarRequest =
  | { kind: 'show'; year: number | undefined }
  | { kind: 'remove'; year: number }
  | { kind: 'set'; calendar: SchoolCalendar }
  | { kind: 'invalid'; problem: SchoolCalendarProblem };

const MAX_PERIODS = 12;
const REMOVE = /^(ta bort|radera|remove|delete)$/i;
// "höstlov 2027-11-01–2027-11-05", "påsklov 2027-04-06 .. 2027-04-09", "studiedag 2027-10-15"
const ITEM = /^(.+?)\s+(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|–|—|-|till|to)\s*(\d{4}-\d{2}-\d{2}))?$/i;
// The same item, unanchored and sticky: a date (range) ends an item, so a missing comma
// ("sportlov 2027-03-01–2027-03-05 höstlov 2027-11-01–2027-11-05") still separates two.
const NEXT_ITEM = /\s*(.+?)\s+\d{4}-\d{2}-\d{2}(?:\s*(?:\.\.|–|—|-|till|to)\s*\d{4}-\d{2}-\d{2})?(?=\s|$)/iy;
const HAS_DATE = /\d{4}-\d{2}-\d{2}/;

/** A chunk between separators cut into its items; the whole chunk when it is not a list of them. */
function itemsOf(chunk: string): string[] {
  const items: string[] = [];
  for (let at = 0; at < chunk.length; ) {
    NEXT_ITEM.lastIndex = at;
    const m = NEXT_ITEM.exec(chunk);
    if (!m) return [chunk]; // reported as a format error with the chunk as written
    items.push(m[0].trim());
    at = NEXT_ITEM.lastIndex;
    if (!chunk.slice(at).trim()) break;
  }
  return items;
}

export function parseSchoolCalendarArg(arg: string | undefined): SchoolCalendarRequest {
  const text = (arg ?? '').trim();
  if (!text) return { kind: 'show', year: undefined };
  const m = /^(\d{4})(?:\s+([\s\S]+))?$/.exec(text);
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < 2000 || year > 2100) return { kind: 'invalid', problem: { code: 'year' } };
  const rest = m[2]?.trim();
  if (!rest) return { kind: 'show', year };
  if (REMOVE.test(rest)) return { kind: 'remove', year };

  const items = rest.split(/[,;\n]+/).map((x) => x.trim()).filter(Boolean).flatMap(itemsOf);
  if (items.length > MAX_PERIODS) return { kind: 'invalid', problem: { code: 'tooMany', max: MAX_PERIODS } };
  const periods: SchoolCalendar['periods'] = [];
  for (const item of items) {
    const p = ITEM.exec(item);
    // A date inside the label is an item run into the next one: refuse it rather than lose a lov.
    if (!p || HAS_DATE.test(p[1]!) || !isIsoDate(p[2]!) || (p[3] !== undefined && !isIsoDate(p[3]))) return { kind: 'invalid', problem: { code: 'format', item } };
    const period = { label: p[1]!.trim().slice(0, 60), from: p[2]!, to: p[3] ?? p[2]! };
    if (parseIsoDate(period.from).year !== year) return { kind: 'invalid', problem: { code: 'otherYear', item, year } };
    if (period.to < period.from) return { kind: 'invalid', problem: { code: 'endsBeforeStart', item } };
    periods.push(period);
  }
  const parsed = schoolCalendarSchema.safeParse({ year, periods });
  if (!parsed.success) {
    // What the checks above leave to the schema: a lov longer than a sommarlov.
    const index = Number(parsed.error.issues[0]?.path[1] ?? 0);
    return { kind: 'invalid', problem: { code: 'tooLong', item: items[index] ?? items[0]!, maxDays: MAX_SCHOOL_HOLIDAY_DAYS } };
  }
  return { kind: 'set', calendar: parsed.data };
}
