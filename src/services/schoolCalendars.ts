/**
 * The municipality's own läsårstider, entered by a chair for a year: stored per calendar
 * year and merged into the plan settings wherever a date is proposed or checked.
 */
import type { PlanSettings } from '../domain/calendar/planSettings.js';
import type { SchoolCalendar } from '../domain/calendar/schoolHolidays.js';
import { validateMeetingDate } from '../domain/calendar/yearPlan.js';
import type { MeetingRecord } from '../domain/meeting.js';
import { todayOf } from './promise/today.js';
import type { Services } from './services.js';

/** The plan settings with every entered läsårstider: what proposals and date checks use. */
export async function currentPlanSettings(s: Services): Promise<PlanSettings> {
  const calendars = (await s.repos.schoolCalendars.list()).map((c) => c.data);
  return calendars.length ? { ...s.planSettings, schoolCalendars: calendars } : s.planSettings;
}

/** Stores (or replaces) a year's läsårstider; returns the confirmed meetings that now fall in a lov. */
export async function saveSchoolCalendar(s: Services, calendar: SchoolCalendar, actor: string): Promise<MeetingRecord[]> {
  await s.repos.schoolCalendars.mutate(String(calendar.year), actor, 'set', (cur) => (cur && JSON.stringify(cur) === JSON.stringify(calendar) ? null : calendar));
  return meetingsInSchoolHolidays(s);
}

/** Back to the weekly rules for the year; false when nothing was entered. */
export async function removeSchoolCalendar(s: Services, year: number, actor: string): Promise<boolean> {
  if (!(await s.repos.schoolCalendars.get(String(year)))) return false;
  await s.repos.schoolCalendars.delete(String(year), actor, 'remove');
  return true;
}

/** Confirmed meetings still ahead that fall in a school holiday: the chair should move them. */
export async function meetingsInSchoolHolidays(s: Services): Promise<MeetingRecord[]> {
  const settings = await currentPlanSettings(s);
  // The group's local date: around midnight the UTC date is still yesterday's.
  const today = todayOf(s);
  return (await s.repos.meetings.list())
    .map((m) => m.data)
    .filter((m) => m.status === 'confirmed' && m.date >= today && validateMeetingDate(m.date, settings) === 'school-holiday')
    .sort((a, b) => a.date.localeCompare(b.date));
}
