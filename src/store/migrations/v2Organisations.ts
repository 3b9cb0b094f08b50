/**
 * Upgrade in place: the single-municipality layout (v1) becomes one organisation (v2).
 *
 * Runs at start-up in every role before queues, workers and HTTP; one process migrates
 * (a lock), the others wait for the layout mark. Each step is idempotent and recorded
 * only once complete, so a process dying mid-way resumes where it stopped. Keys move with
 * DUMP + RESTORE (TTL kept) + DEL, not RENAME: in a Redis Cluster `{c:id}` and `{o:X}`
 * hash to different slots. Queued timeline steps and action-item reminders are queued
 * anew from their records under the organisation's job ids (their done markers moved
 * first, so nothing fires twice); notices and compiles already queued run as the
 * organisation's through the fallback for jobs without an organisation.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Queue } from 'bullmq';
import type { Queues } from '../../../jobs/queues.js';
import type { Config } from '../../config.js';
import { conversationKey } from '../../domain/conversation.js';
import { newOrgId, orgOfJobId, type OrgId } from '../../domain/organisation/organisation.js';
import { orgSettingsSchema } from '../../domain/organisation/orgSettings.js';
import type { Keys, OrgKeys } from '../keys.js';
import { ORG_SETTINGS_ID, OrgRegistry } from '../organisations.js';
import { scanAll, type RedisClient } from '../redis.js';

export const LAYOUT_VERSION = '2';

/** Markers that stay the deployment's: a turn's idempotency and a person's export link. */
const GLOBAL_MARKER_KINDS = new Set(['turn', 'export']);
/** Records that stay the deployment's. */
const GLOBAL_COLLECTIONS = new Set(['conversation']);

export const MIGRATION_STEPS = ['records', 'indexes', 'markers', 'misc', 'bindings', 'jobs'] as const;
export type MigrationStep = (typeof MIGRATION_STEPS)[number];

export interface MigrationResult {
  outcome: 'already' | 'fresh' | 'fresh-no-org' | 'migrated';
  orgId: OrgId | null;
  counts: Record<string, number>;
}

export interface MigrationDeps {
  config: Config;
  redis: RedisClient;
  keys: Keys;
  queues: Queues;
  clock: () => Date;
  log: Logger;
  /** Re-queues the organisation's timeline steps and reminders from its records (the Services layer's job). */
  requeue: (orgId: OrgId) => Promise<{ timeline: number; reminders: number }>;
  /** Tests: stop after this step, as if the process died there. */
  stopAfter?: MigrationStep;
}

const LOCK_MS = 30_000;

export async function migrateToOrganisations(d: MigrationDeps): Promise<MigrationResult> {
  const { redis, keys } = d;
  const layoutKey = keys.of('layout');
  if ((await redis.get(layoutKey)) === LAYOUT_VERSION) return { outcome: 'already', orgId: null, counts: {} };
  const lockKey = keys.of('migrate', 'lock');
  const token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  if (!(await redis.set(lockKey, token, 'PX', LOCK_MS, 'NX'))) return waitForOtherProcess(d);
  const renew = setInterval(() => void redis.set(lockKey, token, 'PX', LOCK_MS).catch(() => undefined), LOCK_MS / 3);
  try {
    return await migrate(d);
  } finally {
    clearInterval(renew);
    if ((await redis.get(lockKey).catch(() => null)) === token) await redis.del(lockKey).catch(() => undefined);
  }
}

async function waitForOtherProcess(d: MigrationDeps): Promise<MigrationResult> {
  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    if ((await d.redis.get(d.keys.of('layout'))) === LAYOUT_VERSION) return { outcome: 'already', orgId: null, counts: {} };
    if (!(await d.redis.exists(d.keys.of('migrate', 'lock')))) return migrateToOrganisations(d);
  }
  throw new Error('another process has been upgrading the data for 5 minutes; giving up');
}

