/**
 * The printable regional lägesbild: self-contained HTML (no scripts, no external assets),
 * the same page, landmarks and chart-plus-table pattern as the lägesbild report — every
 * chart has a table with the same numbers, for screen readers and print.
 */
import type { RegionalPicture } from '../../domain/regional/regionalPicture.js';
import type { Catalog, Lang } from '../../i18n/index.js';
import { meetingLabel } from '../followUp/labels.js';
import { html, page, table, type Html } from '../html.js';
import { signed } from '../lagesbild/document.js';
import { trendColors, trendCounts, trendOrder } from '../lagesbild/labels.js';
import { stackedBarChart } from '../svg.js';
import { compiledText, percentOf, themeLabel } from './labels.js';

const MAX_THEMES_IN_CHART = 12;

export function renderRegionalHtml(p: RegionalPicture, m: Catalog, lang: Lang): string {
  const t = m.regional;
  const r = m.lagesbild.report;
  const withheld = p.municipalities.reduce((n, x) => n + x.content.withheld, 0);

  const response = html`<section aria-labelledby="rate"><h2 id="rate">${t.responseTitle}</h2><p>${t.basis}</p>${withheld ? html`<p class="meta">${t.withheld(withheld)}</p>` : ''}<figure>${stackedBarChart({
    title: t.chartRate,
    categories: p.municipalities.map((x) => x.orgName),
    series: [{ name: t.rate, color: '#0f6cbd', values: p.municipalities.map((x) => percentOf(x.responseRate.rate)) }],
  })}<figcaption>${t.chartRate}</figcaption></figure>${table(
    [t.municipality, t.meeting, t.answered, t.forums, t.rate, t.previousRate],
    p.municipalities.map((x) => [
      x.orgName,
      meetingLabel(x.meetingId, lang),
      x.responseRate.answered + x.responseRate.late,
      x.responseRate.forums,
      percentOf(x.responseRate.rate),
      x.previousResponseRate ? percentOf(x.previousResponseRate.rate) : t.none,
    ]),
    { numeric: [2, 3, 4, 5] },
  )}</section>`;

  const districts = html`<section aria-labelledby="districts"><h2 id="districts">${t.districtsTitle}</h2>${p.municipalities.map(
    (x) =>
      html`<h3>${x.orgName}</h3>${
        x.districts.length
          ? html`<figure>${stackedBarChart({
              title: t.chartTrend(x.orgName),
              categories: x.districts.map((d) => d.district),
              series: trendOrder.map((k) => ({ name: m.inputs.trends[k], color: trendColors[k], values: x.districts.map((d) => d.summary[k]) })),
            })}<figcaption>${t.chartTrend(x.orgName)}</figcaption></figure>${table(
              [r.district, r.trend, r.net, r.change],
              x.districts.map((d) => [d.district, trendCounts(m, d.summary), signed(d.summary.net), d.change ? signed(d.change.netChange) : t.none]),
              { numeric: [2, 3] },
            )}`
          : html`<p>${r.none}</p>`
      }`,
  )}</section>`;

  const themes: Html | '' = p.themes.length
    ? html`<section aria-labelledby="themes"><h2 id="themes">${t.themesTitle}</h2><figure>${stackedBarChart({
        title: t.chartThemes,
        categories: p.themes.slice(0, MAX_THEMES_IN_CHART).map((x) => themeLabel(x, lang)),
        series: [{ name: t.themesIn, color: '#0f6cbd', values: p.themes.slice(0, MAX_THEMES_IN_CHART).map((x) => x.municipalities) }],
      })}<figcaption>${t.chartThemes}</figcaption></figure>${table(
        [r.theme, t.themesIn, t.forums, t.themeRanks],
        p.themes.map((x) => [themeLabel(x, lang), x.municipalities, x.forums, x.byMunicipality.map((b) => `${b.orgName}: ${b.rank}`).join(', ')]),
        { numeric: [1, 2] },
      )}</section>`
    : '';

  const q = p.questions;
  const questions = html`<section aria-labelledby="questions"><h2 id="questions">${t.questionsTitle}</h2>${
    q.groups.length
      ? html`<p>${t.questionsTotal(q.total, q.groups.length, p.municipalities.length)}</p>${table(
          [r.rank, r.question, r.priority, t.askedIn, r.forums],
          q.groups.map((g) => [
            g.rank,
            html`<strong>${g.text}</strong>${g.members.length > 1 ? html`<ul>${g.members.map((x) => html`<li>${x.text} <span class="meta">(${x.orgName}, ${x.forumName})</span></li>`)}</ul>` : ''}`,
            m.inputs.priorities[g.priority],
            g.municipalities.map((x) => x.orgName).join(', '),
            g.forumCount,
          ]),
          { numeric: [0, 4] },
        )}`
      : html`<p>${t.noQuestions}</p>`
  }</section>`;

  return page({
    lang,
    title: t.title,
    subtitle: t.subtitle(p.municipalities.length, compiledText(p.compiledAt)),
    body: html`${response}${districts}${themes}${questions}`,
  });
}
