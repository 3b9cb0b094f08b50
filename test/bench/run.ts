/**
 * `npm run bench`: starts a private redis-server, runs the five scenarios, prints a
 * table, writes test/bench/results.json and rewrites the README's "Benchmarks" section.
 * Every figure is a ratio against a baseline measured in the same run.
 *
 *   npm run bench                          all scenarios (~10–12 minutes)
 *   npm run bench -- --only inbound,compile
 *   npm run bench -- --only merge          question merging; updates its rows in results.json and the README
 *   npm run bench -- --only public          the residents' page; merged into results.json and the README
 *   npm run bench -- --only orgs,spread,tenants,fairness   the organisation scenarios (issue 12, ~8 minutes);
 *                                          their rows are merged into results.json and the README
 *   npm run bench -- --only orgs --org-scale 0.1   a tenth of their sizes (development; not for the table)
 *   npm run bench -- --tsx                 run the bots through tsx instead of compiled (as production)
 *   npm run bench -- --reuse-build         keep test-results/bench/dist from the last run (development)
 *   npm run bench -- --fanout-runs 1       fewer fan-out rounds (development; the table needs three)
 *   npm run bench -- --profile             also profiles the bot under the inbound load (with --only spread:
 *                                          each arm's bot under the spread load instead, when inbound does not run)
 *   npm run bench -- --before <checkout>   inbound also runs another checkout's bot (before/after)
 *   npm run bench -- --no-readme           leave README.md alone
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startPrivateRedis } from '../../scripts/redis-helper.mjs';
import { runCompile } from './compile.js';
import { runFairness } from './fairness.js';
import { runFanout } from './fanout.js';
import { runFootprint } from './footprint.js';
import { runInbound } from './inbound.js';
import { runMerge } from './merge.js';
import { runOrgs } from './orgs.js';
import { runPublic } from './public.js';
import { runSpread } from './spread.js';
import { runStartup } from './startup.js';
import { runTenants } from './tenants.js';
import { buildApp } from '../support/compiledApp.js';
import { setRunMode } from './lib/proc.js';
import { summarizeProfile } from './lib/profile.js';
import { ROOT } from './lib/proc.js';
import type { Results } from './lib/results.js';
import { rowsOf, table } from './lib/table.js';
import { updateReadme } from './readme.js';

// Seven scenarios take ten to twelve minutes, the organisation scenarios about eight more.
const HARD_LIMIT_MS = 25 * 60_000;
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const scenarios = ['compile', 'startup', 'inbound', 'footprint', 'fanout', 'merge', 'public', 'orgs', 'spread', 'tenants', 'fairness'] as const;
/** Scenarios whose figures a partial run (`--only`) may write into the last full run's results. */
const MERGEABLE = ['merge', 'public', 'orgs', 'spread', 'tenants', 'fairness'] as const;
const ORG_SCENARIOS: readonly string[] = ['orgs', 'spread', 'tenants', 'fairness'];
/** Scenarios that start the bots as child processes (compiled, as production, unless --tsx). */
const BOT_SCENARIOS: readonly string[] = ['startup', 'inbound', 'footprint', 'fanout', 'spread', 'tenants', 'fairness'];
/** Consecutive fan-out rounds (one worker, then two, each round). */
const FANOUT_RUNS = Number(option('fanout-runs') ?? 3);
/** 6,000 messages a run (40 s at 150/s): six runs keep the whole bench near ten minutes. */
const FANOUT_CONVERSATIONS = 3_000;
/** Issue 12's sizes (300 organisations × 10 forums, A's 5,000 messages, ~30 rounds) times this; below 1 only while developing. */
const ORG_SCALE = Number(option('org-scale') ?? 1);
const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * ORG_SCALE));
const only = option('only')?.split(',') ?? [...scenarios];
const wanted = (s: (typeof scenarios)[number]) => only.includes(s);

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

function machine(): Results['machine'] {
  let redis = 'unknown';
  try {
    redis = /v=(\S+)/.exec(execFileSync('redis-server', ['--version'], { encoding: 'utf8' }))?.[1] ?? redis;
  } catch {
    /* reported as unknown */
  }
  return {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    redis,
    loadAverage: { start: os.loadavg()[0]!, end: NaN },
  };
}

const results: Results = { machine: machine(), seconds: 0, rows: [], errors: [] };
// Every loop below is bounded; this is the last line of defence for the ten-minute promise.
const watchdog = setTimeout(() => {
  console.error(`bench: over ${HARD_LIMIT_MS / 60_000} minutes, stopping`);
  process.exit(1);
}, HARD_LIMIT_MS);
watchdog.unref();

