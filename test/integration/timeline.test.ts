import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reconcileTimelines } from '../../jobs/reconcile.js';
import { MISSED_STEP_GRACE_MS, timelineJobId } from '../../jobs/timeline.js';
import { timelineStepKinds } from '../../src/domain/calendar/timelineSteps.js';
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import { DomainError } from '../../src/domain/errors.js';
import type { MeetingRecord } from '../../src/domain/meeting.js';
import { cancelMeeting, confirmPlan, ensureTimeline, moveMeeting, plannedSteps, stepDoneMarker, type MeetingChoice } from '../../src/services/meetings.js';
import { noticeJobId } from '../../src/services/notices.js';
import type { Services } from '../../src/services/services.js';
import { makeTestServices, type TestServices } from '../support/services.js';

const NOW = new Date('2027-01-10T08:00:00Z');
/** Steps per meeting (7 in the design notes; the list may grow). */
const K = timelineStepKinds.length;
const STEERING_CONVERSATION = '19:steering-channel@thread.tacv2';

let t: TestServices;
let s: Services;

beforeEach(async () => {
  t = await makeTestServices({ now: NOW });
  s = t.s;
});

afterEach(async () => {
  await t.cleanup();
});

/** The proposed (valid) plan for 2027 as the chair's choices: 03-03, 05-19, 10-27 with the defaults (3 Nov is höstlov, week 44). */
function proposedChoices(): MeetingChoice[] {
  return proposeYearPlan(2027, s.planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time }));
}

async function registerSteering(): Promise<void> {
  await s.repos.steering.create('styrgrupp', { conversationId: STEERING_CONVERSATION, registeredBy: 'chair-1', registeredAt: NOW.toISOString(), extraChairIds: [], memberIds: [] }, 'chair-1');
}

const delayedCount = () => s.queues.timeline.raw.getDelayedCount();

async function timelineCounts() {
  return s.queues.timeline.raw.getJobCounts('delayed', 'waiting', 'active', 'completed', 'failed', 'prioritized');
}

/** Every timeline job of the meeting matches its planned steps for the current clock and sequence. */
async function expectTimelineJobs(m: MeetingRecord, now: Date) {
  const steps = plannedSteps(s, m);
  expect(steps.map((x) => x.kind).sort()).toEqual([...timelineStepKinds].sort());
  for (const step of steps) {
    const job = await s.queues.timeline.getJob(timelineJobId(m.id, step.kind));
    expect(job, `${m.id} ${step.kind}`).toBeDefined();
    expect(job!.id).toBe(`${s.org.id}.tl-${m.id}-${step.kind}`);
    expect(job!.name).toBe(step.kind);
    expect(job!.data).toEqual({ orgId: s.org.id, meetingId: m.id, kind: step.kind, sequence: m.sequence });
    expect(job!.opts.delay).toBe(step.at.getTime() - now.getTime());
    expect(await job!.getState()).toBe('delayed');
  }
}

