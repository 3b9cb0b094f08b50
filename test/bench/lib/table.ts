import { orgRowsOf } from './orgRows.js';
import type { Results, Row } from './results.js';

const x = (n: number, digits = 2) => `${n.toFixed(digits)}×`;
const n0 = (n: number) => Math.round(n).toLocaleString('en-US');

/** The table's rows, each a ratio against a baseline of the same run, with its goal. */
export function rowsOf(r: Results): Row[] {
  const rows: Row[] = [];
  const city = r.inbound?.[0];
  for (const i of r.inbound ?? []) {
    const scenario = `Inbound, ${i.forums} forums`;
    const base = `echo bot ${n0(i.echo.perSecond)}/s`;
    rows.push({ scenario, figure: `throughput (c=${i.concurrency}, ${n0(i.bot.perSecond)}/s)`, value: x(i.throughputRatio), baseline: base, goal: '≥ 0.70×', met: i.throughputRatio >= 0.7 });
    rows.push({ scenario, figure: `p50 latency (${i.bot.p50.toFixed(0)} ms)`, value: x(i.p50Ratio), baseline: `echo ${i.echo.p50.toFixed(1)} ms`, goal: '–' });
    rows.push({ scenario, figure: `p99 latency (${i.bot.p99.toFixed(0)} ms)`, value: x(i.p99Ratio), baseline: `echo ${i.echo.p99.toFixed(1)} ms`, goal: '≤ 1.5×', met: i.p99Ratio <= 1.5 });
    const other = i === city ? undefined : city;
    rows.push({
      scenario,
      figure: 'Redis commands per submit (script bodies counted)',
      value: i.redisCommandsPerSubmit.toFixed(1),
      baseline: other ? `${other.forums} forums: ${other.redisCommandsPerSubmit.toFixed(1)}` : '–',
      goal: other ? `same as ${other.forums} forums` : '–',
      met: other ? Math.abs(i.redisCommandsPerSubmit - other.redisCommandsPerSubmit) < 0.5 : undefined,
    });
    if (i.errors || !i.storedVersionsOk) rows.push({ scenario, figure: 'failed requests / store mismatch', value: `${i.errors} / ${i.storedVersionsOk ? 'no' : 'yes'}`, baseline: '–', goal: '0 / no', met: false });
  }
  const byWorkers = new Map<number, NonNullable<Results['fanout']>>();
  for (const f of r.fanout ?? []) byWorkers.set(f.workers, [...(byWorkers.get(f.workers) ?? []), f]);
  for (const [workers, runs] of byWorkers) {
    const f = runs[0]!;
    const scenario = `Fan-out, ${n0(f.messages)} msgs to ${n0(f.conversations)} conv., ${workers} worker${workers > 1 ? 's' : ''}, ${runs.length} run${runs.length > 1 ? 's' : ''}`;
    const ratios = runs.map((x) => x.rateRatio);
    const spread = runs.length > 1 ? `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×` : x(f.rateRatio);
    rows.push({ scenario, figure: `achieved rate, each run (${runs.map((x) => `${x.achievedPerSecond.toFixed(1)}/s`).join(', ')})`, value: spread, baseline: `allowed ${f.allowedPerSecond}/s`, goal: '≥ 0.95× each', met: ratios.every((v) => v >= 0.95) });
    rows.push({
      scenario,
      figure: '429s after the first 2 s, each run (all; global / per conv.)',
      value: runs.map((x) => `${x.refusals.steady} (${x.refusals.total}; ${x.refusals.global} / ${x.refusals.perConversation})`).join(', '),
      baseline: '–',
      goal: '0 each',
      met: runs.every((x) => x.refusals.steady === 0),
    });
    const sum = (pick: (x: (typeof runs)[number]) => number) => runs.reduce((a, x) => a + pick(x), 0);
    rows.push({ scenario, figure: 'lost / duplicated / dead-letter (all runs)', value: `${sum((x) => x.lost)} / ${sum((x) => x.duplicated)} / ${sum((x) => x.deadLetter)}`, baseline: '–', goal: '0 / 0 / 0', met: sum((x) => x.lost + x.duplicated + x.deadLetter) === 0 });
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
  // [].flat(): results.json of older runs held one footprint object.
  for (const f of [r.footprint ?? []].flat()) {
    const scenario = `Footprint, ${n0(f.answers)} answers over ${n0(f.forums)} forums`;
    rows.push({ scenario, figure: `web process RSS idle (${f.webIdleRssMiB.toFixed(0)} MiB)`, value: x(f.idleVsEcho), baseline: `echo bot idle ${f.echoIdleRssMiB.toFixed(0)} MiB`, goal: '≤ 1.2×', met: f.idleVsEcho <= 1.2 });
    rows.push({ scenario, figure: `web RSS after answers + traffic (${f.webAfterRssMiB.toFixed(0)} MiB; peak ${f.webPeakRssMiB.toFixed(0)})`, value: x(f.afterVsIdle), baseline: 'web idle', goal: '≤ 1.5×', met: f.afterVsIdle <= 1.5 });
    rows.push({ scenario, figure: `Redis per stored answer (${n0(f.redisBytesPerAnswer)} B; +${n0(f.redisQueueBytesPerAnswer)} B queued jobs)`, value: x(f.redisVsJson), baseline: `answer JSON ${n0(f.answerJsonBytes)} B`, goal: '–' });
  }
  const st = r.startup;
  if (st) {
    const scenario = `Start-up, median of ${st.runs}`;
    rows.push({ scenario, figure: `bot to /readyz 200, compiled (${n0(st.bot.compiled.readyMs)} ms)`, value: x(st.botReadyRatio), baseline: `tsx ${n0(st.bot.tsx.readyMs)} ms`, goal: '≤ 0.50×', met: st.botReadyRatio <= 0.5 });
    rows.push({ scenario, figure: `echo bot to /readyz 200, compiled (${n0(st.echo.compiled.readyMs)} ms)`, value: x(st.echo.compiled.readyMs / st.echo.tsx.readyMs), baseline: `tsx ${n0(st.echo.tsx.readyMs)} ms`, goal: '–' });
    rows.push({ scenario, figure: `bot idle RSS, compiled (${st.bot.compiled.idleRssMiB.toFixed(0)} MiB; all roles in one process)`, value: x(st.bot.compiled.idleRssMiB / st.bot.tsx.idleRssMiB), baseline: `tsx ${st.bot.tsx.idleRssMiB.toFixed(0)} MiB`, goal: '–' });
    rows.push({ scenario, figure: 'bot idle RSS vs the echo bot, both compiled', value: x(st.idleVsEcho), baseline: `echo ${st.echo.compiled.idleRssMiB.toFixed(0)} MiB (tsx ${st.echo.tsx.idleRssMiB.toFixed(0)})`, goal: '–' });
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
  rows.push(...orgRowsOf(r));
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
