/** The regional lägesbild as Markdown: the same sections as the printable report. */
import type { RegionalPicture } from '../../domain/regional/regionalPicture.js';
import type { Catalog, Lang } from '../../i18n/index.js';
import { meetingLabel } from '../followUp/labels.js';
import { signed } from '../lagesbild/document.js';
import { trendCounts } from '../lagesbild/labels.js';
import { document, heading, mdEscape, mdTable } from '../markdown.js';
import { compiledText, percentOf, themeLabel } from './labels.js';

export function renderRegionalMarkdown(p: RegionalPicture, m: Catalog, lang: Lang): string {
  const t = m.regional;
  const r = m.lagesbild.report;
  const withheld = p.municipalities.reduce((n, x) => n + x.content.withheld, 0);
  const q = p.questions;
  return document([
    heading(1, t.title),
    `_${mdEscape(t.subtitle(p.municipalities.length, compiledText(p.compiledAt)))}_`,
    mdEscape(t.basis),
    heading(2, t.responseTitle),
    withheld ? mdEscape(t.withheld(withheld)) : null,
    mdTable(
      [t.municipality, t.meeting, t.answered, t.forums, t.rate, t.previousRate],
      p.municipalities.map((x) => [
        x.orgName,
        meetingLabel(x.meetingId, lang),
        x.responseRate.answered + x.responseRate.late,
        x.responseRate.forums,
        percentOf(x.responseRate.rate),
        x.previousResponseRate ? percentOf(x.previousResponseRate.rate) : t.none,
      ]),
    ),
    heading(2, t.districtsTitle),
    ...p.municipalities.flatMap((x) => [
      heading(3, x.orgName),
      x.districts.length
        ? mdTable([r.district, r.trend, r.net, r.change], x.districts.map((d) => [d.district, trendCounts(m, d.summary), signed(d.summary.net), d.change ? signed(d.change.netChange) : t.none]))
        : mdEscape(r.none),
    ]),
    p.themes.length ? heading(2, t.themesTitle) : null,
    p.themes.length
      ? mdTable([r.theme, t.themesIn, t.forums, t.themeRanks], p.themes.map((x) => [themeLabel(x, lang), x.municipalities, x.forums, x.byMunicipality.map((b) => `${b.orgName}: ${b.rank}`).join(', ')]))
      : null,
    heading(2, t.questionsTitle),
    q.groups.length ? mdEscape(t.questionsTotal(q.total, q.groups.length, p.municipalities.length)) : mdEscape(t.noQuestions),
    ...q.groups.map((g) =>
      [
        `${g.rank}. **${mdEscape(g.text)}** — ${mdEscape(m.inputs.priorities[g.priority])} · ${mdEscape(t.askedIn)}: ${mdEscape(g.municipalities.map((x) => x.orgName).join(', '))}`,
        ...(g.members.length > 1 ? g.members.map((x) => `   - ${mdEscape(x.text)} — ${mdEscape(x.orgName)}, ${mdEscape(x.forumName)}`) : []),
      ].join('\n'),
    ),
  ]);
}
