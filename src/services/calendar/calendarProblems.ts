import { createHash } from 'node:crypto';
import type { CalendarProblem } from '../../domain/calendar/calendarEvent.js';
import type { MeetingRecord } from '../../domain/meeting.js';
import { chairConversations } from '../inputs/chairs.js';
import { enqueueNotice } from '../notices.js';
import type { Services } from '../services.js';

export type ProblemReport = Omit<CalendarProblem, 'sequence' | 'at'>;

/**
 * Keeps the problem on the meeting's calendar record (the meeting list shows it) and
 * tells the chairs once per cause (see sharedCause), else once per problem and meeting sequence.
 */
export async function reportCalendarProblem(s: Services, meeting: Pick<MeetingRecord, 'id' | 'sequence' | 'uid'>, report: ProblemReport): Promise<void> {
  const problem: CalendarProblem = { ...report, sequence: meeting.sequence, at: s.clock().toISOString() };
  const stored = await s.repos.calendarEvents.mutate(meeting.id, 'system:calendar', `problem:${report.code}`, (cur) => (cur ? { ...cur, lastProblem: problem } : null));
  if (!stored) return;
  s.log.warn({ meetingId: meeting.id, problem: report.code, errorCode: report.errorCode, httpStatus: report.httpStatus }, 'calendar problem');
  // The same cause behind every meeting's sync is one message, not one per meeting: missing
  // people once per set of names, a set-up problem (secret, permission, mailbox) once a day.
  const shared = sharedCause(report);
  if (shared && !(await s.repos.markers.setOnce('calendar-told', shared.key, meeting.id, shared.ttlSeconds))) return;
  const occasion = `${report.code}-s${meeting.sequence}-g${stored.data.generation}`;
  for (const conversationId of await chairConversations(s)) {
    await enqueueNotice(s, conversationId, 'calendar.problem', { meetingId: meeting.id, occasion });
  }
}

function sharedCause(report: ProblemReport): { key: string; ttlSeconds: number } | null {
  if (report.code === 'attendees-missing') {
    return { key: `missing-${createHash('sha256').update((report.names ?? []).join('\n')).digest('hex').slice(0, 16)}`, ttlSeconds: 90 * 24 * 3600 };
  }
  if (report.code === 'credentials' || report.code === 'permission' || report.code === 'mailbox') {
    return { key: `setup-${report.code}`, ttlSeconds: 24 * 3600 };
  }
  return null;
}

/** Graph answered: a set-up problem that comes back later is news again. */
export async function clearSetupProblems(s: Services): Promise<void> {
  await Promise.all((['credentials', 'permission', 'mailbox'] as const).map((code) => s.repos.markers.del('calendar-told', `setup-${code}`)));
}
