import { calendarSyncAction, eventTransactionId, type CalendarEventRecord } from '../../domain/calendar/calendarEvent.js';
import { graphEventBody } from '../../domain/calendar/graphEvent.js';
import { meetingTitle, type MeetingRecord } from '../../domain/meeting.js';
import { messages } from '../../i18n/index.js';
import type { Stored } from '../../store/versionedRepository.js';
import { meetingStart } from '../meetings.js';
import type { Services } from '../services.js';
import { steeringAttendees, type RosterSource } from './attendees.js';
import { CalendarCallError, type CalendarApi } from './calendarApi.js';
import { clearSetupProblems, reportCalendarProblem } from './calendarProblems.js';

export interface CalendarDeps {
  api: CalendarApi;
  roster?: RosterSource;
}

export type CalendarSyncOutcome = 'created' | 'updated' | 'cancelled' | 'unchanged' | 'skipped';

const ACTOR = 'system:calendar';

/**
 * Brings the organizer's calendar in line with one meeting: creates the event (with a
 * Teams meeting and the steering group invited), updates it after a move, cancels it.
 * Converges on the meeting's current state, so it is safe to run again at any time.
 * Throws CalendarCallError when Graph failed; the record then says how far it got.
 */
export async function syncMeetingEvent(s: Services, deps: CalendarDeps, meetingId: string, opts: { refreshAttendees?: boolean } = {}): Promise<CalendarSyncOutcome> {
  const meeting = await s.repos.meetings.get(meetingId);
  if (!meeting) return 'skipped';
  const current = await s.repos.calendarEvents.get(meetingId);
  const action = calendarSyncAction(meeting.data, current?.data ?? null);
  switch (action.kind) {
    case 'none':
      // Same time, new roster: the attendee list is sent again (Graph mails only the changes).
      if (opts.refreshAttendees && meeting.data.status === 'confirmed' && current?.data.state === 'created') return updateEvent(s, deps, meeting.data, current);
      return 'unchanged';
    case 'cancel':
      return cancelEvent(s, deps, meeting.data, current!);
    case 'create':
      return createEvent(s, deps, meeting.data, action.generation, current?.data ?? null);
    case 'update':
      return updateEvent(s, deps, meeting.data, current!);
  }
}

async function createEvent(s: Services, deps: CalendarDeps, meeting: MeetingRecord, generation: number, current: CalendarEventRecord | null): Promise<CalendarSyncOutcome> {
  const transactionId = eventTransactionId(meeting.uid, generation);
  let pending = current?.state === 'creating' && current.transactionId === transactionId ? current.pendingCreate : undefined;
  // Unknown on a retried create (the attendees were looked up by the attempt that died).
  let missing: string[] | undefined;
  if (!pending) {
    // The record exists before anything can fail, so a problem has somewhere to be kept.
    await writeCreating(s, meeting.id, generation, transactionId, undefined);
    const invited = await steeringAttendees(s, deps.api, deps.roster);
    missing = invited.missing;
    pending = { sequence: meeting.sequence, body: eventBody(s, meeting, invited.attendees, transactionId) };
    // Stored before Graph is asked: a retry after a crash repeats this very create.
    await writeCreating(s, meeting.id, generation, transactionId, pending);
  }
  const ref = await deps.api.createEvent(pending.body);
  const sent = pending;
  await s.repos.calendarEvents.mutate(meeting.id, ACTOR, 'created', (cur) => ({
    meetingId: meeting.id,
    state: 'created',
    generation,
    transactionId,
    eventId: ref.id,
    iCalUId: ref.iCalUId,
    joinUrl: safeUrl(ref.joinUrl),
    webLink: ref.webLink,
    // The event shows the meeting as it was when the create was first sent; a move since then is an update still to do.
    syncedSequence: sent.sequence,
    attendeeCount: sent.body.attendees.length,
    updatedAt: s.clock().toISOString(),
    lastProblem: keptProblem(cur),
  }));
  await afterSync(s, meeting, missing);
  if (sent.sequence < meeting.sequence) return (await syncMeetingEvent(s, deps, meeting.id)) === 'updated' ? 'updated' : 'created';
  return 'created';
}

