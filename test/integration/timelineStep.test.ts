import { Worker, type Job } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTimelineStepProcessor } from '../../jobs/processors/timelineStep.js';
import { queueNames, type TimelineJob } from '../../jobs/queues.js';
import { reconcileTimelines } from '../../jobs/reconcile.js';
import { timelineJobId } from '../../jobs/timeline.js';
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import { cancelMeeting, confirmPlan, moveMeeting, stepDoneMarker } from '../../src/services/meetings.js';
import { noticeJobId } from '../../src/services/notices.js';
import type { Services } from '../../src/services/services.js';
import { makeTestServices, type TestServices } from '../support/services.js';

const NOW = new Date('2027-01-10T08:00:00Z');
const STEERING_CONVERSATION = '19:steering-channel@thread.tacv2';
const reminderJobId = (meetingId: string, sequence: number) =>
  noticeJobId('meeting.reminder7', { meetingId, occasion: `s${sequence}` }, STEERING_CONVERSATION);

let t: TestServices;
let s: Services;

beforeEach(async () => {
  t = await makeTestServices({ now: NOW });
  s = t.s;
  await s.repos.steering.create('styrgrupp', { conversationId: STEERING_CONVERSATION, registeredBy: 'chair-1', registeredAt: NOW.toISOString(), extraChairIds: [], memberIds: [] }, 'chair-1');
});

afterEach(async () => {
  await t.cleanup();
});

async function confirmYear() {
  const choices = proposeYearPlan(2027, s.planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time }));
  return confirmPlan(s, 2027, choices, 'chair-1');
}

/** A real job with hand-made data, added to the timeline queue far in the future and read back. */
async function extraJob(id: string, data: TimelineJob): Promise<Job<TimelineJob>> {
  await s.queues.timeline.add(data.kind ?? 'x', data, { jobId: id, delay: 365 * 24 * 3600_000 });
  const job = await s.queues.timeline.getJob(id);
  if (!job) throw new Error(`no job ${id}`);
  return job;
}

/** The real job as stored in the timeline queue. */
async function timelineJob(meetingId: string, kind: string): Promise<Job<TimelineJob>> {
  const job = await s.queues.timeline.getJob(timelineJobId(meetingId, kind));
  if (!job) throw new Error(`no job ${meetingId} ${kind}`);
  return job;
}

