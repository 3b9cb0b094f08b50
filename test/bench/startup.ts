/**
 * Scenario 5 — start-up: time from spawning the process to its first /readyz 200, and its
 * RSS once idle, for the bot (`src/main.ts`, every role in one process, so /readyz sees its
 * workers) and the echo bot, each run compiled (plain node, as production) and through tsx
 * (as in development). Runs alternate between the ways so a busy neighbour hits both alike;
 * figures are medians.
 */
import { botEnv } from './lib/env.js';
import { sleep, spawnTsx, type Child, type RunMode } from './lib/proc.js';
import { median, mib, round } from './lib/stats.js';
import { freePort } from '../support/freePort.js';

export interface StartupOptions {
  redisUrl: string;
  compiledDir: string;
  runs: number;
  log: (line: string) => void;
}

export interface StartupWay {
  /** Medians over the runs. */
  readyMs: number;
  idleRssMiB: number;
  readyMsRuns: number[];
}

export interface StartupResult {
  runs: number;
  bot: { compiled: StartupWay; tsx: StartupWay };
  echo: { compiled: StartupWay; tsx: StartupWay };
  /** Compiled ÷ tsx start-up time of the bot (goal ≤ 0.5). */
  botReadyRatio: number;
  /** The bot's idle RSS ÷ the echo bot's, both compiled. */
  idleVsEcho: number;
}

async function once(entry: string, env: Record<string, string>, args: string[], mode: RunMode): Promise<{ readyMs: number; rss: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child: Child = spawnTsx(entry, { env: { ...env, PORT: String(port) }, args, mode });
  try {
    let gone = false;
    void child.exited.then(() => (gone = true));
    for (;;) {
      if (gone) throw new Error(`${entry} exited before /readyz answered:\n${child.stderrTail()}`);
      if (performance.now() - t0 > 60_000) throw new Error(`${entry}: no /readyz 200 within 60 s:\n${child.stderrTail()}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
      if (ok) break;
      await sleep(20);
    }
    const readyMs = performance.now() - t0;
    await sleep(2000);
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      samples.push(child.rss());
      await sleep(200);
    }
    return { readyMs, rss: samples.reduce((a, b) => a + b, 0) / samples.length };
  } finally {
    await child.stop();
  }
}

export async function runStartup(o: StartupOptions): Promise<StartupResult> {
  const prefix = 'bench-start';
  const ways = { compiled: { kind: 'compiled', dir: o.compiledDir } as RunMode, tsx: { kind: 'tsx' } as RunMode };
  const apps = {
    bot: { entry: 'src/main.ts', env: botEnv(o.redisUrl, prefix), args: ['--role=all'] },
    echo: { entry: 'test/bench/echoBot.ts', env: {}, args: [] },
  };
  const raw: Record<string, { readyMs: number[]; rss: number[] }> = {};
  for (let i = 0; i < o.runs; i++) {
    for (const [app, a] of Object.entries(apps)) {
      for (const [way, mode] of Object.entries(ways)) {
        const r = await once(a.entry, a.env, a.args, mode);
        const k = `${app}.${way}`;
        raw[k] ??= { readyMs: [], rss: [] };
        raw[k].readyMs.push(round(r.readyMs, 0));
        raw[k].rss.push(r.rss);
        o.log(`  ${k} run ${i + 1}: ready in ${r.readyMs.toFixed(0)} ms, idle RSS ${mib(r.rss).toFixed(0)} MiB`);
      }
    }
  }
  const way = (k: string): StartupWay => ({ readyMs: round(median(raw[k]!.readyMs), 0), idleRssMiB: mib(median(raw[k]!.rss)), readyMsRuns: raw[k]!.readyMs });
  const bot = { compiled: way('bot.compiled'), tsx: way('bot.tsx') };
  const echo = { compiled: way('echo.compiled'), tsx: way('echo.tsx') };
  return { runs: o.runs, bot, echo, botReadyRatio: round(bot.compiled.readyMs / bot.tsx.readyMs, 2), idleVsEcho: round(bot.compiled.idleRssMiB / echo.compiled.idleRssMiB, 2) };
}
