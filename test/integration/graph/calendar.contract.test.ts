/**
 * Issue 8's contract: the real server (adapter, routes, BullMQ workers, Microsoft's Graph
 * client and @azure/identity) against a local fake of Graph and the token endpoint that
 * checks every request against the documented shapes. Chairs act through /api/messages
 * exactly as Teams sends activities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateMeetingDate } from '../../../src/domain/calendar/yearPlan.js';
import { addDays, isWeekend } from '../../../src/domain/calendar/localDate.js';
import { createGraphCalendar } from '../../../src/graph/graphCalendar.js';
import { graphSettings } from '../../../src/graph/graphSettings.js';
import { syncMeetingEvent } from '../../../src/services/calendar/syncMeetingEvent.js';
import { cancelMeeting, confirmPlan } from '../../../src/services/meetings.js';
import { CHAIR, MEMBER, channel, invokeExecute, teamMembersChanged } from '../../support/activities.js';
import { ORGANIZER, STEERING, cardJson, graphEnvFor, moveThroughCard, planYearThroughCards, validMoveTarget } from '../../support/graphWorld.js';
import { FakeGraph, type FakeEvent } from '../../support/fakeGraph.js';
import { eventually, startTestRuntime, type TestRuntime } from '../../support/testRuntime.js';

/** A third member, in the channel's roster only (never seen acting). Invented. */
const LISA = { id: '29:lisa', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000003', name: 'Lisa Påhittad' };

const graphEnv = (fake: FakeGraph) => ({ CHAIR_IDS: CHAIR.aadObjectId, ...graphEnvFor(fake) });

function addDirectory(fake: FakeGraph): void {
  fake.addUser({ id: CHAIR.aadObjectId, displayName: CHAIR.name, mail: 'ordforande.testsson@linkoping.example', userPrincipalName: 'ordforande.testsson@linkoping.example' });
  fake.addUser({ id: MEMBER.aadObjectId, displayName: MEMBER.name, mail: null, userPrincipalName: 'medlem.pahittad@polisen.example' });
  fake.addUser({ id: LISA.aadObjectId, displayName: LISA.name, mail: 'lisa.pahittad@linkoping.example', userPrincipalName: 'lisa.pahittad@linkoping.example' });
}

/** The steering channel's roster (chair, member, Lisa), then the 2027 plan confirmed through the chair's card. */
async function planYear(t: TestRuntime): Promise<void> {
  t.connector.rosters.set(STEERING, [CHAIR, MEMBER, LISA].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })));
  await planYearThroughCards(t);
}


const eventOf = async (t: TestRuntime, fake: FakeGraph, meetingId: string): Promise<FakeEvent | undefined> => {
  const record = await t.runtime.services.repos.calendarEvents.get(meetingId);
  return fake.events(ORGANIZER).find((e) => e.id === record?.data.eventId);
};

