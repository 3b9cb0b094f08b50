import { createHash } from 'node:crypto';
import type { CalendarProblem } from '../../domain/calendar/calendarEvent.js';
import type { MeetingRecord } from '../../domain/meeting.js';
import { chairConversations } from '../inputs/chairs.js';
import { enqueueNotice } from '../notices.js';
import type { Services } from '../services.js';

export type ProblemReport = Omit<CalendarProblem, 'sequence' | 'at'>;

/**
 * Keeps the problem on the meeting's calendar record (the meeting list shows it) and
 * tells the chairs once: per problem and meeting sequence, or per set of missing people.
 */
export async function reportCalendarProblem(s: Services, meeting: Pick<MeetingRecord, 'id' | 'sequence' | 'uid'>, report: ProblemReport): Promise<void> {
  const problem: CalendarProblem = { ...report, sequence: meeting.sequence, at: s.clock().toISOString() };
  const stored = await s.repos.calendarEvents.mutate(meeting.id, 'system:calendar', `problem:${report.code}`, (cur) => (cur ? { ...cur, lastProblem: problem } : null));
  if (!stored) return;
  s.log.warn({ meetingId: meeting.id, problem: report.code, errorCode: report.errorCode, httpStatus: report.httpStatus }, 'calendar problem');
  const occasion =
    report.code === 'attendees-missing'
      ? `missing-${createHash('sha256').update((report.names ?? []).join('\n')).digest('hex').slice(0, 12)}`
      : `${report.code}-s${meeting.sequence}-g${stored.data.generation}`;
  for (const conversationId of await chairConversations(s)) {
    await enqueueNotice(s, conversationId, 'calendar.problem', { meetingId: meeting.id, occasion });
  }
}