async function step<T>(scenario: string, fn: () => Promise<T>): Promise<T | undefined> {
  log(`${scenario}…`);
  try {
    return await fn();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`bench: ${scenario} failed: ${message}`);
    results.errors.push({ scenario, message: message.slice(0, 2000) });
    return undefined;
  }
}

if (wanted('merge')) {
  results.merge = await step('merge (labelled sets, 10,000 questions)', () => Promise.resolve(runMerge({ questions: 10_000, runs: 5, log })));
}
const needsRedis = only.some((s) => s !== 'merge');
const redis = needsRedis ? await startPrivateRedis() : { url: '', stop: async () => {} };
if (needsRedis) log(`private redis-server at ${redis.url}`);
// The bots run as production runs them: compiled JavaScript (the echo bot too), unless --tsx.
const COMPILED_DIR = join(ROOT, 'test-results', 'bench', 'dist');
let compiled = false;
if (only.some((s) => BOT_SCENARIOS.includes(s)) && (!flag('tsx') || wanted('startup'))) {
  compiled = flag('reuse-build') && existsSync(join(COMPILED_DIR, 'src', 'main.js'))
    ? true
    : ((await step('build (tsc, the app and the echo bot)', async () => {
        await buildApp('test-results/bench/dist', 'test/bench/tsconfig.compiled.json');
        return true;
      })) ?? false);
}
if (compiled && !flag('tsx')) setRunMode({ kind: 'compiled', dir: COMPILED_DIR });
results.runMode = compiled && !flag('tsx') ? 'compiled' : 'tsx';
log(`bots run ${results.runMode}`);
try {
  if (wanted('compile')) {
    results.compile = await step('compile scale', () => runCompile({ sizes: [100, 1_000, 10_000], runs: 5, log }));
  }
  if (wanted('startup') && compiled) {
    results.startup = await step('start-up, compiled and tsx', () => runStartup({ redisUrl: redis.url, compiledDir: COMPILED_DIR, runs: 3, log }));
  }
  if (wanted('inbound')) {
    const before = option('before');
    const city = await step('inbound, 32 forums', () => runInbound({ redisUrl: redis.url, concurrency: 16, warmup: 500, batch: 1_000, pairs: 5, before, log }));
    // Warm-up answers every forum once (first answers and first sightings are one-time work, not per-submit cost).
    const county = await step('inbound, 320 forums', () => runInbound({ redisUrl: redis.url, concurrency: 16, forums: 320, warmup: 400, batch: 500, pairs: 3, log }));
    results.inbound = [city, county].filter((r) => r !== undefined);
  }
  if (wanted('footprint')) {
    results.footprint = [];
    for (const forums of [2_000, 20_000]) {
      const r = await step(`footprint, 10,000 answers over ${forums} forums`, () => runFootprint({ redisUrl: redis.url, forums, answers: 10_000, log }));
      if (r) results.footprint.push(r);
    }
  }
  if (wanted('fanout')) {
    results.fanout = [];
    for (let run = 1; run <= FANOUT_RUNS; run++) {
      for (const workers of [1, 2]) {
        const r = await step(`fan-out, run ${run}, ${workers} worker(s)`, () => runFanout({ redisUrl: redis.url, conversations: FANOUT_CONVERSATIONS, ratePerSecond: 150, workers, run, log }));
        if (r) results.fanout.push(r);
      }
    }
  }
  if (wanted('public')) {
    results.public = await step('public page and JSON vs a static file', () => runPublic({ redisUrl: redis.url, concurrency: 16, batch: 3_000, pairs: 5, log }));
  }
  if (wanted('orgs')) {
    results.orgs = await step('organisations: Redis per org and the reconcile tick', () => runOrgs({ redisUrl: redis.url, orgs: scaled(300), forumsEach: 10, ticks: 3, log }));
  }
  if (wanted('spread')) {
    // --profile without inbound: each arm's bot writes a CPU profile of its own (the figures then include the profiler's cost).
    const profileSpread = flag('profile') && !wanted('inbound');
    const spreadProfile = (arm: string) => join(ROOT, 'test-results', 'bench', `cpu-profile-spread-${arm}`);
    if (profileSpread)
      for (const arm of ['many', 'one']) {
        rmSync(spreadProfile(arm), { recursive: true, force: true });
        mkdirSync(spreadProfile(arm), { recursive: true });
      }
    results.spread = await step('inbound spread over organisations vs one', () =>
      runSpread({
        redisUrl: redis.url,
        orgs: scaled(300),
        forumsEach: 10,
        concurrency: 16,
        warmup: scaled(600, 50),
        batch: scaled(1_000, 100),
        pairs: 5,
        log,
        ...(profileSpread ? { botNodeArgs: (arm: string) => ['--cpu-prof', `--cpu-prof-dir=${spreadProfile(arm)}`] } : {}),
      }),
    );
    if (profileSpread && results.spread) {
      for (const arm of ['many', 'one']) {
        const p = summarizeProfile(spreadProfile(arm), 20);
        console.log(`\nSpread profile, ${arm} (${p.file}, ${p.samples} samples), top self time:`);
        for (const h of p.self.slice(0, 15)) console.log(`  ${String(h.selfShare).padStart(5)} %  ${h.frame}`);
        console.log('Our code, total time:');
        for (const h of p.ours.slice(0, 20)) console.log(`  ${String(h.totalShare).padStart(5)} %  ${h.frame}`);
        console.log(`By area: ${Object.entries(p.byArea).map(([a, v]) => `${a} ${v} %`).join(', ')}`);
      }
    }
  }
  if (wanted('tenants')) {
    results.tenants = await step('fan-out across three tenants vs one', () => runTenants({ redisUrl: redis.url, forums: scaled(500, 20), log }));
  }
  if (wanted('fairness')) {
    results.fairness = await step('fairness between organisations', () => runFairness({ redisUrl: redis.url, aMessages: scaled(5_000, 200), bForums: 20, rounds: scaled(30, 3), log }));
  }
  if (ORG_SCENARIOS.some((s) => wanted(s as (typeof scenarios)[number]))) results.orgsMeasuredAt = new Date().toISOString();
  if (flag('profile') && wanted('inbound')) {
    const profileOf = async (checkout: string | undefined, name: string) => {
      const dir = join(ROOT, 'test-results', 'bench', `cpu-profile-${name}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      await runInbound({ redisUrl: redis.url, concurrency: 16, warmup: 500, batch: 1_000, pairs: 2, botNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`], botCheckout: checkout, log });
      return summarizeProfile(dir, 12, checkout ?? ROOT);
    };
    await step('profile (inbound, 32 forums, bot with --cpu-prof)', async () => {
      results.profile = { scenario: 'inbound, 32 forums', summary: await profileOf(undefined, 'after') };
    });
    const before = option('before');
    if (before && results.profile) {
      await step('profile of the --before checkout', async () => {
        results.profile!.before = await profileOf(before, 'before');
      });
    }
  }
} finally {
  await redis.stop();
}

