/**
 * Scenario — spread: the inbound load (answer edits through /api/messages, as in
 * inbound.ts) over `orgs` organisations of `forumsEach` forums, against the same load in one
 * organisation holding all the forums. Two bot processes (web role, one prefix each) run
 * side by side and batches alternate between them, so a noisy neighbour hits both alike;
 * figures are medians of the per-pair ratios. Each turn resolves its organisation from the
 * channel's team (bound by createOrganisation), as in production.
 */
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { MEMBER, channel, invokeExecute } from '../support/activities.js';
import { FakeConnector } from '../support/fakeConnector.js';
import { freePort } from '../support/freePort.js';
import { rng } from '../unit/domain/lagesbild/generators.js';
import { inspelData } from './lib/answers.js';
import { adminRuntime, botEnv } from './lib/env.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { seedOrg, seedOrgs, type BenchOrg } from './lib/orgWorld.js';
import { spawnTsx, waitForHttp, type Child } from './lib/proc.js';
import { median, round } from './lib/stats.js';

export interface SpreadOptions {
  redisUrl: string;
  orgs: number;
  forumsEach: number;
  concurrency: number;
  warmup: number;
  batch: number;
  pairs: number;
  log: (line: string) => void;
  /** Node flags of each arm's bot (e.g. `--cpu-prof` for `--profile`). */
  botNodeArgs?: (arm: 'many' | 'one') => string[];
}

export interface SpreadResult {
  orgs: number;
  forums: number;
  concurrency: number;
  /** The pair with the median throughput ratio. */
  many: LoadResult;
  one: LoadResult;
  pairs: { many: LoadResult; one: LoadResult; throughputRatio: number; p99Ratio: number }[];
  throughputRatio: number;
  p99Ratio: number;
  errors: number;
  storedVersionsOk: boolean;
  /** Redis commands per submit in each arm over the measured batches (INFO, script bodies counted); absent in runs before it was measured. */
  redisCommandsPerSubmit?: { many: number; one: number };
  /**
   * CPU milliseconds per submit over the measured batches: the arm's bot process (/proc
   * utime + stime) and the Redis server (INFO used_cpu_*). Less sensitive to a noisy
   * neighbour than throughput: what each turn costs, not how fast it got the core.
   */
  cpuMsPerSubmit?: { many: { bot: number; redis: number }; one: { bot: number; redis: number } };
}

export interface Target {
  org: BenchOrg;
  forumId: string;
  name: string;
  conversationId: string;
  districts: string[];
}

async function commandsProcessed(redis: Redis): Promise<number> {
  return Number(/^total_commands_processed:(\d+)/m.exec(await redis.info('stats'))?.[1] ?? NaN);
}

/** The Redis server's CPU time so far (user + system), in ms. */
async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

/** A process's CPU time so far (utime + stime from /proc), in ms. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // Fields 14 and 15 of stat (utime, stime), counted from the state (field 3) after the command name; clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const THANKS = 'Tack! Ert inspel är sparat.';
const okThanks = (status: number, body: string) => status === 200 && body.includes(THANKS);

/**
 * Forum j of organisation i at position j × orgs + i: consecutive requests go to different
 * organisations (and a warm-up of `orgs` requests touches every one).
 */
export function interleave(orgs: BenchOrg[]): Target[] {
  const most = Math.max(...orgs.map((o) => o.forums.length));
  const out: Target[] = [];
  for (let j = 0; j < most; j++) for (const org of orgs) if (org.forums[j]) out.push({ org, forumId: org.forums[j]!.id, name: org.forums[j]!.name, conversationId: org.forums[j]!.conversationId, districts: org.forums[j]!.districts });
  return out;
}

/** Lane l owns targets l, l+c, l+2c…; every forum holds a seeded answer (version 1), so each submit is an edit. */
export function submitter(targets: Target[], serviceUrl: string, concurrency: number, seed: number) {
  const r = rng(seed);
  const versions = new Map<Target, number>(targets.map((t) => [t, 1]));
  const turn = new Array<number>(concurrency).fill(0);
  const lanes = Array.from({ length: concurrency }, (_, l) => targets.filter((_t, i) => i % concurrency === l));
  const inFlight = new Array<Target | undefined>(concurrency);
  return {
    versions,
    next(l: number) {
      const mine = lanes[l]!;
      const t = mine[turn[l]!++ % mine.length]!;
      inFlight[l] = t;
      const data = { meetingId: t.org.meetingId, forumId: t.forumId, version: versions.get(t), ...inspelData(r, t.districts) };
      const activity = invokeExecute(channel(serviceUrl, t.conversationId, t.name), MEMBER, 'input.submit', data);
      const inOrg = {
        ...activity,
        conversation: { ...activity.conversation, tenantId: t.org.tenantId },
        channelData: { ...activity.channelData, tenant: { id: t.org.tenantId }, team: { id: t.org.teamId, name: `Team ${t.org.id}` } },
      };
      return { body: JSON.stringify(inOrg), ok: okThanks };
    },
    done(l: number, status: number, body: string) {
      const t = inFlight[l];
      if (t && okThanks(status, body)) versions.set(t, versions.get(t)! + 1);
    },
  };
}

export async function startBot(redisUrl: string, prefix: string, nodeArgs: string[] = []): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const child = spawnTsx('src/main.ts', { env: { ...botEnv(redisUrl, prefix), PORT: String(port) }, args: ['--role=web'], nodeArgs });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, child);
  return { child, url };
}