describe('Graph calendar: create, move twice, cancel', () => {
  let fake: FakeGraph;
  let t: TestRuntime;
  /** Updates made by the roster test, before the move/cancel counts start. */
  let updatesOffset = 0;

  beforeAll(async () => {
    fake = await FakeGraph.start({ mailboxes: [ORGANIZER] });
    addDirectory(fake);
    t = await startTestRuntime({ env: graphEnv(fake) });
    await planYear(t);
  });
  afterAll(async () => {
    await t?.cleanup();
    await fake?.stop();
  });

  it('confirming the plan creates one Teams meeting per meeting in the organizer’s calendar, the roster invited', async () => {
    await eventually(() => fake.counts().creates === 3, 'three events created');
    const meeting = (await t.runtime.services.repos.meetings.require('2027-1')).data;
    const event = (await eventOf(t, fake, '2027-1'))!;
    expect(event.subject).toBe('Styrgruppsmöte 1/2027');
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.onlineMeetingProvider).toBe('teamsForBusiness');
    expect(event.start).toEqual({ dateTime: `${meeting.date}T13:00:00.0000000`, timeZone: 'W. Europe Standard Time' });
    expect(event.end).toEqual({ dateTime: `${meeting.date}T15:00:00.0000000`, timeZone: 'W. Europe Standard Time' });
    // Mail when there is one, else the user principal name; names from the directory.
    expect(event.attendees.map((a) => a.emailAddress.address).sort()).toEqual(['lisa.pahittad@linkoping.example', 'medlem.pahittad@polisen.example', 'ordforande.testsson@linkoping.example']);
    expect(event.transactionId).toMatch(/^[0-9a-f-]{36}$/);
    // The token is fetched once and reused (client credentials, cached by @azure/identity).
    expect(fake.counts().tokens).toBe(1);
    const record = (await t.runtime.services.repos.calendarEvents.require('2027-1')).data;
    expect(record).toMatchObject({ state: 'created', syncedSequence: 0, attendeeCount: 3, joinUrl: event.onlineMeeting!.joinUrl });
  });

  it('the invitation card in the steering channel gets the join link, updated in place', async () => {
    const record = (await t.runtime.services.repos.calendarEvents.require('2027-1')).data;
    const updated = await t.connector.waitFor((r) => r.method === 'PUT' && r.conversationId === STEERING && cardJson(r.activity).includes(record.joinUrl!));
    expect(cardJson(updated.activity)).toContain('Anslut till Teams-mötet');
    expect(cardJson(updated.activity)).toContain('.ics');
    const posted = t.connector.to(STEERING).filter((r) => r.method === 'POST' && cardJson(r.activity).includes('Kallelse: **Styrgruppsmöte 1/2027**'));
    expect(posted).toHaveLength(1);
  });

  it('the meetings card shows the calendar status and the join link', async () => {
    const res = await t.post(invokeExecute(channel(t.connector.url, STEERING, 'Styrgrupp'), CHAIR, 'meetings.show', {}));
    const body = JSON.stringify(res.body);
    expect(body).toContain('I Outlook-kalendern, 3 inbjudna');
    expect(body).toContain('Anslut till Teams-mötet');
  });

  it('people joining or leaving the steering team: the invitations of the meetings ahead follow the roster', async () => {
    const nora = { id: '29:nora', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000004', name: 'Nora Ny' };
    fake.addUser({ id: nora.aadObjectId, displayName: nora.name, mail: 'nora.ny@linkoping.example', userPrincipalName: 'nora.ny@linkoping.example' });
    t.connector.rosters.set(STEERING, [CHAIR, MEMBER, LISA, nora].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })));
    const updatesBefore = fake.counts().updates;
    await t.post(teamMembersChanged(channel(t.connector.url, STEERING, 'Styrgrupp'), CHAIR, { added: [{ id: nora.id, aadObjectId: nora.aadObjectId }] }));
    await eventually(() => fake.counts().updates === updatesBefore + 3, 'three events refreshed');
    const addresses = async () => (await eventOf(t, fake, '2027-3'))!.attendees.map((a) => a.emailAddress.address);
    expect(await addresses()).toContain('nora.ny@linkoping.example');

    // Lisa leaves the team: Teams' roster no longer lists her, and she is not a steering member any more.
    t.connector.rosters.set(STEERING, [CHAIR, MEMBER, nora].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })));
    await t.post(teamMembersChanged(channel(t.connector.url, STEERING, 'Styrgrupp'), CHAIR, { removed: [{ id: LISA.id, aadObjectId: LISA.aadObjectId }] }));
    await eventually(() => fake.counts().updates === updatesBefore + 6, 'three events refreshed again');
    expect(await addresses()).not.toContain('lisa.pahittad@linkoping.example');
    expect(await addresses()).toContain('nora.ny@linkoping.example');
    // Back to the roster the other tests expect.
    t.connector.rosters.set(STEERING, [CHAIR, MEMBER, LISA].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })));
    updatesOffset = fake.counts().updates;
  });

  it('moving the meeting twice updates the same event twice; cancelling cancels it with a message', async () => {
    const event1 = (await eventOf(t, fake, '2027-1'))!;
    const updatesOnEvent1 = fake.requests.filter((r) => r.method === 'PATCH' && r.status === 200 && r.path.includes(event1.id)).length;
    const first = await validMoveTarget(t, '2027-1', -7);
    await moveThroughCard(t, '2027-1', first);
    await eventually(() => fake.counts().updates === updatesOffset + 1, 'first update');
    expect((await eventOf(t, fake, '2027-1'))!.start.dateTime).toBe(`${first}T13:00:00.0000000`);

    const second = await validMoveTarget(t, '2027-1', -7);
    await moveThroughCard(t, '2027-1', second);
    await eventually(() => fake.counts().updates === updatesOffset + 2, 'second update');
    expect((await eventOf(t, fake, '2027-1'))!.start.dateTime).toBe(`${second}T13:00:00.0000000`);

    const meeting = await t.runtime.services.repos.meetings.require('2027-1');
    const res = await t.post(invokeExecute(channel(t.connector.url, STEERING, 'Styrgrupp'), CHAIR, 'meeting.cancelConfirm', { meetingId: '2027-1', version: meeting.version }));
    expect(res.status).toBe(200);
    await eventually(() => fake.counts().cancels === 1, 'cancel');

    const events = fake.events(ORGANIZER).filter((e) => e.subject === 'Styrgruppsmöte 1/2027');
    expect(events).toHaveLength(1);
    expect(events[0]!.isCancelled).toBe(true);
    expect(events[0]!.cancelComment).toContain('Styrgruppsmöte 1/2027 är avbokat');
    expect(fake.counts()).toMatchObject({ creates: 3, updates: updatesOffset + 2, cancels: 1 });
    // Meeting 1's own event: created once, updated twice by the moves, cancelled once.
    expect(fake.requests.filter((r) => r.method === 'PATCH' && r.status === 200 && r.path.includes(events[0]!.id)).length).toBe(updatesOnEvent1 + 2);
    await eventually(async () => (await t.runtime.services.repos.calendarEvents.get('2027-1'))?.data.state === 'cancelled', 'cancel stored');
  });

  it('a 429 with Retry-After is honoured: the call is repeated no sooner than asked, without spending an attempt', async () => {
    let throttled = false;
    fake.fault = (req) => {
      if (req.method !== 'PATCH' || throttled) return undefined;
      throttled = true;
      return { status: 429, headers: { 'Retry-After': '2' } };
    };
    const target = await validMoveTarget(t, '2027-2', 7);
    await moveThroughCard(t, '2027-2', target);
    await eventually(() => fake.counts().updates === updatesOffset + 3, 'update after the 429', 20_000);
    fake.fault = undefined;
    const patches = fake.requests.filter((r) => r.method === 'PATCH');
    const refused = patches.find((r) => r.status === 429)!;
    const retried = patches.find((r) => r.status === 200 && r.at > refused.at)!;
    expect(retried.at - refused.at).toBeGreaterThanOrEqual(1_900);
    const job = await t.runtime.services.queues.calendar.getJob('cal-2027-2-s1');
    await eventually(async () => (await job!.getState()) === 'completed', 'job completed');
    expect((await t.runtime.services.queues.calendar.getJob('cal-2027-2-s1'))!.attemptsMade).toBe(1);
    expect((await eventOf(t, fake, '2027-2'))!.start.dateTime).toBe(`${target}T13:00:00.0000000`);
  });

  it('a lost answer to the create (Graph made the event, we never heard) does not make a second event on retry', async () => {
    // Meeting 1 was cancelled: confirming it again needs a new event (a new transaction id).
    fake.fault = (req) => (req.method === 'POST' && req.path.endsWith('/events') && req.attempt === 1 ? { dropResponse: true } : undefined);
    const before = fake.events(ORGANIZER).length;
    const s = t.runtime.services;
    const meetings = await s.repos.meetings.list();
    const choices = meetings.map((m) => ({ index: m.data.index, date: m.data.date, time: m.data.time }));
    await confirmPlan(s, 2027, choices, CHAIR.aadObjectId);
    await eventually(async () => (await s.repos.calendarEvents.get('2027-1'))?.data.state === 'created', 'event re-created', 30_000);
    fake.fault = undefined;
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'));
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(fake.events(ORGANIZER)).toHaveLength(before + 1);
    const record = (await s.repos.calendarEvents.require('2027-1')).data;
    expect(record.generation).toBe(2);
    expect(fake.events(ORGANIZER).filter((e) => e.transactionId === record.transactionId)).toHaveLength(1);
  });

  it('a process that dies after Graph created the event but before storing its id: the retried job makes no second event', async () => {
    const s = t.runtime.services;
    const api = createGraphCalendar(graphSettings(s.config)!);
    await s.queues.calendar.raw.pause();
    await confirmPlan(s, 2028, [{ index: 1, date: await firstValidDate(t, '2028-02-02'), time: '13:00' }], CHAIR.aadObjectId);
    // The first run "dies" right after Graph answered: the event exists, its id is not stored.
    const dying = { ...api, createEvent: async (body: Parameters<typeof api.createEvent>[0]) => (await api.createEvent(body), Promise.reject(new Error('process killed'))) };
    await expect(syncMeetingEvent(s, { api: dying }, '2028-1')).rejects.toThrow('process killed');
    expect((await s.repos.calendarEvents.require('2028-1')).data.state).toBe('creating');
    const made = fake.events(ORGANIZER).filter((e) => e.subject === 'Styrgruppsmöte 1/2028');
    expect(made).toHaveLength(1);
    // The queued job now runs and repeats the create with the same transaction id.
    await s.queues.calendar.raw.resume();
    await eventually(async () => (await s.repos.calendarEvents.get('2028-1'))?.data.state === 'created', 'the job stored the event');
    expect(fake.events(ORGANIZER).filter((e) => e.subject === 'Styrgruppsmöte 1/2028')).toHaveLength(1);
    expect((await s.repos.calendarEvents.require('2028-1')).data.eventId).toBe(made[0]!.id);
  });

  it('a meeting cancelled while its create had no answer: the create is repeated to learn the event, which is then cancelled', async () => {
    const s = t.runtime.services;
    const api = createGraphCalendar(graphSettings(s.config)!);
    await s.queues.calendar.raw.pause();
    const [created] = await confirmPlan(s, 2029, [{ index: 1, date: await firstValidDate(t, '2029-02-07'), time: '13:00' }], CHAIR.aadObjectId);
    const dying = { ...api, createEvent: async (body: Parameters<typeof api.createEvent>[0]) => (await api.createEvent(body), Promise.reject(new Error('process killed'))) };
    await expect(syncMeetingEvent(s, { api: dying }, '2029-1')).rejects.toThrow('process killed');
    await cancelMeeting(s, '2029-1', created!.version, CHAIR.aadObjectId);
    await s.queues.calendar.raw.resume();
    await eventually(async () => (await s.repos.calendarEvents.get('2029-1'))?.data.state === 'cancelled', 'the event cancelled');
    const events = fake.events(ORGANIZER).filter((e) => e.subject === 'Styrgruppsmöte 1/2029');
    expect(events).toHaveLength(1);
    expect(events[0]!.isCancelled).toBe(true);
  });
});

async function firstValidDate(t: TestRuntime, from: string): Promise<string> {
  for (let d = from; ; d = addDays(d, 1)) if (!isWeekend(d) && validateMeetingDate(d, t.runtime.services.planSettings) === null) return d;
}
