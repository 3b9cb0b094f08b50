/**
 * Swedish public holidays (helgdagar) plus the de facto days off (midsommarafton,
 * julafton, nyårsafton), computed for any Gregorian year by today's rules
 * (lag 1989:253 om allmänna helgdagar). No meeting, prompt or deadline lands on one.
 */
import { DomainError } from '../errors.js';
import { addDays, formatIsoDate, parseIsoDate, weekdayOf, type IsoDate } from './localDate.js';

export interface Holiday {
  date: IsoDate;
  name: string;
}

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertGregorianYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ year, month, day });
}

/** All holidays of `year`, sorted by date. Two may share a date (pingstdagen can fall on 6 June). */
export function swedishHolidays(year: number): Holiday[] {
  assertGregorianYear(year);
  const on = (month: number, day: number) => formatIsoDate({ year, month, day });
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    { date: on(1, 1), name: 'nyårsdagen' },
    { date: on(1, 6), name: 'trettondedag jul' },
    { date: addDays(easter, -2), name: 'långfredagen' },
    { date: easter, name: 'påskdagen' },
    { date: addDays(easter, 1), name: 'annandag påsk' },
    { date: on(5, 1), name: 'första maj' },
    { date: addDays(easter, 39), name: 'Kristi himmelsfärdsdag' },
    { date: on(6, 6), name: 'nationaldagen' },
    { date: addDays(easter, 49), name: 'pingstdagen' },
    { date: firstWeekdayFrom(on(6, 19), 5), name: 'midsommarafton' },
    { date: firstWeekdayFrom(on(6, 20), 6), name: 'midsommardagen' },
    { date: firstWeekdayFrom(on(10, 31), 6), name: 'alla helgons dag' },
    { date: on(12, 24), name: 'julafton' },
    { date: on(12, 25), name: 'juldagen' },
    { date: on(12, 26), name: 'annandag jul' },
    { date: on(12, 31), name: 'nyårsafton' },
  ];
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** The holiday's name, or null on an ordinary day. On a shared date, the one listed first above. */
export function isSwedishHoliday(date: IsoDate): string | null {
  const { year } = parseIsoDate(date);
  return holidaysByDate(year).get(date) ?? null;
}

// The plan asks about many days of the same few years; compute each year once.
const cache = new Map<number, Map<IsoDate, string>>();

function holidaysByDate(year: number): Map<IsoDate, string> {
  let byDate = cache.get(year);
  if (!byDate) {
    byDate = new Map();
    for (const h of swedishHolidays(year)) if (!byDate.has(h.date)) byDate.set(h.date, h.name);
    cache.set(year, byDate);
  }
  return byDate;
}

/** "The Friday/Saturday between X and X+6": the first such weekday on or after `from`. */
function firstWeekdayFrom(from: IsoDate, isoWeekday: number): IsoDate {
  return addDays(from, (isoWeekday - weekdayOf(from) + 7) % 7);
}

function assertGregorianYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new DomainError('invalid-input', `not a supported year: ${year}`, { fieldErrors: { year: 'gregorian-year' } });
  }
}
