/** Words and colours the lägesbild renderers share. */
import type { TrendSummary } from '../../domain/lagesbild/schema.js';
import type { Catalog } from '../../i18n/index.js';

export const trendOrder = ['battre', 'oforandrat', 'samre', 'vetej'] as const;

/** Better green, unchanged blue, worse red, don't know grey: distinct in grey print too. */
export const trendColors: Record<(typeof trendOrder)[number], string> = {
  battre: '#107c10',
  oforandrat: '#0f6cbd',
  samre: '#c50f1f',
  vetej: '#8a8886',
};

/** "2 bättre · 1 sämre" (zero counts left out), or "inga bedömningar". */
export function trendCounts(m: Catalog, s: TrendSummary): string {
  const parts = trendOrder.filter((k) => s[k] > 0).map((k) => `${s[k]} ${m.inputs.trends[k].toLowerCase()}`);
  return parts.length ? parts.join(' · ') : m.lagesbild.noRatings;
}
