import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueues, type Queues } from '../../jobs/queues.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { upgradeData } from '../../src/services/bootPlatform.js';
import { createPlatform, type Platform } from '../../src/services/platform.js';
import { Keys } from '../../src/store/keys.js';
import { createQueueRedis, type RedisClient } from '../../src/store/redis.js';
import { createGlobalRepositories, createRepositories } from '../../src/store/repositories.js';
import { clusterEnv, closeConnection, deleteKeysUnder, redisUrl, testRedis, testRedisTarget } from '../support/services.js';

/**
 * The upgrade's key moves on whatever Redis the tests run on — also a three-node Cluster
 * (`npm run test:cluster`), where a record's old hash tag `{answer:…}` and the
 * organisation's `{o:…}` live on different slots and nodes (so DUMP/RESTORE, not RENAME).
 * The old layout is written by the deployment's `Keys`, which still is the v1 layout.
 */
const id = randomBytes(5).toString('hex');
const prefix = `mig-${id}`;
const queuePrefix = `{mig-${id}}`;
let redis: RedisClient;
let queueRedis: RedisClient;
let queues: Queues;
let platform: Platform;
const clock = () => new Date('2027-01-10T08:00:00Z');

beforeAll(async () => {
  redis = testRedis();
  queueRedis = createQueueRedis(testRedisTarget());
  queues = createQueues(queueRedis, queuePrefix);
  const config = loadConfig({ NODE_ENV: 'test', REDIS_URL: redisUrl(), ...clusterEnv(), KEY_PREFIX: prefix, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'silent', CHAIR_IDS: 'chair-1' });
  platform = createPlatform({ config, redis, keys: new Keys(prefix), queues, clock, log: createLogger('silent') });
  // Written the way the single-municipality version wrote them.
  const v1 = createRepositories(redis, new Keys(prefix), clock, createGlobalRepositories(redis, new Keys(prefix), clock));
  await v1.forums.create('trygghetsradet-berga', { id: 'trygghetsradet-berga', name: 'Trygghetsrådet Berga', kind: 'trygghetsrad', districts: ['Berga'], contacts: [], conversationId: '19:berga@thread.tacv2', active: true, memberIds: ['member-1'] }, 'chair-1');
  await v1.forums.ensureLookups();
  await v1.markers.set('timeline', '2027-1.prompt.s0', '2027-02-10T08:00:00.000Z');
  await v1.markers.set('turn', 'c1.a1', 'x', 600);
  await v1.conversations.create('c1', { conversationId: '19:berga@thread.tacv2', kind: 'channel', reference: {}, active: true, installedAt: clock().toISOString() }, 'system');
});

afterAll(async () => {
  await queues?.close();
  await deleteKeysUnder(redis, [prefix, queuePrefix]);
  await Promise.all([redis, queueRedis].map(closeConnection));
});

describe('the upgrade on this Redis (single server or Cluster)', () => {
  it('moves records, lookups and markers across slots; keeps the deployment’s own where they were', async () => {
    const result = await upgradeData(platform);
    expect(result.outcome).toBe('migrated');
    const s = await platform.orgs.require(result.orgId!);
    const forum = await s.repos.forums.require('trygghetsradet-berga');
    expect(forum.data.name).toBe('Trygghetsrådet Berga');
    expect(forum.version).toBe(1);
    expect(await s.repos.audit.list('forum', 'trygghetsradet-berga')).toHaveLength(1);
    // Found through the moved lookup terms, as a turn finds it.
    expect((await s.repos.forums.findBy('person:member-1')).map((f) => f.id)).toEqual(['trygghetsradet-berga']);
    expect(await s.repos.markers.get('timeline', '2027-1.prompt.s0')).toBe('2027-02-10T08:00:00.000Z');
    expect(await platform.repos.markers.get('turn', 'c1.a1')).toBe('x');
    expect((await platform.repos.conversations.get('c1'))?.data.conversationId).toBe('19:berga@thread.tacv2');
    expect(await redis.exists(`${prefix}:rec:{forum:trygghetsradet-berga}`)).toBe(0);
    expect(await redis.exists(`${prefix}:done:timeline:2027-1.prompt.s0`)).toBe(0);
    // Written through the organisation afterwards: a compare-and-set on its one slot.
    await s.repos.forums.update('trygghetsradet-berga', 1, { ...forum.data, name: 'Trygghetsrådet Berga och Ryd' }, 'chair-1');
    expect((await s.repos.forums.require('trygghetsradet-berga')).version).toBe(2);
  });
});
