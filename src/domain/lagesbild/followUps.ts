/**
 * The medborgarlöfte's follow-up and the målbilder's indicators as the lägesbild carries
 * them: counts and progress, without the action items' owners (the report itself keeps
 * those; the lägesbild goes to a wider audience).
 */
import type { Malbild } from '../malbilder/malbild.js';
import { indicatorProgress } from '../malbilder/progress.js';
import type { FollowUpReport } from '../promise/followUpReport.js';
import { compareCodeUnits, compareSv } from './order.js';
import type { MalbildSummary, PromiseSummary } from './schema.js';

export function summarizePromise(report: FollowUpReport): PromiseSummary {
  return {
    promiseId: report.promiseId,
    title: report.title,
    period: { ...report.period },
    counts: { ...report.summary.counts },
    byResponsible: {
      polisen: { ...report.summary.byResponsible.polisen },
      kommunen: { ...report.summary.byResponsible.kommunen },
      bada: { ...report.summary.byResponsible.bada },
    },
    followUpsReceived: report.summary.followUpsReceived,
    followUpsMissing: report.summary.followUpsMissing,
    // The promise's own order: the chairs chose it.
    commitments: report.commitments.map((c) => ({
      commitmentId: c.commitmentId,
      text: c.text,
      responsible: c.responsible,
      districts: [...c.districts],
      counts: { ...c.counts },
      missingFollowUps: c.missingFollowUps.length,
    })),
  };
}

/** Per district (Swedish order, then id), each indicator with its progress; indicators in their defined order. */
export function summarizeMalbilder(malbilder: readonly Malbild[]): MalbildSummary[] {
  return [...malbilder]
    .sort((a, b) => compareSv(a.district, b.district) || compareCodeUnits(a.id, b.id))
    .map((m) => ({
      district: m.district,
      malbildId: m.id,
      statements: [...m.statements],
      indicators: m.indicators.map((i) => {
        const p = indicatorProgress(i);
        return {
          indicatorId: i.id,
          name: i.name,
          unit: i.unit,
          direction: i.direction,
          baseline: i.baseline ? { value: i.baseline.value, date: i.baseline.date } : null,
          target: { value: i.target.value, date: i.target.date },
          latest: p.latest ? { value: p.latest.value, date: p.latest.date } : null,
          progress: p.progress,
          reached: p.reached,
          trend: p.trend,
        };
      }),
    }));
}
