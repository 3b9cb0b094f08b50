/**
 * Scenario 1 — inbound: realistic inspel submits ('input.submit' Action.Execute invokes:
 * validation and the personal data guard, the versioned Redis write with its audit line
 * and history, the refreshed card returned in place, two notify jobs queued) at a fixed
 * concurrency, against the bare teams-ai echo bot (echoBot.ts) answering the same invokes.
 * Both run as a child process started the same way (node --import tsx); the load
 * generator is this process.
 */
import type { Redis } from 'ioredis';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { MEMBER, channel, invokeExecute } from '../support/activities.js';
import { FakeConnector } from '../support/fakeConnector.js';
import { rng } from '../unit/domain/lagesbild/generators.js';
import { inspelData } from './lib/answers.js';
import { adminRuntime, botEnv } from './lib/env.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { spawnTsx, waitForHttp, type Child } from './lib/proc.js';
import { median, round } from './lib/stats.js';
import { setUpOverHttp, type BenchForum } from './lib/world.js';
import { freePort } from '../support/freePort.js';

export interface InboundOptions {
  redisUrl: string;
  concurrency: number;
  warmup: number;
  /** Requests per batch; batches alternate echo, bot, echo, bot… */
  batch: number;
  pairs: number;
  /** Forums set up (default: two per lane). Every turn reads them all to work out the user's roles. */
  forums?: number;
  /** Extra node flags for the bot process (e.g. --cpu-prof). */
  botNodeArgs?: string[];
  /** Run the bot from another checkout (default: this one). */
  botCheckout?: string;
  /**
   * Another checkout of the repository (e.g. `git worktree add /tmp/before HEAD~1`, with
   * node_modules linked) whose bot runs as a third contender, for before/after figures of a
   * change measured side by side.
   */
  before?: string;
  log: (line: string) => void;
}

export interface InboundResult {
  concurrency: number;
  requestsEach: number;
  forums: number;
  /** The pair with the median throughput ratio. */
  echo: LoadResult;
  bot: LoadResult;
  pairs: { echo: LoadResult; bot: LoadResult; throughputRatio: number; p50Ratio: number; p99Ratio: number }[];
  /** Medians over the pairs. */
  throughputRatio: number;
  p50Ratio: number;
  p99Ratio: number;
  errors: number;
  storedVersionsOk: boolean;
  /** Redis commands the bot issued per submit (INFO stats, scripts count as one). */
  redisCommandsPerSubmit: number;
  /** With `before`: the other checkout's bot against the same echo batches (medians). */
  before?: { checkout: string; throughputRatio: number; p50Ratio: number; p99Ratio: number; perSecond: number[] };
}

const THANKS = 'Tack! Ert inspel är sparat.';
const okThanks = (status: number, body: string) => status === 200 && body.includes(THANKS);

/** Lane l owns forums l, l+c, l+2c…: one request per forum in flight, each an edit of the version it last saw. */
function submitter(forums: BenchForum[], meetingId: string, serviceUrl: string, concurrency: number, seed: number) {
  const r = rng(seed);
  const versions = new Map<string, number>();
  const turn = new Array<number>(concurrency).fill(0);
  const lanes = Array.from({ length: concurrency }, (_, l) => forums.filter((_f, i) => i % concurrency === l));
  const inFlight = new Array<BenchForum | undefined>(concurrency);
  return {
    versions,
    next(l: number) {
      const mine = lanes[l]!;
      const f = mine[turn[l]!++ % mine.length]!;
      inFlight[l] = f;
      const version = versions.get(f.id);
      const data = { meetingId, forumId: f.id, ...(version ? { version } : {}), ...inspelData(r, f.districts) };
      const body = JSON.stringify(invokeExecute(channel(serviceUrl, f.conversationId, f.name), MEMBER, 'input.submit', data));
      return { body, ok: okThanks };
    },
    done(l: number, status: number, body: string) {
      const f = inFlight[l];
      if (f && okThanks(status, body)) versions.set(f.id, (versions.get(f.id) ?? 0) + 1);
    },
  };
}

let runs = 0;

async function commandsProcessed(redis: Redis): Promise<number> {
  return Number(/^total_commands_processed:(\d+)/m.exec(await redis.info('stats'))?.[1] ?? NaN);
}

async function startChild(entry: string, env: Record<string, string>, args: string[] = [], nodeArgs: string[] = [], cwd?: string): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const child = spawnTsx(entry, { env: { ...env, PORT: String(port) }, args, nodeArgs, cwd });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, child);
  return { child, url };
}

/**
 * Both processes run side by side (the idle one costs nothing); batches alternate between
 * them so a noisy neighbour on the machine hits both alike, and each figure is the median
 * of the per-pair ratios.
 */
