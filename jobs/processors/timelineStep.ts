import { UnrecoverableError, type Job } from 'bullmq';
import { notifySteering } from '../../src/services/notices.js';
import { stepDoneMarker } from '../../src/services/meetings.js';
import type { Services } from '../../src/services/services.js';
import type { MeetingRecord } from '../../src/domain/meeting.js';
import { promptForums } from '../../src/services/inputs/prompts.js';
import { escalateMissing, remindForums } from '../../src/services/inputs/reminders.js';
import { promiseTimelineStep } from '../../src/services/promise/timelineHooks.js';
import { lagesbildTimelineStep } from '../../src/services/lagesbild/publish.js';
import { timelineJobSchema, type NoticeTemplate, type TimelineJob } from '../queues.js';

/** Which notice each step sends in this release; later features hook their work in here. */
const stepNotices: Partial<Record<string, NoticeTemplate>> = {
  remind7: 'meeting.reminder7',
  deadline: 'meeting.deadline',
  meetingDay: 'meeting.meetingDay',
};

/**
 * Fires one step of a meeting's timeline. Skips when the meeting moved (older sequence)
 * or was cancelled; the done marker makes a re-run after a crash harmless.
 */
export function createTimelineStepProcessor(s: Services) {
  return async (job: Job<TimelineJob>): Promise<string> => {
    const parsed = timelineJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid timeline job data');
    const { meetingId, kind, sequence } = parsed.data;
    const meeting = await s.repos.meetings.get(meetingId);
    if (!meeting || meeting.data.status !== 'confirmed') return 'skipped: no confirmed meeting';
    if (meeting.data.sequence !== sequence) return 'skipped: meeting moved';
    const marker = stepDoneMarker(meeting.data, kind);
    if ((await s.repos.markers.get('timeline', marker)) !== null) return 'skipped: already done';
    const template = stepNotices[kind];
    if (template) await notifySteering(s, template, { meetingId, occasion: `s${sequence}` });
    await runInputStep(s, meeting.data, kind, `s${sequence}`);
    // Medborgarlöfte: owners asked for their follow-up at 'prompt', the chairs' decisions card at 'decisions'.
    await promiseTimelineStep(s, meeting.data, kind);
    // Lägesbild: the compile at the deadline, publication (or a reminder to the chairs) at T−1.
    await lagesbildTimelineStep(s, meeting.data, kind);
    await s.repos.markers.set('timeline', marker, s.clock().toISOString());
    s.log.info({ meetingId, kind, sequence }, 'timeline step done');
    return template ? `notified ${template}` : 'done';
  };
}

/** The inspel cycle's part of the timeline: prompt at T−21, reminders, escalation at the deadline. */
async function runInputStep(s: Services, meeting: MeetingRecord, kind: string, occasion: string): Promise<void> {
  switch (kind) {
    case 'prompt':
      await promptForums(s, meeting, occasion);
      return;
    case 'remind7':
    case 'remind3':
    case 'remind1':
      await remindForums(s, meeting, `${kind}-${occasion}`);
      return;
    case 'deadline':
      await escalateMissing(s, meeting, occasion);
      return;
    default:
      return;
  }
}