async function migrate(d: MigrationDeps): Promise<MigrationResult> {
  const { redis, keys, config, clock, log } = d;
  const registry = new OrgRegistry(redis, keys, clock);
  const progressKey = keys.of('migrate', 'v2');
  const done = new Set(await redis.smembers(`${progressKey}:steps`));
  const legacyRecords = (await scanAll(redis, `${keys.prefix}:rec:{*`)).filter((k) => !GLOBAL_COLLECTIONS.has(legacyParts(keys, k)?.collection ?? ''));
  const resuming = done.size > 0 || (await registry.legacyId()) !== null;
  if (!resuming && legacyRecords.length === 0) {
    // A fresh deployment. Without operators it serves one municipality from its env vars, as before.
    if (config.OPERATOR_IDS.length > 0) {
      await redis.set(keys.of('layout'), LAYOUT_VERSION);
      return { outcome: 'fresh-no-org', orgId: null, counts: {} };
    }
    const orgId = await createLegacyOrg(d, registry, 'Styrgruppen');
    await redis.set(keys.of('layout'), LAYOUT_VERSION);
    return { outcome: 'fresh', orgId, counts: {} };
  }
  const orgId = await createLegacyOrg(d, registry, await steeringTeamName(d));
  const org = keys.forOrg(orgId);
  const counts: Record<string, number> = JSON.parse((await redis.get(`${progressKey}:counts`)) ?? '{}');
  const step = async (name: MigrationStep, run: () => Promise<number>) => {
    if (!done.has(name)) {
      counts[name] = await run();
      await redis.set(`${progressKey}:counts`, JSON.stringify(counts));
      await redis.sadd(`${progressKey}:steps`, name);
      log.info({ step: name, count: counts[name], org: orgId }, 'upgrade to organisations: step done');
    }
    if (d.stopAfter === name) throw new MigrationStopped(name);
  };
  try {
    await step('records', () => moveRecords(d, org));
    await step('indexes', () => moveIndexes(d, org));
    await step('markers', () => moveMarkers(d, org));
    await step('misc', () => moveMisc(d, org));
    await step('bindings', () => bind(d, registry, orgId));
    await step('jobs', () => requeueJobs(d, orgId));
  } catch (e) {
    if (e instanceof MigrationStopped) return { outcome: 'migrated', orgId, counts };
    throw e;
  }
  await redis.set(keys.of('layout'), LAYOUT_VERSION);
  await registry.audit({ actor: 'system', action: 'migrated', org: orgId, counts });
  log.info({ org: orgId, counts }, 'data upgraded to organisations');
  return { outcome: 'migrated', orgId, counts };
}

class MigrationStopped extends Error {
  constructor(readonly step: string) {
    super(`stopped after ${step}`);
  }
}

/** The organisation holding today's data: created once (a restart during the upgrade reuses it). */
async function createLegacyOrg(d: MigrationDeps, registry: OrgRegistry, name: string): Promise<OrgId> {
  const orgId = await registry.claimLegacyId(newOrgId());
  if (!(await registry.get(orgId))) {
    const settingsRepo = registry.settingsRepository(orgId);
    // Only the name is stored: every other setting stays the env var it was (README, "Upgrading").
    if (!(await settingsRepo.get(ORG_SETTINGS_ID))) await settingsRepo.create(ORG_SETTINGS_ID, orgSettingsSchema.parse({ name }), 'system', 'migrate');
    await registry.claimSlug(d.config.PUBLIC_SLUG, orgId);
    await registry.create({ id: orgId, status: 'active', createdAt: d.clock().toISOString(), legacy: true });
  }
  return orgId;
}

async function steeringTeamName(d: MigrationDeps): Promise<string> {
  const raw = await d.redis.hget(d.keys.record('steering', 'styrgrupp'), 'doc');
  const conversationId = raw ? (JSON.parse(raw) as { conversationId?: string }).conversationId : undefined;
  if (!conversationId) return 'Styrgruppen';
  const conv = await d.redis.hget(d.keys.record('conversation', conversationKey(conversationId)), 'doc');
  const teamName = conv ? (JSON.parse(conv) as { teamName?: string }).teamName : undefined;
  return teamName && teamName.trim().length >= 2 ? teamName.trim().slice(0, 80) : 'Styrgruppen';
}

function legacyParts(keys: Keys, key: string): { kind: string; collection: string; id: string } | null {
  const m = /^(rec|audit|hist):\{([^:}]+):(.*)\}$/.exec(key.slice(keys.prefix.length + 1));
  return m ? { kind: m[1]!, collection: m[2]!, id: m[3]! } : null;
}

/** DUMP + RESTORE (TTL kept) + DEL. Safe to repeat: a source already gone was moved. */
async function moveKey(redis: RedisClient, from: string, to: string): Promise<boolean> {
  const payload = await (redis as Redis).dumpBuffer(from);
  if (!payload) return false;
  const ttl = await redis.pttl(from);
  await (redis as Redis).restore(to, ttl > 0 ? ttl : 0, payload, 'REPLACE');
  await redis.del(from);
  return true;
}

async function moveRecords(d: MigrationDeps, org: OrgKeys): Promise<number> {
  let n = 0;
  for (const kind of ['rec', 'audit', 'hist'] as const) {
    for (const key of await scanAll(d.redis, `${d.keys.prefix}:${kind}:{*`)) {
      const p = legacyParts(d.keys, key);
      if (!p || GLOBAL_COLLECTIONS.has(p.collection)) continue;
      const to = kind === 'rec' ? org.record(p.collection, p.id) : kind === 'audit' ? org.audit(p.collection, p.id) : org.history(p.collection, p.id);
      if (await moveKey(d.redis, key, to)) n++;
    }
  }
  return n;
}

