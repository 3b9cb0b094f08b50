/**
 * The residents' page of a published public version: what was promised, what was done,
 * what is late and why, per district, with the date of the latest follow-up. Every chart
 * has a text alternative and the same numbers in a table; headings go h1 → h2 → h3.
 */
import type { PublicCommitment, PublicVersion } from '../../domain/public/publicVersion.js';
import type { ActionBucket } from '../../domain/promise/followUpReport.js';
import type { Catalog } from '../../i18n/index.js';
import { html, raw, type Html } from '../html.js';
import { bucketColors, bucketOrder, formatNumber, percent } from '../followUp/labels.js';
import { stackedBarChart } from '../svg.js';
import { publicLayout } from './layout.js';
import { publicPaths, type PublicPaths } from './paths.js';

export interface PublicPageInput {
  organisation: string;
  slug: string;
  lang: 'sv' | 'en';
  version: PublicVersion;
  /** Local date of publishing (the page's "last updated"). */
  publishedDate: string;
  /** Set when showing an earlier version (by its date). */
  pastDate?: string;
  /** Dates with a published version, newest first (for the list of earlier versions). */
  versionDates: readonly string[];
  embed?: boolean;
}

export function renderPublicPage(input: PublicPageInput, m: Catalog): string {
  const t = m.public;
  const v = input.version;
  const lang = input.lang;
  const paths = publicPaths(input.slug);
  const other = lang === 'sv' ? 'en' : 'sv';
  const date = (d: string) => longDate(d, m);
  const tertial = (id: string) => {
    const x = /^(\d{4})-(\d)$/.exec(id);
    return x ? t.tertial(x[1]!, x[2]!) : id;
  };

  const head = html`<h1>${t.pageTitle(input.organisation)}</h1>
<p class="meta">${v.promise.title} · ${t.period}: ${date(v.promise.periodFrom)} – ${date(v.promise.periodTo)} · ${t.statuses[v.promise.status]}</p>
<p class="meta"><strong>${t.lastUpdated(date(input.publishedDate))}</strong>${v.latestFollowUp ? html` · ${t.latestFollowUpOf(tertial(v.latestFollowUp))}` : ''}</p>
${input.pastDate ? html`<p class="notice">${t.versionOf(date(input.publishedDate))} <a href="${paths.page(lang)}">${t.currentVersionLink}</a></p>` : ''}
<p>${t.intro}</p>`;

  const summaryRows = v.commitments.map((c) => [html`<a href="#${anchor(c)}">${c.text}</a>`, ...bucketOrder.map((b) => c.counts[b]), c.counts.total]);
  const summary = html`<section aria-labelledby="summary"><h2 id="summary">${t.summaryHeading}</h2>
<p>${t.counts(v.counts.total, v.counts.late, v.counts.done + v.counts.doneLate)}</p>
${
  v.commitments.length
    ? html`<figure aria-describedby="summary-table-caption">${stackedBarChart({
        title: `${t.chartTitle}: ${v.commitments.map((c) => `${c.text} – ${bucketOrder.map((b) => `${m.promise.buckets[b]} ${c.counts[b]}`).join(', ')}`).join('; ')}`,
        // Short enough for the chart's label column; the whole text is in the table and the text alternative.
        categories: v.commitments.map((c) => (c.text.length <= 28 ? c.text : `${c.text.slice(0, 27)}…`)),
        series: bucketOrder.map((b) => ({ name: m.promise.buckets[b], color: bucketColors[b], values: v.commitments.map((c) => c.counts[b]) })),
      })}<figcaption>${t.chartTitle}</figcaption></figure>`
    : ''
}
${numberTable(
  t.summaryCaption,
  'summary-table-caption',
  [m.promise.report.commitment, ...bucketOrder.map((b) => m.promise.buckets[b]), t.total],
  [...summaryRows, [html`<strong>${t.total}</strong>`, ...bucketOrder.map((b) => v.counts[b]), v.counts.total]],
)}</section>`;

  const lateItems = v.commitments.flatMap((c) => c.actions.filter((a) => a.bucket === 'late').map((a) => ({ c, a })));
  const late = html`<section aria-labelledby="late"><h2 id="late">${t.lateHeading}</h2>${
    lateItems.length
      ? plainTable(
          t.lateHeading,
          [t.action, m.promise.report.commitment, t.responsible, t.due, t.why],
          lateItems.map(({ c, a }) => {
            const last = a.followUps.at(-1);
            return [a.text, c.text, m.promise.parties[a.responsible], date(a.due), last ? html`<em>${tertial(last.tertial)}:</em> ${last.text}` : t.noExplanation];
          }),
        )
      : html`<p>${t.noLate}</p>`
  }</section>`;

  const commitments = html`<section aria-labelledby="commitments"><h2 id="commitments">${t.commitmentHeading}</h2>${v.commitments.map(
    (c) => html`<h3 id="${anchor(c)}">${c.text}</h3><p class="meta">${t.responsible}: ${m.promise.parties[c.responsible]} · ${t.districts}: ${c.districts.join(', ') || t.allDistricts}</p>${
      c.actions.length
        ? plainTable(
            c.text,
            [t.action, t.responsible, t.due, t.status, t.followUp],
            c.actions.map((a) => [
              a.text,
              m.promise.parties[a.responsible],
              date(a.due),
              html`<span class="${statusClass(a.bucket)}">${m.promise.actionStatuses[a.status]}</span>`,
              a.followUps.length
                ? html`${a.followUps.map((f, i) => html`${i > 0 ? html`<br>` : ''}<em>${tertial(f.tertial)}:</em> ${f.text}${f.count !== undefined ? ` (${formatNumber(f.count, m)})` : ''}`)}`
                : '–',
            ]),
          )
        : html`<p>${t.noActions}</p>`
    }`,
  )}</section>`;

  const districts = [...new Set([...v.commitments.flatMap((c) => c.districts), ...v.goals.map((g) => g.district)])];
  const perDistrict = html`<section aria-labelledby="districts"><h2 id="districts">${t.districtHeading}</h2>${districts.map((d) => {
    const cs = v.commitments.filter((c) => c.districts.includes(d));
    const goal = v.goals.find((g) => g.district === d);
    return html`<h3>${d}</h3>${cs.length ? html`<ul>${cs.map((c) => html`<li><a href="#${anchor(c)}">${c.text}</a> – ${t.counts(c.counts.total, c.counts.late, c.counts.done + c.counts.doneLate)}</li>`)}</ul>` : ''}${
      goal
        ? html`<p><strong>${t.goalHeading(d)}</strong></p>${goal.statements.length ? html`<p>${t.goalStatements}:</p><ul>${goal.statements.map((st) => html`<li>${st}</li>`)}</ul>` : ''}${
            goal.indicators.length
              ? plainTable(
                  t.goalHeading(d),
                  [t.indicator, t.baseline, t.latest, t.target, t.progress],
                  goal.indicators.map((i) => [
                    i.name,
                    i.baseline ? point(i.baseline.value, i.unit, i.baseline.date) : '–',
                    i.latest ? point(i.latest.value, i.unit, i.latest.date) : t.notMeasured,
                    point(i.target.value, i.unit, i.target.date),
                    i.reached ? t.reached : i.progress === null ? '–' : `${percent(i.progress)} %`,
                  ]),
                )
              : ''
          }`
        : ''
    }`;
  })}</section>`;

  const data = html`<section aria-labelledby="data" class="noprint"><h2 id="data">${t.openData}</h2><p>${t.openDataText}</p><ul>
<li><a href="${input.pastDate ? paths.pastData(input.pastDate, 'json') : paths.json}">${t.json}</a></li>
<li><a href="${input.pastDate ? paths.pastData(input.pastDate, 'csv') : paths.csv}">${t.csv}</a></li>
<li><a href="${paths.atom}">${t.atom}</a></li></ul>${
    input.versionDates.length > 1 || input.pastDate
      ? html`<h3>${t.earlierVersions}</h3><ul>${input.versionDates.map((d) => html`<li><a href="${paths.past(d, lang)}">${date(d)}</a></li>`)}</ul>`
      : ''
  }</section>`;

  const self = input.pastDate ? (l: 'sv' | 'en') => paths.past(input.pastDate!, l) : input.embed ? paths.embed : paths.page;
  return publicLayout({
    lang,
    title: t.pageTitle(input.organisation),
    organisation: input.organisation,
    skip: t.skipToContent,
    embed: input.embed ?? false,
    alternate: { href: input.embed ? paths.page(other) : self(other), lang: other, label: t.otherLanguage },
    footerLinks: [
      ...(input.embed ? [{ href: paths.page(lang), label: t.pageTitle(input.organisation) }] : []),
      { href: paths.accessibility(lang), label: t.accessibilityLink },
    ],
    headLinks: html`<link rel="alternate" hreflang="${other}" href="${self(other)}"><link rel="alternate" type="application/atom+xml" title="${t.feedTitle(input.organisation)}" href="${paths.atom}">`,
    body: html`${head}${summary}${late}${commitments}${perDistrict}${input.embed ? '' : data}`,
  });

  function point(value: number, unit: string, d: string): string {
    return `${formatNumber(value, m)}${unit ? ` ${unit}` : ''} (${d})`;
  }
}

export type { PublicPaths };

function anchor(c: PublicCommitment): string {
  return `atagande-${c.id}`;
}

function statusClass(b: ActionBucket): string {
  return b === 'late' ? 'late' : b === 'done' || b === 'doneLate' ? 'done' : '';
}

function longDate(isoDate: string, m: Catalog): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : new Intl.DateTimeFormat(m.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A table with a caption (named for screen readers) and column headers; wide tables scroll instead of breaking the zoomed layout. */
function plainTable(caption: string, headers: readonly string[], rows: readonly (readonly (Html | string | number)[])[]): Html {
  return html`<div class="table-scroll"><table><caption>${caption}</caption><thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>`,
  )}</tbody></table></div>`;
}

function numberTable(caption: string, captionId: string, headers: readonly string[], rows: readonly (readonly (Html | string | number)[])[]): Html {
  return html`<div class="table-scroll"><table><caption id="${captionId}">${caption}</caption><thead><tr>${headers.map((h, i) => html`<th scope="col"${i > 0 ? raw(' class="num"') : ''}>${h}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td class="num">${c}</td>`))}</tr>`,
  )}</tbody></table></div>`;
}
