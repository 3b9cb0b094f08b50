import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verbs, type Verb } from '../../cards/verbs.js';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { sv } from '../../src/i18n/sv.js';
import { actionRevision, createAction } from '../../src/services/promise/actions.js';
import { commitmentRevision, createPromise, saveCommitment } from '../../src/services/promise/promises.js';
import { CHAIR, MEMBER, TENANT, channel, invokeExecute, message } from '../support/activities.js';
import { diffSnapshots, isQueueBookkeeping, snapshotKeys } from '../support/redisSnapshot.js';
import { answerData, seedCycle, type Seeded } from '../support/seed.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Authorisation, black box: every card verb and every command is checked server-side from
 * the activity's Entra object id; ids in card data (forum, meeting, promise, action) are
 * checked against what the user may touch. A guest — or a member pointing at another
 * forum — changes nothing, whatever the card data claims.
 */
const GUEST = { id: '29:guest', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000ee', name: 'Gäst Påhittad' };
let t: TestRuntime;
let seeded: Seeded;
let promiseId = '';
let commitmentId = '';
let actionId = '';
let actionRev = '';
let commitmentRev = '';

/**
 * Turn state, Teams-retry markers, export tokens and one-time link codes (`länka konto`,
 * which anyone may ask for in their personal chat; gone after ten minutes) are
 * bookkeeping, not stored data.
 */
const notData = (k: string) => isQueueBookkeeping(k) || /:turnstate:|:done:turn:|:done:export:|:linkcode:/.test(k);
const snapshot = () => snapshotKeys(t.runtime.redis, [t.runtime.services.config.KEY_PREFIX, t.runtime.services.config.QUEUE_PREFIX], notData);
/** Background work of earlier steps (card refreshes) is finished. */
async function settled(): Promise<void> {
  await eventually(async () => {
    const c = await t.runtime.services.queues.notify.raw.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).every((n) => n === 0);
  }, 'notify drained');
}
const guestChat = () => ({ conversationId: 'a:guest-personal', conversationType: 'personal' as const, serviceUrl: t.connector.url });

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-01-10T08:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, DISTRICTS: 'Berga,Ryd' } });
  const s = t.runtime.services;
  seeded = await seedCycle(t, ['Berga', 'Ryd']);
  const chair = { id: CHAIR.aadObjectId, aadObjectId: CHAIR.aadObjectId, isChair: true };
  const p = await createPromise(s, { title: 'Medborgarlöfte 2027', periodFrom: '2027-01-01', periodTo: '2028-12-31' }, chair);
  promiseId = p.id;
  const c = await saveCommitment(s, promiseId, undefined, { text: 'Öka tryggheten i Berga centrum', responsible: 'bada', districts: ['Berga'] }, chair);
  commitmentId = c.commitmentId;
  const a = await createAction(s, promiseId, { text: 'Trygghetsvandring', ownerAadObjectId: MEMBER.aadObjectId, ownerName: MEMBER.name, due: '2027-05-01', commitmentId }, chair);
  actionId = a.action.id;
  actionRev = actionRevision(a.action);
  commitmentRev = commitmentRevision(a.commitment);
  // The member answers for Berga in Berga's channel (so one answer exists to be forged against).
  const ok = await t.post(invokeExecute(channel(t.connector.url, seeded.forums[0]!.channelId), MEMBER, 'input.submit', answerData(seeded.meetingId, seeded.forums[0]!.id, 'Lugnt i centrum.')));
  expect(JSON.stringify(ok.body)).toContain('Tack!');
  // The member's account is linked to another of their accounts: a forged link.unlink has a real link to aim at.
  const { code } = await s.repos.personLinks.createCode(MEMBER.aadObjectId, TENANT);
  await s.repos.personLinks.redeem(code, 'aaaaaaaa-0000-0000-0000-0000000000f1', '99999999-0000-0000-0000-000000000099');
  // The guest is known (one message), so later turns write nothing about them.
  await t.post(message(guestChat(), GUEST, 'hjälp'));
  await settled();
});

afterAll(async () => {
  await t?.cleanup();
});

/** Plausible, forged card data for each verb: real ids, current versions, and a claim to be the chair. */
function forgedData(verb: Verb): Record<string, unknown> {
  const claim = { aadObjectId: CHAIR.aadObjectId, from: CHAIR, userId: CHAIR.aadObjectId, isChair: true, roles: ['chair'] };
  const [prefix] = verb.split('.');
  const byVerb: Record<string, Record<string, unknown>> = {
    forum: { forumId: seeded.forums[0]!.id, version: 10, name: 'Kapad', kind: 'annat', districts: 'Berga' },
    plan: { year: 2027, date1: '2027-02-17', time1: '13:00', date2: '2027-05-19', time2: '13:00', date3: '2027-10-13', time3: '13:00' },
    meetings: {},
    meeting: { meetingId: seeded.meetingId, version: 1, date1: '2027-03-03', time1: '10:00' },
    input: answerData(seeded.meetingId, seeded.forums[0]!.id, 'Förfalskat svar', { version: 1 }),
    promise: { promiseId, version: 1, title: 'Kapat', periodFrom: '2027-01-01', periodTo: '2028-12-31', commitmentId, rev: commitmentRev, text: 'Kapat', responsible: 'polisen', districts: 'Berga', meetingId: seeded.meetingId },
    action: { promiseId, actionId, rev: actionRev, meetingId: seeded.meetingId, commitmentId, text: 'Kapat', owner: GUEST.aadObjectId, due: '2027-06-01', commitment: commitmentId, status: 'klar', followUp: 'Klart', count: '3' },
    public: { promiseId, basedOn: 0, previewed: 'v-000000000000', hidden: '' },
    // Someone else's account: only one of the user's own linked accounts may be unlinked.
    link: { account: MEMBER.aadObjectId },
    malbild: { district: 'Berga', version: 1, statements: 'Kapat', name: 'x', unit: 'st', direction: 'lower', baselineValue: '1', baselineDate: '2026-01-01', targetValue: '0', targetDate: '2028-01-01', indicator: 'i1', value: '1', date: '2027-01-05' },
  };
  return { ...byVerb[prefix!], ...claim };
}