async function moveIndexes(d: MigrationDeps, org: OrgKeys): Promise<number> {
  const P = d.keys.prefix;
  let n = 0;
  for (const key of await scanAll(d.redis, `${P}:idx:*`)) {
    const collection = key.slice(`${P}:idx:`.length);
    if (GLOBAL_COLLECTIONS.has(collection)) continue;
    if (await moveKey(d.redis, key, org.index(collection))) n++;
  }
  for (const key of await scanAll(d.redis, `${P}:lkp:*`)) {
    const rest = key.slice(`${P}:lkp:`.length);
    const i = rest.indexOf(':');
    if (i < 0 || GLOBAL_COLLECTIONS.has(rest.slice(0, i))) continue;
    if (await moveKey(d.redis, key, org.lookup(rest.slice(0, i), rest.slice(i + 1)))) n++;
  }
  for (const key of await scanAll(d.redis, `${P}:lookups-built:*`)) {
    if (GLOBAL_COLLECTIONS.has(key.slice(`${P}:lookups-built:`.length))) continue;
    if (await moveKey(d.redis, key, org.of('lookups-built', key.slice(`${P}:lookups-built:`.length)))) n++;
  }
  return n;
}

async function moveMarkers(d: MigrationDeps, org: OrgKeys): Promise<number> {
  const P = d.keys.prefix;
  let n = 0;
  for (const key of await scanAll(d.redis, `${P}:done:*`)) {
    const rest = key.slice(`${P}:done:`.length);
    const kind = rest.slice(0, rest.indexOf(':'));
    if (GLOBAL_MARKER_KINDS.has(kind)) continue;
    // A notice's "sent"/"sending" marker is keyed by its job id; jobs queued before the upgrade keep their ids.
    if (await moveKey(d.redis, key, org.of('done', rest))) n++;
  }
  return n;
}

async function moveMisc(d: MigrationDeps, org: OrgKeys): Promise<number> {
  let n = 0;
  if (await moveKey(d.redis, d.keys.of('audit', 'report-reads'), org.of('audit', 'report-reads'))) n++;
  // Everyone seen so far was seen in this organisation: the owner picker keeps listing them.
  const people = await d.redis.hkeys(d.keys.of('people'));
  for (let i = 0; i < people.length; i += 500) await d.redis.sadd(org.of('people'), ...people.slice(i, i + 500));
  return n + people.length;
}

async function bind(d: MigrationDeps, registry: OrgRegistry, orgId: OrgId): Promise<number> {
  const org = d.keys.forOrg(orgId);
  let n = 0;
  const doc = async (key: string) => {
    const raw = await d.redis.hget(key, 'doc');
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  };
  const steering = await doc(org.record('steering', 'styrgrupp'));
  const members = new Set<string>(d.config.CHAIR_IDS);
  if (steering?.conversationId) {
    const convId = String(steering.conversationId);
    await registry.bindConversation(conversationKey(convId), orgId);
    n++;
    const conv = await doc(d.keys.record('conversation', conversationKey(convId)));
    if (typeof conv?.teamId === 'string') {
      await registry.bindTeam(conv.teamId, orgId);
      n++;
    }
    for (const id of [...((steering.extraChairIds as string[]) ?? []), ...((steering.memberIds as string[]) ?? [])]) members.add(id);
  }
  for (const forumId of await d.redis.smembers(org.index('forum'))) {
    const forum = await doc(org.record('forum', forumId));
    if (!forum) continue;
    await registry.bindConversation(conversationKey(String(forum.conversationId)), orgId);
    n++;
    for (const id of (forum.memberIds as string[]) ?? []) members.add(id);
    for (const c of (forum.contacts as { aadObjectId?: string }[]) ?? []) if (c.aadObjectId) members.add(c.aadObjectId);
  }
  for (const promiseId of await d.redis.smembers(org.index('promise'))) {
    const promise = await doc(org.record('promise', promiseId));
    const items = ((promise?.commitments as { actions?: { ownerAadObjectId?: string }[] }[]) ?? []).flatMap((c) => c.actions ?? []);
    for (const a of items) if (a.ownerAadObjectId) members.add(a.ownerAadObjectId);
  }
  for (const aad of members) await registry.addMember(aad, orgId);
  return n + members.size;
}

/** Delayed timeline steps and reminders queued before the upgrade: removed, then queued anew from the records. */
async function requeueJobs(d: MigrationDeps, orgId: OrgId): Promise<number> {
  let removed = 0;
  for (const queue of [d.queues.timeline, d.queues.actions] as Queue[]) {
    for (const job of await queue.getJobs(['delayed', 'waiting', 'prioritized'])) {
      if (!job?.id || orgOfJobId(job.id) || (job.data as { orgId?: string }).orgId) continue;
      await job.remove().catch(() => undefined);
      removed++;
    }
  }
  const added = await d.requeue(orgId);
  return removed + added.timeline + added.reminders;
}
