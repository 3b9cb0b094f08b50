import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { CalendarCallError } from '../../src/services/calendar/calendarApi.js';
import { reportCalendarProblem } from '../../src/services/calendar/calendarProblems.js';
import { syncMeetingEvent, type CalendarDeps } from '../../src/services/calendar/syncMeetingEvent.js';
import { meetingNoticeCardKey } from '../../src/services/meetings.js';
import { notifySteering } from '../../src/services/notices.js';
import type { Services } from '../../src/services/services.js';
import { calendarJobSchema, type CalendarJob } from '../queues.js';

/** One sync per meeting at a time, across every worker process. */
const LOCK_SECONDS = 300;
const LOCK_WAIT_MS = 1_000;
/** Throttling is Graph asking us to wait, not a failure; after this many waits it counts as one. */
const MAX_THROTTLES = 30;

/**
 * Runs a meeting's calendar sync. Throttling (429/503 with Retry-After) delays the job
 * by exactly that long without spending an attempt; set-up problems (credentials,
 * permission, mailbox) go to the chairs at once and are not retried; other failures are
 * retried with backoff and reported to the chairs after the last attempt (the job stays
 * in Bull Board's failed list). The meeting plan itself is never touched here.
 */
export function createCalendarSyncProcessor(s: Services, deps: CalendarDeps) {
  return async (job: Job<CalendarJob & { throttles?: number }>, token?: string): Promise<string> => {
    const parsed = calendarJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid calendar job data');
    const { meetingId, notice, refreshAttendees } = parsed.data;
    const lockValue = String(job.id);
    // Held by this very job: a worker that died mid-sync left it; the retry takes it over.
    const locked = (await s.repos.markers.setOnce('calendar-lock', meetingId, lockValue, LOCK_SECONDS)) || (await s.repos.markers.get('calendar-lock', meetingId)) === lockValue;
    if (!locked) {
      await job.moveToDelayed(Date.now() + LOCK_WAIT_MS, token);
      throw new DelayedError();
    }
    try {
      const outcome = await syncMeetingEvent(s, deps, meetingId, { refreshAttendees });
      if ((outcome === 'created' || outcome === 'updated') && notice) await refreshMeetingNotice(s, meetingId, notice);
      s.log.info({ jobId: job.id, meetingId, outcome }, 'calendar synced');
      return outcome;
    } catch (error) {
      if (!(error instanceof CalendarCallError)) throw error;
      await handleFailure(s, job, token, error);
      throw error;
    } finally {
      if ((await s.repos.markers.get('calendar-lock', meetingId)) === lockValue) await s.repos.markers.del('calendar-lock', meetingId);
    }
  };
}

async function handleFailure(s: Services, job: Job<CalendarJob & { throttles?: number }>, token: string | undefined, error: CalendarCallError): Promise<void> {
  const meeting = await s.repos.meetings.get(job.data.meetingId);
  if (!meeting) throw new UnrecoverableError('meeting gone');
  const { errorCode, httpStatus } = error.detail;
  const code = errorCode ?? (httpStatus ? `HTTP ${httpStatus}` : error.kind);
  await s.repos.metrics.incr(`calendar:${error.kind}`);
  if (error.kind === 'throttled') {
    const throttles = (job.data.throttles ?? 0) + 1;
    if (throttles <= MAX_THROTTLES) {
      await job.updateData({ ...job.data, throttles });
      await job.moveToDelayed(Date.now() + (error.detail.retryAfterMs ?? 5_000), token);
      throw new DelayedError();
    }
  }
  if (error.kind === 'credentials' || error.kind === 'permission' || error.kind === 'mailbox') {
    await reportCalendarProblem(s, meeting.data, { code: error.kind, errorCode: code, httpStatus });
    throw new UnrecoverableError(error.message);
  }
  if (error.kind === 'rejected') {
    await reportCalendarProblem(s, meeting.data, { code: 'failed', errorCode: code, httpStatus });
    throw new UnrecoverableError(error.message);
  }
  const attempts = job.opts.attempts ?? 1;
  if (job.attemptsMade + 1 >= attempts) await reportCalendarProblem(s, meeting.data, { code: error.kind === 'throttled' ? 'throttled' : 'failed', errorCode: code, httpStatus });
}

/** The steering channel's card for this change gets its Teams join link (updated in place). */
async function refreshMeetingNotice(s: Services, meetingId: string, notice: NonNullable<CalendarJob['notice']>): Promise<void> {
  const meeting = await s.repos.meetings.get(meetingId);
  if (!meeting) return;
  const sequence = meeting.data.sequence;
  await notifySteering(s, notice, { meetingId, occasion: `s${sequence}-calendar`, cardKey: meetingNoticeCardKey(meetingId, sequence), updateOnly: true });
}