/** What a refusal says (the one place errors become sentences, plus the features' own). */
const refusals = [sv.errors.notAllowed, sv.errors.notAllowedChair, sv.errors.badCard, sv.errors.notFound, sv.inputs.notMember, sv.promise.ownerOnly, sv.promise.readingNotAllowed, sv.links.refusals['not-linked']].map((r) => JSON.stringify(r).slice(1, 40));

/** Verbs a guest may use: they show only the guest's own things. */
const harmlessForGuest = new Set<Verb>(['action.mine']);

describe('every card verb from someone without a role', () => {
  it.each(verbs.map((v) => [v]))('%s: refused or harmless, and nothing stored changes', async (verb) => {
    await settled();
    const before = await snapshot();
    const sentBefore = t.connector.received.length;
    const res = await t.post(invokeExecute(guestChat(), GUEST, verb, forgedData(verb)));
    expect(res.status).toBe(200);
    const body = JSON.stringify(res.body);
    if (!harmlessForGuest.has(verb)) {
      // Refused with a sentence that says so (never the data asked for).
      expect(refusals.some((r) => body.includes(r)), body.slice(0, 400)).toBe(true);
      expect(body).not.toContain('Trygghetsvandring');
      expect(body).not.toContain('Lugnt i centrum');
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(diffSnapshots(before, await snapshot())).toEqual([]);
    expect(t.connector.received.length).toBe(sentBefore);
  });
});

describe('ids in card data are checked against the user’s memberships', () => {
  it('a forum member cannot answer for another forum, from their own channel or elsewhere', async () => {
    await settled();
    const before = await snapshot();
    for (const where of [seeded.forums[0]!.channelId, '19:elsewhere@thread.tacv2']) {
      const res = await t.post(invokeExecute(channel(t.connector.url, where), MEMBER, 'input.submit', answerData(seeded.meetingId, seeded.forums[1]!.id, 'Förfalskat för Ryd')));
      expect(JSON.stringify(res.body)).toContain('Bara forumets ledamöter');
    }
    expect(await t.runtime.services.repos.answers.get(answerId(seeded.meetingId, seeded.forums[1]!.id))).toBeNull();
    expect(diffSnapshots(before, await snapshot()).filter((d) => !d.includes('{conversation:') && !d.includes(':idx:conversation') && !d.includes(':lkp:conversation:') && !d.includes(':gen:conversation'))).toEqual([]);
  });

  it('who answered is the activity’s user, never what the card says', async () => {
    const res = await t.post(
      invokeExecute(channel(t.connector.url, seeded.forums[0]!.channelId), MEMBER, 'input.submit', answerData(seeded.meetingId, seeded.forums[0]!.id, 'Andra versionen.', { version: 1, submittedBy: CHAIR.aadObjectId, submittedByName: 'Ordförande', actorId: CHAIR.aadObjectId })),
    );
    expect(JSON.stringify(res.body)).toContain('Tack!');
    const stored = await t.runtime.services.repos.answers.require(answerId(seeded.meetingId, seeded.forums[0]!.id));
    expect(stored.data.submittedBy).toBe(MEMBER.aadObjectId);
    expect(stored.updatedBy).toBe(MEMBER.aadObjectId);
  });

  it('a meeting id that does not exist is refused for inputs and for an owner’s follow-up', async () => {
    await settled();
    const before = await snapshot();
    const input = await t.post(invokeExecute(channel(t.connector.url, seeded.forums[0]!.channelId), MEMBER, 'input.submit', answerData('2031-3', seeded.forums[0]!.id, 'x')));
    expect(JSON.stringify(input.body)).not.toContain('Tack!');
    const owner = await t.post(
      invokeExecute({ conversationId: 'a:member-personal', conversationType: 'personal', serviceUrl: t.connector.url }, MEMBER, 'action.update', {
        promiseId,
        actionId,
        rev: actionRev,
        meetingId: '1999-9',
        status: 'pagar',
        followUp: 'Förfalskat möte',
      }),
    );
    expect(JSON.stringify(owner.body)).toContain(sv.errors.badCard);
    expect(diffSnapshots(before, await snapshot()).filter((d) => !d.includes('{conversation:') && !d.includes(':idx:conversation') && !d.includes(':lkp:conversation:') && !d.includes(':gen:conversation'))).toEqual([]);
  });
});

describe('every command from someone without a role', () => {
  const commandTexts = Object.values(sv.help.commands).map((c) => c[0] as string);
  it.each(commandTexts.map((c) => [c]))('«%s» changes nothing stored', async (text) => {
    await settled();
    const before = await snapshot();
    const res = await t.post(message(guestChat(), GUEST, text));
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(diffSnapshots(before, await snapshot())).toEqual([]);
  });
});
