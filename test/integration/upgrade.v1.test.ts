import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueues, type Queues } from '../../jobs/queues.js';
import { loadConfig, type Config } from '../../src/config.js';
import { conversationKey } from '../../src/domain/conversation.js';
import { orgOfJobId, type OrgId } from '../../src/domain/organisation/organisation.js';
import { createLogger } from '../../src/log.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { upgradeData } from '../../src/services/bootPlatform.js';
import { retryFailedNotifications } from '../../src/services/inputs/deliveryFailures.js';
import { createPlatform, type Platform } from '../../src/services/platform.js';
import { Keys, type OrgKeys } from '../../src/store/keys.js';
import { migrateToOrganisations } from '../../src/store/migrations/v2Organisations.js';
import { createQueueRedis, createStoreRedis, scanAll, type RedisClient } from '../../src/store/redis.js';
import { channel, message, post } from '../support/activities.js';
import { FakeConnector } from '../support/fakeConnector.js';
import { eventually } from '../support/testRuntime.js';
import { hasRedisServer, listSha256, loadManifest, sha256, startFixtureRedis, stillLive, type FixtureRedis, type UpgradeManifest } from '../support/upgradeFixture.js';

/**
 * Issue 12, item 3: a deployment of the single-municipality version upgrades in place.
 * The data is an RDB written by that version itself (test/fixtures/upgrade/v1, commit
 * 424f82c: demo data plus a full cycle). The upgrade is interrupted after its first step,
 * resumed, and run once more; then every record, kept version, audit line, marker and
 * queued job is checked against the manifest the old version wrote, and the new runtime
 * serves the upgraded data (a command, a signed link sent before the upgrade).
 */
const skip = !hasRedisServer() || !!process.env.REDIS_CLUSTER_NODES;

let server: FixtureRedis;
let redis: RedisClient;
let queueRedis: RedisClient;
let queues: Queues;
let m: UpgradeManifest;
let config: Config;
let platform: Platform;
let orgId: OrgId;
let org: OrgKeys;
let loadedAt: number;
const clock = () => new Date('2027-01-10T08:00:00.000Z');
const log = createLogger('silent');

