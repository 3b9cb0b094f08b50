/**
 * Real `Services` for integration tests: real Redis (REDIS_URL), real BullMQ queues,
 * each call under its own key prefix (`t-<random>`) and queue prefix (`{t-<random>}`),
 * a clock the test controls, and a `cleanup()` that closes everything and deletes
 * every key it created. Never mocks Redis or BullMQ.
 */
import { randomBytes } from 'node:crypto';
import { createQueues, type Queues } from '../../jobs/queues.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { Services } from '../../src/services/services.js';
import { bootPlatform } from '../../src/services/bootPlatform.js';
import type { Platform } from '../../src/services/platform.js';
import { Keys } from '../../src/store/keys.js';
import { createQueueRedis, createStoreRedis, scanAll, type RedisClient, type RedisTarget } from '../../src/store/redis.js';

export const redisUrl = (): string => process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** REDIS_CLUSTER_NODES from the environment (`npm run test:cluster`), for configs built by tests. */
export const clusterEnv = (): Record<string, string> => (process.env.REDIS_CLUSTER_NODES ? { REDIS_CLUSTER_NODES: process.env.REDIS_CLUSTER_NODES } : {});

/** Where the tests' Redis is: one server, or a Cluster under `npm run test:cluster`. */
export const testRedisTarget = (): RedisTarget => ({
  url: redisUrl(),
  clusterNodes: process.env.REDIS_CLUSTER_NODES ? process.env.REDIS_CLUSTER_NODES.split(',').map((n) => n.trim()).filter(Boolean) : undefined,
});

/** A plain data connection to the tests' Redis (single or Cluster), e.g. for cleanup. */
export const testRedis = (): RedisClient => createStoreRedis(testRedisTarget());

export interface TestClock {
  (): Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function createTestClock(start: Date = new Date()): TestClock {
  let current = start.getTime();
  const clock = (() => new Date(current)) as TestClock;
  clock.set = (date) => {
    current = new Date(date).getTime();
  };
  clock.advance = (ms) => {
    current += ms;
  };
  return clock;
}

export interface TestServices {
  /** The home organisation's Services (the default organisation of a single-municipality deployment). */
  s: Services;
  platform: Platform;
  clock: TestClock;
  config: Config;
  keys: Keys;
  /** Data connection (fails fast), as the app's repositories use. */
  redis: RedisClient;
  /** Connection shared by the queues (maxRetriesPerRequest: null). */
  queueRedis: RedisClient;
  queues: Queues;
  keyPrefix: string;
  queuePrefix: string;
  /** Another BullMQ-grade connection (e.g. for a Worker); closed by cleanup(). */
  newQueueConnection(): RedisClient;
  /** Another data connection (e.g. a second "instance"); closed by cleanup(). */
  newStoreConnection(): RedisClient;
  /** Registers something to close before the keys are deleted (workers, queue events). */
  onCleanup(close: () => Promise<unknown>): void;
  /** Every key under both prefixes, sorted (for assertions). */
  listKeys(): Promise<string[]>;
  cleanup(): Promise<void>;
}

export async function scanKeys(redis: RedisClient, pattern: string): Promise<string[]> {
  return scanAll(redis, pattern);
}

/** Deletes every key under the given prefixes (one UNLINK per key: Cluster slots differ); returns how many. */
export async function deleteKeysUnder(redis: RedisClient, prefixes: string[]): Promise<number> {
  let deleted = 0;
  for (const prefix of prefixes) {
    const keys = [...new Set(await scanKeys(redis, `${prefix}:*`))];
    for (let i = 0; i < keys.length; i += 500) {
      const counts = await Promise.all(keys.slice(i, i + 500).map((k) => redis.unlink(k)));
      deleted += counts.reduce((a, b) => a + b, 0);
    }
  }
  return deleted;
}

/** QUIT, and wait until the socket is really gone (status 'end'); never throws. */
export async function closeConnection(c: RedisClient): Promise<void> {
  if (c.status === 'end') return;
  const ended = new Promise<void>((resolve) => c.once('end', () => resolve()));
  try {
    await c.quit();
  } catch {
    c.disconnect();
  }
  await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  if ((c.status as string) !== 'end') c.disconnect();
}

export async function makeTestServices(opts: { now?: Date; env?: Record<string, string> } = {}): Promise<TestServices> {
  const id = randomBytes(6).toString('hex');
  const keyPrefix = `t-${id}`;
  const queuePrefix = `{t-${id}}`;
  const url = redisUrl();
  const config = loadConfig({ NODE_ENV: 'test', REDIS_URL: url, ...clusterEnv(), KEY_PREFIX: keyPrefix, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'silent', ...opts.env });
  const target = testRedisTarget();
  const clock = createTestClock(opts.now ?? new Date());
  const log = createLogger('silent');
  const redis = createStoreRedis(target);
  const queueRedis = createQueueRedis(target);
  const extraConnections: RedisClient[] = [];
  const closers: (() => Promise<unknown>)[] = [];
  const platformKeys = new Keys(keyPrefix);
  const queues = createQueues(queueRedis, queuePrefix);
  const { platform, home } = await bootPlatform({ config, redis, keys: platformKeys, queues, clock, log });
  if (!home) throw new Error('makeTestServices: no home organisation (OPERATOR_IDS set)');
  const s: Services = home;
  // Tests address the organisation's own keys (records, markers) through this.
  const keys: Keys = s.org.keys;
  await Promise.all([queues.timeline.waitUntilReady(), queues.notify.waitUntilReady()]);

  let cleaned = false;
  return {
    s,
    platform,
    clock,
    config,
    keys,
    redis,
    queueRedis,
    queues,
    keyPrefix,
    queuePrefix,
    newQueueConnection() {
      const c = createQueueRedis(target);
      extraConnections.push(c);
      return c;
    },
    newStoreConnection() {
      const c = createStoreRedis(target);
      extraConnections.push(c);
      return c;
    },
    onCleanup(close) {
      closers.push(close);
    },
    async listKeys() {
      const all = [...(await scanKeys(redis, `${keyPrefix}:*`)), ...(await scanKeys(redis, `${queuePrefix}:*`))];
      return [...new Set(all)].sort();
    },
    async cleanup() {
      if (cleaned) return;
      cleaned = true;
      for (const close of closers.reverse()) await close();
      await queues.close();
      await deleteKeysUnder(redis, [keyPrefix, queuePrefix]);
      await Promise.all([redis, queueRedis, ...extraConnections].map(closeConnection));
    },
  };
}
