import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueNames } from '../../jobs/queues.js';
import { Keys } from '../../src/store/keys.js';
import { createQueueRedis, createStoreRedis, scanAll, type RedisClient } from '../../src/store/redis.js';
import { createGlobalRepositories, createRepositories } from '../../src/store/repositories.js';
import { jobStates, hasRedisServer, keyContent, listSha256, loadManifest, PINNED_COMMIT, sha256, startFixtureRedis, stillLive, type FixtureRedis, type UpgradeManifest } from '../support/upgradeFixture.js';

/**
 * The upgrade fixture is what the manifest says it is, read with the v1 layout (`Keys`,
 * the v1 repositories, BullMQ): the migration test (issue 12) can trust both. Its own
 * single redis-server, so not a cluster test (scripts/test-cluster.mjs excludes it).
 * Keys with a TTL expire in real time and Redis drops expired keys on load: those are
 * expected only while still live (`stillLive`).
 */
const skip = !hasRedisServer() || !!process.env.REDIS_CLUSTER_NODES;

let server: FixtureRedis;
let redis: RedisClient;
let queueRedis: RedisClient;
let m: UpgradeManifest;
let keys: Keys;
/** When the server loaded the dump: what was live then is expected. */
let loadedAt: number;

describe.skipIf(skip)('the v1 upgrade fixture', () => {
  beforeAll(async () => {
    m = loadManifest();
    loadedAt = Date.now();
    server = await startFixtureRedis();
    redis = createStoreRedis(server.url);
    queueRedis = createQueueRedis(server.url);
    keys = new Keys(m.keyPrefix);
  });

  afterAll(async () => {
    await Promise.allSettled([redis?.quit(), queueRedis?.quit()]);
    await server?.stop();
  });

  it('was written by the pinned commit under the default prefixes', () => {
    expect(m.pinnedCommit).toBe(PINNED_COMMIT);
    expect(m.keyPrefix).toBe('samverkan');
    expect(m.queuePrefix).toBe('{samverkan}');
    expect(m.clock).toBe('2027-01-10T08:00:00.000Z');
  });

  it('holds every key of the manifest with the same content, and no other', async () => {
    const live = m.keys.filter((k) => stillLive(k.expireAtMs, loadedAt, 0));
    const found = [...new Set(await scanAll(redis, '*'))].sort();
    // A key that expired between loading and scanning is no surprise; anything else is.
    const settled = m.keys.filter((k) => stillLive(k.expireAtMs, loadedAt)).map((k) => k.key);
    expect(found.filter((k) => !m.keys.some((x) => x.key === k))).toEqual([]);
    expect(settled.filter((k) => !found.includes(k))).toEqual([]);
    for (const k of live.filter((x) => found.includes(x.key))) {
      const type = await redis.type(k.key);
      expect.soft(type, k.key).toBe(k.type);
      expect.soft(sha256(JSON.stringify(await keyContent(redis, k.key, type))), k.key).toBe(k.sha256);
    }
    expect(found.length).toBeGreaterThan(100);
  });

  it('every record is at its v1 key with its version, author and document, and parses with the v1 schema', async () => {
    const repos = createRepositories(redis, keys, () => new Date(m.clock), createGlobalRepositories(redis, keys, () => new Date(m.clock)));
    const byCollection = new Map(Object.values(repos).flatMap((r) => (typeof r === 'object' && r !== null && 'collection' in r && 'require' in r ? [[r.collection, r] as const] : [])));
    expect(m.records.length).toBeGreaterThan(20);
    for (const r of m.records) {
      expect(r.key).toBe(keys.record(r.collection, r.id));
      const h = await redis.hgetall(r.key);
      expect.soft(Number(h.v), r.key).toBe(r.version);
      expect.soft(h.by, r.key).toBe(r.updatedBy);
      expect.soft(h.at, r.key).toBe(r.updatedAt);
      expect.soft(sha256(h.doc ?? ''), r.key).toBe(r.docSha256);
      const repo = byCollection.get(r.collection);
      expect.soft(!!repo, r.key).toBe(r.viaRepository);
      if (repo) expect.soft((await repo.require(r.id)).version, r.key).toBe(r.version);
      expect.soft(await redis.sismember(keys.index(r.collection), r.id), `${r.key} indexed`).toBe(1);
    }
  });

  it('every history and audit list is whole', async () => {
    for (const [kind, lists] of [
      ['hist', m.histories],
      ['audit', m.audits],
    ] as const) {
      for (const l of lists) {
        expect(l.key).toBe(kind === 'hist' ? keys.history(l.collection, l.id) : keys.audit(l.collection, l.id));
        const items = await redis.lrange(l.key, 0, -1);
        expect.soft(items.length, l.key).toBe(l.length);
        expect.soft(listSha256(items), l.key).toBe(l.sha256);
      }
    }
    const answers = new Map(m.histories.filter((h) => h.collection === 'answer').map((h) => [h.id, h.length]));
    expect(answers.get('2027-1.trygghetsradet-ryd')).toBe(2);
    expect(answers.get('2027-1.trygghetsradet-skaggetorp')).toBe(3);
  });

  it('the report read and the signed link that made it are recorded', async () => {
    const reads = await redis.lrange(keys.of('audit', 'report-reads'), 0, -1);
    expect(reads).toEqual(m.reportReads.items);
    expect(reads).toHaveLength(1);
    expect(JSON.parse(reads[0]!)).toMatchObject({ who: 'link', what: `${m.reportLink.path}?aud=steering` });
    expect(m.reportLink.path).toBe('/reports/2027-1.html');
  });

  it('every done marker that has not expired is there with its value and its TTL', async () => {
    expect(m.markers.length).toBeGreaterThan(10);
    for (const mk of m.markers.filter((x) => stillLive(x.expireAtMs, loadedAt))) {
      expect(mk.key).toBe(keys.of('done', ...mk.name.split(':')));
      expect.soft(await redis.get(mk.key), mk.key).toBe(mk.value);
      expect.soft((await redis.pttl(mk.key)) > 0, `${mk.key} TTL`).toBe(mk.hasTtl);
    }
    expect(m.markers.some((x) => x.name === 'compiled:2027-1')).toBe(true);
  });

  it('every BullMQ job is in its state with its name, data, delay and timestamp', async () => {
    let total = 0;
    for (const name of Object.values(queueNames)) {
      const queue = new Queue(name, { connection: queueRedis, prefix: m.queuePrefix });
      try {
        for (const state of jobStates) {
          const expected = m.jobs[name]?.[state] ?? [];
          const jobs = (await queue.getJobs([state], 0, -1, true)).filter((j) => !!j);
          expect.soft(jobs.map((j) => j.id).sort(), `${name} ${state}`).toEqual(expected.map((j) => j.id).sort());
          for (const e of expected) {
            const j = jobs.find((x) => x.id === e.id);
            if (!j) continue;
            expect.soft({ name: j.name, data: j.data as unknown, delay: j.opts.delay ?? null, timestamp: j.timestamp }, `${name} ${e.id}`).toEqual({ name: e.name, data: e.data, delay: e.delay, timestamp: e.timestamp });
          }
          total += expected.length;
        }
      } finally {
        await queue.close();
      }
    }
    expect(total).toBeGreaterThan(50);
    const failed = m.jobs.notify?.failed ?? [];
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({ conversationId: m.failedNotifyConversationId });
    expect(failed[0]!.failedReason).toContain('400');
  });
});
