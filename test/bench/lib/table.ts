import type { Results, Row } from './results.js';

const x = (n: number, digits = 2) => `${n.toFixed(digits)}×`;
const n0 = (n: number) => Math.round(n).toLocaleString('en-US');

/** The table's rows, each a ratio against a baseline of the same run, with its goal. */
export function rowsOf(r: Results): Row[] {
  const rows: Row[] = [];
  for (const i of r.inbound ?? []) {
    const scenario = `Inbound, ${i.forums} forums`;
    const base = `echo bot ${n0(i.echo.perSecond)}/s`;
    rows.push({ scenario, figure: `throughput (c=${i.concurrency}, ${n0(i.bot.perSecond)}/s)`, value: x(i.throughputRatio), baseline: base, goal: '≥ 0.70×', met: i.throughputRatio >= 0.7 });
    rows.push({ scenario, figure: `p50 latency (${i.bot.p50.toFixed(0)} ms; ${Math.round(i.redisCommandsPerSubmit)} Redis commands per submit)`, value: x(i.p50Ratio), baseline: `echo ${i.echo.p50.toFixed(1)} ms`, goal: '–' });
    rows.push({ scenario, figure: `p99 latency (${i.bot.p99.toFixed(0)} ms)`, value: x(i.p99Ratio), baseline: `echo ${i.echo.p99.toFixed(1)} ms`, goal: '≤ 1.5×', met: i.p99Ratio <= 1.5 });
    if (i.errors || !i.storedVersionsOk) rows.push({ scenario, figure: 'failed requests / store mismatch', value: `${i.errors} / ${i.storedVersionsOk ? 'no' : 'yes'}`, baseline: '–', goal: '0 / no', met: false });
  }
  for (const f of r.fanout ?? []) {
    const scenario = `Fan-out, ${n0(f.messages)} msgs to ${n0(f.conversations)} conv., ${f.workers} worker${f.workers > 1 ? 's' : ''}`;
    rows.push({ scenario, figure: `achieved rate (${f.achievedPerSecond.toFixed(1)}/s)`, value: x(f.rateRatio), baseline: `allowed ${f.allowedPerSecond}/s`, goal: '≥ 0.95×', met: f.rateRatio >= 0.95 });
    rows.push({ scenario, figure: '429s after the first 2 s (all; global / per conv.)', value: `${f.refusals.steady} (${f.refusals.total}; ${f.refusals.global} / ${f.refusals.perConversation})`, baseline: '–', goal: '0', met: f.refusals.steady === 0 });
    rows.push({ scenario, figure: 'lost / duplicated / dead-letter', value: `${f.lost} / ${f.duplicated} / ${f.deadLetter}`, baseline: '–', goal: '0 / 0 / 0', met: f.lost === 0 && f.duplicated === 0 && f.deadLetter === 0 });
  }
  for (const c of r.compile ?? []) {
    const scenario = `Compile, ${n0(c.forums)} forums`;
    const grows = c.timeGrowth !== undefined;
    rows.push({
      scenario,
      figure: `CPU time, median ${c.compileMs.toFixed(0)} ms (wall ${c.wallMs.toFixed(0)} ms; ${c.vsJsonRoundTrip.toFixed(0)}× a JSON round trip of the input)`,
      value: grows ? x(c.timeGrowth!, 1) : '–',
      baseline: grows ? 'tenfold fewer forums' : '–',
      goal: grows ? '≤ 12× per tenfold' : '–',
      met: grows ? c.timeGrowth! <= 12 : undefined,
    });
    if (c.forums === 1_000) rows.push({ scenario, figure: 'CPU time, absolute', value: `${c.compileMs.toFixed(0)} ms`, baseline: '–', goal: '≪ 1 s', met: c.compileMs < 500 });
    rows.push({
      scenario,
      figure: `peak RSS ${c.peakRssMiB.toFixed(0)} MiB, the compile's share ${c.compilePeakMiB.toFixed(0)} MiB`,
      value: c.memoryGrowth !== undefined ? x(c.memoryGrowth, 1) : '–',
      baseline: c.memoryGrowth !== undefined ? 'tenfold fewer forums' : '–',
      goal: c.memoryGrowth !== undefined ? '≤ 12× per tenfold' : '–',
      met: c.memoryGrowth !== undefined ? c.memoryGrowth <= 12 : undefined,
    });
  }
  const f = r.footprint;
  if (f) {
    const scenario = `Footprint, ${n0(f.answers)} answers`;
    rows.push({ scenario, figure: `web process RSS idle (${f.webIdleRssMiB.toFixed(0)} MiB)`, value: x(f.idleVsEcho), baseline: `echo bot idle ${f.echoIdleRssMiB.toFixed(0)} MiB`, goal: '–' });
    rows.push({ scenario, figure: `web RSS after answers + traffic (${f.webAfterRssMiB.toFixed(0)} MiB; peak ${f.webPeakRssMiB.toFixed(0)})`, value: x(f.afterVsIdle), baseline: 'web idle', goal: '–' });
    rows.push({ scenario, figure: `Redis per stored answer (${n0(f.redisBytesPerAnswer)} B; +${n0(f.redisQueueBytesPerAnswer)} B queued jobs)`, value: x(f.redisVsJson), baseline: `answer JSON ${n0(f.answerJsonBytes)} B`, goal: '–' });
  }
  const m = r.merge;
  if (m) {
    const p3 = (n: number) => n.toFixed(3);
    for (const set of m.sets) {
      const scenario = `Merge, labelled ${set.name} (${n0(set.texts)} in ${set.topics} topics)`;
      const before = `before: ${p3(set.baseline.precision)} / ${p3(set.baseline.recall)}`;
      rows.push({ scenario, figure: `pairwise precision, all (F1 ${p3(set.all.f1)})`, value: p3(set.all.precision), baseline: before, goal: '≥ 0.95', met: set.all.precision >= 0.95 });
      rows.push({ scenario, figure: 'pairwise recall, all', value: p3(set.all.recall), baseline: before, goal: '≥ 0.90', met: set.all.recall >= 0.9 });
      rows.push({ scenario, figure: `precision / recall, pairs with a held-out text (${set.heldOutTexts} texts)`, value: `${p3(set.heldOut.precision)} / ${p3(set.heldOut.recall)}`, baseline: '–', goal: '≥ 0.95 / ≥ 0.90', met: set.heldOut.precision >= 0.95 && set.heldOut.recall >= 0.9 });
    }
    rows.push({
      scenario: `Merge, ${n0(m.questions)} questions (${n0(m.distinctTexts)} distinct)`,
      figure: `CPU time, median (${n0(m.groups)} groups; first merge ${m.coldMs.toFixed(0)} ms)`,
      value: `${m.mergeMs.toFixed(0)} ms`,
      baseline: '–',
      goal: '< 1 s',
      met: Math.max(m.mergeMs, m.coldMs) < 1000,
    });
  }
  for (const t of r.public?.targets ?? []) {
    const scenario = `Public ${t.name === 'page' ? 'page (HTML)' : 'data (JSON)'}, ${n0(t.bytes)} B`;
    rows.push({ scenario, figure: `requests/s (c=${r.public!.concurrency}, ${n0(t.perSecond)}/s)`, value: x(t.ratio), baseline: `static file ${n0(t.staticPerSecond)}/s`, goal: '≥ 0.80×', met: t.ratio >= 0.8 && t.errors === 0 });
    rows.push({ scenario, figure: `p99 latency (${t.p99.toFixed(1)} ms)`, value: x(t.p99Ratio), baseline: `static ${t.staticP99.toFixed(1)} ms`, goal: '–' });
  }
  for (const e of r.errors) rows.push({ scenario: e.scenario, figure: 'failed to run', value: e.message.split('\n')[0]!.slice(0, 80), baseline: '–', goal: 'runs', met: false });
  return rows;
}

const mark = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : 'MISSED');

/** A Markdown table (also readable as plain text in a terminal). */
export function table(r: Results): string {
  const head = ['scenario', 'figure', 'ratio / value', 'baseline (same run)', 'goal', ''];
  const lines = r.rows.map((row) => [row.scenario, row.figure, row.value, row.baseline, row.goal, mark(row.met)]);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.map(esc).join(' | ')} |`)].join('\n');
}
