import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import cron from 'node-cron';
import type { OutboundSender } from '../../jobs/processors/notify.js';
import { DIGEST_CRON, OVERDUE_CRON } from '../../jobs/promiseTicks.js';
import { startScheduler } from '../../jobs/scheduler.js';
import { startWorkers } from '../../jobs/workers.js';
import { renderNotice } from '../../src/bot/notices.js';
import { makeTestServices, type TestServices } from '../support/services.js';
import { CHAIR_ID, addConversation, registerSteering, seedAction, seedPromise } from '../support/promise.js';

/**
 * The weekly digest (Monday 08:00 Europe/Stockholm) goes to the chairs from exactly one
 * of several running instances: every scheduler fires the cron tick, the Redis lock
 * lets one of them do the work.
 */
const STEERING = '19:steering@thread.tacv2';
let t: TestServices;

beforeEach(async () => {
  // Monday 8 March 2027, 08:00 in Stockholm.
  t = await makeTestServices({ now: new Date('2027-03-08T07:00:00Z'), env: { CHAIR_IDS: `${CHAIR_ID},chair-2` } });
  await registerSteering(t.s, STEERING);
});

afterEach(async () => {
  await t.cleanup();
});

describe('weekly digest', () => {
  it('is scheduled Monday 08:00 and nightly overdue at 00:15 (valid cron)', () => {
    expect(DIGEST_CRON).toBe('0 8 * * 1');
    expect(cron.validate(DIGEST_CRON) && cron.validate(OVERDUE_CRON)).toBe(true);
  });

  it('is sent by exactly one of two running instances, once, with late and upcoming items', async () => {
    const { promiseId, commitmentId } = await seedPromise(t.s);
    await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-late', name: 'Sen Person' }, '2027-03-10', 'Sen åtgärd');
    t.clock.set('2027-03-15T07:00:00Z'); // the next Monday: 'Sen åtgärd' is 5 days late
    await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-soon', name: 'Snart Person' }, '2027-03-20', 'Snart klar');
    // Chair 1 has a 1:1 chat; chair 2 does not, so the steering channel gets one copy too.
    await addConversation(t.s, 'a:chair-1', 'personal', CHAIR_ID);

    const captured: { conversationId: string; text: string }[] = [];
    const sender: OutboundSender = {
      async send(job, _ref, locale) {
        const activity = await renderNotice(t.s, job, locale);
        captured.push({ conversationId: job.conversationId, text: JSON.stringify(activity) });
        return 'act';
      },
    };
    const instanceA = startScheduler(t.platform, t.newStoreConnection());
    const instanceB = startScheduler(t.platform, t.newStoreConnection());
    t.onCleanup(() => instanceA.stop());
    t.onCleanup(() => instanceB.stop());
    const workers = startWorkers(t.platform, t.newQueueConnection(), sender);
    t.onCleanup(() => workers.close());

    const ran = await Promise.all([instanceA.promise.digest(), instanceB.promise.digest()]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    // The same tick again (e.g. a second cron firing on a skewed clock) does nothing.
    expect(await Promise.all([instanceA.promise.digest(), instanceB.promise.digest()])).toEqual([false, false]);

    const start = Date.now();
    while (captured.length < 2 && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 500));
    expect(captured.map((c) => c.conversationId).sort()).toEqual(['19:steering@thread.tacv2', 'a:chair-1']);
    const text = captured[0]!.text;
    expect(text).toContain('Veckans läge i medborgarlöftet');
    expect(text).toContain('Sen åtgärd – Sen Person, 2027-03-10 · 5 dagar sent');
    expect(text).toContain('Snart klar – Snart Person, 2027-03-20');
  });

  it('sends nothing when there is no open promise', async () => {
    const scheduler = startScheduler(t.platform, t.newStoreConnection());
    t.onCleanup(() => scheduler.stop());
    expect(await scheduler.promise.digest()).toBe(true);
    expect(await t.queues.notify.count()).toBe(0);
  });
});
