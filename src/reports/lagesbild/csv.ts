/**
 * Every answer of the lägesbild as CSV (one row per piece: a district's trend, a theme, a
 * question, a need, a proposal), UTF-8 with BOM so Excel shows å/ä/ö. Only what the
 * audience's view holds: a steering CSV has no känslig row.
 */
import type { Catalog, Lang } from '../../i18n/index.js';
import { toCsv, type CsvValue } from '../csv.js';
import { answerRows, type LagesbildReport } from './document.js';

export function renderLagesbildCsv(doc: LagesbildReport, m: Catalog, lang: Lang): string {
  const r = m.lagesbild.report;
  const header = [r.meeting, r.forums, r.kind, r.district, r.trend, r.priority, r.theme, r.text, r.sensitivity];
  const rows: CsvValue[][] = answerRows(doc.view, lang).map((row) => [
    doc.meetingId,
    row.forumName,
    r.kinds[row.kind],
    row.district,
    row.kind === 'rating' ? m.inputs.trends[row.value as keyof typeof m.inputs.trends] : '',
    row.kind === 'question' ? m.inputs.priorities[row.value as keyof typeof m.inputs.priorities] : '',
    row.kind === 'theme' ? row.value : '',
    row.text,
    r.sensitivities[row.sensitivity],
  ]);
  return toCsv([header, ...rows]);
}
