import cron, { type ScheduledTask } from 'node-cron';
import { utcToZoned } from '../src/domain/calendar/zonedTime.js';
import { sendWeeklyDigest } from '../src/services/promise/digest.js';
import { sendPersonalDigests } from '../src/services/promise/personDigest.js';
import { markOverdueActions } from '../src/services/promise/overdue.js';
import type { Platform } from '../src/services/platform.js';
import { forEachOrg } from './forEachOrg.js';

/** Monday 08:00 and every night at 00:15, Europe/Stockholm (the configured zone). */
export const DIGEST_CRON = '0 8 * * 1';
export const OVERDUE_CRON = '15 0 * * *';
/** Longer than any clock skew between instances, shorter than the time to the next run. */
const LOCK_MS = 6 * 3600_000;

export interface Coordinator {
  shouldRun(key: string, ttlMs: number): Promise<boolean>;
}

export interface PromiseTicks {
  tasks: ScheduledTask[];
  /** Runs the weekly digest tick now, through the lock; true for the instance that ran it. */
  digest(): Promise<boolean>;
  /** Runs the nightly overdue tick now, through the lock. */
  overdue(): Promise<boolean>;
}

/**
 * The medborgarlöfte's cron ticks. Every instance schedules them; the Redis lock, keyed
 * by the local date, lets exactly one of them do the work.
 */
export function promiseTicks(s: Platform, coordinator: Coordinator): PromiseTicks {
  const locked = (name: string, work: () => Promise<unknown>) => async (): Promise<boolean> => {
    const today = utcToZoned(s.clock(), s.config.TIMEZONE).date;
    if (!(await coordinator.shouldRun(`${name}:${today}`, LOCK_MS))) return false;
    try {
      s.log.info({ tick: name, result: await work() }, 'promise tick');
    } catch (err) {
      s.log.error({ tick: name, err: (err as Error).message }, 'promise tick failed');
    }
    return true;
  };
  // Every organisation in one locked tick (cron in the deployment's zone; each organisation's dates in its own).
  // Each organisation's chairs without a personal chat get its steering channel's notice; then one digest per person.
  const digest = locked('digest', async () => {
    const sweep = await forEachOrg(s, 'digest', (org) => sendWeeklyDigest(org));
    const { people } = await sendPersonalDigests(s, sweep.results);
    return { orgs: sweep.done, failed: sweep.failed, channels: sweep.results.reduce((n, r) => n + r.sent, 0), people };
  });
  const overdue = locked('overdue', async () => (await forEachOrg(s, 'overdue', (org) => markOverdueActions(org))).results);
  const tz = { timezone: s.config.TIMEZONE };
  return {
    tasks: [cron.schedule(DIGEST_CRON, () => void digest(), { name: 'promise-digest', ...tz }), cron.schedule(OVERDUE_CRON, () => void overdue(), { name: 'promise-overdue', ...tz })],
    digest,
    overdue,
  };
}
