/**
 * Scenario — fairness: organisation B's reminder round (remindForums to its 20 forums) while
 * organisation A's fan-out (the prompt and a reminder to each of its forums, `aMessages` in
 * all) is going out, B in (i) another tenant, (ii) the same tenant as A. One worker process,
 * the fake connector's per-tenant limit of 50/s. Baseline, same run and same world: B's
 * rounds alone, before A's fan-out is enqueued. A round lasts from the call to
 * remindForums to the last of its 20 messages accepted by the connector.
 */
import { promptForums } from '../../src/services/inputs/prompts.js';
import { remindForums } from '../../src/services/inputs/reminders.js';
import { drain, startNotifyWorld, TENANTS, type NotifyWorld } from './lib/notifyWorld.js';
import { seedOrg, type BenchOrg } from './lib/orgWorld.js';
import { sleep } from './lib/proc.js';
import { median, percentile, round } from './lib/stats.js';
import { meeting } from './lib/world.js';

export interface FairnessOptions {
  redisUrl: string;
  /** A's messages (two per forum). */
  aMessages: number;
  bForums: number;
  /** Rounds of B alone and under A's load (fewer under load if A's backlog runs out first). */
  rounds: number;
  log: (line: string) => void;
}

export interface FairnessCase {
  name: 'other tenant' | 'same tenant';
  aMessages: number;
  bForums: number;
  aloneMs: number[];
  loadedMs: number[];
  aloneMedianMs: number;
  aloneP99Ms: number;
  loadedMedianMs: number;
  loadedP99Ms: number;
  /** loadedP99Ms − aloneMedianMs: how much later B's round finishes under A's load. */
  delayMs: number;
  /** A's messages sent while B's loaded rounds ran, per second. */
  aPerSecond: number;
}

export interface FairnessResult {
  cases: FairnessCase[];
}

/** Gap between rounds: keeps B's channels well inside Teams' per-conversation windows (8/2 s, 60/30 s). */
const PAUSE_MS = 700;

async function round1(world: NotifyWorld, b: BenchOrg, label: string): Promise<number> {
  const mine = new Set(b.forums.map((f) => f.conversationId));
  const m = await meeting(b.s, b.meetingId);
  const t0 = Date.now();
  const from = world.connector.received.length;
  await remindForums(b.s, m.data, label);
  for (;;) {
    const got = world.connector.received.slice(from).filter((r) => mine.has(r.conversationId));
    if (got.length >= b.forums.length) return Math.max(...got.map((r) => r.at)) - t0;
    if (Date.now() - t0 > 60_000) throw new Error(`round ${label}: ${got.length}/${b.forums.length} within 60 s`);
    await sleep(10);
  }
}

async function runCase(o: FairnessOptions, name: FairnessCase['name']): Promise<FairnessCase> {
  const world = await startNotifyWorld(o.redisUrl, `bench-fair-${name === 'same tenant' ? 'same' : 'other'}`);
  try {
    const a = await seedOrg(world.platform, world.connector.url, { label: `fa-${name[0]}`, forums: Math.ceil(o.aMessages / 2), tenantId: TENANTS[0] });
    const b = await seedOrg(world.platform, world.connector.url, { label: `fb-${name[0]}`, forums: o.bForums, tenantId: name === 'same tenant' ? TENANTS[0] : TENANTS[1] });
    await drain(world, 30_000);
    const aloneMs: number[] = [];
    for (let k = 0; k < o.rounds; k++) {
      aloneMs.push(await round1(world, b, `alone-${k}`));
      await sleep(PAUSE_MS);
    }
    const mA = await meeting(a.s, a.meetingId);
    const aConvs = new Set(a.forums.map((f) => f.conversationId));
    await promptForums(a.s, mA.data, 'bench');
    await remindForums(a.s, mA.data, 'bench');
    // Past the start-up: A's backlog queued and its tenant's schedule full.
    await sleep(2000);
    const aFrom = world.connector.received.length;
    const tA = Date.now();
    const loadedMs: number[] = [];
    const aLeft = () => (o.aMessages - world.connector.received.filter((r) => aConvs.has(r.conversationId)).length);
    // Rounds count only while A still has a backlog (a tenth of its messages, at most 200, left).
    const backlog = Math.min(200, Math.ceil(o.aMessages / 10));
    for (let k = 0; k < o.rounds && aLeft() > backlog; k++) {
      loadedMs.push(await round1(world, b, `loaded-${k}`));
      await sleep(PAUSE_MS);
    }
    const aSent = world.connector.received.slice(aFrom).filter((r) => aConvs.has(r.conversationId)).length;
    const c: FairnessCase = {
      name,
      aMessages: o.aMessages,
      bForums: o.bForums,
      aloneMs,
      loadedMs,
      aloneMedianMs: median(aloneMs),
      aloneP99Ms: percentile(aloneMs, 99),
      loadedMedianMs: median(loadedMs),
      loadedP99Ms: percentile(loadedMs, 99),
      delayMs: percentile(loadedMs, 99) - median(aloneMs),
      aPerSecond: round(aSent / ((Date.now() - tA) / 1000), 1),
    };
    o.log(`  ${name}: B alone median ${c.aloneMedianMs} ms p99 ${c.aloneP99Ms} ms; under A (${c.aPerSecond}/s) ${loadedMs.length} rounds median ${c.loadedMedianMs} ms p99 ${c.loadedP99Ms} ms`);
    return c;
  } finally {
    await world.close();
  }
}

export async function runFairness(o: FairnessOptions): Promise<FairnessResult> {
  return { cases: [await runCase(o, 'other tenant'), await runCase(o, 'same tenant')] };
}
