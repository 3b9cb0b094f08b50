/**
 * The regional lägesbild as CSV (UTF-8 with BOM, semicolons): one row per municipality's
 * response rate, district, theme, and per question and municipality that asked it.
 */
import type { RegionalPicture } from '../../domain/regional/regionalPicture.js';
import type { Catalog, Lang } from '../../i18n/index.js';
import { toCsv, type CsvValue } from '../csv.js';
import { signed } from '../lagesbild/document.js';
import { trendCounts } from '../lagesbild/labels.js';
import { percentOf, themeLabel } from './labels.js';

export function renderRegionalCsv(p: RegionalPicture, m: Catalog, lang: Lang): string {
  const c = m.regional.csv;
  const rows: CsvValue[][] = [[c.section, c.municipality, c.item, c.value, c.detail]];
  for (const x of p.municipalities) {
    rows.push([c.sections.rate, x.orgName, x.meetingId, percentOf(x.responseRate.rate), `${x.responseRate.answered + x.responseRate.late}/${x.responseRate.forums}`]);
  }
  for (const x of p.municipalities) for (const d of x.districts) rows.push([c.sections.district, x.orgName, d.district, signed(d.summary.net), trendCounts(m, d.summary)]);
  for (const x of p.municipalities) for (const th of x.themes) rows.push([c.sections.theme, x.orgName, themeLabel(th, lang), th.rank, th.forums]);
  for (const g of p.questions.groups) {
    for (const q of g.members) rows.push([c.sections.question, q.orgName, g.rank, q.text, `${m.inputs.priorities[q.priority]} · ${q.forumName}`]);
  }
  return toCsv(rows);
}