async function expectDomainError(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('confirmPlan schedules the timelines', () => {
  it('creates three meetings, each with one delayed job per step (7+) with deterministic ids and correct delays', async () => {
    const choices = proposedChoices();
    expect(choices.map((c) => c.date)).toEqual(['2027-03-03', '2027-05-19', '2027-10-27']);
    const stored = await confirmPlan(s, 2027, choices, 'chair-1');

    expect(stored.map((m) => [m.id, m.version, m.data.date, m.data.time, m.data.status, m.data.sequence])).toEqual([
      ['2027-1', 1, '2027-03-03', '13:00', 'confirmed', 0],
      ['2027-2', 1, '2027-05-19', '13:00', 'confirmed', 0],
      ['2027-3', 1, '2027-10-27', '13:00', 'confirmed', 0],
    ]);
    expect(await s.repos.meetings.ids()).toEqual(['2027-1', '2027-2', '2027-3']);
    expect((await s.repos.audit.list('meeting', '2027-1')).map((a) => [a.actor, a.action, a.version])).toEqual([['chair-1', 'confirm', 1]]);

    expect(await delayedCount()).toBe(3 * K);
    for (const m of stored) await expectTimelineJobs(m.data, NOW);
    // Spot-check one delay by hand: the prompt of meeting 1 is 2027-02-10 09:00 Stockholm (08:00Z).
    const prompt = await s.queues.timeline.getJob('tl-2027-1-prompt');
    expect(prompt!.opts.delay).toBe(Date.parse('2027-02-10T08:00:00Z') - NOW.getTime());
    // Meeting 2 is in summer time: remind7 2027-05-12 09:00 CEST = 07:00Z.
    const remind7 = await s.queues.timeline.getJob('tl-2027-2-remind7');
    expect(remind7!.opts.delay).toBe(Date.parse('2027-05-12T07:00:00Z') - NOW.getTime());
  });

  it('confirming again and ensureTimeline add no duplicates', async () => {
    const first = await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    const again = await confirmPlan(s, 2027, proposedChoices(), 'chair-2');
    expect(again.map((m) => m.version)).toEqual([1, 1, 1]);
    expect(again.map((m) => m.data.uid)).toEqual(first.map((m) => m.data.uid));
    expect(await delayedCount()).toBe(3 * K);

    t.clock.advance(3600_000);
    for (const m of first) {
      const r = await ensureTimeline(s, m.data);
      expect(r.added).toEqual([]);
      expect(r.kept.sort()).toEqual([...timelineStepKinds].sort());
    }
    expect(await delayedCount()).toBe(3 * K);
    expect(await timelineCounts()).toMatchObject({ delayed: 3 * K, waiting: 0, active: 0, completed: 0, failed: 0 });
    // Delays were set once, relative to the first confirm.
    for (const m of first) await expectTimelineJobs(m.data, NOW);
  });

  it('re-confirming with a changed date moves that meeting only', async () => {
    await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    const changed = proposedChoices().map((c) => (c.index === 3 ? { ...c, date: '2027-11-10', time: '10:00' } : c));
    const stored = await confirmPlan(s, 2027, changed, 'chair-1');
    expect(stored.map((m) => [m.version, m.data.sequence])).toEqual([
      [1, 0],
      [1, 0],
      [2, 1],
    ]);
    expect(await delayedCount()).toBe(3 * K);
    await expectTimelineJobs(stored[2]!.data, NOW);
  });
});

describe('moveMeeting and cancelMeeting', () => {
  it('moveMeeting replaces the jobs: new sequence, new delays, still one per step', async () => {
    const [m1] = await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    t.clock.set('2027-01-20T10:00:00Z');
    const moved = await moveMeeting(s, '2027-1', m1!.version, '2027-03-10', '15:00', 'chair-1');
    expect(moved).toMatchObject({ version: 2, data: { date: '2027-03-10', time: '15:00', sequence: 1, status: 'confirmed', uid: m1!.data.uid } });
    expect(await delayedCount()).toBe(3 * K);
    await expectTimelineJobs(moved.data, t.clock());
    const prompt = await s.queues.timeline.getJob('tl-2027-1-prompt');
    expect(prompt!.opts.delay).toBe(Date.parse('2027-02-17T08:00:00Z') - Date.parse('2027-01-20T10:00:00Z'));
    expect((await s.repos.audit.list('meeting', '2027-1')).map((a) => [a.action, a.version, a.fields])).toEqual([
      ['confirm', 1, expect.any(Array)],
      ['move', 2, ['date', 'sequence', 'time']],
    ]);

    // Reconfirming the same (moved) plan is a no-op.
    await ensureTimeline(s, moved.data);
    expect(await delayedCount()).toBe(3 * K);
  });

  it('moveMeeting refuses a stale version, an invalid date, and a cancelled meeting', async () => {
    const [m1] = await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    await moveMeeting(s, '2027-1', m1!.version, '2027-03-10', '13:00', 'chair-1');
    const stale = await expectDomainError(moveMeeting(s, '2027-1', m1!.version, '2027-03-17', '13:00', 'chair-2'));
    expect(stale.reason).toBe('stale-write');
    expect(stale.details.currentVersion).toBe(2);

    const invalid = await expectDomainError(moveMeeting(s, '2027-1', 2, '2027-03-13', '25:00', 'chair-1'));
    expect(invalid.reason).toBe('invalid-input');
    expect(invalid.details.fieldErrors).toEqual({ date1: 'weekend', time1: 'time' });
    expect((await s.repos.meetings.require('2027-1')).data.date).toBe('2027-03-10');

    const cancelled = await cancelMeeting(s, '2027-1', 2, 'chair-1');
    expect((await expectDomainError(moveMeeting(s, '2027-1', cancelled.version, '2027-03-17', '13:00', 'chair-1'))).reason).toBe('conflict');
    expect(await delayedCount()).toBe(2 * K);
  });

  it('moveMeeting refuses a date in a school holiday, naming it, and changes nothing', async () => {
    const [, , m3] = await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    const jobsBefore = (await s.queues.timeline.raw.getDelayed()).map((j) => [j.id, j.opts.delay]).sort();
    const refused = await expectDomainError(moveMeeting(s, '2027-3', m3!.version, '2027-11-03', '13:00', 'chair-1'));
    expect(refused.reason).toBe('invalid-input');
    expect(refused.details.fieldErrors).toEqual({ date3: 'schoolHoliday|höstlov;44;2027-11-01;2027-11-07' });
    expect(await s.repos.meetings.require('2027-3')).toMatchObject({ version: m3!.version, data: { date: '2027-10-27' } });
    expect((await s.queues.timeline.raw.getDelayed()).map((j) => [j.id, j.opts.delay]).sort()).toEqual(jobsBefore);
    // The week after höstlov is free.
    expect((await moveMeeting(s, '2027-3', m3!.version, '2027-11-10', '13:00', 'chair-1')).data.date).toBe('2027-11-10');
  });

  it('cancelMeeting removes the meeting’s jobs and leaves the others', async () => {
    const [m1] = await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    const cancelled = await cancelMeeting(s, '2027-1', m1!.version, 'chair-1');
    expect(cancelled.data).toMatchObject({ status: 'cancelled', sequence: 1 });
    for (const kind of timelineStepKinds) expect(await s.queues.timeline.getJob(timelineJobId('2027-1', kind))).toBeUndefined();
    expect(await delayedCount()).toBe(2 * K);
    // Cancelling twice is harmless; ensureTimeline and reconcile do not bring it back.
    expect((await cancelMeeting(s, '2027-1', cancelled.version, 'chair-1')).version).toBe(cancelled.version);
    expect(await ensureTimeline(s, cancelled.data)).toEqual({ added: [], kept: [] });
    expect(await reconcileTimelines(s)).toEqual({ meetings: 3, added: 0, calendar: 0 });
    expect(await delayedCount()).toBe(2 * K);
  });

  it('cancelMeeting refuses a stale version and keeps the jobs', async () => {
    await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    const m1 = await s.repos.meetings.require('2027-1');
    await moveMeeting(s, '2027-1', m1.version, '2027-03-10', '13:00', 'chair-1');
    expect((await expectDomainError(cancelMeeting(s, '2027-1', m1.version, 'chair-2'))).reason).toBe('stale-write');
    expect(await delayedCount()).toBe(3 * K);
  });
});

describe('invalid plans are refused and store nothing', () => {
  const valid = { 1: '2027-03-03', 2: '2027-05-19', 3: '2027-10-27' } as const;
  const plan = (overrides: Partial<Record<1 | 2 | 3, string>>): MeetingChoice[] =>
    ([1, 2, 3] as const).map((index) => ({ index, date: overrides[index] ?? valid[index], time: '13:00' }));

  it.each([
    ['a Swedish holiday (Kristi himmelsfärd)', plan({ 2: '2027-05-06' }), { date2: 'holiday|Kristi himmelsfärdsdag' }],
    ['a weekend', plan({ 2: '2027-05-22' }), { date2: 'weekend' }],
    ['a date in another year', plan({ 3: '2028-03-01' }), { date3: 'wrongYear' }],
    ['a date in the past', plan({ 1: '2027-01-08' }), { date1: 'past' }],
    ['two meetings one week apart', plan({ 2: '2027-03-10' }), { date2: 'order' }],
    ['sportlov (week 8 by default)', plan({ 1: '2027-02-24' }), { date1: 'schoolHoliday|sportlov;8;2027-02-22;2027-02-28' }],
    ['höstlov (week 44)', plan({ 3: '2027-11-03' }), { date3: 'schoolHoliday|höstlov;44;2027-11-01;2027-11-07' }],
    ['not a date', plan({ 1: '2027-02-30' }), { date1: 'date' }],
    ['several problems at once', plan({ 1: '2027-01-08', 2: '2027-05-22', 3: '2028-03-01' }), { date1: 'past', date2: 'weekend', date3: 'wrongYear' }],
  ])('%s', async (_label, choices, fieldErrors) => {
    await registerSteering();
    const e = await expectDomainError(confirmPlan(s, 2027, choices, 'chair-1'));
    expect(e.reason).toBe('invalid-input');
    expect(e.details.fieldErrors).toEqual(fieldErrors);
    expect(await s.repos.meetings.ids()).toEqual([]);
    expect(await s.queues.timeline.raw.getJobCounts()).toSatisfy((c: Record<string, number>) => Object.values(c).every((n) => n === 0));
    expect(await s.queues.notify.raw.getJobCounts()).toSatisfy((c: Record<string, number>) => Object.values(c).every((n) => n === 0));
  });

  it('an invalid time is reported on the time field', async () => {
    const choices = plan({}).map((c) => (c.index === 3 ? { ...c, time: '9:00' } : c));
    const e = await expectDomainError(confirmPlan(s, 2027, choices, 'chair-1'));
    expect(e.details.fieldErrors).toEqual({ time3: 'time' });
    expect(await s.repos.meetings.ids()).toEqual([]);
  });
});

describe('reconcileTimelines', () => {
  it('re-creates a job that was deleted by hand', async () => {
    const stored = await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    const id = timelineJobId('2027-2', 'remind3');
    await (await s.queues.timeline.getJob(id))!.remove();
    expect(await s.queues.timeline.getJob(id)).toBeUndefined();
    expect(await delayedCount()).toBe(3 * K - 1);

    t.clock.advance(60_000);
    expect(await reconcileTimelines(s)).toEqual({ meetings: 3, added: 1, calendar: 0 });
    const job = await s.queues.timeline.getJob(id);
    expect(job!.data).toEqual({ orgId: s.org.id, meetingId: '2027-2', kind: 'remind3', sequence: 0 });
    const step = plannedSteps(s, stored[1]!.data).find((x) => x.kind === 'remind3')!;
    expect(job!.opts.delay).toBe(step.at.getTime() - t.clock().getTime());
    expect(await delayedCount()).toBe(3 * K);
    // A second tick finds nothing to do.
    expect(await reconcileTimelines(s)).toEqual({ meetings: 3, added: 0, calendar: 0 });
  });

  it('does not re-create a job whose done marker is set', async () => {
    const [m1] = await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    await s.repos.markers.set('timeline', stepDoneMarker(m1!.data, 'prompt'), NOW.toISOString());
    await (await s.queues.timeline.getJob(timelineJobId('2027-1', 'prompt')))!.remove();
    expect(await reconcileTimelines(s)).toEqual({ meetings: 3, added: 0, calendar: 0 });
    expect(await s.queues.timeline.getJob(timelineJobId('2027-1', 'prompt'))).toBeUndefined();
    expect(await delayedCount()).toBe(3 * K - 1);
  });

  it('the done marker is per sequence: after a move the step is scheduled again', async () => {
    const [m1] = await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    await s.repos.markers.set('timeline', stepDoneMarker(m1!.data, 'prompt'));
    await (await s.queues.timeline.getJob(timelineJobId('2027-1', 'prompt')))!.remove();
    const moved = await moveMeeting(s, '2027-1', m1!.version, '2027-03-10', '13:00', 'chair-1');
    expect((await s.queues.timeline.getJob(timelineJobId('2027-1', 'prompt')))!.data.sequence).toBe(moved.data.sequence);
    expect(await delayedCount()).toBe(3 * K);
  });

  it('does not schedule a step missed by more than the grace period, but fires a recently missed one now', async () => {
    // Confirm first, then lose every job and come back just after meeting 1's remind7 (2027-02-24 08:00Z).
    await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    await s.queues.timeline.raw.obliterate({ force: true });
    t.clock.set(new Date(Date.parse('2027-02-24T08:00:00Z') + 60_000));
    const r = await reconcileTimelines(s);
    // Meeting 1: prompt (two weeks ago) is gone for good; remind7 (a minute ago) fires now; later steps as usual.
    expect(await s.queues.timeline.getJob(timelineJobId('2027-1', 'prompt'))).toBeUndefined();
    const remind7 = await s.queues.timeline.getJob(timelineJobId('2027-1', 'remind7'));
    expect(remind7!.opts.delay).toBe(0);
    expect(r.added).toBe(K - 1 + K + K);
    expect(MISSED_STEP_GRACE_MS).toBeGreaterThan(60_000);
  });
});

describe('notices on confirm, move and cancel', () => {
  const invitationId = (meetingId: string, sequence = 0) => noticeJobId('meeting.invitation', { meetingId, occasion: `s${sequence}` }, STEERING_CONVERSATION);

  it('without a steering record, no notice is enqueued', async () => {
    await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    expect(await s.queues.notify.raw.getJobCountByTypes('waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed')).toBe(0);
  });

  it('with a steering record: one invitation per meeting to the steering conversation, even when confirmed twice', async () => {
    await registerSteering();
    await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    expect(await s.queues.notify.raw.getPrioritizedCount()).toBe(3); // every notice carries a fairness priority
    for (const meetingId of ['2027-1', '2027-2', '2027-3']) {
      const job = await s.queues.notify.getJob(invitationId(meetingId));
      expect(job, meetingId).toBeDefined();
      expect(job!.name).toBe('meeting.invitation');
      expect(job!.data).toEqual({ orgId: s.org.id, conversationId: STEERING_CONVERSATION, template: 'meeting.invitation', meetingId, cardKey: `meeting-notice-${meetingId}-s0` });
      expect(job!.id).not.toContain(':');
    }
  });

  it('move and cancel send one notice each, per sequence', async () => {
    await registerSteering();
    const [m1] = await confirmPlan(s, 2027, proposedChoices(), 'chair-1');
    const moved = await moveMeeting(s, '2027-1', m1!.version, '2027-03-10', '13:00', 'chair-1');
    await cancelMeeting(s, '2027-1', moved.version, 'chair-1');
    await cancelMeeting(s, '2027-1', moved.version + 1, 'chair-1');
    const jobs = await s.queues.notify.raw.getJobs(['prioritized']);
    // Every job id carries the organisation (`<orgId>.`); the rest is the use-case's own id.
    expect(jobs.every((j) => j.id!.startsWith(`${s.org.id}.`))).toBe(true);
    const ids = jobs.map((j) => j.id!.slice(s.org.id.length + 1)).sort();
    expect(ids).toEqual(
      [
        invitationId('2027-1'),
        invitationId('2027-2'),
        invitationId('2027-3'),
        noticeJobId('meeting.moved', { meetingId: '2027-1', occasion: 's1' }, STEERING_CONVERSATION),
        noticeJobId('meeting.cancelled', { meetingId: '2027-1', occasion: 's2' }, STEERING_CONVERSATION),
      ].sort(),
    );
    for (const j of jobs) expect(j.data.conversationId).toBe(STEERING_CONVERSATION);
    // Job data holds ids only; invitations and moves keep their card (the Teams join link is added in place).
    for (const j of jobs) {
      const keys = j.data.template === 'meeting.cancelled' ? ['conversationId', 'meetingId', 'orgId', 'template'] : ['cardKey', 'conversationId', 'meetingId', 'orgId', 'template'];
      expect(Object.keys(j.data).sort()).toEqual(keys);
    }
    expect(jobs.find((j) => j.data.template === 'meeting.moved')!.data.cardKey).toBe('meeting-notice-2027-1-s1');
  });
});
