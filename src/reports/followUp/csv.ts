import type { Catalog, Lang } from '../../i18n/index.js';
import { toCsv, type CsvValue } from '../csv.js';
import type { FollowUpDocument } from './document.js';
import { meetingLabel } from './labels.js';

/**
 * One row per action item and follow-up entry (the period report has one row per meeting
 * an owner wrote for; an item without entries still gets one row), for spreadsheets.
 */
export function renderFollowUpCsv(doc: FollowUpDocument, m: Catalog, lang: Lang): string {
  const p = m.promise;
  const t = p.report;
  const rows: CsvValue[][] = [[t.commitment, t.party, t.districts, t.action, t.owner, t.due, t.status, t.meetingCol, t.followUp, t.count]];
  for (const c of doc.report.commitments) {
    for (const a of c.actions) {
      const base = [c.text, p.parties[c.responsible], c.districts.join(', '), a.text, a.ownerName, a.due, p.actionStatuses[a.status]];
      const entries = doc.scope === 'period' ? (doc.history[a.actionId] ?? []) : a.followUp ? [{ meetingId: doc.report.meetingId, ...a.followUp }] : [];
      if (entries.length === 0) rows.push([...base, doc.scope === 'period' ? '' : meetingLabel(doc.report.meetingId, lang), '', '']);
      for (const e of entries) rows.push([...base, meetingLabel(e.meetingId, lang), e.text, e.count ?? '']);
    }
  }
  return toCsv(rows);
}