async function writeCreating(s: Services, meetingId: string, generation: number, transactionId: string, pendingCreate: CalendarEventRecord['pendingCreate']): Promise<void> {
  await s.repos.calendarEvents.mutate(meetingId, ACTOR, 'creating', (cur) => ({
    meetingId,
    state: 'creating',
    generation,
    transactionId,
    ...(pendingCreate ? { pendingCreate } : {}),
    syncedSequence: -1,
    attendeeCount: 0,
    updatedAt: s.clock().toISOString(),
    lastProblem: cur?.lastProblem,
  }));
}

async function updateEvent(s: Services, deps: CalendarDeps, meeting: MeetingRecord, current: Stored<CalendarEventRecord>): Promise<CalendarSyncOutcome> {
  const { attendees, missing } = await steeringAttendees(s, deps.api, deps.roster);
  try {
    const ref = await deps.api.updateEvent(current.data.eventId!, eventBody(s, meeting, attendees));
    await s.repos.calendarEvents.mutate(meeting.id, ACTOR, 'updated', (cur) =>
      cur && cur.eventId === current.data.eventId
        ? { ...cur, joinUrl: safeUrl(ref.joinUrl) ?? cur.joinUrl, webLink: ref.webLink ?? cur.webLink, syncedSequence: Math.max(cur.syncedSequence, meeting.sequence), attendeeCount: attendees.length, updatedAt: s.clock().toISOString(), lastProblem: keptProblem(cur) }
        : null,
    );
  } catch (error) {
    // Deleted in Outlook by someone: the meeting still stands, so it gets a new event.
    if (error instanceof CalendarCallError && error.kind === 'event-gone') {
      s.log.warn({ meetingId: meeting.id }, 'calendar event deleted outside Samverkan; creating a new one');
      return createEvent(s, deps, meeting, current.data.generation + 1, current.data);
    }
    throw error;
  }
  await afterSync(s, meeting, missing);
  return 'updated';
}

async function cancelEvent(s: Services, deps: CalendarDeps, meeting: MeetingRecord, current: Stored<CalendarEventRecord>): Promise<CalendarSyncOutcome> {
  const lang = s.config.DEFAULT_LOCALE;
  try {
    await deps.api.cancelEvent(current.data.eventId!, messages(lang).calendar.cancelComment(meetingTitle(meeting, lang)));
  } catch (error) {
    // Already gone (cancelled or deleted in Outlook): the calendar is as it should be.
    if (!(error instanceof CalendarCallError && error.kind === 'event-gone')) throw error;
  }
  await s.repos.calendarEvents.mutate(meeting.id, ACTOR, 'cancelled', (cur) =>
    cur ? { ...cur, state: 'cancelled', syncedSequence: meeting.sequence, updatedAt: s.clock().toISOString(), lastProblem: undefined } : null,
  );
  return 'cancelled';
}

function eventBody(s: Services, meeting: MeetingRecord, attendees: Parameters<typeof graphEventBody>[2], transactionId?: string) {
  const lang = s.config.DEFAULT_LOCALE;
  const texts = { body: messages(lang).calendar.eventBody(meetingTitle(meeting, lang), s.config.PUBLIC_URL) };
  return graphEventBody(meeting, meetingStart(s, meeting), attendees, { timeZone: s.config.TIMEZONE, lang, texts, transactionId });
}

/** A problem that a successful call does not cure stays; the others are over. */
function keptProblem(cur: CalendarEventRecord | null): CalendarEventRecord['lastProblem'] {
  return cur?.lastProblem?.code === 'attendees-missing' ? cur.lastProblem : undefined;
}

/** Only an https Teams link is shown as a button; anything else from Graph is dropped. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https:\/\//.test(url) ? url : undefined;
}

async function afterSync(s: Services, meeting: MeetingRecord, missing: string[] | undefined): Promise<void> {
  await clearSetupProblems(s);
  if (!missing) return;
  if (missing.length > 0) await reportCalendarProblem(s, meeting, { code: 'attendees-missing', names: missing });
  else await s.repos.calendarEvents.mutate(meeting.id, ACTOR, 'attendees-ok', (cur) => (cur?.lastProblem?.code === 'attendees-missing' ? { ...cur, lastProblem: undefined } : null));
}
