/**
 * Issue 8's bad input: a member who no longer exists, a mailbox without permission, an
 * expired secret, Graph failing past the last attempt. The chairs get a clear message
 * naming what to fix; the meeting plan is unaffected; nothing is retried that cannot help.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHAIR, MEMBER, channel, invokeExecute } from '../../support/activities.js';
import { ORGANIZER, STEERING, cardJson, graphEnvFor, moveThroughCard, planYearThroughCards, validMoveTarget } from '../../support/graphWorld.js';
import { FakeGraph } from '../../support/fakeGraph.js';
import { eventually, startTestRuntime, type TestRuntime } from '../../support/testRuntime.js';

const FORMER = { id: '29:former', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000009', name: 'Bo Slutat' };


async function startWithGraph(fake: FakeGraph, env: Record<string, string> = {}): Promise<TestRuntime> {
  const t = await startTestRuntime({
    env: { CHAIR_IDS: CHAIR.aadObjectId, ...graphEnvFor(fake), ...env },
  });
  t.connector.rosters.set(STEERING, [CHAIR, MEMBER, FORMER].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })));
  return t;
}

function directory(fake: FakeGraph): void {
  fake.addUser({ id: CHAIR.aadObjectId, displayName: CHAIR.name, mail: 'ordforande.testsson@linkoping.example', userPrincipalName: 'ordforande.testsson@linkoping.example' });
  fake.addUser({ id: MEMBER.aadObjectId, displayName: MEMBER.name, mail: 'medlem.pahittad@polisen.example', userPrincipalName: 'medlem.pahittad@polisen.example' });
}

/** The chair moves the meeting at least a week earlier, to a date the plan accepts. */
async function moveEarlier(t: TestRuntime, meetingId: string): Promise<string> {
  const date = await validMoveTarget(t, meetingId, -7);
  await moveThroughCard(t, meetingId, date);
  return date;
}

const toSteering = (t: TestRuntime, includes: string) => t.connector.waitFor((r) => r.conversationId === STEERING && cardJson(r.activity).includes(includes), 15_000);

describe('Graph calendar problems, with one steering group', () => {
  let fake: FakeGraph;
  let t: TestRuntime;

  beforeAll(async () => {
    fake = await FakeGraph.start({ mailboxes: [ORGANIZER] });
    directory(fake);
    t = await startWithGraph(fake, { GRAPH_ATTEMPTS: '2' });
    await planYearThroughCards(t);
    await eventually(() => fake.counts().creates === 3, 'three events');
  });
  afterEach(() => {
    fake.fault = undefined;
  });
  afterAll(async () => {
    await t?.cleanup();
    await fake?.stop();
  });

  it('a member in the channel who no longer exists in the directory is left out and named to the chairs, once', async () => {
    const event = fake.events(ORGANIZER)[0]!;
    expect(event.attendees.map((a) => a.emailAddress.address).sort()).toEqual(['medlem.pahittad@polisen.example', 'ordforande.testsson@linkoping.example']);
    const notice = await toSteering(t, 'Bo Slutat');
    expect(cardJson(notice.activity)).toContain('finns inte längre i organisationens katalog');
    // Three meetings synced, the same person missing: one message, not three.
    await new Promise((r) => setTimeout(r, 500));
    expect(t.connector.to(STEERING).filter((r) => cardJson(r.activity).includes('Bo Slutat'))).toHaveLength(1);
    // Not a blocking problem: the meetings card still shows the meetings as in the calendar.
    const res = await t.post(invokeExecute(channel(t.connector.url, STEERING, 'Styrgrupp'), CHAIR, 'meetings.show', {}));
    expect(JSON.stringify(res.body)).toContain('I Outlook-kalendern, 2 inbjudna');
  });

  it('a mailbox without permission: the chairs are told what to grant, the move stands, one attempt only, the job in the failed list', async () => {
    fake.forbidMailbox(ORGANIZER);
    const date = await moveEarlier(t, '2027-2');
    const notice = await toSteering(t, 'har inte behörighet');
    const text = cardJson(notice.activity);
    expect(text).toContain(ORGANIZER);
    expect(text).toContain('Calendars.ReadWrite');
    expect(text).toContain('Mötesplanen och påminnelserna påverkas inte');
    expect((await t.runtime.services.repos.meetings.require('2027-2')).data.date).toBe(date);
    const failed = await t.runtime.services.queues.calendar.getJob('cal-2027-2-s1');
    await eventually(async () => (await failed!.getState()) === 'failed', 'job failed');
    expect(fake.requests.filter((r) => r.method === 'PATCH' && r.status === 403)).toHaveLength(1);
    const res = await t.post(invokeExecute(channel(t.connector.url, STEERING, 'Styrgrupp'), CHAIR, 'meetings.show', {}));
    expect(JSON.stringify(res.body)).toContain('Kalenderproblem');
  });

  it('after an admin fixes the permission, the reconcile tick brings the event up to date', async () => {
    fake.allowMailbox(ORGANIZER);
    await t.runtime.scheduler!.reconcileNow();
    await eventually(async () => (await t.runtime.services.repos.calendarEvents.get('2027-2'))?.data.syncedSequence === 1, 'synced after the fix');
    const meeting = (await t.runtime.services.repos.meetings.require('2027-2')).data;
    const record = (await t.runtime.services.repos.calendarEvents.require('2027-2')).data;
    expect(fake.events(ORGANIZER).find((e) => e.id === record.eventId)!.start.dateTime.startsWith(meeting.date)).toBe(true);
    expect(record.lastProblem?.code).not.toBe('permission');
  });

  it('Graph failing past the last attempt: retried with backoff, then the chairs are told; the plan is unaffected', async () => {
    fake.fault = (req) => (req.method === 'PATCH' ? { status: 500, body: { error: { code: 'InternalServerError', message: 'boom' } } } : undefined);
    await moveEarlier(t, '2027-3');
    const notice = await toSteering(t, 'svarade inte efter 2 försök');
    expect(cardJson(notice.activity)).toContain('/admin/queues');
    expect(fake.requests.filter((r) => r.method === 'PATCH' && r.status === 500)).toHaveLength(2);
    expect(await t.runtime.services.queues.calendar.raw.getJobCounts('failed')).toMatchObject({ failed: 2 });
  });
});

