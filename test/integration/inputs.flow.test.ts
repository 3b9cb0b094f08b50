import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineJobId } from '../../jobs/timeline.js';
import { meetingTimeline } from '../../src/domain/calendar/timeline.js';
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { confirmPlan } from '../../src/services/meetings.js';
import { CHAIR, MEMBER, channel, invokeExecute, message, mentionMessage } from '../support/activities.js';
import type { CapturedActivity } from '../support/fakeConnector.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * The whole inspel cycle with a controllable clock, real Redis, the real worker and a
 * local fake Bot Connector: prompts, answers, an edit, a late answer, reminders on each
 * of the three days, and the deadline escalation.
 */
const CONTACT = { id: '29:contact', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000003', name: 'Kontakt Påhittad' };
const forums = ['Berga', 'Ryd', 'Skäggetorp', 'Lambohov', 'Johannelund'].map((d, i) => ({
  name: `Trygghetsrådet ${d}`,
  district: d,
  channelId: `19:forum-${i}@thread.tacv2`,
}));
const STEERING = '19:steering@thread.tacv2';
const CHAIR_CHAT = 'a:chair-personal';
const CONTACT_CHAT = 'a:contact-personal';

let t: TestRuntime;
let meetingId: string;
let stepAt: (kind: string) => Date;

const cardJson = (r: CapturedActivity) => JSON.stringify(r.activity.attachments?.[0]?.content ?? r.activity.text ?? '');
const where = (id: string, name = 'Kanal') => channel(t.connector.url, id, name);
const personal = (id: string) => ({ conversationId: id, conversationType: 'personal' as const, serviceUrl: t.connector.url });

async function runStep(kind: string): Promise<void> {
  t.clock.set(stepAt(kind));
  const job = await t.runtime.services.queues.timeline.getJob(timelineJobId(meetingId, kind));
  expect(job, `timeline job ${kind}`).toBeTruthy();
  await job!.promote();
  await eventually(async () => (await job!.getState()) === 'completed', `step ${kind} completed`);
}

async function drained(): Promise<void> {
  await eventually(async () => {
    const c = await t.runtime.services.queues.notify.raw.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).every((n) => n === 0);
  }, 'notify queue drained');
}

const remindersTo = (since: number) =>
  t.connector.received.filter((r) => r.at >= since && cardJson(r).includes('har inte lämnat inspel')).map((r) => r.conversationId).sort();

function answerData(i: number, extra: Record<string, unknown> = {}) {
  return { meetingId, forumId: forumIds[i], trend_0: 'samre', situation_0: 'Mer oro kring centrumet på kvällarna.', themes: 'narkotika', q1: 'Hur ser polisens närvaro ut i centrum?', q1prio: 'hog', sensitivity: 'oppen', ...extra };
}
let forumIds: string[] = [];

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-01-10T08:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, DISTRICTS: forums.map((f) => f.district).join(',') } });
  const s = t.runtime.services;
  await t.post(mentionMessage(where(STEERING, 'Styrgrupp'), CHAIR, 'registrera styrgrupp'));
  await t.post(message(personal(CHAIR_CHAT), CHAIR, 'hjälp'));
  await t.post(message(personal(CONTACT_CHAT), CONTACT, 'hjälp'));
  for (const f of forums) {
    const res = await t.post(invokeExecute(where(f.channelId, f.name), CHAIR, 'forum.save', { name: f.name, kind: 'trygghetsrad', districts: f.district }));
    expect(JSON.stringify(res.body), JSON.stringify(res.body).slice(0, 600)).toContain('är registrerat');
  }
  forumIds = (await s.repos.forums.list()).sort((a, b) => forums.findIndex((f) => f.channelId === a.data.conversationId) - forums.findIndex((f) => f.channelId === b.data.conversationId)).map((f) => f.id);
  // The contact person of Skäggetorp says so in its channel, and has a personal chat with the bot.
  await t.post(mentionMessage(where(forums[2]!.channelId), CONTACT, 'jag är kontaktperson'));
  const proposal = proposeYearPlan(2027, s.planSettings);
  await confirmPlan(s, 2027, proposal.map((p) => ({ index: p.index, date: p.date, time: p.time })), CHAIR.aadObjectId);
  meetingId = '2027-1';
  const meeting = (await s.repos.meetings.require(meetingId)).data;
  const steps = meetingTimeline({ date: meeting.date, time: meeting.time }, s.planSettings);
  stepAt = (kind) => steps.find((x) => x.kind === kind)!.at;
  await drained();
});

afterAll(async () => {
  await t?.cleanup();
});

