import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineJobId } from '../../jobs/timeline.js';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { retentionCutoff } from '../../src/services/privacy/retention.js';
import { scanAll } from '../../src/store/redis.js';
import { CHAIR, MEMBER, channel, invokeExecute, message } from '../support/activities.js';
import type { CapturedActivity } from '../support/fakeConnector.js';
import { captureLogs } from '../support/logCapture.js';
import { snapshotKeys } from '../support/redisSnapshot.js';
import { answerData, seedCycle, type Seeded } from '../support/seed.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Privacy, black box: a user's export holds what is stored about them (their answer
 * texts included) behind a signed, expiring link whose reads are audited; answers older
 * than RETENTION_MONTHS go nightly; and no answer text reaches a log line, a job's data
 * or an error message — checked by scanning every log line and every BullMQ key.
 */
const OTHER = { id: '29:other', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000aa', name: 'Annan Påhittad' };
const captured = captureLogs('trace');
let t: TestRuntime;
let seeded: Seeded;
/** Texts that only ever appear in answers: none may leak. */
const secrets = ['Hemlighet-A7 om trappuppgången', 'Hemlighet-B8 om skolgården', 'Hemlighet-C9 fråga om narkotikan', 'Hemlighet-D0 sent svar'];
const cardOf = (r: CapturedActivity) => JSON.stringify(r.activity.attachments?.[0]?.content ?? r.activity.text ?? '');
const personal = (id: string) => ({ conversationId: id, conversationType: 'personal' as const, serviceUrl: t.connector.url });

async function drained(): Promise<void> {
  await eventually(async () => {
    const c = await t.runtime.services.queues.notify.raw.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).every((n) => n === 0);
  }, 'notify drained');
}

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-01-10T08:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, DISTRICTS: 'Berga,Ryd', LOG_LEVEL: 'trace' }, log: captured.log });
  seeded = await seedCycle(t, ['Berga', 'Ryd']);
  const [berga, ryd] = seeded.forums;
  // Prompts go out (jobs), the member answers and edits, another user answers for Ryd.
  const prompt = await t.runtime.services.queues.timeline.getJob(timelineJobId(seeded.meetingId, 'prompt'));
  await prompt!.promote();
  await drained();
  await t.post(message(personal('a:member-personal'), MEMBER, 'hjälp'));
  // The connector fails every card update once: failed attempts (error messages, stack
  // traces in BullMQ, 'job failed' log lines) are part of what is scanned below.
  let puts = 0;
  t.connector.fault = ({ method }) => (method === 'PUT' && ++puts % 2 === 1 ? { status: 500 } : undefined);
  const a1 = await t.post(invokeExecute(channel(t.connector.url, berga!.channelId), MEMBER, 'input.submit', answerData(seeded.meetingId, berga!.id, secrets[0]!)));
  expect(JSON.stringify(a1.body)).toContain('Tack!');
  const a2 = await t.post(invokeExecute(channel(t.connector.url, berga!.channelId), MEMBER, 'input.submit', answerData(seeded.meetingId, berga!.id, secrets[1]!, { version: 1, q1: secrets[2] })));
  expect(JSON.stringify(a2.body)).toContain('Tack!');
  const a3 = await t.post(invokeExecute(channel(t.connector.url, ryd!.channelId), OTHER, 'input.submit', answerData(seeded.meetingId, ryd!.id, secrets[3]!)));
  expect(JSON.stringify(a3.body)).toContain('Tack!');
  // A refused answer (personal data in it) and a stale edit: error paths, no text may leak.
  await t.post(invokeExecute(channel(t.connector.url, berga!.channelId), MEMBER, 'input.submit', answerData(seeded.meetingId, berga!.id, `${secrets[0]} ring 070-123 45 67`, { version: 2 })));
  await t.post(invokeExecute(channel(t.connector.url, berga!.channelId), MEMBER, 'input.submit', answerData(seeded.meetingId, berga!.id, secrets[0]!, { version: 1 })));
  await drained();
  t.connector.fault = undefined;
  expect(captured.lines.some((l) => l.includes('job failed'))).toBe(true);
}, 60_000);

afterAll(async () => {
  await t?.cleanup();
});

