/**
 * Wall-clock time in an IANA zone ⇄ UTC instants, using only Intl.DateTimeFormat.
 *
 * The meeting plan speaks wall-clock ("Wednesday 13:00 in Stockholm"), while jobs and
 * calendars need instants. The zone's UTC offset changes twice a year, so the offset
 * is always looked up for the instant in question, never assumed.
 */
import { formatIsoDate, isIsoDate, parseIsoDate, type IsoDate } from './localDate.js';

/** 'HH:MM', 24-hour clock. */
export type WallTime = string;

export interface ZonedDateTime {
  date: IsoDate;
  time: WallTime;
}

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export function isWallTime(value: string): boolean {
  return WALL_TIME.test(value);
}

/** Zones found valid: building a DateTimeFormat to ask costs ~0.1 ms, and every settings read asks. */
const validZones = new Set<string>();

export function isValidTimeZone(timeZone: string): boolean {
  if (validZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  // A few hundred IANA names and aliases (any letter case is accepted, hence the cap); unknown names are not kept.
  if (validZones.size < 1_000) validZones.add(timeZone);
  return true;
}

export function utcToZoned(instant: Date, timeZone: string): ZonedDateTime {
  const p = zonedParts(instant.getTime(), timeZone);
  return { date: formatIsoDate(p), time: `${pad2(p.hour)}:${pad2(p.minute)}` };
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`.
 *
 * - Spring forward (a local time that never happens, e.g. 02:30 on the last Sunday of
 *   March in Stockholm): the next valid instant, i.e. the moment of the change (03:00).
 * - Fall back (a local time that happens twice): the first occurrence, as RFC 5545 does.
 */
export function zonedToUtc(date: IsoDate, time: WallTime, timeZone: string): Date {
  const { wall, before, after, occurrences } = resolve(date, time, timeZone);
  return occurrences[0] ?? new Date(firstInstantAfterGap(wall, before, after, timeZone));
}

/**
 * Every instant at which the wall clock shows `date` `time`: one on ordinary days,
 * none inside a spring-forward gap, two inside a fall-back overlap.
 */
export function wallTimeOccurrences(date: IsoDate, time: WallTime, timeZone: string): Date[] {
  return resolve(date, time, timeZone).occurrences;
}

function resolve(date: IsoDate, time: WallTime, timeZone: string) {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  if (!isWallTime(time)) throw new RangeError(`not a wall time (HH:MM): ${time}`);
  const { year, month, day } = parseIsoDate(date);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = new Date(0).setUTCFullYear(year, month - 1, day) + hour * HOUR_MS + minute * MINUTE_MS;

  // No zone changes its offset twice within two days, so the offsets a day before and
  // after bracket every possible answer; sorted, the first occurrence comes first.
  const before = offsetAt(wall - 24 * HOUR_MS, timeZone);
  const after = offsetAt(wall + 24 * HOUR_MS, timeZone);
  const occurrences = [...new Set([wall - before, wall - after])]
    .sort((a, b) => a - b)
    .filter((t) => wallClockAt(t, timeZone) === wall)
    .map((t) => new Date(t));
  return { wall, before, after, occurrences };
}

/** Offset of local wall-clock from UTC at `instant`, in ms (Stockholm summer: +2 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000; // Intl has no milliseconds
  return wallClockAt(wholeSecond, timeZone) - wholeSecond;
}

/**
 * Inside a gap the wall time is skipped: every instant before the change shows an
 * earlier wall time, every instant after shows a later one. Binary-search the change
 * (offsets change on whole minutes in every zone in use).
 */
function firstInstantAfterGap(wall: number, before: number, after: number, timeZone: string): number {
  let lo = Math.floor((wall - after) / MINUTE_MS); // shows a wall time before the gap
  let hi = Math.ceil((wall - before) / MINUTE_MS); // shows a wall time after the gap
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallClockAt(mid * MINUTE_MS, timeZone) < wall) lo = mid;
    else hi = mid;
  }
  return hi * MINUTE_MS;
}

/** The wall-clock reading at `instant`, encoded as if it were a UTC timestamp. */
function wallClockAt(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return new Date(0).setUTCFullYear(p.year, p.month - 1, p.day) + p.hour * HOUR_MS + p.minute * MINUTE_MS + p.second * 1000;
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function zonedParts(instant: number, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

// Building a DateTimeFormat is costly; one per zone is plenty.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short', // keeps 'year' as a plain number even for odd calendars/eras
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