describe('Graph calendar with an expired client secret', () => {
  let fake: FakeGraph;
  let t: TestRuntime;

  beforeAll(async () => {
    fake = await FakeGraph.start({ mailboxes: [ORGANIZER] });
    directory(fake);
    fake.expireSecret();
    t = await startWithGraph(fake);
    await planYearThroughCards(t);
  });
  afterAll(async () => {
    await t?.cleanup();
    await fake?.stop();
  });

  it('the chairs hear the identity platform’s code and where to set a new secret; meetings and invitations stand', async () => {
    const notice = await toSteering(t, 'AADSTS7000222');
    const text = cardJson(notice.activity);
    expect(text).toContain('GRAPH_CLIENT_SECRET');
    expect(text).toContain('Certifikat och hemligheter');
    expect((await t.runtime.services.repos.meetings.list()).map((m) => m.data.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    await eventually(() => t.connector.to(STEERING).filter((r) => r.method === 'POST' && cardJson(r.activity).includes('Kallelse')).length === 3, 'three invitations');
    expect(fake.counts().creates).toBe(0);
    // Not retried (a new secret is needed), and one message for the three meetings.
    await eventually(async () => (await t.runtime.services.queues.calendar.raw.getJobCounts('failed')).failed === 3, 'three failed jobs');
    await new Promise((r) => setTimeout(r, 300));
    expect(t.connector.to(STEERING).filter((r) => cardJson(r.activity).includes('AADSTS7000222'))).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path.includes('/oauth2/v2.0/token')).length).toBeLessThanOrEqual(6);
  });
});

describe('Graph not configured', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ env: { CHAIR_IDS: CHAIR.aadObjectId } });
    await planYearThroughCards(t);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('queues no calendar job and the invitation offers the .ics file only', async () => {
    const invitation = await toSteering(t, 'Kallelse');
    expect(cardJson(invitation.activity)).toContain('.ics');
    expect(cardJson(invitation.activity)).not.toContain('Teams-mötet');
    const counts = await t.runtime.services.queues.calendar.raw.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed');
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    const res = await t.post(invokeExecute(channel(t.connector.url, STEERING, 'Styrgrupp'), CHAIR, 'meetings.show', {}));
    expect(JSON.stringify(res.body)).not.toContain('Outlook-kalendern');
  });
});
