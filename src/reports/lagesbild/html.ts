/**
 * The printable lägesbild: self-contained HTML (no scripts, no external assets) with inline
 * SVG charts — ratings per district, themes, and the response rate over the meetings —
 * then the tables. Everything comes from the audience's view (document.ts).
 */
import type { Catalog, Lang } from '../../i18n/index.js';
import { meetingLabel } from '../followUp/labels.js';
import { html, page, table, type Html } from '../html.js';
import { lineChart, PERCENT_AXIS, stackedBarChart } from '../svg.js';
import { otherThemeLines, percentOf, signed, type LagesbildReport } from './document.js';
import { trendColors, trendCounts, trendOrder } from './labels.js';

const MAX_THEMES_IN_CHART = 12;

export function renderLagesbildHtml(doc: LagesbildReport, m: Catalog, lang: Lang): string {
  const t = m.lagesbild;
  const r = t.report;
  const v = doc.view;
  const rate = v.responseRate;
  const title = r.title(meetingLabel(doc.meetingId, lang));
  const empty = rate.counts.answered + rate.counts.late === 0;

  const join = doc.joinUrl ? html`<p><a href="${doc.joinUrl}">${m.calendar.join}</a></p>` : '';
  const summary = html`${join}<h2>${t.responseTitle}</h2>
<p>${t.audiences[doc.audience]}</p>${doc.stale ? html`<p class="status-late">${r.stale}</p>` : ''}
<p>${t.responseRate(rate.counts.answered + rate.counts.late, rate.counts.forums, percentOf(rate.counts.rate), rate.counts.late)}${rate.previous ? ` ${t.responsePrevious(percentOf(rate.previous.rate))}` : ''}</p>
${empty ? html`<p><strong>${rate.counts.forums ? t.noAnswers : t.noForums}</strong></p>` : ''}
${v.content.withheld ? html`<p class="meta">${t.withheld(v.content.withheld)}</p>` : ''}
${table(
  [r.answered, r.late, r.missing],
  [[rate.answered.map((f) => f.forumName).join(', ') || '–', rate.late.map((f) => f.forumName).join(', ') || '–', rate.missing.map((f) => f.forumName).join(', ') || '–']],
)}
${rateOverMeetings(doc, m, lang)}`;

  const districts: (Html | '')[] = v.districts.length
    ? [
        html`<h2>${t.districtsTitle}</h2><figure>${stackedBarChart({
          title: r.chartTrend,
          categories: v.districts.map((d) => d.district),
          series: trendOrder.map((k) => ({ name: m.inputs.trends[k], color: trendColors[k], values: v.districts.map((d) => d.summary[k]) })),
        })}<figcaption>${r.chartTrend}</figcaption></figure>`,
        netOverMeetings(doc, m, lang),
        ...v.districts.map(
          (d) =>
            html`<h3>${d.district}</h3><p>${trendCounts(m, d.summary)} · ${r.net} ${signed(d.summary.net)}${d.change ? ` · ${t.changeSince(signed(d.change.netChange))}` : ''}</p>${
              d.ratings.length ? table([r.forums, r.trend, r.situation], d.ratings.map((x) => [x.forumName, m.inputs.trends[x.trend], x.situation])) : ''
            }`,
        ),
      ]
    : [];

  const ranked = v.themes.ranked;
  const themes =
    ranked.length || v.themes.other.length
      ? html`<h2>${t.themesTitle}</h2>${
          ranked.length
            ? html`<figure>${stackedBarChart({
                title: r.chartThemes,
                categories: ranked.slice(0, MAX_THEMES_IN_CHART).map((x) => (lang === 'en' ? x.en : x.sv)),
                series: [{ name: r.forums, color: '#0f6cbd', values: ranked.slice(0, MAX_THEMES_IN_CHART).map((x) => x.forums) }],
              })}<figcaption>${r.chartThemes}</figcaption></figure>${table(
                [r.rank, r.theme, r.forums, r.districts, r.change],
                ranked.map((x) => [x.rank, lang === 'en' ? x.en : x.sv, x.forums, x.districtNames.join(', '), x.change ? (x.change.rankChange === null ? r.new : signed(x.change.rankChange)) : '–']),
                { numeric: [0, 2] },
              )}`
            : ''
        }${v.themes.other.length ? html`<p><strong>${t.otherThemes(v.themes.other.length)}</strong></p><ul>${otherThemeLines(v).map((o) => html`<li>${o.text} <span class="meta">(${o.forums})</span></li>`)}</ul>` : ''}`
      : '';

  const questions = v.questions.groups.length
    ? html`<h2>${t.questionsTitle}</h2><p>${t.questionsTotal(v.questions.total, v.questions.groups.length)}</p>${table(
        [r.rank, r.question, r.priority, r.forums, r.score],
        v.questions.groups.map((g) => [
          g.rank,
          html`<strong>${g.text}</strong>${g.recurring ? html` <em>(${t.recurring})</em>` : ''}${g.members.length > 1 ? html`<ul>${g.members.map((q) => html`<li>${q.text} <span class="meta">(${q.forumName})</span></li>`)}</ul>` : ''}`,
          m.inputs.priorities[g.priority],
          g.forums.map((f) => f.forumName).join(', '),
          g.score,
        ]),
        { numeric: [0, 4] },
      )}`
    : '';

  const needs = v.needs.length ? html`<h2>${t.needsTitle}</h2>${table([r.forums, r.text], v.needs.map((n) => [n.forumName, n.text]))}` : '';
  const proposals = v.agendaProposals.length
    ? html`<h2>${t.proposalsTitle}</h2>${table([r.rank, r.text, r.forums], v.agendaProposals.map((p) => [p.rank, p.text, p.forums.map((f) => f.forumName).join(', ')]), { numeric: [0] })}`
    : '';
  const promise = v.promise
    ? html`<h2>${t.promiseTitle}</h2><p>${t.promiseLine(v.promise.title, v.promise.counts.total, v.promise.counts.onTime, v.promise.counts.late, v.promise.counts.done + v.promise.counts.doneLate)}</p><p>${t.followUpsLine(v.promise.followUpsReceived, v.promise.followUpsMissing)}</p>`
    : '';
  const malbilder = v.malbilder?.length
    ? html`<h2>${t.malbilderTitle}</h2>${table(
        [r.district, r.indicator, r.latest, r.target, r.progress],
        v.malbilder.flatMap((mb) => mb.indicators.map((i) => [mb.district, i.name, i.latest ? `${i.latest.value} ${i.unit}`.trim() : '–', `${i.target.value} ${i.unit}`.trim(), i.progress === null ? '–' : `${percentOf(i.progress)} %`])),
      )}`
    : '';
  const agenda = doc.agenda
    ? html`<h2>${t.agendaTitle} (${t.agendaStatus[doc.agenda.status]})</h2>${table(
        ['#', r.text, r.minutes],
        doc.agenda.items.map((i, n) => [n + 1, i.title, i.minutes]),
        { numeric: [0, 2] },
      )}<p>${t.agendaTotal(doc.agenda.totalMinutes, doc.agenda.meetingMinutes)}</p>${
        doc.agenda.notOnAgenda.length ? html`<p><strong>${t.notOnAgenda}</strong></p><ul>${doc.agenda.notOnAgenda.map((i) => html`<li>${i.title}</li>`)}</ul>` : ''
      }`
    : '';

  return page({
    lang,
    title,
    subtitle: r.subtitle(v.meeting.date, v.compiledAt.slice(0, 16).replace('T', ' '), t.audienceShort[doc.audience]),
    body: html`${summary}${districts}${themes}${questions}${needs}${proposals}${promise}${malbilder}${agenda}`,
  });
}

