/**
 * Everything the follow-up renderers need, computed once from the promise: the domain's
 * report for one meeting, plus the whole history of entries (for the period report) and
 * the indicators' readings (for the charts). Pure.
 */
import type { IsoDate } from '../../domain/calendar/localDate.js';
import type { Malbild, Reading } from '../../domain/malbilder/malbild.js';
import { readingsByDate } from '../../domain/malbilder/progress.js';
import { followUpReport, type FollowUpReport } from '../../domain/promise/followUpReport.js';
import { followUpHistory } from '../../domain/promise/periodHistory.js';
import type { CitizenPromise, FollowUpEntry } from '../../domain/promise/promise.js';

export type FollowUpScope = 'meeting' | 'period';

export interface FollowUpDocument {
  scope: FollowUpScope;
  report: FollowUpReport;
  /** Per action id, every follow-up entry in meeting order. */
  history: Record<string, FollowUpEntry[]>;
  /** Per indicator id (within its målbild), readings oldest first, one per date. */
  readings: Record<string, Reading[]>;
}

export function followUpDocument(promise: CitizenPromise, meetingId: string, today: IsoDate, malbilder: readonly Malbild[], scope: FollowUpScope): FollowUpDocument {
  const report = followUpReport(promise, meetingId, today, malbilder);
  const readings: Record<string, Reading[]> = {};
  for (const m of malbilder) for (const i of m.indicators) readings[indicatorKey(m.id, i.id)] = readingsByDate(i.readings);
  return { scope, report, history: followUpHistory(promise), readings };
}

export const indicatorKey = (malbildId: string, indicatorId: string) => `${malbildId}/${indicatorId}`;
