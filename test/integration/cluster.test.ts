import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNotice } from '../../src/services/notices.js';
import { scanAll, serversOf } from '../../src/store/redis.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/**
 * Only under `npm run test:cluster` (REDIS_CLUSTER_NODES set): data spreads over the
 * masters while each queue's keys — hash-tagged by the queue prefix — share one slot.
 */
const inCluster = !!process.env.REDIS_CLUSTER_NODES;
let t: TestServices;

beforeAll(async () => {
  if (inCluster) t = await makeTestServices();
});

afterAll(async () => {
  await t?.cleanup();
});

describe.skipIf(!inCluster)('Redis Cluster', () => {
  it('runs on three masters and spreads records over them', async () => {
    const masters = serversOf(t.redis);
    expect(masters).toHaveLength(3);
    for (let i = 0; i < 60; i++) await t.s.repos.markers.set('spread', `k${i}`);
    const perMaster = await Promise.all(masters.map(async (m) => (await scanAll(m, `${t.keyPrefix}:*`)).length));
    expect(perMaster.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps every key of the queues on one slot (the {prefix} hash tag)', async () => {
    for (let i = 0; i < 5; i++) await enqueueNotice(t.s, `19:c${i}@thread.tacv2`, 'text.welcome', { occasion: `cluster-${i}` });
    const queueKeys = await scanAll(t.redis, `${t.queuePrefix}:*`);
    expect(queueKeys.length).toBeGreaterThan(5);
    const slots = new Set(await Promise.all(queueKeys.map(async (k) => String(await serversOf(t.redis)[0]!.call('CLUSTER', 'KEYSLOT', k)))));
    expect(slots.size).toBe(1);
  });
});
