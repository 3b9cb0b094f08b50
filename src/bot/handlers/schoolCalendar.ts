/**
 * `läsårstider [år] [lov datum–datum, …]`: shows the year's school holidays (the
 * municipality's own dates or the default weeks), or lets a chair enter or remove the
 * municipality's läsårstider for a year.
 */
import type { TurnContext } from 'botbuilder';
import { isoWeekOf } from '../../domain/calendar/isoWeek.js';
import { parseSchoolCalendarArg, type SchoolCalendarProblem } from '../../domain/calendar/schoolCalendarText.js';
import { schoolHolidaysOfYear } from '../../domain/calendar/schoolHolidays.js';
import { utcToZoned } from '../../domain/calendar/zonedTime.js';
import { meetingTitle } from '../../domain/meeting.js';
import { can } from '../../domain/roles.js';
import type { Catalog } from '../../i18n/index.js';
import { currentPlanSettings, removeSchoolCalendar, saveSchoolCalendar } from '../../services/schoolCalendars.js';
import { replyText } from '../reply.js';
import type { RequestContext } from '../requestContext.js';

export async function schoolCalendarCommand(rc: RequestContext, ctx: TurnContext, arg: string | undefined): Promise<void> {
  const t = rc.m.schoolHolidays;
  const request = parseSchoolCalendarArg(arg);
  switch (request.kind) {
    case 'invalid':
      return replyText(ctx, `${problemText(rc.m, request.problem)}\n\n${t.usage(t.example)}`);
    case 'show': {
      const year = request.year ?? Number(utcToZoned(rc.s.clock(), rc.s.planSettings.timeZone).date.slice(0, 4)) + 1;
      return replyText(ctx, await yearText(rc, year));
    }
    case 'remove': {
      if (!can(rc.roles, 'planYear')) return replyText(ctx, t.chairOnly);
      const removed = await removeSchoolCalendar(rc.s, request.year, rc.actorId);
      return replyText(ctx, removed ? t.removed(request.year) : t.nothingToRemove(request.year));
    }
    case 'set': {
      if (!can(rc.roles, 'planYear')) return replyText(ctx, t.chairOnly);
      const { year } = request.calendar;
      const before = await rc.s.repos.schoolCalendars.get(String(year));
      const conflicts = await saveSchoolCalendar(rc.s, request.calendar, rc.actorId);
      const after = await rc.s.repos.schoolCalendars.require(String(year));
      const lead = before && before.version === after.version ? t.unchanged(year) : t.saved(year);
      const warning = conflicts.length ? `\n\n${t.conflicts(conflicts.map((m) => t.conflictLine(meetingTitle(m, rc.lang), m.date)).join('\n'))}` : '';
      return replyText(ctx, `${lead}\n\n${await yearText(rc, year)}${warning}`);
    }
    default: {
      const unhandled: never = request;
      return unhandled;
    }
  }
}

async function yearText(rc: RequestContext, year: number): Promise<string> {
  const t = rc.m.schoolHolidays;
  const settings = await currentPlanSettings(rc.s);
  const own = settings.schoolCalendars.some((c) => c.year === year);
  const lines = schoolHolidaysOfYear(year, settings.schoolHolidays, settings.schoolCalendars).map((h) => {
    const [first, last] = [isoWeekOf(h.from).week, isoWeekOf(h.to).week];
    return t.line(h.label, first === last ? String(first) : `${first}–${last}`, h.from, h.to);
  });
  const years = settings.schoolCalendars.map((c) => c.year).sort((a, b) => a - b);
  const entered = years.length ? t.entered(years.join(', ')) : t.noneEntered;
  const usage = can(rc.roles, 'planYear') ? `\n\n${t.usage(t.example)}` : '';
  return `${t.yearTitle(year, own)}\n${lines.join('\n')}\n\n${entered}${usage}`;
}

function problemText(m: Catalog, p: SchoolCalendarProblem): string {
  const t = m.schoolHolidays.problems;
  switch (p.code) {
    case 'year':
      return t.year;
    case 'format':
      return t.format(p.item);
    case 'endsBeforeStart':
      return t.endsBeforeStart(p.item);
    case 'tooLong':
      return t.tooLong(p.item, p.maxDays);
    case 'otherYear':
      return t.otherYear(p.item, p.year);
    case 'tooMany':
      return t.tooMany(p.max);
    default: {
      const unhandled: never = p;
      return unhandled;
    }
  }
}
