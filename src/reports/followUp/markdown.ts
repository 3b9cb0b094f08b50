import type { Catalog, Lang } from '../../i18n/index.js';
import { bullets, document, heading, md, mdEscape, mdTable } from '../markdown.js';
import type { FollowUpDocument } from './document.js';
import { bucketOrder, formatNumber, meetingLabel, percent } from './labels.js';

/** The follow-up as Markdown: summary, then per commitment its items, entries and indicators. */
export function renderFollowUpMarkdown(doc: FollowUpDocument, m: Catalog, lang: Lang): string {
  const r = doc.report;
  const p = m.promise;
  const t = p.report;
  const title = doc.scope === 'period' ? p.followUpPeriodTitle(r.title) : p.followUpTitle(r.title, meetingLabel(r.meetingId, lang));
  const blocks: (string | null)[] = [
    heading(1, title),
    mdEscape(`${p.period}: ${r.period.from} – ${r.period.to} · ${p.statuses[r.period.status]} · ${p.periodElapsed(percent(r.period.elapsed))} · ${t.generated(r.today)}`),
    heading(2, t.summary),
    mdTable(
      [t.party, ...bucketOrder.map((b) => p.buckets[b]), t.total],
      [
        ...(['polisen', 'kommunen', 'bada'] as const).map((party) => [p.parties[party], ...bucketOrder.map((b) => r.summary.byResponsible[party][b]), r.summary.byResponsible[party].total]),
        [md(`**${mdEscape(t.total)}**`), ...bucketOrder.map((b) => r.summary.counts[b]), r.summary.counts.total],
      ],
    ),
    mdEscape(p.followUpsReceived(r.summary.followUpsReceived, r.summary.followUpsMissing)),
  ];
  for (const c of r.commitments) {
    blocks.push(heading(2, c.text), mdEscape(p.commitmentMeta(p.parties[c.responsible], c.districts.join(', '))));
    if (c.actions.length === 0) blocks.push(mdEscape(p.noActions));
    else
      blocks.push(
        mdTable(
          [t.action, t.owner, t.due, t.status, t.followUp, t.count],
          c.actions.map((a) => {
            const entries = doc.scope === 'period' ? (doc.history[a.actionId] ?? []) : a.followUp ? [{ meetingId: r.meetingId, ...a.followUp }] : [];
            const text = entries.length
              ? entries.map((e) => `${doc.scope === 'period' ? `${meetingLabel(e.meetingId, lang)}: ` : ''}${e.text}`).join(' / ')
              : `– ${p.noFollowUpYet} –`;
            const count = entries.length ? entries.map((e) => (e.count === undefined ? '' : String(e.count))).filter(Boolean).join(' / ') : '';
            return [a.text, a.ownerName, a.due, p.actionStatuses[a.status], text, count];
          }),
        ),
      );
    if (c.malbild) {
      blocks.push(heading(3, t.malbild(c.malbild.district)));
      blocks.push(
        bullets(
          c.malbild.indicators.map((i) => {
            const latest = i.progress.latest;
            const parts = [
              `**${mdEscape(i.name)}**`,
              mdEscape(latest ? p.latestReading(p.pointValue(formatNumber(latest.value, m), i.unit, latest.date), p.trends[i.progress.trend]) : p.noReadings),
              mdEscape(`${t.target}: ${p.pointValue(formatNumber(i.target.value, m), i.unit, i.target.date)}`),
              i.progress.progress === null ? null : mdEscape(i.progress.reached ? p.reached : p.progress(percent(i.progress.progress))),
            ];
            return parts.filter(Boolean).join(' · ');
          }),
        ),
      );
    }
  }
  return document(blocks);
}
