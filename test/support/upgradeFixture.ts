/**
 * The upgrade fixture (test/fixtures/upgrade/v1/): Redis data written by the released
 * version, and its manifest. `startFixtureRedis` serves a private copy of the dump (the
 * committed file is never written to); `loadManifest` reads what the writer listed.
 * The hashing here must match test/fixtures/upgrade/writeV1.ts, which cannot import this
 * file (it runs inside a worktree of the pinned commit).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { startPrivateRedis } from '../../scripts/redis-helper.mjs';
import type { RedisClient } from '../../src/store/redis.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/upgrade/v1/', import.meta.url));
/** The commit whose code wrote the fixture (v1, the released version before issue 12). */
export const PINNED_COMMIT = '424f82c';

const tagged = z.object({ collection: z.string(), id: z.string(), key: z.string() });
const listSummary = tagged.extend({ length: z.number().int().min(0), sha256: z.string().length(64) });
const person = z.object({ id: z.string(), aadObjectId: z.string(), name: z.string() });

export const manifestJobSchema = z.object({
  id: z.string(),
  name: z.string(),
  data: z.unknown(),
  /** `opts.delay` as BullMQ stored it (ms from when it was added, real time). */
  delay: z.number().nullable(),
  /** When BullMQ added the job (real time of the fixture's writing, not the fixed clock). */
  timestamp: z.number(),
  failedReason: z.string().optional(),
  repeatJobKey: z.string().optional(),
});
export type ManifestJob = z.infer<typeof manifestJobSchema>;

export const jobStates = ['completed', 'failed', 'delayed', 'waiting', 'active', 'prioritized', 'waiting-children'] as const;
export type ManifestJobState = (typeof jobStates)[number];

export const manifestSchema = z.object({
  format: z.literal(1),
  pinnedCommit: z.string(),
  writtenAt: z.iso.datetime(),
  /** The runtime's fixed clock while the fixture was written. */
  clock: z.iso.datetime(),
  keyPrefix: z.string(),
  queuePrefix: z.string(),
  /** The env given to the runtime on top of src/config.ts's defaults. */
  env: z.record(z.string(), z.string()),
  people: z.object({ chair: person, forumMember: person, tenantId: z.string() }),
  /** The signed report link that was read once (old path, before `/o/<org>/`). */
  reportLink: z.object({ path: z.string(), query: z.string(), read: z.string() }),
  reportReads: z.object({ key: z.string(), length: z.number().int(), sha256: z.string().length(64), items: z.array(z.string()) }),
  /** The conversation whose connector answered 400: its notify job is `failed`. */
  failedNotifyConversationId: z.string(),
  records: z.array(
    tagged.extend({
      version: z.number().int().min(1),
      updatedBy: z.string(),
      updatedAt: z.string(),
      /** sha256 of the record hash's `doc` field, as stored. */
      docSha256: z.string().length(64),
      /** False for a collection without a v1 `VersionedRepository` in createRepositories (e.g. publicversion). */
      viaRepository: z.boolean(),
    }),
  ),
  histories: z.array(listSummary),
  audits: z.array(listSummary),
  markers: z.array(
    z.object({
      key: z.string(),
      /** The key after `<prefix>:done:`, e.g. `compiled:2027-1`. */
      name: z.string(),
      value: z.string(),
      hasTtl: z.boolean(),
      /** Absolute expiry (Unix ms, real time); null = none. */
      expireAtMs: z.number().nullable(),
    }),
  ),
  jobs: z.record(z.string(), z.record(z.enum(jobStates), z.array(manifestJobSchema))),
  schedulers: z.record(z.string(), z.array(z.object({ key: z.string(), name: z.string(), pattern: z.string().nullable(), next: z.number().nullable() }))),
  /** Every key of the server (SCAN 0 MATCH *), with its type, content hash (`keyContent`) and expiry. */
  keys: z.array(z.object({ key: z.string(), type: z.string(), sha256: z.string().length(64), expireAtMs: z.number().nullable() })),
});
export type UpgradeManifest = z.infer<typeof manifestSchema>;

export function loadManifest(): UpgradeManifest {
  return manifestSchema.parse(JSON.parse(readFileSync(join(FIXTURE_DIR, 'manifest.json'), 'utf8')));
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
/** A list's hash: its items as a JSON array, in order. */
export const listSha256 = (items: string[]): string => sha256(JSON.stringify(items));

/**
 * Whether a key with this expiry is still expected in a server loaded now: Redis drops keys
 * that expired (in real time) when it loads an RDB. `marginMs` keeps a key that is about to
 * expire during the test out of the expected set.
 */
export const stillLive = (expireAtMs: number | null, now = Date.now(), marginMs = 60_000): boolean => expireAtMs === null || expireAtMs > now + marginMs;

/** A key's content in the canonical form the manifest hashed (sets and hashes sorted). */
export async function keyContent(redis: RedisClient, key: string, type: string): Promise<unknown> {
  switch (type) {
    case 'string':
      return redis.get(key);
    case 'hash':
      return Object.entries(await redis.hgetall(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'set':
      return (await redis.smembers(key)).sort();
    case 'zset':
      return redis.zrange(key, '0', '-1', 'WITHSCORES');
    case 'stream':
      return redis.xrange(key, '-', '+');
    default:
      throw new Error(`${key}: unexpected type ${type}`);
  }
}

/** True when `redis-server` is on PATH (the fixture needs a private server). */
export function hasRedisServer(): boolean {
  return spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim() !== '';
}

export interface FixtureRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A private redis-server (free port, no persistence) loaded from a temporary copy of the
 * fixture's dump.rdb; `stop()` ends it and removes the copy.
 */
export async function startFixtureRedis(): Promise<FixtureRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-upgrade-'));
  copyFileSync(join(FIXTURE_DIR, 'dump.rdb'), join(dir, 'dump.rdb'));
  const server = await startPrivateRedis(['--dbfilename', 'dump.rdb'], { dir });
  return { url: server.url, port: server.port, stop: () => server.stop() };
}
