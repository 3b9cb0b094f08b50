import cron, { type ScheduledTask } from 'node-cron';
import type { RedisClient } from '../src/store/redis.js';
import type { Platform } from '../src/services/platform.js';
import { reconcileLookups, reconcileTimelines } from './reconcile.js';
import { promiseTicks, type PromiseTicks } from './promiseTicks.js';
import { runRetention, type RetentionResult } from '../src/services/privacy/retention.js';
import { forEachOrg } from './forEachOrg.js';

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
  /** Runs the nightly retention job now (tests): one result per organisation. */
  retentionNow(): Promise<RetentionResult>;
}

/** A tick over every organisation must end well before the next one: 80 % of the lock it holds. */
const RECONCILE_BUDGET_MS = 72_000;

/** One organisation's reconcile: lookups filed, missing timeline jobs re-created. */
async function reconcileOrg(s: Parameters<typeof reconcileTimelines>[0]) {
  let forumsFiled = 0;
  try {
    forumsFiled = await reconcileLookups(s);
    if (forumsFiled) s.log.info({ forums: forumsFiled }, 'forums filed under their lookup terms');
  } catch (err) {
    s.log.warn({ err: (err as Error).message }, 'forum lookups not filed; retried at the next reconcile tick');
  }
  return { forumsFiled, ...(await reconcileTimelines(s)) };
}

const sum = (results: object[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r)) if (typeof v === 'number') out[k] = (out[k] ?? 0) + v;
  return out;
};

export function startScheduler(s: Platform, redis: RedisClient): Scheduler {
  const coordinator = redisCoordinator(redis, s.config.KEY_PREFIX);
  const reconcileAll = async () => {
    // The deployment's conversation directory: personal chats filed by person until done once.
    await s.repos.conversations.ensureLookups().catch((err: Error) => s.log.warn({ err: err.message }, 'conversation lookups not filed; retried at the next reconcile tick'));
    const sweep = await forEachOrg(s, 'reconcile', reconcileOrg, { budgetMs: RECONCILE_BUDGET_MS });
    return { orgs: sweep.orgs, done: sweep.done, failed: sweep.failed, left: sweep.left, ms: sweep.ms, ...sum(sweep.results) };
  };
  const tick = async () => {
    const minute = Math.floor(s.clock().getTime() / 60_000);
    if (!(await coordinator.shouldRun(`reconcile:${minute}`, 90_000))) return;
    try {
      s.log.info(await reconcileAll(), 'reconcile tick');
    } catch (err) {
      s.log.error({ err: (err as Error).message }, 'reconcile failed');
    }
  };
  const retentionAll = async (): Promise<RetentionResult> => {
    const { results } = await forEachOrg(s, 'retention', (org) => runRetention(org));
    // Each organisation has its own cutoff (its retention months and zone); the totals are summed.
    return { cutoff: results.map((r) => r.cutoff).sort()[0] ?? '', answersDeleted: 0, snapshotsPruned: 0, agendasPruned: 0, ...sum(results) };
  };
  // Nightly retention (old answers deleted, snapshots pruned): one instance per night.
  const retention = async () => {
    const day = Math.floor(s.clock().getTime() / 86_400_000);
    if (!(await coordinator.shouldRun(`retention:${day}`, 36 * 3600_000))) return;
    try {
      s.log.info(await retentionAll(), 'retention tick');
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
    reconcileNow: reconcileAll,
    retentionNow: retentionAll,
    promise,
  };
}
