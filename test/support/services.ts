/**
 * Real `Services` for integration tests: real Redis (REDIS_URL), real BullMQ queues,
 * each call under its own key prefix (`t-<random>`) and queue prefix (`{t-<random>}`),
 * a clock the test controls, and a `cleanup()` that closes everything and deletes
 * every key it created. Never mocks Redis or BullMQ.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createQueues, type Queues } from '../../jobs/queues.js';
import { loadConfig, type Config } from '../../src/config.js';
import { LinkSigner } from '../../src/http/signedLink.js';
import { planSettingsSchema } from '../../src/domain/calendar/planSettings.js';
import { createLogger } from '../../src/log.js';
import type { Services } from '../../src/services/services.js';
import { Keys } from '../../src/store/keys.js';
import { createQueueRedis, createStoreRedis } from '../../src/store/redis.js';
import { createRepositories } from '../../src/store/repositories.js';

export const redisUrl = (): string => process.env.REDIS_URL || 'redis://127.0.0.1:6379';

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
  s: Services;
  clock: TestClock;
  config: Config;
  keys: Keys;
  /** Data connection (fails fast), as the app's repositories use. */
  redis: Redis;
  /** Connection shared by the queues (maxRetriesPerRequest: null). */
  queueRedis: Redis;
  queues: Queues;
  keyPrefix: string;
  queuePrefix: string;
  /** Another BullMQ-grade connection (e.g. for a Worker); closed by cleanup(). */
  newQueueConnection(): Redis;
  /** Another data connection (e.g. a second "instance"); closed by cleanup(). */
  newStoreConnection(): Redis;
  /** Registers something to close before the keys are deleted (workers, queue events). */
  onCleanup(close: () => Promise<unknown>): void;
  /** Every key under both prefixes, sorted (for assertions). */
  listKeys(): Promise<string[]>;
  cleanup(): Promise<void>;
}

export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found;
}

/** Deletes every key under the given prefixes; returns how many were unlinked. */
export async function deleteKeysUnder(redis: Redis, prefixes: string[]): Promise<number> {
  let deleted = 0;
  for (const prefix of prefixes) {
    const keys = [...new Set(await scanKeys(redis, `${prefix}:*`))];
    for (let i = 0; i < keys.length; i += 500) {
      deleted += await redis.unlink(...keys.slice(i, i + 500));
    }
  }
  return deleted;
}

/** QUIT, and wait until the socket is really gone (status 'end'); never throws. */
export async function closeConnection(c: Redis): Promise<void> {
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
  const config = loadConfig({ NODE_ENV: 'test', REDIS_URL: url, KEY_PREFIX: keyPrefix, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'silent', ...opts.env });
  const clock = createTestClock(opts.now ?? new Date());
  const log = createLogger('silent');
  const redis = createStoreRedis(url);
  const queueRedis = createQueueRedis(url);
  const extraConnections: Redis[] = [];
  const closers: (() => Promise<unknown>)[] = [];
  const keys = new Keys(keyPrefix);
  const queues = createQueues(queueRedis, queuePrefix);
  const s: Services = {
    config,
    repos: createRepositories(redis, keys, clock),
    queues,
    clock,
    log,
    links: new LinkSigner(config.LINK_SECRET),
    planSettings: planSettingsSchema.parse({
      weekday: config.MEETING_WEEKDAY,
      time: config.MEETING_TIME,
      durationMinutes: config.MEETING_DURATION_MINUTES,
      timeZone: config.TIMEZONE,
    }),
  };
  await Promise.all([queues.timeline.waitUntilReady(), queues.notify.waitUntilReady()]);

  let cleaned = false;
  return {
    s,
    clock,
    config,
    keys,
    redis,
    queueRedis,
    queues,
    keyPrefix,
    queuePrefix,
    newQueueConnection() {
      const c = createQueueRedis(url);
      extraConnections.push(c);
      return c;
    },
    newStoreConnection() {
      const c = createStoreRedis(url);
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
