/** Per district: every forum's trend rating side by side, a summary and the change since last time. */
import type { Trend } from '../inputs/answer.js';
import type { ContentItems, SectionContext } from './items.js';
import { compareByForum, compareCodeUnits, round3, sortedUniqueSv } from './order.js';
import type { DistrictChange, DistrictSection, PeriodSummary, Rating, TrendSummary } from './schema.js';

/** bättre +1, sämre −1; oförändrat 0; vet ej is left out of the score. */
export const trendWeights: Record<Trend, number | null> = { battre: 1, oforandrat: 0, samre: -1, vetej: null };

export function buildDistricts(ratings: ContentItems['ratings'], ctx: SectionContext): DistrictSection[] {
  const byDistrict = new Map<string, Rating[]>();
  for (const { district, ...rating } of ratings) {
    const list = byDistrict.get(district);
    if (list) list.push(rating);
    else byDistrict.set(district, [rating]);
  }
  const names = sortedUniqueSv([...ctx.roster.flatMap((f) => f.districts), ...byDistrict.keys()]);
  return names.map((district) => {
    const list = (byDistrict.get(district) ?? []).sort(
      (a, b) => compareByForum(ctx.forumOrder, a, b) || compareCodeUnits(a.trend, b.trend) || compareCodeUnits(a.situation, b.situation),
    );
    const summary = trendSummary(list.map((r) => r.trend));
    return {
      district,
      ratings: list,
      summary,
      change: districtChange(summary, district, ctx.previous),
      notAnswered: ctx.roster.filter((f) => ctx.missing.has(f.id) && f.districts.includes(district)).map((f) => ({ forumId: f.id, forumName: f.name })),
    };
  });
}

export function trendSummary(trends: readonly Trend[]): TrendSummary {
  const counts: Record<Trend, number> = { battre: 0, oforandrat: 0, samre: 0, vetej: 0 };
  for (const t of trends) counts[t] += 1;
  const net = counts.battre - counts.samre;
  const known = counts.battre + counts.oforandrat + counts.samre;
  return { ...counts, rated: trends.length, net, score: known > 0 ? round3(net / known) : null };
}

function districtChange(summary: TrendSummary, district: string, previous: PeriodSummary | null): DistrictChange | null {
  const before = previous?.districts.find((d) => d.district === district);
  if (!before) return null;
  return {
    previousNet: before.net,
    netChange: summary.net - before.net,
    previousScore: before.score,
    scoreChange: summary.score !== null && before.score !== null ? round3(summary.score - before.score) : null,
  };
}