const notifyTemplates = async () => (await s.queues.notify.raw.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed'])).map((j) => j.data.template).sort();

describe('timeline step processor (run directly on real jobs)', () => {
  it('remind7 for a confirmed meeting enqueues one reminder to the steering channel and sets the done marker; a re-run does nothing', async () => {
    const [m1] = await confirmYear();
    const job = await timelineJob('2027-1', 'remind7');
    const run = createTimelineStepProcessor(s);
    t.clock.set('2027-02-24T08:00:00Z');

    expect(await run(job)).toBe('notified meeting.reminder7');
    const reminder = await s.queues.notify.getJob(reminderJobId('2027-1', 0));
    expect(reminder!.name).toBe('meeting.reminder7');
    expect(reminder!.data).toEqual({ orgId: s.org.id, conversationId: STEERING_CONVERSATION, template: 'meeting.reminder7', meetingId: '2027-1' });
    expect(await s.repos.markers.get('timeline', stepDoneMarker(m1!.data, 'remind7'))).toBe('2027-02-24T08:00:00.000Z');

    const before = await notifyTemplates();
    t.clock.advance(60_000);
    expect(await run(job)).toBe('skipped: already done');
    expect(await notifyTemplates()).toEqual(before);
    expect(before.filter((x) => x === 'meeting.reminder7')).toHaveLength(1);
    expect(await s.repos.markers.get('timeline', stepDoneMarker(m1!.data, 'remind7'))).toBe('2027-02-24T08:00:00.000Z');
  });

  it('a step without a notice (prompt) only sets its marker', async () => {
    const [m1] = await confirmYear();
    const before = await notifyTemplates();
    expect(await createTimelineStepProcessor(s)(await timelineJob('2027-1', 'prompt'))).toBe('done');
    expect(await notifyTemplates()).toEqual(before);
    expect(await s.repos.markers.get('timeline', stepDoneMarker(m1!.data, 'prompt'))).not.toBeNull();
  });

  it('skips a job whose sequence is older than the meeting’s (moved meeting)', async () => {
    const [m1] = await confirmYear();
    const oldJob = await timelineJob('2027-1', 'remind7');
    expect(oldJob.data.sequence).toBe(0);
    const moved = await moveMeeting(s, '2027-1', m1!.version, '2027-03-10', '13:00', 'chair-1');
    expect((await timelineJob('2027-1', 'remind7')).data.sequence).toBe(1);

    expect(await createTimelineStepProcessor(s)(oldJob)).toBe('skipped: meeting moved');
    expect(await s.queues.notify.getJob(reminderJobId('2027-1', 0))).toBeUndefined();
    expect(await s.queues.notify.getJob(reminderJobId('2027-1', 1))).toBeUndefined();
    expect(await s.repos.markers.get('timeline', stepDoneMarker(m1!.data, 'remind7'))).toBeNull();
    expect(await s.repos.markers.get('timeline', stepDoneMarker(moved.data, 'remind7'))).toBeNull();

    // The current job still works and notifies for the new sequence.
    expect(await createTimelineStepProcessor(s)(await timelineJob('2027-1', 'remind7'))).toBe('notified meeting.reminder7');
    expect(await s.queues.notify.getJob(reminderJobId('2027-1', 1))).toBeDefined();
  });

  it('skips a cancelled meeting’s step', async () => {
    const [m1] = await confirmYear();
    const job = await timelineJob('2027-1', 'remind7');
    const cancelled = await cancelMeeting(s, '2027-1', m1!.version, 'chair-1');
    // Even a job carrying the cancelled sequence is skipped.
    const sameSequence = await extraJob('x-same-sequence', { ...job.data, sequence: cancelled.data.sequence });
    for (const j of [job, sameSequence]) expect(await createTimelineStepProcessor(s)(j)).toBe('skipped: no confirmed meeting');
    expect(await notifyTemplates()).not.toContain('meeting.reminder7');
    expect(await s.repos.markers.get('timeline', stepDoneMarker(m1!.data, 'remind7'))).toBeNull();
  });

  it('skips a step of a meeting that does not exist, and refuses malformed data as unrecoverable', async () => {
    await confirmYear();
    const ghost = await extraJob('x-ghost', { meetingId: '2031-1', kind: 'remind7', sequence: 0 });
    expect(await createTimelineStepProcessor(s)(ghost)).toBe('skipped: no confirmed meeting');
    const malformed = await extraJob('x-malformed', { meetingId: '2027-1', kind: 'remind7' } as unknown as TimelineJob);
    await expect(createTimelineStepProcessor(s)(malformed)).rejects.toMatchObject({ name: 'UnrecoverableError' });
  });
});

describe('timeline step processed by a real BullMQ worker', () => {
  it('fires remind7 when its delay elapses and enqueues exactly one reminder', async () => {
    // One second before meeting 1's remind7 (2027-02-24 09:00 Stockholm = 08:00Z).
    t.clock.set(new Date(Date.parse('2027-02-24T08:00:00Z') - 1_000));
    await confirmYear();
    const job = await timelineJob('2027-1', 'remind7');
    expect(job.opts.delay).toBe(1_000);
    expect(await job.getState()).toBe('delayed');

    const worker = new Worker<TimelineJob>(queueNames.timeline, createTimelineStepProcessor(s), {
      connection: t.newQueueConnection(),
      prefix: t.queuePrefix,
      concurrency: 2,
    });
    t.onCleanup(() => worker.close());
    const failures: string[] = [];
    worker.on('failed', (j, err) => failures.push(`${j?.id}: ${err.message}`));
    const done = new Promise<{ id: string | undefined; result: unknown }>((resolve) => {
      worker.on('completed', (j, result) => {
        if (j.id === job.id) resolve({ id: j.id, result });
      });
    });

    const completed = await done;
    expect(completed.result).toBe('notified meeting.reminder7');
    expect(failures).toEqual([]);
    const reminder = await s.queues.notify.getJob(reminderJobId('2027-1', 0));
    expect(reminder!.data).toEqual({ orgId: s.org.id, conversationId: STEERING_CONVERSATION, template: 'meeting.reminder7', meetingId: '2027-1' });
    expect(await (await timelineJob('2027-1', 'remind7')).getState()).toBe('completed');
    // Only that step ran: every other step of every meeting is still delayed.
    expect(await s.queues.timeline.raw.getJobCounts('completed', 'failed', 'active')).toEqual({ completed: 1, failed: 0, active: 0 });
    await worker.close();

    // Reconcile after the step fired: the completed job (current sequence) is kept, nothing re-added.
    expect((await reconcileTimelines(s)).added).toBe(0);
    // Even when the completed job is gone (removeOnComplete), the done marker stops a re-add.
    await (await timelineJob('2027-1', 'remind7')).remove();
    expect((await reconcileTimelines(s)).added).toBe(0);
  });
});
