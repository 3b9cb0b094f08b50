/**
 * Rewrites the README's benchmark table from test/bench/results.json: everything between
 * `<!-- bench:start -->` and `<!-- bench:end -->`. Run by `npm run bench`; on its own:
 * `npx tsx test/bench/readme.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/proc.js';
import type { Results } from './lib/results.js';
import { median } from './lib/stats.js';
import { table } from './lib/table.js';

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

export function renderSection(r: Results): string {
  const m = r.machine;
  const lines = [
    `Last run: ${m.date.slice(0, 16).replace('T', ' ')} UTC, ${Math.round(r.seconds / 6) / 10} minutes, on ${m.cpus} × ${m.model}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, redis-server ${m.redis} ` +
      `(1-minute load average ${m.loadAverage.start.toFixed(1)} at the start, ${m.loadAverage.end.toFixed(1)} at the end; other work may share the machine).`,
    '',
    table(r),
  ];
  if (r.merge?.measuredAt && r.merge.measuredAt.slice(0, 16) !== m.date.slice(0, 16)) {
    lines.push('', `The Merge rows were measured on their own (\`npm run bench -- --only merge\`) at ${r.merge.measuredAt.slice(0, 16).replace('T', ' ')} UTC.`);
  }
  if (r.orgsMeasuredAt && r.orgsMeasuredAt.slice(0, 16) !== m.date.slice(0, 16)) {
    lines.push('', `The Organisations, Spread, Tenants and Fairness rows were measured on their own (\`npm run bench -- --only orgs,spread,tenants,fairness\`) at ${r.orgsMeasuredAt.slice(0, 16).replace('T', ' ')} UTC.`);
  }
  const missed = r.rows.filter((row) => row.met === false);
  lines.push('', missed.length ? `Goals missed in this run: ${missed.map((row) => `${row.scenario} — ${row.figure.replace(/ \(.*\)$/, '')}`).join('; ')}.` : 'Every goal was met in this run.');
  const i = r.inbound?.[0];
  if (i?.before) {
    lines.push(
      '',
      `Before/after the profile fix, side by side in this run (${i.forums} forums, same echo batches): throughput ${i.before.throughputRatio.toFixed(2)}× → ${i.throughputRatio.toFixed(2)}× of the echo bot, ` +
        `p50 ${i.before.p50Ratio.toFixed(1)}× → ${i.p50Ratio.toFixed(1)}×, p99 ${i.before.p99Ratio.toFixed(1)}× → ${i.p99Ratio.toFixed(1)}×; ` +
        `the bot itself ${Math.round(median(i.before.perSecond))} → ${Math.round(median(i.pairs.map((p) => p.bot.perSecond)))} submits/s (medians of the batches).`,
    );
  }
  if (r.profile) {
    const p = r.profile.summary;
    const name = (frame: string) => {
      const cut = frame.lastIndexOf(' ');
      const fn = frame.slice(0, cut);
      const file = frame.slice(cut + 1).replace(/:\d+$/, '');
      if (!file) return fn;
      return fn === '(anonymous)' ? file : `${fn} (${file})`;
    };
    const areas = Object.entries(p.byArea)
      .slice(0, 6)
      .map(([a, share]) => `${a} ${share} %`);
    lines.push(
      '',
      `Profile of the bot under the inbound load (share of busy CPU): ${areas.join(', ')}. ` +
        `Top self time: ${p.self.slice(0, 4).map((h) => `${name(h.frame)} ${h.selfShare} %`).join(', ')}. ` +
        `Our functions by total time: ${p.ours.slice(0, 4).map((h) => `${name(h.frame)} ${h.totalShare} %`).join(', ')}.`,
    );
    const b = r.profile.before;
    if (b) {
      const share = (s: typeof p, fn: string, kind: 'selfShare' | 'totalShare') => s[kind === 'selfShare' ? 'self' : 'ours'].find((h) => h.frame.startsWith(`${fn} `))?.[kind] ?? 0;
      lines.push(
        `The same profile of the --before checkout: socket writes of single Redis commands (writeUtf8String, self) ${share(b, 'writeUtf8String', 'selfShare')} % → ${share(p, 'writeUtf8String', 'selfShare')} %, ` +
          `the input deadline (deadlineOf, total) ${share(b, 'deadlineOf', 'totalShare')} % → ${share(p, 'deadlineOf', 'totalShare')} %.`,
      );
    }
  }
  return lines.join('\n');
}

export function updateReadme(resultsFile = join(ROOT, 'test', 'bench', 'results.json'), readmeFile = join(ROOT, 'README.md')): void {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
  const readme = readFileSync(readmeFile, 'utf8');
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} markers`);
  writeFileSync(readmeFile, `${readme.slice(0, a + START.length)}\n${renderSection(r)}\n${readme.slice(b)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) updateReadme();