describe('exportera mina data', () => {
  let link = '';

  it('gives a summary card and a signed, expiring link to the JSON', async () => {
    const since = t.connector.received.length;
    await t.post(message(personal('a:member-personal'), MEMBER, 'exportera mina data'));
    const reply = await t.connector.waitFor((r) => t.connector.received.indexOf(r) >= since && r.conversationId === 'a:member-personal' && cardOf(r).includes('Dina data'));
    const card = cardOf(reply);
    expect(card).toContain('Trygghetsrådet Berga');
    link = /"url":"([^"]+)"/.exec(card)![1]!;
    expect(link).toMatch(/^https:\/\/samverkan\.example\.se\/exports\/[A-Za-z0-9_-]+\.json\?exp=\d+&sig=/);
    // The card itself holds no answer text.
    for (const s of secrets) expect(card).not.toContain(s);
  });

  it('the JSON holds the user’s conversations, forum, answers (their texts) and audit entries — nobody else’s', async () => {
    const res = await fetch(link.replace('https://samverkan.example.se', t.botUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const all = (await res.json()) as {
      subject: { aadObjectId: string };
      conversations: { conversationId: string }[];
      orgs: {
        org: string;
        forums: { forumId: string; member: boolean }[];
        answers: { answerId: string; version: number; answer: unknown }[];
        audit: { record: string; action: string }[];
      }[];
    };
    expect(all.subject.aadObjectId).toBe(MEMBER.aadObjectId);
    expect(all.conversations.map((c) => c.conversationId)).toEqual(['a:member-personal']);
    expect(all.orgs.map((o) => o.org)).toEqual([t.runtime.services.org.id]);
    const data = all.orgs[0]!;
    expect(data.forums).toEqual([{ forumId: seeded.forums[0]!.id, name: 'Trygghetsrådet Berga', member: true }]);
    expect(data.answers.map((a) => a.version)).toEqual([1, 2]);
    const text = JSON.stringify(data.answers);
    expect(text).toContain(secrets[0]);
    expect(text).toContain(secrets[1]);
    expect(text).toContain(secrets[2]);
    expect(text).not.toContain(secrets[3]);
    expect(data.audit.some((a) => a.record === `answer/${answerId(seeded.meetingId, seeded.forums[0]!.id)}`)).toBe(true);
    // The read is audited.
    const reads = await t.runtime.services.repos.reportReads.list();
    expect(reads[0]!.what).toMatch(/^\/exports\/[A-Za-z0-9_-]+\.json$/);
  });

  it('a tampered or expired link gives nothing', async () => {
    const tampered = link.replace('https://samverkan.example.se', t.botUrl).replace(/sig=.{4}/, 'sig=AAAA');
    expect((await fetch(tampered)).status).toBe(403);
    t.clock.advance(61 * 60_000);
    expect((await fetch(link.replace('https://samverkan.example.se', t.botUrl))).status).toBe(410);
    t.clock.advance(-61 * 60_000);
  });
});

describe('no answer text in logs, job data or error messages', () => {
  it('every log line of the whole flow is free of answer text', () => {
    expect(captured.lines.length).toBeGreaterThan(20);
    const all = captured.lines.join('\n');
    for (const s of secrets) expect(all).not.toContain(s);
  });

  it('no BullMQ key (job data, return values, errors, events) holds answer text', async () => {
    const queueKeys = await scanAll(t.runtime.redis, `${t.runtime.services.config.QUEUE_PREFIX}:*`);
    expect(queueKeys.length).toBeGreaterThan(10);
    const snapshot = await snapshotKeys(t.runtime.redis, [t.runtime.services.config.QUEUE_PREFIX], () => false);
    const everything = [...snapshot.values()].join('\n');
    expect(everything).toContain('input.prompt');
    for (const s of secrets) expect(everything).not.toContain(s);
  });
});

describe('retention', () => {
  it('the nightly job deletes answers older than RETENTION_MONTHS (with every version) and keeps newer ones', async () => {
    const s = t.runtime.services;
    const berga = answerId(seeded.meetingId, seeded.forums[0]!.id);
    const ryd = answerId(seeded.meetingId, seeded.forums[1]!.id);
    // 24 months and two days after Berga’s last edit; Ryd’s answer is made younger than that.
    const bergaAt = Date.parse((await s.repos.answers.require(berga)).data.submittedAt);
    t.clock.set(new Date(bergaAt + 733 * 86_400_000));
    await s.repos.answers.mutate(ryd, 'test', 'touch', (a) => (a ? { ...a, submittedAt: new Date(bergaAt + 400 * 86_400_000).toISOString() } : null));
    const result = await t.runtime.scheduler!.retentionNow();
    expect(result.answersDeleted).toBe(1);
    expect(result.snapshotsPruned).toBe(0);
    expect(await s.repos.answers.get(berga)).toBeNull();
    expect(await s.repos.answers.history(berga)).toEqual([]);
    expect(await s.repos.answers.get(ryd)).not.toBeNull();
    // The audit trail says who deleted it and when — field names only, never text.
    const audit = await s.repos.audit.list('answer', berga);
    expect(audit.at(-1)).toMatchObject({ actor: 'retention', action: 'retention' });
    expect(JSON.stringify(audit)).not.toContain(secrets[0]);
    // Idempotent: a second run deletes nothing more.
    expect((await t.runtime.scheduler!.retentionNow()).answersDeleted).toBe(0);
  });

  it('the cutoff is whole calendar months back, at local midnight (Stockholm)', () => {
    expect(retentionCutoff(new Date('2029-03-31T10:00:00Z'), 24, 'Europe/Stockholm').toISOString()).toBe('2027-03-30T22:00:00.000Z');
    expect(retentionCutoff(new Date('2029-03-31T10:00:00Z'), 1, 'Europe/Stockholm').toISOString()).toBe('2029-02-27T23:00:00.000Z');
  });
});