describe.skipIf(skip)('upgrade in place: v1 data becomes one organisation', () => {
  beforeAll(async () => {
    m = loadManifest();
    loadedAt = Date.now();
    server = await startFixtureRedis();
    redis = createStoreRedis(server.url);
    queueRedis = createQueueRedis(server.url);
    config = loadConfig({ ...m.env, REDIS_URL: server.url });
    queues = createQueues(queueRedis, m.queuePrefix);
    platform = createPlatform({ config, redis, keys: new Keys(m.keyPrefix), queues, clock, log });
  });

  afterAll(async () => {
    await queues?.close();
    await Promise.allSettled([redis?.quit(), queueRedis?.quit()]);
    await server?.stop();
  });

  it('is resumable: a process dying after the first step leaves the rest for the next start', async () => {
    const first = await migrateToOrganisations({ config, redis, keys: platform.keys, queues, clock, log, requeue: async () => ({ timeline: 0, reminders: 0 }), stopAfter: 'records' });
    expect(first.outcome).toBe('migrated');
    expect(await redis.get(`${m.keyPrefix}:layout`)).toBeNull();
    // The records moved, the indexes not yet: the next start must finish the job, not begin again.
    expect(await redis.exists(`${m.keyPrefix}:idx:forum`)).toBe(1);
    const second = await upgradeData(platform);
    expect(second.outcome).toBe('migrated');
    expect(second.orgId).toBe(first.orgId);
    orgId = second.orgId!;
    org = platform.keys.forOrg(orgId);
    expect(await redis.get(`${m.keyPrefix}:layout`)).toBe('2');
  });

  it('is idempotent: a third start changes nothing', async () => {
    const before = (await scanAll(redis, '*')).sort();
    expect((await upgradeData(platform)).outcome).toBe('already');
    expect((await scanAll(redis, '*')).sort()).toEqual(before);
  });

  it('registers one active organisation, the upgraded one, audited', async () => {
    expect(await platform.orgs.activeIds()).toEqual([orgId]);
    expect(await platform.orgs.legacyId()).toBe(orgId);
    const s = await platform.orgs.require(orgId);
    expect(s.org.legacy).toBe(true);
    // Its env vars stay its settings: chairs, districts and time zone as before.
    expect(s.config.CHAIR_IDS).toEqual([m.people.chair.aadObjectId]);
    expect(s.config.TIMEZONE).toBe('Europe/Stockholm');
    const audit = await platform.repos.orgs.auditLines();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'migrated', org: orgId, actor: 'system' });
  });

  it('keeps every record with its version, author and content; conversations stay the deployment’s', async () => {
    for (const r of m.records) {
      const key = r.collection === 'conversation' ? r.key : org.record(r.collection, r.id);
      const h = await redis.hgetall(key);
      expect(h.doc, key).toBeDefined();
      expect(sha256(h.doc!), key).toBe(r.docSha256);
      expect(Number(h.v), key).toBe(r.version);
    }
    // Read through the organisation's repositories, as the app does.
    const s = await platform.orgs.require(orgId);
    expect((await s.repos.forums.list()).length).toBe(m.records.filter((r) => r.collection === 'forum').length);
    expect((await s.repos.answers.list()).length).toBe(m.records.filter((r) => r.collection === 'answer').length);
    const promise = m.records.find((r) => r.collection === 'promise')!;
    expect((await s.repos.promises.require(promise.id)).version).toBe(promise.version);
    expect((await s.repos.conversations.list()).length).toBe(m.records.filter((r) => r.collection === 'conversation').length);
  });

  it('keeps every kept version and every audit line, unchanged and in order', async () => {
    for (const h of m.histories) {
      const key = org.history(h.collection, h.id);
      const items = await redis.lrange(key, 0, -1);
      expect(items.length, key).toBe(h.length);
      expect(listSha256(items), key).toBe(h.sha256);
    }
    for (const a of m.audits) {
      const key = a.collection === 'conversation' ? a.key : org.audit(a.collection, a.id);
      const items = await redis.lrange(key, 0, -1);
      expect(items.length, key).toBe(a.length);
      expect(listSha256(items), key).toBe(a.sha256);
    }
    const reads = await redis.lrange(org.of('audit', 'report-reads'), 0, -1);
    expect(listSha256(reads)).toBe(m.reportReads.sha256);
    // The forums' answer histories are readable as versions (the inspel card's "earlier versions").
    const s = await platform.orgs.require(orgId);
    const answers = m.histories.filter((h) => h.collection === 'answer').sort((a, b) => b.length - a.length);
    expect(answers[0]!.length).toBeGreaterThanOrEqual(3);
    for (const h of answers) expect((await s.repos.answers.history(h.id)).length, h.id).toBe(h.length);
  });

  it('moves every done marker of the organisation with its value and expiry; turn markers stay', async () => {
    const live = m.markers.filter((k) => stillLive(k.expireAtMs, loadedAt));
    expect(live.length).toBeGreaterThan(10);
    for (const mk of live) {
      const [kind] = mk.name.split(':');
      const key = kind === 'turn' || kind === 'export' ? mk.key : org.of('done', mk.name);
      expect(await redis.get(key), key).toBe(mk.value);
      if (mk.hasTtl) expect(await redis.pttl(key), key).toBeGreaterThan(0);
    }
  });

  it('leaves no key in the old layout but the deployment’s own', async () => {
    const P = m.keyPrefix;
    const left = (await scanAll(redis, `${P}:*`)).filter((k) => !k.startsWith(`${P}:{o:`));
    const allowed = [
      /^samverkan:(rec|audit):\{conversation:[^}]+\}$/,
      /^samverkan:idx:conversation$/,
      /^samverkan:done:(turn|export):/,
      /^samverkan:(people|metrics|layout|orgs|lock:.*|rl:.*|rlseq:.*|pacer:.*)$/,
      /^samverkan:(org|migrate|audit:orgs|person):?/,
    ];
    expect(left.filter((k) => !allowed.some((re) => re.test(k)))).toEqual([]);
  });

  it('queues the same timeline steps and reminders again under the organisation’s job ids', async () => {
    const stepsOf = (jobs: { id?: string; data: unknown }[]) => jobs.map((j) => JSON.stringify([(j.data as { meetingId: string }).meetingId, (j.data as { kind: string }).kind, (j.data as { sequence: number }).sequence])).sort();
    const delayed = await queues.timeline.getJobs(['delayed', 'waiting', 'prioritized']);
    expect(delayed.every((j) => orgOfJobId(j.id) === orgId && (j.data as { orgId?: string }).orgId === orgId)).toBe(true);
    expect(stepsOf(delayed)).toEqual(stepsOf(m.jobs.timeline!.delayed));
    const reminders = await queues.actions.getJobs(['delayed', 'waiting', 'prioritized']);
    const remOf = (jobs: { data: unknown }[]) => jobs.map((j) => { const d = j.data as { promiseId: string; actionId: string; kind: string; due: string }; return `${d.promiseId}/${d.actionId}/${d.kind}/${d.due}`; }).sort();
    expect(reminders.every((j) => orgOfJobId(j.id) === orgId)).toBe(true);
    expect(remOf(reminders)).toEqual(remOf(m.jobs.actions!.delayed));
    // Each step fires when it did before: its delay is the step's instant minus the clock.
    const before = new Map(m.jobs.timeline!.delayed.map((j) => [j.id, j.delay]));
    for (const j of delayed) expect(j.opts.delay, j.id).toBe(before.get(j.id!.slice(orgId.length + 1)));
  });

  it('keeps the failed notice failed, and `skicka om` of the organisation retries it', async () => {
    const failed = await queues.notify.getFailed();
    expect(failed.map((j) => j.id)).toEqual(m.jobs.notify!.failed.map((j) => j.id));
    const s = await platform.orgs.require(orgId);
    expect(await retryFailedNotifications(s)).toBe(1);
    expect(await queues.notify.getFailedCount()).toBe(0);
  });

  it('binds the steering channel, its team and every forum channel to the organisation; members know it', async () => {
    const steering = JSON.parse((await redis.hget(org.record('steering', 'styrgrupp'), 'doc'))!) as { conversationId: string };
    const conv = JSON.parse((await redis.hget(platform.keys.record('conversation', conversationKey(steering.conversationId)), 'doc'))!) as { teamId?: string };
    expect(await platform.repos.orgs.boundOrg(conversationKey(steering.conversationId), undefined)).toBe(orgId);
    if (conv.teamId) expect(await platform.repos.orgs.boundOrg('nothing', conv.teamId)).toBe(orgId);
    const s = await platform.orgs.require(orgId);
    for (const f of await s.repos.forums.list()) expect(await platform.repos.orgs.boundOrg(conversationKey(f.data.conversationId), undefined), f.id).toBe(orgId);
    expect(await platform.repos.orgs.candidateOrgs(m.people.chair.aadObjectId)).toEqual([orgId]);
  });

  describe('the new version serves the upgraded data', () => {
    let runtime: Runtime;
    let connector: FakeConnector;
    beforeAll(async () => {
      connector = await new FakeConnector().start();
      runtime = await startRuntime(loadConfig({ ...m.env, REDIS_URL: server.url, PORT: '0' }), { clock, log, role: 'web' });
    });
    afterAll(async () => {
      await runtime?.close();
      await connector?.stop();
    });

    it('a chair’s `status` in the steering channel lists the forums', async () => {
      const steering = JSON.parse((await redis.hget(org.record('steering', 'styrgrupp'), 'doc'))!) as { conversationId: string };
      const where = channel(connector.url, steering.conversationId, 'Styrgruppen');
      const chair = { ...m.people.chair };
      const res = await post(`http://127.0.0.1:${runtime.port}`, message(where, chair, 'status 2027-1'));
      expect(res.status).toBe(200);
      await eventually(() => connector.received.length > 0, 'a reply');
      const reply = JSON.stringify(connector.received.at(-1));
      expect(reply).toMatch(/Berga/);
    });

    it('a signed report link sent before the upgrade still opens the report, and is recorded in the organisation', async () => {
      const res = await fetch(`http://127.0.0.1:${runtime.port}${m.reportLink.read}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('2027');
      expect(await redis.llen(org.of('audit', 'report-reads'))).toBe(m.reportReads.length + 1);
      // The same path under another organisation's prefix is not found.
      const other = await fetch(`http://127.0.0.1:${runtime.port}/o/ozzzzzzz${m.reportLink.read}`);
      expect(other.status).toBe(404);
    });
  });
});
