import type { Catalog, Lang } from '../../i18n/index.js';
import { html, page, table, type Html } from '../html.js';
import { lineChart, stackedBarChart } from '../svg.js';
import { indicatorKey, type FollowUpDocument } from './document.js';
import { bucketColors, bucketOrder, formatNumber, meetingLabel, percent } from './labels.js';

/** The printable follow-up: summary table, a stacked bar chart per commitment, item tables, indicator charts. */
export function renderFollowUpHtml(doc: FollowUpDocument, m: Catalog, lang: Lang): string {
  const r = doc.report;
  const p = m.promise;
  const t = p.report;
  const title = doc.scope === 'period' ? p.followUpPeriodTitle(r.title) : p.followUpTitle(r.title, meetingLabel(r.meetingId, lang));
  const parties = ['polisen', 'kommunen', 'bada'] as const;

  const summary = html`<h2>${t.summary}</h2>${table(
    [t.party, ...bucketOrder.map((b) => p.buckets[b]), t.total],
    [
      ...parties.map((party) => [p.parties[party], ...bucketOrder.map((b) => r.summary.byResponsible[party][b]), r.summary.byResponsible[party].total]),
      [html`<strong>${t.total}</strong>`, ...bucketOrder.map((b) => r.summary.counts[b]), r.summary.counts.total],
    ],
    { numeric: [1, 2, 3, 4, 5, 6] },
  )}<p>${p.followUpsReceived(r.summary.followUpsReceived, r.summary.followUpsMissing)}</p>`;

  const chart =
    r.commitments.length > 0
      ? html`<figure>${stackedBarChart({
          title: t.chartTitle,
          categories: r.commitments.map((c) => c.text),
          series: bucketOrder.map((b) => ({ name: p.buckets[b], color: bucketColors[b], values: r.commitments.map((c) => c.counts[b]) })),
        })}<figcaption>${t.chartTitle}</figcaption></figure>`
      : '';

  const commitments = r.commitments.map((c) => {
    const rows = c.actions.map((a) => {
      const entries = doc.scope === 'period' ? (doc.history[a.actionId] ?? []) : a.followUp ? [{ meetingId: r.meetingId, ...a.followUp }] : [];
      const followUp: Html | string = entries.length
        ? html`${entries.map((e, i) => html`${i > 0 ? html`<br>` : ''}${doc.scope === 'period' ? html`<em>${meetingLabel(e.meetingId, lang)}:</em> ` : ''}${e.text}`)}`
        : `– ${p.noFollowUpYet} –`;
      const counts = entries.map((e) => (e.count === undefined ? '' : formatNumber(e.count, m))).filter(Boolean).join(' / ');
      const statusClass = a.bucket === 'late' ? 'status-late' : a.bucket === 'done' || a.bucket === 'doneLate' ? 'status-done' : '';
      return [a.text, a.ownerName, a.due, html`<span class="${statusClass}">${p.actionStatuses[a.status]}</span>`, followUp, counts];
    });
    const malbild = c.malbild
      ? html`<h3>${t.malbild(c.malbild.district)}</h3>${c.malbild.indicators.map((i) => {
          const points = (doc.readings[indicatorKey(c.malbild!.malbildId, i.indicatorId)] ?? []).map((x) => ({ label: x.date, value: x.value }));
          const latest = i.progress.latest;
          const caption = html`${i.name} · ${
            latest ? p.latestReading(p.pointValue(formatNumber(latest.value, m), i.unit, latest.date), p.trends[i.progress.trend]) : p.noReadings
          }${i.progress.progress === null ? '' : ` · ${i.progress.reached ? p.reached : p.progress(percent(i.progress.progress))}`}`;
          // One reading is a number, not a line: the caption says it. From two on, the chart and its numbers as a table.
          if (points.length < 2) return html`<p>${caption}</p>`;
          return html`<figure>${lineChart({
            title: t.indicatorChart(i.name),
            points,
            unit: i.unit,
            references: [
              { name: t.target, value: i.target.value, color: '#107c10' },
              ...(i.baseline ? [{ name: t.baseline, value: i.baseline.value, color: '#8a8886' }] : []),
            ],
          })}<figcaption>${caption}</figcaption></figure>${table([t.readingDate, t.readingValue(i.unit)], points.map((x) => [x.label, formatNumber(x.value, m)]), { numeric: [1] })}`;
        })}`
      : '';
    return html`<h2>${c.text}</h2><p class="meta">${p.commitmentMeta(p.parties[c.responsible], c.districts.join(', '))}</p>${
      rows.length ? table([t.action, t.owner, t.due, t.status, t.followUp, t.count], rows, { numeric: [5] }) : html`<p>${p.noActions}</p>`
    }${malbild}`;
  });

  const subtitle = `${p.period}: ${r.period.from} – ${r.period.to} · ${p.statuses[r.period.status]} · ${p.periodElapsed(percent(r.period.elapsed))} · ${t.generated(r.today)}`;
  return page({ lang, title, subtitle, body: html`${summary}${chart}${commitments}<p class="meta noprint">${t.print}</p>` });
}
