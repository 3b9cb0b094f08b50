import type { Results, Row } from './results.js';

const x = (n: number, digits = 2) => `${n.toFixed(digits)}×`;
const n0 = (n: number) => Math.round(n).toLocaleString('en-US');
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The rows of the organisation scenarios (issue 12): orgs, spread, tenants, fairness. */
export function orgRowsOf(r: Results): Row[] {
  const rows: Row[] = [];
  const o = r.orgs;
  if (o) {
    const scenario = `Organisations, ${n0(o.many.orgs)} × ${n0(o.many.forums / o.many.orgs)} forums (plan + one meeting answered)`;
    const base = `1 org × ${n0(o.one.forums)} forums`;
    rows.push({
      scenario,
      figure: `Redis used_memory per organisation (${n0(o.redisBytesPerOrg / 1024)} KiB; ${n0(o.redisBytesPerOrgOverhead / 1024)} KiB over the same forums in one org)`,
      value: x(o.many.redisBytes / o.one.redisBytes),
      baseline: `${base}: ${(o.one.redisBytes / 1024 / 1024).toFixed(1)} MiB`,
      goal: '–',
    });
    rows.push({ scenario, figure: 'Redis keys per organisation', value: o.keysPerOrg.toFixed(1), baseline: `${base}: ${n0(o.one.keys)} keys in all`, goal: '–' });
    rows.push({
      scenario,
      figure: `reconcile tick over all (median of ${o.many.tickMs.length} ${s1(o.many.tickMedianMs)}, first ${s1(o.many.tickMs[0]!)}; ${o.many.tickLeft} left to the next tick, ${o.many.tickFailed} failed)`,
      value: `${((100 * o.many.tickMedianMs) / o.intervalMs).toFixed(1)} % of 5 min (${x(o.tickRatio, 1)})`,
      baseline: `${base}: ${s1(o.one.tickMedianMs)} (first ${s1(o.one.tickMs[0]!)})`,
      goal: '< 50 % of the interval, every tick',
      met: Math.max(...o.many.tickMs) < o.intervalMs / 2 && o.many.tickLeft === 0 && o.many.tickFailed === 0,
    });
  }
  const sp = r.spread;
  if (sp) {
    const scenario = `Spread inbound, ${n0(sp.forums)} forums in ${n0(sp.orgs)} organisations`;
    const base = `1 org × ${n0(sp.forums)} forums`;
    rows.push({ scenario, figure: `throughput (c=${sp.concurrency}, ${n0(sp.many.perSecond)}/s)`, value: x(sp.throughputRatio), baseline: `${base}: ${n0(sp.one.perSecond)}/s`, goal: '≥ 0.90×', met: sp.throughputRatio >= 0.9 });
    rows.push({ scenario, figure: `p99 latency (${sp.many.p99.toFixed(0)} ms)`, value: x(sp.p99Ratio), baseline: `${base}: ${sp.one.p99.toFixed(0)} ms`, goal: '–' });
    if (sp.errors || !sp.storedVersionsOk) rows.push({ scenario, figure: 'failed requests / store mismatch', value: `${sp.errors} / ${sp.storedVersionsOk ? 'no' : 'yes'}`, baseline: '–', goal: '0 / no', met: false });
  }
  const t = r.tenants;
  if (t) {
    const scenario = `Tenants, fan-out of ${n0(t.three.messages)} msgs, 3 tenants × 1 org (${t.allowedPerTenant}/s each)`;
    rows.push({
      scenario,
      figure: `aggregate rate (${t.three.perSecond.toFixed(1)}/s; per tenant ${Object.values(t.three.perTenant).map((v) => v.toFixed(1)).join(', ')})`,
      value: x(t.ratio),
      baseline: `3 × one tenant alone ${t.one.perSecond.toFixed(1)}/s`,
      goal: '≥ 0.95×',
      met: t.ratio >= 0.95 && t.three.drained,
    });
    rows.push({ scenario, figure: '429s after the first 2 s (all), three tenants / one', value: `${t.three.refusals.steady} (${t.three.refusals.total}) / ${t.one.refusals.steady} (${t.one.refusals.total})`, baseline: '–', goal: '0', met: t.three.refusals.steady === 0 && t.one.refusals.steady === 0 });
    rows.push({ scenario, figure: 'one tenant alone vs its allowed rate', value: x(t.one.perSecond / t.allowedPerTenant), baseline: `allowed ${t.allowedPerTenant}/s`, goal: '–' });
  }
  for (const c of r.fairness?.cases ?? []) {
    const scenario = `Fairness, B's ${c.bForums}-msg reminder round while A sends ${n0(c.aMessages)}, ${c.name}`;
    rows.push({
      scenario,
      figure: `p99 of ${c.loadedMs.length} rounds under A (${n0(c.loadedP99Ms)} ms; median ${n0(c.loadedMedianMs)}; A at ${c.aPerSecond.toFixed(1)}/s)`,
      value: `+${s1(c.delayMs)}`,
      baseline: `alone, ${c.aloneMs.length} rounds: median ${n0(c.aloneMedianMs)} ms (p99 ${n0(c.aloneP99Ms)})`,
      goal: '≤ +2 s',
      met: c.delayMs <= 2000 && c.loadedMs.length > 0,
    });
  }
  return rows;
}
