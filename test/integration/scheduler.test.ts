import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redisCoordinator, startScheduler } from '../../jobs/scheduler.js';
import { timelineJobId } from '../../jobs/timeline.js';
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import { confirmPlan } from '../../src/services/meetings.js';
import { makeTestServices, scanKeys, type TestServices } from '../support/services.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let t: TestServices;

beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-01-10T08:00:00Z') });
});

afterEach(async () => {
  await t.cleanup();
});

describe('redisCoordinator', () => {
  it('lets exactly one of two instances (two connections) run a tick, and again after the TTL', async () => {
    const a = redisCoordinator(t.newStoreConnection(), t.keyPrefix);
    const b = redisCoordinator(t.newStoreConnection(), t.keyPrefix);

    const first = await Promise.all([a.shouldRun('reconcile:1000', 300), b.shouldRun('reconcile:1000', 300)]);
    expect(first.filter(Boolean)).toHaveLength(1);
    // Still held: neither may run it again.
    expect(await a.shouldRun('reconcile:1000', 300)).toBe(false);
    expect(await b.shouldRun('reconcile:1000', 300)).toBe(false);
    // Another key is independent.
    expect(await b.shouldRun('reconcile:1001', 300)).toBe(true);

    const pttl = await t.redis.pttl(`${t.keyPrefix}:lock:reconcile:1000`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(300);

    await sleep(400);
    const again = await Promise.all([b.shouldRun('reconcile:1000', 300), a.shouldRun('reconcile:1000', 300)]);
    expect(again.filter(Boolean)).toHaveLength(1);
  });

  it('under many parallel callers on many connections, exactly one wins', async () => {
    const coordinators = Array.from({ length: 8 }, () => redisCoordinator(t.newStoreConnection(), t.keyPrefix));
    const results = await Promise.all(coordinators.flatMap((c) => [c.shouldRun('digest:42', 5_000), c.shouldRun('digest:42', 5_000)]));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('locks live under the key prefix (so cleanup and other deployments are unaffected)', async () => {
    const other = redisCoordinator(t.redis, `${t.keyPrefix}-other`);
    const mine = redisCoordinator(t.redis, t.keyPrefix);
    expect(await mine.shouldRun('k', 5_000)).toBe(true);
    expect(await other.shouldRun('k', 5_000)).toBe(true);
    await t.redis.del(`${t.keyPrefix}-other:lock:k`);
    expect(await t.listKeys()).toContain(`${t.keyPrefix}:lock:k`);
  });
});

describe('startScheduler', () => {
  it('reconcileNow re-creates missing timeline jobs; stop() ends the cron task', async () => {
    const choices = proposeYearPlan(2027, t.s.planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time }));
    await confirmPlan(t.s, 2027, choices, 'chair-1');
    await (await t.s.queues.timeline.getJob(timelineJobId('2027-3', 'decisions')))!.remove();
    const scheduler = startScheduler(t.platform, t.redis);
    t.onCleanup(() => scheduler.stop());
    expect(await scheduler.reconcileNow()).toMatchObject({ orgs: 1, done: 1, failed: 0, left: 0, forumsFiled: 0, meetings: 3, added: 1, calendar: 0 });
    expect(await t.s.queues.timeline.getJob(timelineJobId('2027-3', 'decisions'))).toBeDefined();
    await scheduler.stop();
  });
});

describe('test support', () => {
  it('cleanup() deletes every key under both prefixes and closes the connections', async () => {
    const u = await makeTestServices({ now: new Date('2027-01-10T08:00:00Z') });
    const choices = proposeYearPlan(2027, u.s.planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time }));
    await u.s.repos.steering.create('styrgrupp', { conversationId: 'c-1', registeredBy: 'x', registeredAt: 'now', extraChairIds: [], memberIds: [] }, 'x');
    await confirmPlan(u.s, 2027, choices, 'chair-1');
    await u.s.repos.markers.set('timeline', 'm');
    await redisCoordinator(u.redis, u.keyPrefix).shouldRun('k', 60_000);
    const keys = await u.listKeys();
    expect(keys.some((k) => k.startsWith(`${u.keyPrefix}:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`${u.queuePrefix}:`))).toBe(true);

    await u.cleanup();
    expect(await scanKeys(t.redis, `*${u.keyPrefix}*`)).toEqual([]);
    expect(u.redis.status).toBe('end');
    expect(u.queueRedis.status).toBe('end');
    await u.cleanup(); // idempotent
  });

  it('the clock is controllable', () => {
    t.clock.set('2027-05-01T00:00:00Z');
    t.clock.advance(90_000);
    expect(t.s.clock().toISOString()).toBe('2027-05-01T00:01:30.000Z');
    expect(t.s.repos.meetings).toBeDefined();
    expect(t.s.config.KEY_PREFIX).toBe(t.keyPrefix);
    expect(t.s.config.QUEUE_PREFIX).toBe(t.queuePrefix);
    expect(t.queuePrefix).toBe(`{${t.keyPrefix}}`);
  });
});
