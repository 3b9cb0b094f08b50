/**
 * Proposes the year's meetings: one per window, on the configured weekday, clear of
 * holidays and blocked periods, as close to the middle of the window as possible.
 * The chair then confirms or moves each date (validateMeetingDate).
 */
import { DomainError } from '../errors.js';
import { blockedPeriodAt } from './blockedPeriods.js';
import { isSwedishHoliday } from './holidays.js';
import { schoolHolidayAt } from './schoolHolidays.js';
import { addDays, daysBetween, isIsoDate, isoDateRange, isWeekend, monthDayInYear, weekdayOf, type IsoDate } from './localDate.js';
import type { PlanSettings, PlanWindow } from './planSettings.js';
import { zonedToUtc, type WallTime } from './zonedTime.js';

export interface ProposedMeeting {
  /** 1-based position in the year (1 = the first window). */
  index: 1 | 2 | 3;
  windowLabel: string;
  date: IsoDate;
  /** Wall-clock start in settings.timeZone. */
  time: WallTime;
  start: Date;
  end: Date;
  durationMinutes: number;
}

/** Why a chair's chosen date is refused. Another weekday than the configured one is fine. */
export type MeetingDateProblem = 'invalid-date' | 'holiday' | 'weekend' | 'school-holiday' | 'blocked';

/** What decides whether a day is free: the blocked periods and the school holidays. */
export type DateRules = Pick<PlanSettings, 'blockedPeriods' | 'schoolHolidays' | 'schoolCalendars'>;

export function validateMeetingDate(date: IsoDate, settings: DateRules): MeetingDateProblem | null {
  if (!isIsoDate(date)) return 'invalid-date';
  if (isSwedishHoliday(date) !== null) return 'holiday';
  if (isWeekend(date)) return 'weekend';
  if (schoolHolidayAt(date, settings.schoolHolidays, settings.schoolCalendars) !== null) return 'school-holiday';
  if (blockedPeriodAt(date, settings.blockedPeriods) !== null) return 'blocked';
  return null;
}

export function proposeYearPlan(year: number, settings: PlanSettings): ProposedMeeting[] {
  return settings.windows.map((window, i) => {
    const date = pickDate(year, window, settings);
    if (date === null) {
      throw new DomainError('invalid-input', `no eligible meeting day in window "${window.label}" ${year}`, {
        fieldErrors: { [`windows.${i}`]: `no-eligible-day: ${window.label}` },
      });
    }
    return {
      index: (i + 1) as ProposedMeeting['index'], // the schema allows at most three windows
      windowLabel: window.label,
      date,
      time: settings.time,
      ...meetingInterval(date, settings),
      durationMinutes: settings.durationMinutes,
    };
  });
}

/** The meeting's start and end instants; also used when a chair moves a meeting. */
export function meetingInterval(
  date: IsoDate,
  settings: Pick<PlanSettings, 'time' | 'timeZone' | 'durationMinutes'>,
): { start: Date; end: Date } {
  const start = zonedToUtc(date, settings.time, settings.timeZone);
  return { start, end: new Date(start.getTime() + settings.durationMinutes * 60_000) };
}

function pickDate(year: number, window: PlanWindow, settings: PlanSettings): IsoDate | null {
  const from = monthDayInYear(year, window.from);
  const to = monthDayInYear(year, window.to);
  // Twice the distance to the middle keeps it in whole days for even-length windows.
  const span = daysBetween(from, to);
  const distance = (d: IsoDate) => Math.abs(2 * daysBetween(from, d) - span);
  const candidates = isoDateRange(from, to)
    .filter((d) => weekdayOf(d) === settings.weekday)
    .sort((a, b) => distance(a) - distance(b) || daysBetween(b, a)); // tie → earlier
  return candidates.find((d) => isEligible(d, settings)) ?? null;
}

/**
 * A meeting day must itself be free, and so must the days forums act on: the day
 * the input card goes out and the deadline day.
 */
function isEligible(date: IsoDate, settings: PlanSettings): boolean {
  if (validateMeetingDate(date, settings) !== null) return false;
  const { prompt, deadline } = settings.timeline;
  return [prompt.offsetDays, deadline.offsetDays].every((offset) => isSwedishHoliday(addDays(date, offset)) === null);
}
