import type { Server } from 'node:http';
import { createQueues, type Queues } from '../jobs/queues.js';
import { startScheduler, type Scheduler } from '../jobs/scheduler.js';
import { startWorkers, type Workers } from '../jobs/workers.js';
import { createAdapter, createBotApp } from './bot/app.js';
import { withActivityShape } from './bot/activityShape.js';
import { createSender } from './bot/sender.js';
import { createSteeringRoster } from './bot/steeringRoster.js';
import { graphSettings } from './graph/graphSettings.js';
import type { Config } from './config.js';
import { createHttpApp, listen } from './http/server.js';
import { createLogger, type Logger } from './log.js';
import type { Services } from './services/services.js';
import { createPlatform, type Platform } from './services/platform.js';
import { upgradeData } from './services/bootPlatform.js';
import { RedisBotStorage } from './store/botStorage.js';
import { Keys } from './store/keys.js';
import { ConversationRateLimiter } from './store/conversationRateLimiter.js';
import { SendPacer } from './store/sendPacer.js';
import { createQueueRedis, createStoreRedis, redisIsReachable, redisTarget, type RedisClient } from './store/redis.js';
import { checkRedisSettings } from './store/redisSettings.js';

export type Role = 'all' | 'web' | 'worker';

export interface Runtime {
  platform: Platform;
  /** The organisation upgraded from the single-municipality version, or the default one of a fresh deployment (null: none). */
  services: Services | null;
  server?: Server;
  port?: number;
  workers?: Workers;
  scheduler?: Scheduler;
  redis: RedisClient;
  close(): Promise<void>;
}

/** Builds and starts the process: web (HTTP + bot), workers + scheduler, or all of it. */
export async function startRuntime(config: Config, opts: { role?: Role; clock?: () => Date; log?: Logger } = {}): Promise<Runtime> {
  const role = opts.role ?? 'all';
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const clock = opts.clock ?? (() => new Date());
  const target = redisTarget(config);
  const redis = createStoreRedis(target);
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis connection problem'));
  const redisUp = await waitForRedis(redis, 10_000, log);
  if (redisUp) await warnAboutRedisSettings(redis, log);
  const queueRedis = createQueueRedis(target);
  queueRedis.on('error', () => undefined);
  const keys = new Keys(config.KEY_PREFIX);
  const queues: Queues = createQueues(queueRedis, config.QUEUE_PREFIX, (queue, err) => log.debug({ queue, err: err.message }, 'queue connection problem'));
  const platform = createPlatform({ config, redis, keys, queues, clock, log });
  // Before anything reads or writes: today's single-municipality data becomes one organisation.
  const upgrade = () => upgradeData(platform);
  if (redisUp) await upgrade();
  const afterUpgrade = async () => {
    const legacy = await platform.orgs.legacyId();
    const s = legacy ? await platform.orgs.services(legacy) : null;
    // Data stored before forums had lookup terms is filed before the first turn (and by the
    // reconcile tick until that has completed, should this fail).
    for (const id of await platform.orgs.activeIds()) {
      const org = await platform.orgs.services(id);
      if (org) await fileForumLookups(org, log);
    }
    // Personal chats stored before they had a lookup term (found by person, not by listing).
    await platform.repos.conversations.ensureLookups().catch((e: Error) => log.warn({ err: e.message }, 'conversation lookups not filed; retried by the reconcile tick'));
    return s;
  };
  let services: Services | null = null;
  if (redisUp) services = await afterUpgrade();
  else redis.once('ready', () => void upgrade().then(afterUpgrade).catch((e) => log.error({ err: (e as Error).message }, 'upgrade to organisations failed')));
  // After a reconnect: a Redis that came back without its data (no persistence) gets the
  // default organisation of a single-municipality deployment again; otherwise one GET.
  redis.on('ready', () => {
    if (redisUp) void upgrade().catch((e) => log.error({ err: (e as Error).message }, 'upgrade to organisations failed'));
  });

  const adapter = createAdapter(platform);
  let workers: Workers | undefined;
  let scheduler: Scheduler | undefined;
  if (role !== 'web') {
    // Workers need their own connection per BullMQ's rules (blocking commands).
    const limiter = new ConversationRateLimiter(redis, keys, config.NOTIFY_CONVERSATION_LIMITS);
    const workerRedis = createQueueRedis(target);
    // Reported by the workers' own 'error' events and /readyz; without a listener ioredis prints to stderr.
    workerRedis.on('error', () => undefined);
    const graph = graphSettings(config);
    // Microsoft's Graph client and @azure/identity load only when the calendar is on (start-up time and memory).
    const calendar = graph ? { api: (await import('./graph/graphCalendar.js')).createGraphCalendar(graph), roster: createSteeringRoster(adapter) } : undefined;
    // Every outbound request is spaced evenly under Teams' global limit, across all workers.
    const pacer = new SendPacer(redis, keys, config.NOTIFY_RATE_PER_SECOND);
    workers = startWorkers(platform, workerRedis, createSender(platform, adapter, pacer), { limiter, calendar });
    scheduler = startScheduler(platform, redis);
  }

  const ready = async () => {
    const redisOk = await redisIsReachable(redis);
    let workersOk = true;
    if (workers) workersOk = workers.all.every((w) => w.isRunning());
    else if (redisOk) workersOk = (await queues.notify.getWorkersCount().catch(() => 0)) > 0;
    return { ok: redisOk && workersOk, checks: { redis: redisOk, workers: workersOk } };
  };

  let server: Server | undefined;
  if (role !== 'worker') {
    const storage = new RedisBotStorage(redis, keys);
    const bot = createBotApp(platform, adapter, storage);
    const http = createHttpApp({ platform, ready, queues, messages: withActivityShape((req, res) => adapter.process(req, res, (ctx) => bot.run(ctx).then(() => undefined))) });
    server = await listen(http, config.PORT);
  } else {
    const http = createHttpApp({ platform, ready, queues });
    server = await listen(http, config.PORT);
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ role, port }, 'samverkan started');

  let closed = false;
  return {
    platform,
    services,
    server,
    port,
    workers,
    scheduler,
    redis,
    async close() {
      if (closed) return;
      closed = true;
      // Stop taking requests, let jobs in progress finish, then close Redis.
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server?.closeAllConnections?.();
      await scheduler?.stop();
      await workers?.close();
      await queues.close();
      await Promise.allSettled([redis.quit(), queueRedis.quit()]);
    },
  };
}

async function fileForumLookups(s: Services, log: Logger): Promise<void> {
  try {
    const filed = await s.repos.forums.ensureLookups();
    if (filed) log.info({ forums: filed }, 'forums filed under their lookup terms');
  } catch (e) {
    log.warn({ err: (e as Error).message }, 'forum lookups not filed; retried by the reconcile tick');
  }
}

/** Start-up waits a little for Redis; if it is still down the process starts anyway and reports 503 until it is back. */
async function waitForRedis(redis: RedisClient, timeoutMs: number, log: Logger): Promise<boolean> {
  if (redis.status === 'ready') return true;
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (!ready) log.error('Redis is not reachable; starting anyway, /readyz answers 503 until it is');
  return ready;
}

/** Production needs noeviction and AOF (see README, "Redis"); a managed Redis may hide CONFIG. */
async function warnAboutRedisSettings(redis: RedisClient, log: Logger): Promise<void> {
  for (const r of await checkRedisSettings(redis)) {
    for (const warning of r.warnings) log.warn({ server: r.server, maxmemoryPolicy: r.maxmemoryPolicy, appendonly: r.appendonly, appendfsync: r.appendfsync }, `redis settings: ${warning}`);
  }
}