export async function runInbound(o: InboundOptions): Promise<InboundResult> {
  const connector = await new FakeConnector().start();
  const forumCount = o.forums ?? o.concurrency * 2;
  const prefix = `bench-in${++runs}`;
  let echo: { child: Child; url: string } | undefined;
  let bot: { child: Child; url: string } | undefined;
  let admin: Awaited<ReturnType<typeof adminRuntime>> | undefined;
  let before: { child: Child; url: string } | undefined;
  let beforeAdmin: Awaited<ReturnType<typeof adminRuntime>> | undefined;
  try {
    echo = await startChild('test/bench/echoBot.ts', {});
    bot = await startChild('src/main.ts', botEnv(o.redisUrl, prefix), ['--role=web'], o.botNodeArgs, o.botCheckout);
    admin = await adminRuntime(o.redisUrl, prefix);
    const world = await setUpOverHttp(bot.url, connector.url, admin.runtime.services!, forumCount);
    // The echo bot gets the same payloads (same forums, ids and versions do not matter to it).
    const echoLoad = submitter(world.forums, world.meetingId, connector.url, o.concurrency, 7);
    const botLoad = submitter(world.forums, world.meetingId, connector.url, o.concurrency, 7);
    const run = (url: string, load: ReturnType<typeof submitter>, count: number) =>
      runLoad(`${url}/api/messages`, { concurrency: o.concurrency, count, maxMs: 120_000, next: (l) => load.next(l), onDone: (l, st, b) => load.done(l, st, b) });
    let beforeLoad: ReturnType<typeof submitter> | undefined;
    if (o.before) {
      before = await startChild('src/main.ts', botEnv(o.redisUrl, `${prefix}-before`), ['--role=web'], [], o.before);
      beforeAdmin = await adminRuntime(o.redisUrl, `${prefix}-before`);
      const w = await setUpOverHttp(before.url, connector.url, beforeAdmin.runtime.services!, forumCount);
      beforeLoad = submitter(w.forums, w.meetingId, connector.url, o.concurrency, 7);
    }
    await run(echo.url, echoLoad, o.warmup);
    await run(bot.url, botLoad, o.warmup);
    if (before && beforeLoad) await run(before.url, beforeLoad, o.warmup);
    const pairs: InboundResult['pairs'] = [];
    const beforePairs: { perSecond: number; t: number; p50: number; p99: number }[] = [];
    let redisCommands = 0;
    let botRequests = 0;
    for (let i = 0; i < o.pairs; i++) {
      const e = await run(echo.url, echoLoad, o.batch);
      const c0 = await commandsProcessed(admin.runtime.redis as Redis);
      const b = await run(bot.url, botLoad, o.batch);
      redisCommands += (await commandsProcessed(admin.runtime.redis as Redis)) - c0 - 1;
      botRequests += b.requests;
      if (before && beforeLoad) {
        const x = await run(before.url, beforeLoad, o.batch);
        beforePairs.push({ perSecond: x.perSecond, t: x.perSecond / e.perSecond, p50: x.p50 / e.p50, p99: x.p99 / e.p99 });
        o.log(`  pair ${i + 1} before: ${x.perSecond.toFixed(0)}/s p50 ${x.p50.toFixed(1)} p99 ${x.p99.toFixed(1)} ms | ratio ${(x.perSecond / e.perSecond).toFixed(3)}`);
      }
      const pair = { echo: e, bot: b, throughputRatio: round(b.perSecond / e.perSecond, 3), p50Ratio: round(b.p50 / e.p50, 2), p99Ratio: round(b.p99 / e.p99, 2) };
      pairs.push(pair);
      o.log(`  pair ${i + 1}: echo ${e.perSecond.toFixed(0)}/s p50 ${e.p50.toFixed(1)} p99 ${e.p99.toFixed(1)} ms | bot ${b.perSecond.toFixed(0)}/s p50 ${b.p50.toFixed(1)} p99 ${b.p99.toFixed(1)} ms | ratio ${pair.throughputRatio}${b.errors + e.errors ? ` errors ${e.errors}/${b.errors} ${b.firstError ?? e.firstError ?? ''}` : ''}`);
    }
    // Every accepted submit is one stored version, and the store agrees.
    let storedVersionsOk = true;
    for (const f of world.forums) {
      const stored = await admin.runtime.services!.repos.answers.get(answerId(world.meetingId, f.id));
      if ((stored?.version ?? 0) !== (botLoad.versions.get(f.id) ?? 0)) storedVersionsOk = false;
    }
    const med = (pick: (p: InboundResult['pairs'][number]) => number) => median(pairs.map(pick));
    const mid = [...pairs].sort((a, b) => a.throughputRatio - b.throughputRatio)[Math.floor((pairs.length - 1) / 2)]!;
    return {
      concurrency: o.concurrency,
      requestsEach: o.batch * o.pairs,
      forums: forumCount,
      echo: mid.echo,
      bot: mid.bot,
      pairs,
      throughputRatio: med((p) => p.throughputRatio),
      p50Ratio: med((p) => p.p50Ratio),
      p99Ratio: med((p) => p.p99Ratio),
      errors: pairs.reduce((n, p) => n + p.echo.errors + p.bot.errors, 0),
      storedVersionsOk,
      redisCommandsPerSubmit: round(redisCommands / botRequests, 1),
      ...(o.before
        ? {
            before: {
              checkout: o.before,
              throughputRatio: round(median(beforePairs.map((p) => p.t)), 3),
              p50Ratio: round(median(beforePairs.map((p) => p.p50)), 2),
              p99Ratio: round(median(beforePairs.map((p) => p.p99)), 2),
              perSecond: beforePairs.map((p) => round(p.perSecond, 0)),
            },
          }
        : {}),
    };
  } finally {
    await Promise.all([echo?.child.stop(), bot?.child.stop(), before?.child.stop()]);
    await admin?.runtime.close();
    await beforeAdmin?.runtime.close();
    await connector.stop();
  }
}
