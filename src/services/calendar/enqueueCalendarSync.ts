import { safeJobId, type CalendarJob } from '../../../jobs/queues.js';
import type { MeetingRecord } from '../../domain/meeting.js';
import type { Services } from '../services.js';

/**
 * Queues the calendar update for a meeting's change (Graph on only). The job id is per
 * meeting and sequence: a retried confirm/move/cancel queues it once.
 */
export async function enqueueCalendarSync(
  s: Services,
  meeting: Pick<MeetingRecord, 'id' | 'sequence'>,
  opts: { notice?: CalendarJob['notice']; refreshAttendees?: boolean; occasion?: string } = {},
): Promise<boolean> {
  if (!s.config.GRAPH_ENABLED) return false;
  const { notice, refreshAttendees, occasion } = opts;
  await s.queues.calendar.add(
    'sync',
    { meetingId: meeting.id, sequence: meeting.sequence, ...(notice ? { notice } : {}), ...(refreshAttendees ? { refreshAttendees } : {}) },
    { jobId: safeJobId('cal', meeting.id, `s${meeting.sequence}`, ...(occasion ? [occasion] : [])), attempts: s.config.GRAPH_ATTEMPTS },
  );
  return true;
}
