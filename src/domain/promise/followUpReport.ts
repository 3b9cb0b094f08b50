/**
 * The uppföljning (follow-up) of a promise at one steering meeting: per commitment, how
 * its action items stand, what their owners wrote for this meeting, and how the linked
 * målbild's indicators move; plus a summary of the whole period. Pure data: the card,
 * Markdown, HTML and CSV renderers all draw from this one structure.
 */
import { compareIsoDates, daysBetween, type IsoDate } from '../calendar/localDate.js';
import type { Indicator, IndicatorDirection, IndicatorPoint, Malbild } from '../malbilder/malbild.js';
import { indicatorProgress, type IndicatorProgress } from '../malbilder/progress.js';
import { completedLate, effectiveStatus, isFinal } from './actionStatus.js';
import {
  responsibleParties,
  type ActionItem,
  type ActionStatus,
  type CitizenPromise,
  type Commitment,
  type PromiseStatus,
  type ResponsibleParty,
} from './promise.js';

/**
 * Action items by where they stand. The buckets do not overlap and add up to `total`, so
 * they stack in a chart: `done` is klar by the due date, `doneLate` klar after it (both
 * together are every klar item), `late` is open and försenad, `onTime` open and not late.
 */
export interface ActionCounts {
  total: number;
  onTime: number;
  late: number;
  done: number;
  doneLate: number;
  stopped: number;
}
export type ActionBucket = Exclude<keyof ActionCounts, 'total'>;

export interface ReportAction {
  actionId: string;
  text: string;
  ownerAadObjectId: string;
  ownerName: string;
  due: IsoDate;
  status: ActionStatus;
  bucket: ActionBucket;
  completedAt?: IsoDate;
  /** What the owner wrote for this meeting, if anything. */
  followUp?: { text: string; count?: number };
}

export interface IndicatorReport {
  indicatorId: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline?: IndicatorPoint;
  target: IndicatorPoint;
  progress: IndicatorProgress;
}

export interface MalbildReport {
  malbildId: string;
  district: string;
  statements: string[];
  indicators: IndicatorReport[];
}

export interface CommitmentReport {
  commitmentId: string;
  text: string;
  responsible: ResponsibleParty;
  districts: string[];
  counts: ActionCounts;
  actions: ReportAction[];
  /** Open items whose owner has not written this meeting's follow-up. */
  missingFollowUps: string[];
  /** The linked målbild, when one is linked and was passed in. */
  malbild?: MalbildReport;
}

export interface FollowUpReport {
  promiseId: string;
  title: string;
  meetingId: string;
  today: IsoDate;
  period: {
    from: IsoDate;
    to: IsoDate;
    status: PromiseStatus;
    /** Share of the period that has passed, 0..1: "40 % done" reads differently at 30 % and at 90 % of the time. */
    elapsed: number;
  };
  summary: {
    counts: ActionCounts;
    byResponsible: Record<ResponsibleParty, ActionCounts>;
    followUpsReceived: number;
    followUpsMissing: number;
  };
  commitments: CommitmentReport[];
}

export function followUpReport(promise: CitizenPromise, meetingId: string, today: IsoDate, malbilder: readonly Malbild[] = []): FollowUpReport {
  const commitments = promise.commitments.map((c) => commitmentReport(c, meetingId, today, malbilder));
  const byResponsible = Object.fromEntries(
    responsibleParties.map((party) => [party, sumCounts(commitments.filter((c) => c.responsible === party).map((c) => c.counts))]),
  ) as Record<ResponsibleParty, ActionCounts>;
  return {
    promiseId: promise.id,
    title: promise.title,
    meetingId,
    today,
    period: { from: promise.periodFrom, to: promise.periodTo, status: promise.status, elapsed: elapsedShare(promise.periodFrom, promise.periodTo, today) },
    summary: {
      counts: sumCounts(commitments.map((c) => c.counts)),
      byResponsible,
      followUpsReceived: commitments.reduce((n, c) => n + c.actions.filter((a) => a.followUp).length, 0),
      followUpsMissing: commitments.reduce((n, c) => n + c.missingFollowUps.length, 0),
    },
    commitments,
  };
}

/** Which bucket an item falls in on `today`; see ActionCounts. */
export function actionBucket(action: ActionItem, today: IsoDate): ActionBucket {
  if (action.status === 'stoppad') return 'stopped';
  if (action.status === 'klar') return completedLate(action) ? 'doneLate' : 'done';
  return effectiveStatus(action, today) === 'forsenad' ? 'late' : 'onTime';
}

function commitmentReport(c: Commitment, meetingId: string, today: IsoDate, malbilder: readonly Malbild[]): CommitmentReport {
  const actions = c.actions.map((a) => reportAction(a, meetingId, today));
  const malbild = c.malbildId === undefined ? undefined : malbilder.find((m) => m.id === c.malbildId);
  return {
    commitmentId: c.id,
    text: c.text,
    responsible: c.responsible,
    districts: [...c.districts],
    counts: countBuckets(actions.map((a) => a.bucket)),
    actions,
    missingFollowUps: actions.filter((a) => !isFinal(a.status) && !a.followUp).map((a) => a.actionId),
    ...(malbild ? { malbild: malbildReport(malbild) } : {}),
  };
}

function reportAction(a: ActionItem, meetingId: string, today: IsoDate): ReportAction {
  const entry = a.followUps.find((f) => f.meetingId === meetingId);
  return {
    actionId: a.id,
    text: a.text,
    ownerAadObjectId: a.ownerAadObjectId,
    ownerName: a.ownerName,
    due: a.due,
    status: effectiveStatus(a, today),
    bucket: actionBucket(a, today),
    ...(a.completedAt !== undefined ? { completedAt: a.completedAt } : {}),
    ...(entry ? { followUp: { text: entry.text, ...(entry.count !== undefined ? { count: entry.count } : {}) } } : {}),
  };
}

function malbildReport(m: Malbild): MalbildReport {
  return { malbildId: m.id, district: m.district, statements: [...m.statements], indicators: m.indicators.map(indicatorReport) };
}

function indicatorReport(i: Indicator): IndicatorReport {
  return {
    indicatorId: i.id,
    name: i.name,
    unit: i.unit,
    direction: i.direction,
    ...(i.baseline ? { baseline: i.baseline } : {}),
    target: i.target,
    progress: indicatorProgress(i),
  };
}

const emptyCounts = (): ActionCounts => ({ total: 0, onTime: 0, late: 0, done: 0, doneLate: 0, stopped: 0 });

function countBuckets(buckets: readonly ActionBucket[]): ActionCounts {
  const counts = emptyCounts();
  for (const b of buckets) {
    counts[b] += 1;
    counts.total += 1;
  }
  return counts;
}

function sumCounts(all: readonly ActionCounts[]): ActionCounts {
  const sum = emptyCounts();
  for (const c of all) for (const key of Object.keys(sum) as (keyof ActionCounts)[]) sum[key] += c[key];
  return sum;
}

function elapsedShare(from: IsoDate, to: IsoDate, today: IsoDate): number {
  const length = daysBetween(from, to);
  if (length <= 0) return compareIsoDates(today, to) >= 0 ? 1 : 0;
  return Math.min(1, Math.max(0, daysBetween(from, today) / length));
}