export async function runSpread(o: SpreadOptions): Promise<SpreadResult> {
  const connector = await new FakeConnector().start();
  const bots: { child: Child; url: string }[] = [];
  const admins: Awaited<ReturnType<typeof adminRuntime>>[] = [];
  try {
    const arm = async (name: 'many' | 'one') => {
      const prefix = `bench-spread-${name}`;
      const admin = await adminRuntime(o.redisUrl, prefix);
      admins.push(admin);
      const t0 = Date.now();
      const orgs =
        name === 'many'
          ? await seedOrgs(admin.runtime.platform, connector.url, o.orgs, { label: 'sp', forums: o.forumsEach, answers: o.forumsEach })
          : [await seedOrg(admin.runtime.platform, connector.url, { label: 'sp-one', forums: o.orgs * o.forumsEach, answers: o.orgs * o.forumsEach })];
      o.log(`  ${name}: ${orgs.length} org(s), ${o.orgs * o.forumsEach} forums and answers seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const bot = await startBot(o.redisUrl, prefix, o.botNodeArgs?.(name));
      bots.push(bot);
      const targets = interleave(orgs);
      return { admin, bot, targets, load: submitter(targets, connector.url, o.concurrency, 7) };
    };
    const many = await arm('many');
    const one = await arm('one');
    const counter = many.admin.runtime.redis as Redis;
    const commands = { many: 0, one: 0 };
    const cpu = { many: { bot: 0, redis: 0 }, one: { bot: 0, redis: 0 } };
    const requests = { many: 0, one: 0 };
    const load = (a: typeof many, count: number) =>
      runLoad(`${a.bot.url}/api/messages`, { concurrency: o.concurrency, count, maxMs: 120_000, next: (l) => a.load.next(l), onDone: (l, st, b) => a.load.done(l, st, b) });
    // Both arms share the Redis server and run one at a time: INFO's counter over a batch is that arm's (less the INFO itself).
    const run = async (a: typeof many, count: number) => {
      const [c0, r0, b0] = [await commandsProcessed(counter), await redisCpuMs(counter), processCpuMs(a.bot.child.pid)];
      const r = await load(a, count);
      const arm = a === many ? 'many' : 'one';
      commands[arm] += (await commandsProcessed(counter)) - c0 - 2;
      cpu[arm].redis += (await redisCpuMs(counter)) - r0;
      cpu[arm].bot += processCpuMs(a.bot.child.pid) - b0;
      requests[arm] += r.requests;
      return r;
    };
    await load(one, o.warmup);
    await load(many, o.warmup);
    const pairs: SpreadResult['pairs'] = [];
    for (let i = 0; i < o.pairs; i++) {
      // Alternate which arm goes first, so neither always follows the other's tail.
      const first = i % 2 === 0 ? one : many;
      const a = await run(first, o.batch);
      const b = await run(first === one ? many : one, o.batch);
      const [m, s] = first === one ? [b, a] : [a, b];
      const pair = { many: m, one: s, throughputRatio: round(m.perSecond / s.perSecond, 3), p99Ratio: round(m.p99 / s.p99, 2) };
      pairs.push(pair);
      o.log(`  pair ${i + 1}: one org ${s.perSecond.toFixed(0)}/s p99 ${s.p99.toFixed(1)} ms | ${o.orgs} orgs ${m.perSecond.toFixed(0)}/s p99 ${m.p99.toFixed(1)} ms | ratio ${pair.throughputRatio}${m.errors + s.errors ? ` errors ${m.errors}/${s.errors} ${m.firstError ?? s.firstError ?? ''}` : ''}`);
    }
    o.log(`  Redis commands per submit: ${o.orgs} orgs ${(commands.many / requests.many).toFixed(2)} | one org ${(commands.one / requests.one).toFixed(2)}`);
    const perSubmit = (arm: 'many' | 'one') => ({ bot: round(cpu[arm].bot / requests[arm], 2), redis: round(cpu[arm].redis / requests[arm], 2) });
    o.log(`  CPU ms per submit (bot / redis-server): ${o.orgs} orgs ${perSubmit('many').bot} / ${perSubmit('many').redis} | one org ${perSubmit('one').bot} / ${perSubmit('one').redis}`);
    let storedVersionsOk = true;
    for (const a of [many, one]) {
      for (const t of a.targets) {
        const stored = await t.org.s.repos.answers.get(answerId(t.org.meetingId, t.forumId));
        if ((stored?.version ?? 0) !== a.load.versions.get(t)) storedVersionsOk = false;
      }
    }
    const mid = [...pairs].sort((a, b) => a.throughputRatio - b.throughputRatio)[Math.floor((pairs.length - 1) / 2)]!;
    return {
      orgs: o.orgs,
      forums: o.orgs * o.forumsEach,
      concurrency: o.concurrency,
      many: mid.many,
      one: mid.one,
      pairs,
      throughputRatio: median(pairs.map((p) => p.throughputRatio)),
      p99Ratio: median(pairs.map((p) => p.p99Ratio)),
      errors: pairs.reduce((n, p) => n + p.many.errors + p.one.errors, 0),
      storedVersionsOk,
      redisCommandsPerSubmit: { many: round(commands.many / requests.many, 1), one: round(commands.one / requests.one, 1) },
      cpuMsPerSubmit: { many: { bot: round(cpu.many.bot / requests.many, 2), redis: round(cpu.many.redis / requests.many, 2) }, one: { bot: round(cpu.one.bot / requests.one, 2), redis: round(cpu.one.redis / requests.one, 2) } },
    };
  } finally {
    await Promise.all(bots.map((b) => b.child.stop()));
    for (const a of admins) await a.runtime.close();
    await connector.stop();
  }
}
