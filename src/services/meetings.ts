import { meetingTimeline } from '../domain/calendar/timeline.js';
import type { PlanSettings } from '../domain/calendar/planSettings.js';
import { meetingInterval, validateMeetingDate } from '../domain/calendar/yearPlan.js';
import { isSwedishHoliday } from '../domain/calendar/holidays.js';
import { blockedPeriodAt } from '../domain/calendar/blockedPeriods.js';
import { schoolHolidayAt } from '../domain/calendar/schoolHolidays.js';
import { daysBetween, isIsoDate } from '../domain/calendar/localDate.js';
import { isWallTime } from '../domain/calendar/zonedTime.js';
import { DomainError, invalidInput, type FieldErrors } from '../domain/errors.js';
import { meetingId, type MeetingRecord } from '../domain/meeting.js';
import type { Stored } from '../store/versionedRepository.js';
import { removeTimeline, scheduleTimeline, type PlannedStep } from '../../jobs/timeline.js';
import { enqueueCalendarSync } from './calendar/enqueueCalendarSync.js';
import { notifySteering } from './notices.js';
import { schoolHolidayCode } from './schoolHolidayCode.js';
import { currentPlanSettings } from './schoolCalendars.js';
import type { Services } from './services.js';

export interface MeetingChoice {
  index: number;
  date: string;
  time: string;
}

const MIN_DAYS_APART = 28;

export function meetingStart(s: Services, m: Pick<MeetingRecord, 'date' | 'time' | 'durationMinutes'>): { start: Date; end: Date } {
  return meetingInterval(m.date, { time: m.time, durationMinutes: m.durationMinutes, timeZone: s.planSettings.timeZone });
}

/** The timeline steps of a meeting, plus the meeting day itself (a notice in the morning). */
export function plannedSteps(s: Services, m: MeetingRecord): PlannedStep[] {
  return meetingTimeline({ date: m.date, time: m.time }, s.planSettings).map((step) => ({ kind: step.kind, at: step.at }));
}

export const allStepKinds = (s: Services, m: MeetingRecord) => plannedSteps(s, m).map((x) => x.kind);

/** Field errors as catalog codes ("holiday|Påskdagen"), keyed by the card's input ids. */
function checkChoice(s: Services, settings: PlanSettings, year: number, c: MeetingChoice, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  const dateKey = `date${c.index}`;
  if (!isIsoDate(c.date)) errors[dateKey] = 'date';
  else if (Number(c.date.slice(0, 4)) !== year) errors[dateKey] = 'wrongYear';
  else {
    const problem = validateMeetingDate(c.date, settings);
    const lov = schoolHolidayAt(c.date, settings.schoolHolidays, settings.schoolCalendars);
    if (problem === 'holiday') errors[dateKey] = `holiday|${isSwedishHoliday(c.date)}`;
    else if (problem === 'school-holiday' && lov) errors[dateKey] = schoolHolidayCode(lov);
    else if (problem === 'blocked') errors[dateKey] = `blocked|${blockedPeriodAt(c.date, settings.blockedPeriods)?.label ?? ''}`;
    else if (problem === 'weekend') errors[dateKey] = 'weekend';
    else if (problem === 'invalid-date') errors[dateKey] = 'date';
  }
  if (!isWallTime(c.time)) errors[`time${c.index}`] = 'time';
  if (!errors[dateKey] && !errors[`time${c.index}`]) {
    const { start } = meetingStart(s, { date: c.date, time: c.time, durationMinutes: s.planSettings.durationMinutes });
    if (start.getTime() <= now.getTime()) errors[dateKey] = 'past';
  }
  return errors;
}

/** Checked against the plan settings with the entered läsårstider (currentPlanSettings). */
export function validatePlan(s: Services, settings: PlanSettings, year: number, choices: MeetingChoice[]): void {
  const now = s.clock();
  const errors: FieldErrors = Object.assign({}, ...choices.map((c) => checkChoice(s, settings, year, c, now)));
  const sorted = [...choices].sort((a, b) => a.index - b.index);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (!errors[`date${cur.index}`] && !errors[`date${prev.index}`] && isIsoDate(prev.date) && isIsoDate(cur.date) && daysBetween(prev.date, cur.date) < MIN_DAYS_APART) {
      errors[`date${cur.index}`] = 'order';
    }
  }
  if (Object.keys(errors).length > 0) throw invalidInput(errors);
}

/**
 * A chair confirms the year: each meeting is created, or moved when it already exists;
 * its timeline is (re)scheduled; the steering channel gets the invitations.
 */
export async function confirmPlan(s: Services, year: number, choices: MeetingChoice[], actor: string): Promise<Stored<MeetingRecord>[]> {
  validatePlan(s, await currentPlanSettings(s), year, choices);
  const result: Stored<MeetingRecord>[] = [];
  for (const c of choices) {
    const id = meetingId(year, c.index);
    const existing = await s.repos.meetings.get(id);
    const stored = existing
      ? existing.data.date === c.date && existing.data.time === c.time && existing.data.status === 'confirmed'
        ? existing
        : await applyMove(s, existing, c.date, c.time, actor)
      : await s.repos.meetings.create(
          id,
          { id, year, index: c.index, date: c.date, time: c.time, durationMinutes: s.planSettings.durationMinutes, status: 'confirmed', sequence: 0, uid: `samverkan-${id}-${cryptoRandom()}@samverkan` },
          actor,
          'confirm',
        );
    await ensureTimeline(s, stored.data);
    await announce(s, stored.data, 'meeting.invitation');
    result.push(stored);
  }
  return result;
}