describe('the inspel cycle', () => {
  it('posts the input card to every active forum at T−21 and tells the steering channel', async () => {
    const since = Date.now();
    await runStep('prompt');
    await drained();
    const cards = t.connector.received.filter((r) => r.at >= since && r.method === 'POST' && cardJson(r).includes('Skicka inspel'));
    expect(cards.map((c) => c.conversationId).sort()).toEqual(forums.map((f) => f.channelId).sort());
    expect(t.connector.to(STEERING).some((r) => String(r.activity.text).includes('Inspelskort har skickats till 5 forum'))).toBe(true);
  });

  it('stores answers, refreshes the card in place for everyone, and refuses non-members', async () => {
    const outsider = await t.post(invokeExecute(where('19:elsewhere@thread.tacv2'), MEMBER, 'input.submit', answerData(0)));
    expect(JSON.stringify(outsider.body)).toContain('Bara forumets ledamöter');

    for (const i of [0, 1]) {
      const res = await t.post(invokeExecute(where(forums[i]!.channelId), MEMBER, 'input.submit', answerData(i)));
      expect(JSON.stringify(res.body)).toContain('Tack! Ert inspel är sparat.');
    }
    // Berga edits its answer from the card it saw (version 1).
    const edit = await t.post(invokeExecute(where(forums[0]!.channelId), MEMBER, 'input.submit', answerData(0, { version: 1, trend_0: 'battre' })));
    expect(JSON.stringify(edit.body)).toContain('Bättre');
    const stored = await t.runtime.services.repos.answers.require(answerId(meetingId, forumIds[0]!));
    expect(stored.version).toBe(2);
    expect(stored.data.submittedBy).toBe(MEMBER.aadObjectId);
    expect(await t.runtime.services.repos.answers.history(answerId(meetingId, forumIds[0]!))).toHaveLength(2);
    // A second edit from the old card is refused and shows the newer answer.
    const stale = await t.post(invokeExecute(where(forums[0]!.channelId), MEMBER, 'input.submit', answerData(0, { version: 1, trend_0: 'samre' })));
    expect(JSON.stringify(stale.body)).toContain('har ändrat svaret');
    expect((await t.runtime.services.repos.answers.require(answerId(meetingId, forumIds[0]!))).data.answer.districts[0]!.trend).toBe('battre');

    await drained();
    const updates = t.connector.received.filter((r) => r.method === 'PUT' && r.conversationId === forums[0]!.channelId);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(cardJson(updates.at(-1)!)).toContain('Bättre');
    // The refresh everyone sees keeps the thank-you the answerer was shown (it speaks to the forum).
    expect(cardJson(updates.at(-1)!)).toContain('Tack! Ert inspel är sparat.');
  });

  it('refuses personal data and changes nothing', async () => {
    const res = await t.post(invokeExecute(where(forums[3]!.channelId), MEMBER, 'input.submit', answerData(3, { situation_0: 'Ring 070-123 45 67 om det händer igen' })));
    expect(JSON.stringify(res.body)).toContain('telefonnummer');
    expect(await t.runtime.services.repos.answers.get(answerId(meetingId, forumIds[3]!))).toBeNull();
  });

  it('reminds exactly the forums without an answer at T−7 and T−3, 1:1 to contacts too', async () => {
    for (const kind of ['remind7', 'remind3']) {
      const since = Date.now();
      await runStep(kind);
      await drained();
      expect(remindersTo(since)).toEqual([CONTACT_CHAT, forums[2]!.channelId, forums[3]!.channelId, forums[4]!.channelId].sort());
    }
  });

  it('escalates the missing forums to the chairs at the deadline, accepts a late answer, then reminds the rest at T−1', async () => {
    const since = Date.now();
    await runStep('deadline');
    await drained();
    const escalation = t.connector.received.find((r) => r.at >= since && r.conversationId === CHAIR_CHAT);
    expect(escalation?.activity.text).toContain('Inspel saknas från');
    for (const i of [2, 3, 4]) expect(escalation?.activity.text).toContain(forums[i]!.name);
    expect(escalation?.activity.text).not.toContain(forums[0]!.name);

    t.clock.set(new Date(stepAt('deadline').getTime() + 3600_000));
    const late = await t.post(invokeExecute(where(forums[3]!.channelId), MEMBER, 'input.submit', answerData(3)));
    expect(JSON.stringify(late.body)).toContain('efter deadline');
    expect((await t.runtime.services.repos.answers.require(answerId(meetingId, forumIds[3]!))).data.late).toBe(true);

    const before1 = Date.now();
    await runStep('remind1');
    await drained();
    expect(remindersTo(before1)).toEqual([CONTACT_CHAT, forums[2]!.channelId, forums[4]!.channelId].sort());
  });

  it('shows the status, and keeps one progress card in the steering channel updated in place', async () => {
    await drained();
    const since = Date.now();
    await t.post(message(where(STEERING, 'Styrgrupp'), CHAIR, 'status'));
    const status = await t.connector.waitFor((r) => r.at >= since && r.conversationId === STEERING && cardJson(r).includes('Svarade sent'));
    const json = cardJson(status);
    expect(json).toContain('2 har svarat, 1 sent, 2 saknas');
    const progressPosts = t.connector.to(STEERING).filter((r) => r.method === 'POST' && cardJson(r).includes('Inspel inför') && cardJson(r).includes('Deadline'));
    const progressUpdates = t.connector.to(STEERING).filter((r) => r.method === 'PUT');
    // One progress card was posted (plus the status reply), and later changes were updates of it.
    expect(progressPosts.length).toBe(2);
    expect(progressUpdates.length).toBeGreaterThan(0);
  });

  it('twenty simultaneous first answers for one forum give one answer; the others are told to refresh', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, k) => t.post(invokeExecute(where(forums[4]!.channelId), MEMBER, 'input.submit', answerData(4, { q1: `Fråga nummer ${k}` })))),
    );
    const saved = results.filter((r) => JSON.stringify(r.body).includes('Tack!'));
    const refused = results.filter((r) => JSON.stringify(r.body).includes('har ändrat svaret'));
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(19);
    const stored = await t.runtime.services.repos.answers.require(answerId(meetingId, forumIds[4]!));
    expect(stored.version).toBe(1);
  });
});