/** "2027-2" → "2/2027": short enough for a chart's axis. */
const shortMeeting = (id: string) => id.replace(/^(\d{4})-(\d)$/, '$2/$1');

/**
 * The response rate at each meeting: a chart on a 0–100 axis with the same numbers in a
 * table, from two meetings on; before that the one number (a lone dot says nothing).
 */
function rateOverMeetings(doc: LagesbildReport, m: Catalog, lang: Lang): Html {
  const r = m.lagesbild.report;
  const rows = doc.history.map((h) => ({ id: h.meetingId, pct: percentOf(h.counts.rate) }));
  if (rows.length < 2) return rows[0] ? html`<p>${r.rateAt(meetingLabel(rows[0].id, lang), rows[0].pct)}</p>` : html``;
  return html`<figure>${lineChart({ title: r.chartRate, points: rows.map((x) => ({ label: shortMeeting(x.id), value: x.pct })), unit: '%', axis: PERCENT_AXIS })}<figcaption>${r.chartRate}</figcaption></figure>${table(
    [r.meeting, `${r.rate} (%)`],
    rows.map((x) => [meetingLabel(x.id, lang), x.pct]),
    { numeric: [1] },
  )}`;
}

/** Net (bättre − sämre) per district at each meeting, when there is more than one. */
function netOverMeetings(doc: LagesbildReport, m: Catalog, lang: Lang): Html | '' {
  if (doc.history.length < 2) return '';
  const r = m.lagesbild.report;
  const names = [...new Set(doc.history.flatMap((h) => h.districts.map((d) => d.district)))].sort((a, b) => a.localeCompare(b, 'sv'));
  return table(
    [r.district, ...doc.history.map((h) => meetingLabel(h.meetingId, lang))],
    names.map((name) => [name, ...doc.history.map((h) => {
      const d = h.districts.find((x) => x.district === name);
      return d ? signed(d.net) : '–';
    })]),
  );
}