function cryptoRandom(): string {
  return globalThis.crypto.randomUUID().slice(0, 8);
}

async function applyMove(s: Services, existing: Stored<MeetingRecord>, date: string, time: string, actor: string): Promise<Stored<MeetingRecord>> {
  return s.repos.meetings.update(existing.id, existing.version, { ...existing.data, date, time, status: 'confirmed', sequence: existing.data.sequence + 1 }, actor, 'move');
}

/** Moves one meeting; refused when the chair's card was based on an older version. */
export async function moveMeeting(s: Services, id: string, expectedVersion: number, date: string, time: string, actor: string): Promise<Stored<MeetingRecord>> {
  const existing = await s.repos.meetings.require(id);
  if (existing.data.status === 'cancelled') throw new DomainError('conflict', 'meeting cancelled');
  const index = existing.data.index;
  const choice = { index, date, time };
  const errors = checkChoice(s, await currentPlanSettings(s), existing.data.year, choice, s.clock());
  if (Object.keys(errors).length) throw invalidInput(errors);
  // The same spacing rule as the plan: the moved meeting keeps four weeks to the others.
  const others = (await s.repos.meetings.list()).filter((m) => m.data.year === existing.data.year && m.id !== id && m.data.status === 'confirmed');
  const neighbours = others.map((m) => m.data).sort((a, b) => a.index - b.index);
  const before = neighbours.filter((m) => m.index < index).pop();
  const after = neighbours.find((m) => m.index > index);
  if ((before && daysBetween(before.date, date) < MIN_DAYS_APART) || (after && daysBetween(date, after.date) < MIN_DAYS_APART)) {
    throw invalidInput({ [`date${index}`]: 'order' });
  }
  if (existing.version !== expectedVersion) throw new DomainError('stale-write', 'meeting changed', { entity: 'meeting', id, currentVersion: existing.version });
  const moved = await applyMove(s, existing, date, time, actor);
  await ensureTimeline(s, moved.data);
  await announce(s, moved.data, 'meeting.moved');
  return moved;
}

export async function cancelMeeting(s: Services, id: string, expectedVersion: number, actor: string): Promise<Stored<MeetingRecord>> {
  const existing = await s.repos.meetings.require(id);
  if (existing.data.status === 'cancelled') return existing;
  const cancelled = await s.repos.meetings.update(id, expectedVersion, { ...existing.data, status: 'cancelled', sequence: existing.data.sequence + 1 }, actor, 'cancel');
  await removeTimeline(s.queues.timeline, id, allStepKinds(s, existing.data));
  await notifySteering(s, 'meeting.cancelled', { meetingId: id, occasion: `s${cancelled.data.sequence}` });
  await enqueueCalendarSync(s, cancelled.data);
  return cancelled;
}

/** The key of the steering channel's invitation/moved card of a meeting at a sequence. */
export const meetingNoticeCardKey = (meetingId: string, sequence: number) => `meeting-notice-${meetingId}-s${sequence}`;

/**
 * Tells the steering channel, and (Graph on) queues the Outlook/Teams event's update,
 * which then adds the Teams join link to this very card.
 */
async function announce(s: Services, m: MeetingRecord, template: 'meeting.invitation' | 'meeting.moved'): Promise<void> {
  await notifySteering(s, template, { meetingId: m.id, occasion: `s${m.sequence}`, cardKey: meetingNoticeCardKey(m.id, m.sequence) });
  await enqueueCalendarSync(s, m, { notice: template });
}

export const stepDoneMarker = (m: Pick<MeetingRecord, 'id' | 'sequence'>, kind: string) => `${m.id}.${kind}.s${m.sequence}`;

/** Idempotent: used on confirm, move and by the reconcile tick. */
export async function ensureTimeline(s: Services, m: MeetingRecord) {
  if (m.status !== 'confirmed') return { added: [], kept: [] };
  return scheduleTimeline(s.queues.timeline, m, plannedSteps(s, m), s.clock(), async (kind) => (await s.repos.markers.get('timeline', stepDoneMarker(m, kind))) !== null);
}

export async function listMeetings(s: Services): Promise<Stored<MeetingRecord>[]> {
  const all = await s.repos.meetings.list();
  return all.sort((a, b) => (a.data.date + a.data.time).localeCompare(b.data.date + b.data.time));
}

/**
 * The organisation's time zone changed: each future confirmed meeting keeps its local date
 * and time but is a new instant, so it gets a new sequence (timeline, reminders and
 * invitations follow, like a move). `s` is built with the new settings.
 */
export async function rescheduleForTimeZone(s: Services, actor: string): Promise<number> {
  const today = s.clock().toISOString().slice(0, 10);
  let moved = 0;
  for (const m of await s.repos.meetings.list()) {
    if (m.data.status !== 'confirmed' || m.data.date < today) continue;
    await removeTimeline(s.queues.timeline, m.id, allStepKinds(s, m.data));
    const again = await applyMove(s, m, m.data.date, m.data.time, actor);
    await ensureTimeline(s, again.data);
    await announce(s, again.data, 'meeting.moved');
    moved++;
  }
  return moved;
}
