import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { turnMarkerId } from '../../src/bot/idempotency.js';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { sv } from '../../src/i18n/sv.js';
import { CHAIR, MEMBER, channel, invokeExecute, message } from '../support/activities.js';
import { answerData, seedCycle, type Seeded } from '../support/seed.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Teams re-sends an activity with the same id when the bot was slow or failed: the
 * second delivery has no effect of its own, and an invoke gets the first response again.
 */
let t: TestRuntime;
let seeded: Seeded;

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-01-10T08:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, DISTRICTS: 'Berga,Ryd,Lambohov' } });
  seeded = await seedCycle(t, ['Berga', 'Ryd']);
});

afterAll(async () => {
  await t?.cleanup();
});

describe('the same activity id twice', () => {
  it('an answer (input.submit) is stored once and both deliveries get the same card', async () => {
    const forum = seeded.forums[0]!;
    const activity = invokeExecute(channel(t.connector.url, forum.channelId), MEMBER, 'input.submit', answerData(seeded.meetingId, forum.id, 'Lugnt.'));
    const first = await t.post(activity);
    const again = await t.post(activity);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(JSON.stringify(first.body)).toContain('Tack!');
    expect(again.body).toEqual(first.body);
    const id = answerId(seeded.meetingId, forum.id);
    expect((await t.runtime.services.repos.answers.require(id)).version).toBe(1);
    expect(await t.runtime.services.repos.answers.history(id)).toHaveLength(1);
  });

  it('concurrent duplicates of a card action have one effect', async () => {
    const where = channel(t.connector.url, '19:forum-new@thread.tacv2', 'Nytt forum');
    const activity = invokeExecute(where, CHAIR, 'forum.save', { name: 'Trygghetsrådet Lambohov', kind: 'trygghetsrad', districts: 'Lambohov' });
    const results = await Promise.all([t.post(activity), t.post(activity), t.post(activity)]);
    for (const r of results) expect(r.status).toBeLessThan(300);
    expect(results.filter((r) => JSON.stringify(r.body).includes('är registrerat')).length).toBeGreaterThanOrEqual(1);
    expect(results.some((r) => JSON.stringify(r.body).includes('finns redan') || JSON.stringify(r.body).includes('otherChannel'))).toBe(false);
    const forums = (await t.runtime.services.repos.forums.list()).filter((f) => f.data.name === 'Trygghetsrådet Lambohov');
    expect(forums).toHaveLength(1);
    expect(await t.runtime.services.repos.audit.list('forum', forums[0]!.id)).toHaveLength(1);
  });

  it('a refused submit is not kept: its retries, at once or later, are refused again and the id is free', async () => {
    const forum = seeded.forums[1]!;
    const activity = invokeExecute(channel(t.connector.url, forum.channelId), MEMBER, 'input.submit', answerData(seeded.meetingId, forum.id, 'Ring 070-987 65 43 om trappuppgången.'));
    const refused = sv.fieldErrors.personalData('phone');
    const results = [...(await Promise.all([t.post(activity), t.post(activity)])), await t.post(activity)];
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).toContain(refused);
    }
    // Nothing of the refusal stays under the activity's id (it held the form with the text).
    expect(await t.runtime.services.repos.markers.get('turn', turnMarkerId(activity.conversation.id, activity.id))).toBeNull();
    expect(await t.runtime.services.repos.answers.get(answerId(seeded.meetingId, forum.id))).toBeNull();
  });

  it('a message is answered once', async () => {
    const where = { conversationId: 'a:dup-message', conversationType: 'personal' as const, serviceUrl: t.connector.url };
    const activity = message(where, MEMBER, 'hjälp');
    await t.post(activity);
    await t.post(activity);
    await t.connector.waitFor((r) => r.conversationId === 'a:dup-message');
    await new Promise((r) => setTimeout(r, 300));
    expect(t.connector.to('a:dup-message').filter((r) => r.activity.type === 'message')).toHaveLength(1);
  });

  it('a new activity id is a new action', async () => {
    const where = { conversationId: 'a:dup-message-2', conversationType: 'personal' as const, serviceUrl: t.connector.url };
    await t.post(message(where, MEMBER, 'hjälp'));
    await t.post(message(where, MEMBER, 'hjälp'));
    await new Promise((r) => setTimeout(r, 500));
    expect(t.connector.to('a:dup-message-2').filter((r) => r.activity.type === 'message')).toHaveLength(2);
  });
});
