import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (test/bench/lib → ../../..). */
export const ROOT = join(import.meta.dirname, '..', '..', '..');
/**
 * tsx as an import hook in the child itself (not tsx's CLI, which runs the script in a
 * grandchild): the pid we measure, profile and stop is the process doing the work.
 */
const TSX_IMPORT = ['--import', 'tsx'];

/**
 * How app processes run: `compiled` (the bench's build of the app and echo bot, plain
 * `node --enable-source-maps`, as production) or `tsx` (TypeScript directly, as in
 * development). Set once by run.ts; an entry the build does not have, or another
 * checkout's (`cwd`), runs through tsx.
 */
export type RunMode = { kind: 'tsx' } | { kind: 'compiled'; dir: string };
let defaultMode: RunMode = { kind: 'tsx' };
export function setRunMode(mode: RunMode): void {
  defaultMode = mode;
}
export function runMode(): RunMode {
  return defaultMode;
}

function commandFor(entry: string, mode: RunMode, cwd: string): string[] {
  if (mode.kind === 'compiled' && resolve(cwd) === resolve(ROOT)) {
    const js = join(mode.dir, entry.replace(/\.ts$/, '.js'));
    if (existsSync(js)) return ['--enable-source-maps', js];
  }
  return [...TSX_IMPORT, entry];
}


export interface Child {
  proc: ChildProcess;
  pid: number;
  /** Resident set size now, in bytes (from /proc; 0 when unavailable). */
  rss(): number;
  /** Peak resident set size so far (VmHWM), in bytes. */
  peakRss(): number;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<number | null>;
  /** The last lines the child wrote (for error messages). */
  stderrTail(): string;
}

function procStatus(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Starts `node [nodeArgs] --import tsx <entry> [args]`, or with the compiled build
 * `node [nodeArgs] --enable-source-maps <build>/<entry>.js [args]` (see RunMode), with `env`
 * added to this environment. The last few KB of its output are kept for error messages;
 * `onStdout` gets stdout's lines.
 */
export function spawnTsx(entry: string, opts: { args?: string[]; env?: Record<string, string>; nodeArgs?: string[]; cwd?: string; mode?: RunMode; onStdout?: (line: string) => void } = {}): Child {
  const cwd = opts.cwd ?? ROOT;
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...commandFor(entry, opts.mode ?? defaultMode, cwd), ...(opts.args ?? [])], {
    cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (b: Buffer) => {
    tail = (tail + b.toString('utf8')).slice(-4000);
  };
  proc.stderr?.on('data', keep);
  if (!opts.onStdout) proc.stdout?.on('data', keep);
  if (opts.onStdout && proc.stdout) {
    let buf = '';
    proc.stdout.on('data', (b: Buffer) => {
      keep(b);
      buf += b.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        opts.onStdout!(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
      }
    });
  }
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const pid = proc.pid ?? 0;
  return {
    proc,
    pid,
    exited,
    rss: () => procStatus(pid, 'VmRSS'),
    peakRss: () => procStatus(pid, 'VmHWM'),
    stderrTail: () => tail,
    async stop(graceMs = 10_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 200; fails after `timeoutMs` or when the child exits. */
export async function waitForHttp(url: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  let gone = false;
  void child.exited.then(() => (gone = true));
  while (Date.now() - start < timeoutMs) {
    if (gone) throw new Error(`child exited before ${url} answered:\n${child.stderrTail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child.stderrTail()}`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until `check` holds, polling every `everyMs`; throws after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs: number, everyMs = 50): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await sleep(everyMs);
  }
}
