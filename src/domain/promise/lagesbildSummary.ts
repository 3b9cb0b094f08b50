/**
 * The medborgarlöfte's part of the lägesbild: how the promise stands at one meeting, in a
 * shape the lägesbild compile (issue 4) takes as one more input. Pure and built on the
 * follow-up report, so the card, the report and the lägesbild never disagree.
 */
import type { IsoDate } from '../calendar/localDate.js';
import type { Malbild } from '../malbilder/malbild.js';
import type { IndicatorTrend } from '../malbilder/progress.js';
import { followUpReport, type ActionCounts } from './followUpReport.js';
import type { CitizenPromise, PromiseStatus, ResponsibleParty } from './promise.js';

export interface PromiseLagesbildSummary {
  promiseId: string;
  title: string;
  meetingId: string;
  status: PromiseStatus;
  period: { from: IsoDate; to: IsoDate; elapsed: number };
  counts: ActionCounts;
  byResponsible: Record<ResponsibleParty, ActionCounts>;
  followUpsReceived: number;
  followUpsMissing: number;
  /** Open items past their due date: what the steering group should ask about. */
  late: { actionId: string; text: string; ownerName: string; due: IsoDate; commitmentId: string; commitmentText: string }[];
  commitments: {
    commitmentId: string;
    text: string;
    responsible: ResponsibleParty;
    districts: string[];
    counts: ActionCounts;
    /** The owners' entries for this meeting. */
    followUps: { actionId: string; text: string; count?: number }[];
  }[];
  indicators: {
    district: string;
    indicatorId: string;
    name: string;
    unit: string;
    latest?: { value: number; date: IsoDate };
    target: { value: number; date: IsoDate };
    progress: number | null;
    reached: boolean;
    trend: IndicatorTrend;
  }[];
}

export function promiseSummaryForLagesbild(promise: CitizenPromise, meetingId: string, today: IsoDate, malbilder: readonly Malbild[] = []): PromiseLagesbildSummary {
  const r = followUpReport(promise, meetingId, today, malbilder);
  const seen = new Set<string>();
  const indicators: PromiseLagesbildSummary['indicators'] = [];
  for (const c of r.commitments) {
    const m = c.malbild;
    if (!m || seen.has(m.malbildId)) continue;
    seen.add(m.malbildId);
    for (const i of m.indicators) {
      const latest = i.progress.latest;
      indicators.push({
        district: m.district,
        indicatorId: i.indicatorId,
        name: i.name,
        unit: i.unit,
        ...(latest ? { latest: { value: latest.value, date: latest.date } } : {}),
        target: i.target,
        progress: i.progress.progress,
        reached: i.progress.reached,
        trend: i.progress.trend,
      });
    }
  }
  return {
    promiseId: r.promiseId,
    title: r.title,
    meetingId,
    status: r.period.status,
    period: { from: r.period.from, to: r.period.to, elapsed: r.period.elapsed },
    counts: r.summary.counts,
    byResponsible: r.summary.byResponsible,
    followUpsReceived: r.summary.followUpsReceived,
    followUpsMissing: r.summary.followUpsMissing,
    late: r.commitments.flatMap((c) =>
      c.actions
        .filter((a) => a.bucket === 'late')
        .map((a) => ({ actionId: a.actionId, text: a.text, ownerName: a.ownerName, due: a.due, commitmentId: c.commitmentId, commitmentText: c.text })),
    ),
    commitments: r.commitments.map((c) => ({
      commitmentId: c.commitmentId,
      text: c.text,
      responsible: c.responsible,
      districts: c.districts,
      counts: c.counts,
      followUps: c.actions.flatMap((a) => (a.followUp ? [{ actionId: a.actionId, ...a.followUp }] : [])),
    })),
    indicators,
  };
}
