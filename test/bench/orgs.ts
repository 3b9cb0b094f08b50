/**
 * Scenario — organisations: `orgs` organisations of `forumsEach` forums, each with its 2027
 * plan confirmed and every forum's answer to the first meeting, seeded through the services
 * (createOrganisation, confirmPlan, submitAnswer); then Redis memory and keys per
 * organisation, and the reconcile tick over all of them (`startScheduler(…).reconcileNow()`,
 * as the cron runs it). Baseline, same run: one organisation holding all the forums
 * (`orgs × forumsEach`), the same plan and answers, in a prefix of its own.
 */
import type { Redis } from 'ioredis';
import { startScheduler } from '../../jobs/scheduler.js';
import { FakeConnector } from '../support/fakeConnector.js';
import { adminRuntime } from './lib/env.js';
import { seedOrg, seedOrgs } from './lib/orgWorld.js';
import { sleep } from './lib/proc.js';
import { median, round } from './lib/stats.js';

export interface OrgsOptions {
  redisUrl: string;
  orgs: number;
  forumsEach: number;
  /** Reconcile ticks timed per arm (median). */
  ticks: number;
  log: (line: string) => void;
}

export interface OrgsArm {
  orgs: number;
  forums: number;
  seedSeconds: number;
  redisBytes: number;
  keys: number;
  tickMs: number[];
  tickMedianMs: number;
  /** Organisations the tick left for the next one (its time budget ran out). */
  tickLeft: number;
  tickFailed: number;
}

export interface OrgsResult {
  many: OrgsArm;
  one: OrgsArm;
  redisBytesPerOrg: number;
  /** Over the one-organisation baseline's bytes per forum × the forums of one organisation. */
  redisBytesPerOrgOverhead: number;
  keysPerOrg: number;
  tickRatio: number;
  /** RECONCILE_CRON's interval. */
  intervalMs: number;
}

async function memory(redis: Redis): Promise<{ bytes: number; keys: number }> {
  await sleep(300);
  const info = await redis.info('memory');
  return { bytes: Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? NaN), keys: await redis.dbsize() };
}

async function arm(o: OrgsOptions, name: string, orgs: number, forumsEach: number, connectorUrl: string): Promise<OrgsArm> {
  const admin = await adminRuntime(o.redisUrl, `bench-orgs-${name}`);
  const { platform } = admin.runtime;
  const redis = admin.runtime.redis as Redis;
  try {
    const before = await memory(redis);
    const t0 = Date.now();
    if (orgs === 1) await seedOrg(platform, connectorUrl, { label: name, forums: forumsEach, answers: forumsEach });
    else await seedOrgs(platform, connectorUrl, orgs, { label: name, forums: forumsEach, answers: forumsEach });
    const seedSeconds = (Date.now() - t0) / 1000;
    const after = await memory(redis);
    o.log(`  ${name}: ${orgs} org(s) × ${forumsEach} forums seeded in ${seedSeconds.toFixed(1)} s, +${((after.bytes - before.bytes) / 1024 / 1024).toFixed(1)} MiB, +${after.keys - before.keys} keys`);
    const scheduler = startScheduler(platform, redis);
    const tickMs: number[] = [];
    let tickLeft = 0;
    let tickFailed = 0;
    try {
      for (let i = 0; i < o.ticks; i++) {
        const t = Date.now();
        const r = (await scheduler.reconcileNow()) as { left: number; failed: number };
        tickMs.push(Date.now() - t);
        tickLeft = Math.max(tickLeft, r.left);
        tickFailed += r.failed;
      }
    } finally {
      await scheduler.stop();
    }
    o.log(`  ${name}: reconcile tick ${tickMs.join(', ')} ms (left ${tickLeft}, failed ${tickFailed})`);
    return {
      orgs,
      forums: orgs * forumsEach,
      seedSeconds: round(seedSeconds, 1),
      redisBytes: after.bytes - before.bytes,
      keys: after.keys - before.keys,
      tickMs,
      tickMedianMs: median(tickMs),
      tickLeft,
      tickFailed,
    };
  } finally {
    await admin.runtime.close();
  }
}

export async function runOrgs(o: OrgsOptions): Promise<OrgsResult> {
  const connector = await new FakeConnector().start();
  try {
    const one = await arm(o, 'one', 1, o.orgs * o.forumsEach, connector.url);
    const many = await arm(o, 'many', o.orgs, o.forumsEach, connector.url);
    return {
      many,
      one,
      redisBytesPerOrg: Math.round(many.redisBytes / o.orgs),
      redisBytesPerOrgOverhead: Math.round((many.redisBytes - one.redisBytes) / o.orgs),
      keysPerOrg: round(many.keys / o.orgs, 1),
      tickRatio: round(many.tickMedianMs / Math.max(1, one.tickMedianMs), 2),
      intervalMs: 5 * 60_000,
    };
  } finally {
    await connector.stop();
  }
}
