import cron, { type ScheduledTask } from 'node-cron';
import type { RedisClient } from '../src/store/redis.js';
import type { Services } from '../src/services/services.js';
import { reconcileLookups, reconcileTimelines } from './reconcile.js';
import { promiseTicks, type PromiseTicks } from './promiseTicks.js';
import { runRetention, type RetentionResult } from '../src/services/privacy/retention.js';

/**
 * A Redis `SET NX PX` lock so that one of many running instances runs each tick.
 * The lock is not released early: its TTL spans the tick, so a second instance whose
 * clock is a little behind cannot run the same tick again.
 */
export function redisCoordinator(redis: RedisClient, prefix: string) {
  return {
    async shouldRun(key: string, ttlMs: number): Promise<boolean> {
      return (await redis.set(`${prefix}:lock:${key}`, String(process.pid), 'PX', ttlMs, 'NX')) === 'OK';
    },
  };
}

export interface Scheduler {
  stop(): Promise<void>;
  /** Runs the reconcile tick now (tests and start-up). */
  reconcileNow(): Promise<unknown>;
  /** The medborgarlöfte's weekly digest and nightly overdue ticks. */
  promise: PromiseTicks;
  /** Runs the nightly retention job now (tests). */
  retentionNow(): Promise<RetentionResult>;
}

export function startScheduler(s: Services, redis: RedisClient): Scheduler {
  const coordinator = redisCoordinator(redis, s.config.KEY_PREFIX);
  const tick = async () => {
    const minute = Math.floor(s.clock().getTime() / 60_000);
    if (!(await coordinator.shouldRun(`reconcile:${minute}`, 90_000))) return;
    try {
      const forums = await reconcileLookups(s);
      if (forums) s.log.info({ forums }, 'forums filed under their lookup terms');
    } catch (err) {
      s.log.warn({ err: (err as Error).message }, 'forum lookups not filed; retried at the next reconcile tick');
    }
    try {
      const result = await reconcileTimelines(s);
      s.log.info(result, 'reconcile tick');
    } catch (err) {
      s.log.error({ err: (err as Error).message }, 'reconcile failed');
    }
  };
  // Nightly retention (old answers deleted, snapshots pruned): one instance per night.
  const retention = async () => {
    const day = Math.floor(s.clock().getTime() / 86_400_000);
    if (!(await coordinator.shouldRun(`retention:${day}`, 36 * 3600_000))) return;
    try {
      s.log.info(await runRetention(s), 'retention tick');
    } catch (err) {
      s.log.error({ err: (err as Error).message }, 'retention failed');
    }
  };
  const tasks: ScheduledTask[] = [
    cron.schedule(s.config.RECONCILE_CRON, tick, { name: 'reconcile', timezone: s.config.TIMEZONE }),
    cron.schedule(s.config.RETENTION_CRON, retention, { name: 'retention', timezone: s.config.TIMEZONE }),
  ];
  const promise = promiseTicks(s, coordinator);
  tasks.push(...promise.tasks);
  return {
    stop: async () => {
      for (const t of tasks) await t.stop();
    },
    reconcileNow: async () => ({ forumsFiled: await reconcileLookups(s), ...(await reconcileTimelines(s)) }),
    retentionNow: () => runRetention(s),
    promise,
  };
}
