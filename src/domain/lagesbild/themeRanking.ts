/** Themes ranked by how many forums, then how many districts, raise them; with the change since last time. */
import type { ContentItems, SectionContext } from './items.js';
import { compareByForum, compareCodeUnits, sortedUniqueSv } from './order.js';
import type { RankedTheme, ThemeMark, ThemesSection } from './schema.js';

/** The themes section without the grouped egna teman (sections.ts adds them, grouped like the proposals). */
export function buildThemes(marks: ContentItems['themeMarks'], others: ContentItems['otherThemes'], ctx: SectionContext): Omit<ThemesSection, 'otherGroups'> {
  const byTheme = new Map<string, ThemeMark[]>();
  for (const { themeId, ...mark } of marks) {
    const list = byTheme.get(themeId);
    if (list) list.push(mark);
    else byTheme.set(themeId, [mark]);
  }

  const unranked = [...byTheme].map(([id, raisedBy]) => {
    raisedBy.sort((a, b) => compareByForum(ctx.forumOrder, a, b));
    const districtNames = sortedUniqueSv(raisedBy.flatMap((m) => m.districts));
    const label = ctx.themeLabels.get(id) ?? { sv: id, en: id };
    return { id, sv: label.sv, en: label.en, forums: new Set(raisedBy.map((m) => m.forumId)).size, districts: districtNames.length, districtNames, raisedBy };
  });
  unranked.sort((a, b) => b.forums - a.forums || b.districts - a.districts || compareCodeUnits(a.id, b.id));

  const previous = ctx.previous;
  const ranked: RankedTheme[] = [];
  unranked.forEach((t, i) => {
    const before = ranked[i - 1];
    // Competition ranking: equal forums and districts share a rank, the next rank skips.
    const rank = before && before.forums === t.forums && before.districts === t.districts ? before.rank : i + 1;
    const was = previous?.themes.find((p) => p.id === t.id);
    const change = previous
      ? {
          previousRank: was?.rank ?? null,
          rankChange: was ? was.rank - rank : null,
          forumsChange: t.forums - (was?.forums ?? 0),
          districtsChange: t.districts - (was?.districts ?? 0),
        }
      : null;
    ranked.push({ ...t, rank, change });
  });

  const raisedNow = new Set(ranked.map((t) => t.id));
  return {
    ranked,
    other: [...others].sort((a, b) => compareByForum(ctx.forumOrder, a, b) || compareCodeUnits(a.text, b.text)),
    noLongerRaised: (previous?.themes ?? [])
      .filter((p) => !raisedNow.has(p.id))
      .map((p) => ({ id: p.id, sv: p.sv, en: p.en, previousRank: p.rank, previousForums: p.forums }))
      .sort((a, b) => a.previousRank - b.previousRank || compareCodeUnits(a.id, b.id)),
  };
}
