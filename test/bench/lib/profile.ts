import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './proc.js';

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Hotspot {
  /** function (file:line) */
  frame: string;
  /** Share of all samples spent in the function itself. */
  selfShare: number;
  /** Share of samples with the function on the stack (self + callees). */
  totalShare: number;
}

export interface ProfileSummary {
  file: string;
  samples: number;
  /** Top functions by self time. */
  self: Hotspot[];
  /** Top functions of ours (src/, cards/, jobs/) by total time, with what they call. */
  ours: Hotspot[];
  /** Share of samples by where the code lives: our code, node_modules (per package), node internals, idle/GC. */
  byArea: Record<string, number>;
}

/** Paths relative to the checkout that ran (this one, or a `--before` one). */
let checkoutRoot = ROOT;
const short = (url: string) => {
  const path = url.replace(/^file:\/\//, '');
  if (path.startsWith(checkoutRoot)) return compiledToSource(relative(checkoutRoot, path));
  return path.startsWith(ROOT) ? compiledToSource(relative(ROOT, path)) : path;
};
/** The bench's compiled build reads as the source file it came from (line numbers are the JavaScript's). */
const compiledToSource = (path: string) => path.replace(/^test-results\/bench\/dist\/(.*)\.js$/, '$1.ts');
const frameOf = (n: CpuNode) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

function areaOf(n: CpuNode): string {
  const url = short(n.callFrame.url);
  const name = n.callFrame.functionName;
  if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') return name;
  if (!url) return '(native)';
  const mod = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (mod) return mod[1]!;
  if (url.startsWith('node:')) return 'node internals';
  if (/^(src|cards|jobs)\//.test(url)) return 'ours';
  return 'other';
}

/**
 * Summarises the main thread's .cpuprofile in `dir` (the largest: node's module-hooks
 * thread writes a small one of its own): self time, our functions' total time, areas.
 * `root`: the checkout whose code ran, so its files read as src/…, cards/…, jobs/….
 */
export function summarizeProfile(dir: string, top = 12, root = ROOT): ProfileSummary {
  checkoutRoot = root;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  const file = files[0]!;
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = p.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const busy = p.nodes.filter((n) => n.callFrame.functionName !== '(idle)').reduce((s, n) => s + (n.hitCount ?? 0), 0);

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const area = new Map<string, number>();
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    self.set(frameOf(n), (self.get(frameOf(n)) ?? 0) + hits);
    area.set(areaOf(n), (area.get(areaOf(n)) ?? 0) + hits);
    // Each frame on the stack once (recursion counted once).
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const f = frameOf(byId.get(id)!);
      if (seen.has(f)) continue;
      seen.add(f);
      inclusive.set(f, (inclusive.get(f) ?? 0) + hits);
    }
  }
  const share = (h: number) => Math.round((h / busy) * 1000) / 10;
  const list = (m: Map<string, number>, filter: (f: string) => boolean) =>
    [...m.entries()]
      .filter(([f]) => filter(f) && !f.startsWith('(idle)') && !f.startsWith('(root)') && !f.startsWith('(program)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame, hits]) => ({ frame, selfShare: share(self.get(frame) ?? 0), totalShare: share(inclusive.get(frame) ?? hits) }));
  return {
    file: relative(ROOT, file),
    samples: total,
    self: list(self, () => true),
    ours: list(inclusive, (f) => / (src|cards|jobs)\//.test(f)),
    byArea: Object.fromEntries([...area.entries()].filter(([a]) => a !== '(idle)').sort((a, b) => b[1] - a[1]).map(([a, h]) => [a, share(h)])),
  };
}