results.machine.loadAverage.end = os.loadavg()[0]!;
results.seconds = Math.round((Date.now() - started) / 1000);
results.rows = rowsOf(results);
console.log(`\n${table(results)}\n`);
for (const [name, p] of [
  ['', results.profile?.summary],
  [' of the --before checkout', results.profile?.before],
] as const) {
  if (!p) continue;
  console.log(`Profile${name} (${p.file}), top self time:`);
  for (const h of p.self.slice(0, 8)) console.log(`  ${String(h.selfShare).padStart(5)} %  ${h.frame}`);
  console.log('Our code, total time:');
  for (const h of p.ours.slice(0, 8)) console.log(`  ${String(h.totalShare).padStart(5)} %  ${h.frame}`);
}
const file = join(ROOT, 'test', 'bench', 'results.json');
if (only.length === scenarios.length) {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${file}`);
  if (!flag('no-readme') && existsSync(join(ROOT, 'README.md'))) {
    updateReadme();
    log('README.md "Benchmarks" updated');
  }
} else if (ORG_SCALE !== 1) {
  log(`--org-scale ${ORG_SCALE}: a development run; results.json and README left as they were`);
} else if (only.every((name) => (MERGEABLE as readonly string[]).includes(name)) && existsSync(file)) {
  // Scenarios that run alone in seconds (merge quality, the residents' page): their figures replace
  // those of the last full run; every other scenario's figures stay as they were.
  const last = JSON.parse(readFileSync(file, 'utf8')) as Results;
  for (const name of only) Object.assign(last, { [name]: results[name as (typeof MERGEABLE)[number]] });
  if (results.orgsMeasuredAt) last.orgsMeasuredAt = results.orgsMeasuredAt;
  last.errors = [...last.errors.filter((e) => !only.some((name) => e.scenario.startsWith(name))), ...results.errors];
  last.rows = rowsOf(last);
  writeFileSync(file, `${JSON.stringify(last, null, 2)}\n`);
  log(`partial run (--only ${only.join(',')}): its rows written to ${file}; the other scenarios' figures kept from the last run`);
  if (!flag('no-readme') && existsSync(join(ROOT, 'README.md'))) {
    updateReadme();
    log('README.md "Benchmarks" updated');
  }
} else {
  log('partial run (--only): results.json and README left as they were');
}
log(`done in ${results.seconds} s${results.errors.length ? `, ${results.errors.length} scenario(s) failed` : ''}`);
process.exit(results.errors.length ? 1 : 0);
