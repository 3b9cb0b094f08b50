import { MessageFactory, type Activity } from 'botbuilder';
import { meetingTitle } from '../domain/meeting.js';
import type { NotifyJob } from '../../jobs/queues.js';
import type { Catalog, Lang } from '../i18n/index.js';
import type { Services } from '../services/services.js';

/**
 * The chairs' message about a calendar problem (Microsoft Graph). The job carries ids
 * only; what went wrong is read from the meeting's calendar record.
 */
export async function renderCalendarNotice(s: Services, job: NotifyJob, m: Catalog, lang: Lang): Promise<Partial<Activity> | null> {
  if (!job.meetingId) return null;
  const [meeting, record] = await Promise.all([s.repos.meetings.get(job.meetingId), s.repos.calendarEvents.get(job.meetingId)]);
  const problem = record?.data.lastProblem;
  if (!meeting || !problem) return null;
  const p = m.calendar.problem;
  const mailbox = s.config.GRAPH_ORGANIZER ?? '';
  const code = problem.errorCode ?? (problem.httpStatus ? `HTTP ${problem.httpStatus}` : '');
  const what = {
    credentials: () => p.credentials(code),
    permission: () => p.permission(mailbox, code),
    mailbox: () => p.mailbox(mailbox, code),
    'attendees-missing': () => p.attendeesMissing((problem.names ?? []).join(', ')),
    throttled: () => p.failed(s.config.GRAPH_ATTEMPTS, code),
    failed: () => p.failed(s.config.GRAPH_ATTEMPTS, code),
  }[problem.code]();
  if (problem.code === 'attendees-missing') return MessageFactory.text(`**${p.attendeesTitle}**\n\n${what}`);
  return MessageFactory.text(`**${p.title(meetingTitle(meeting.data, lang))}**\n\n${what}\n\n${p.planUnaffected}`);
}
