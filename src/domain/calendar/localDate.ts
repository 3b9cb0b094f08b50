/**
 * Plain calendar dates as ISO strings ('YYYY-MM-DD'), with no time of day and no
 * time zone. Meeting days, holidays and blocked periods are all "days on the wall
 * calendar"; keeping them as strings avoids the classic off-by-one of a JS Date
 * silently shifting a day when read in another zone. Arithmetic goes through
 * Date.UTC, where every day is exactly 24 hours.
 */
export type IsoDate = string;

/** A month and day without a year, 'MM-DD' — for yearly recurring ranges. */
export type MonthDay = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

// Plain boolean predicates, not type guards: IsoDate is an alias of string, so a guard
// would narrow the false branch to `never`.
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * 'MM-DD' that exists in every year. 02-29 is refused on purpose: a yearly range
 * ending on a day that exists only every fourth year is a configuration trap.
 */
export function isMonthDay(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  if (!m) return false;
  const [month, day] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2001, month);
}

export function parseIsoDate(date: IsoDate): DateParts {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: IsoDate): number {
  const sundayIsZero = new Date(toEpochDay(date) * DAY_MS).getUTCDay();
  return sundayIsZero === 0 ? 7 : sundayIsZero;
}

export function isWeekend(date: IsoDate): boolean {
  return weekdayOf(date) >= 6;
}

/** Negative, zero or positive like a sort comparator (ISO strings sort lexically). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Every date from `from` to `to`, both inclusive; empty when `to` < `from`. */
export function isoDateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const start = toEpochDay(from);
  const count = toEpochDay(to) - start + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => fromEpochDay(start + i));
}

export function monthDayOf(date: IsoDate): MonthDay {
  return date.slice(5);
}

export function monthDayInYear(year: number, monthDay: MonthDay): IsoDate {
  const date = `${String(year).padStart(4, '0')}-${monthDay}`;
  if (!isIsoDate(date)) throw new RangeError(`not a valid month-day in ${year}: ${monthDay}`);
  return date;
}

function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Math.round(utcMidnight(year, month, day) / DAY_MS);
}

/** Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not. */
function utcMidnight(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function fromEpochDay(epochDay: number): IsoDate {
  const d = new Date(epochDay * DAY_MS);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
