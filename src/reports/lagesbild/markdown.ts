/** The lägesbild as Markdown (for wikis, e-mail, pasting into Teams): the same sections as the printable report. */
import type { Catalog, Lang } from '../../i18n/index.js';
import { meetingLabel } from '../followUp/labels.js';
import { bullets, document, heading, md, mdEscape, mdTable } from '../markdown.js';
import { otherThemeLines, percentOf, signed, type LagesbildReport } from './document.js';
import { trendCounts } from './labels.js';

export function renderLagesbildMarkdown(doc: LagesbildReport, m: Catalog, lang: Lang): string {
  const t = m.lagesbild;
  const r = t.report;
  const v = doc.view;
  const rate = v.responseRate;
  const title = meetingLabel(doc.meetingId, lang);
  const empty = rate.counts.answered + rate.counts.late === 0;
  return document([
    heading(1, r.title(title)),
    `_${mdEscape(r.subtitle(v.meeting.date, v.compiledAt.slice(0, 16).replace('T', ' '), t.audienceShort[doc.audience]))}_`,
    mdEscape(t.audiences[doc.audience]),
    doc.joinUrl ? `[${mdEscape(m.calendar.join)}](${doc.joinUrl})` : null,
    doc.stale ? `**${mdEscape(r.stale)}**` : null,
    heading(2, t.responseTitle),
    mdEscape(t.responseRate(rate.counts.answered + rate.counts.late, rate.counts.forums, percentOf(rate.counts.rate), rate.counts.late)),
    rate.previous ? mdEscape(t.responsePrevious(percentOf(rate.previous.rate))) : null,
    rate.missing.length ? mdEscape(t.missing(rate.missing.map((f) => f.forumName).join(', '))) : null,
    v.content.withheld ? mdEscape(t.withheld(v.content.withheld)) : null,
    empty ? mdEscape(rate.counts.forums ? t.noAnswers : t.noForums) : null,
    doc.history.length > 1
      ? mdTable(
          [r.meeting, r.forums, r.answered, r.late, r.missing, r.rate],
          doc.history.map((h) => [meetingLabel(h.meetingId, lang), h.counts.forums, h.counts.answered, h.counts.late, h.counts.missing, `${percentOf(h.counts.rate)} %`]),
        )
      : null,
    v.districts.length ? heading(2, t.districtsTitle) : null,
    ...v.districts.map((d) =>
      [
        heading(3, d.district),
        `${mdEscape(trendCounts(m, d.summary))} · ${mdEscape(r.net)} ${signed(d.summary.net)}${d.change ? ` · ${mdEscape(t.changeSince(signed(d.change.netChange)))}` : ''}`,
        d.ratings.length ? mdTable([r.forums, r.trend, r.situation], d.ratings.map((x) => [x.forumName, m.inputs.trends[x.trend], x.situation])) : null,
      ]
        .filter(Boolean)
        .join('\n\n'),
    ),
    v.themes.ranked.length || v.themes.other.length ? heading(2, t.themesTitle) : null,
    v.themes.ranked.length
      ? mdTable(
          [r.rank, r.theme, r.forums, r.districts, r.change],
          v.themes.ranked.map((x) => [x.rank, lang === 'en' ? x.en : x.sv, x.forums, x.districtNames.join(', '), x.change ? (x.change.rankChange === null ? r.new : signed(x.change.rankChange)) : '–']),
        )
      : null,
    v.themes.other.length ? bullets(otherThemeLines(v).map((o) => `${mdEscape(o.text)} (${mdEscape(o.forums)})`)) : null,
    v.questions.groups.length ? heading(2, t.questionsTitle) : null,
    v.questions.groups.length ? mdEscape(t.questionsTotal(v.questions.total, v.questions.groups.length)) : null,
    ...v.questions.groups.map((g) =>
      [
        `${g.rank}. **${mdEscape(g.text)}** — ${mdEscape(m.inputs.priorities[g.priority])}, ${g.forumCount} ${mdEscape(r.forums.toLowerCase())}, ${mdEscape(r.score.toLowerCase())} ${g.score}${g.recurring ? ` (${mdEscape(t.recurring)})` : ''}`,
        ...g.members.map((q) => `   - ${mdEscape(q.text)} — ${mdEscape(q.forumName)}`),
      ].join('\n'),
    ),
    v.needs.length ? heading(2, t.needsTitle) : null,
    v.needs.length ? bullets(v.needs.map((n) => `${mdEscape(n.text)} (${mdEscape(n.forumName)})`)) : null,
    v.agendaProposals.length ? heading(2, t.proposalsTitle) : null,
    v.agendaProposals.length ? bullets(v.agendaProposals.map((p) => `${mdEscape(p.text)} (${mdEscape(p.forums.map((f) => f.forumName).join(', '))})`)) : null,
    v.promise ? heading(2, t.promiseTitle) : null,
    v.promise ? mdEscape(t.promiseLine(v.promise.title, v.promise.counts.total, v.promise.counts.onTime, v.promise.counts.late, v.promise.counts.done + v.promise.counts.doneLate)) : null,
    v.promise ? mdEscape(t.followUpsLine(v.promise.followUpsReceived, v.promise.followUpsMissing)) : null,
    v.malbilder?.length ? heading(2, t.malbilderTitle) : null,
    v.malbilder?.length
      ? mdTable(
          [r.district, r.indicator, r.latest, r.target, r.progress],
          v.malbilder.flatMap((mb) => mb.indicators.map((i) => [mb.district, i.name, i.latest ? `${i.latest.value} ${i.unit}`.trim() : '–', `${i.target.value} ${i.unit}`.trim(), i.progress === null ? '–' : `${percentOf(i.progress)} %`])),
        )
      : null,
    doc.agenda ? heading(2, `${t.agendaTitle} (${t.agendaStatus[doc.agenda.status]})`) : null,
    doc.agenda
      ? [
          doc.agenda.items.map((i, n) => `${n + 1}. ${mdEscape(i.title)} — ${i.minutes} min`).join('\n'),
          mdEscape(t.agendaTotal(doc.agenda.totalMinutes, doc.agenda.meetingMinutes)),
        ].join('\n\n')
      : null,
    doc.agenda?.notOnAgenda.length ? `${md(`**${mdEscape(t.notOnAgenda)}**`).value}\n\n${bullets(doc.agenda.notOnAgenda.map((i) => mdEscape(i.title)))}` : null,
  ]);
}
