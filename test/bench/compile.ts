/**
 * Scenario 3 — compile scale: the pure compile (compileLagesbild) of 100, 1,000 and
 * 10,000 forums, ten districts, five questions each, every forum answering, with a
 * previous meeting's snapshot. Each size runs in a process of its own (compileChild.ts):
 * median CPU time of five compiles after a warm-up, and peak RSS; a second process per
 * size only builds the input, so the compile's share of the peak is the difference.
 * Baselines: the same input serialised and parsed back (CPU time), and the tenfold
 * smaller size (growth).
 */
import { spawnTsx } from './lib/proc.js';
import { mib, round } from './lib/stats.js';

export interface CompileSize {
  forums: number;
  questions: number;
  inputKiB: number;
  /** Median CPU time (user + system) of one compile. */
  compileMs: number;
  /** Median wall-clock time of one compile. */
  wallMs: number;
  runsMs: number[];
  /** Compile time ÷ the time to serialise and parse the same input back. */
  vsJsonRoundTrip: number;
  peakRssMiB: number;
  /** Peak RSS of the compiling process minus that of one that only builds the input. */
  compilePeakMiB: number;
  /** Compile time ÷ that of the size ten times smaller. */
  timeGrowth?: number;
  memoryGrowth?: number;
}

interface ChildReport {
  forums: number;
  questions: number;
  inputBytes: number;
  cpuMs: number;
  wallMs: number;
  cpuRunsMs: number[];
  roundTripCpuMs: number;
  maxRssBytes: number;
}

async function child(forums: number, runs: number, mode: 'compile' | 'generate'): Promise<ChildReport> {
  let line = '';
  const c = spawnTsx('test/bench/compileChild.ts', { args: [String(forums), String(runs), mode], onStdout: (l) => (line = l || line) });
  const timer = setTimeout(() => void c.stop(1000), 120_000);
  const code = await c.exited;
  clearTimeout(timer);
  if (code !== 0 || !line) throw new Error(`compileChild ${forums} ${mode} failed (${code}):\n${c.stderrTail()}`);
  return JSON.parse(line) as ChildReport;
}

export async function runCompile(o: { sizes: number[]; runs: number; log: (line: string) => void }): Promise<CompileSize[]> {
  const out: CompileSize[] = [];
  for (const forums of o.sizes) {
    const gen = await child(forums, o.runs, 'generate');
    const c = await child(forums, o.runs, 'compile');
    const prev = out.at(-1);
    const size: CompileSize = {
      forums,
      questions: c.questions,
      inputKiB: Math.round(c.inputBytes / 1024),
      compileMs: round(c.cpuMs, 1),
      wallMs: round(c.wallMs, 1),
      runsMs: c.cpuRunsMs.map((t) => round(t, 1)),
      vsJsonRoundTrip: round(c.cpuMs / c.roundTripCpuMs, 1),
      peakRssMiB: mib(c.maxRssBytes),
      compilePeakMiB: mib(Math.max(0, c.maxRssBytes - gen.maxRssBytes)),
    };
    if (prev && prev.forums * 10 === forums) {
      size.timeGrowth = round(size.compileMs / prev.compileMs, 1);
      size.memoryGrowth = prev.compilePeakMiB > 0 ? round(size.compilePeakMiB / prev.compilePeakMiB, 1) : undefined;
    }
    o.log(`  ${forums} forums: ${size.compileMs} ms CPU, ${size.wallMs} ms wall (×${size.timeGrowth ?? '–'}), peak ${size.peakRssMiB} MiB (compile +${size.compilePeakMiB} MiB)`);
    out.push(size);
  }
  return out;
}
