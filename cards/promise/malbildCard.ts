import type { Malbild } from '../../src/domain/malbilder/malbild.js';
import { indicatorProgress } from '../../src/domain/malbilder/progress.js';
import type { Catalog } from '../../src/i18n/index.js';
import { formatNumber, percent } from '../../src/reports/followUp/labels.js';
import { actionSet, card, container, execute, note, text, title, type AdaptiveCard } from '../kit.js';

/** `målbild Berga`: the goal statements, and per indicator its baseline, target, latest reading, progress and trend. */
export function malbildCard(
  m: Catalog,
  district: string,
  malbild: Malbild | null,
  rights: { canEdit: boolean; canEnterReading: boolean },
  lead?: string,
): AdaptiveCard {
  const t = m.promise;
  const actions = [
    ...(rights.canEdit ? [execute(t.editStatements, 'malbild.edit', { district }), execute(t.addIndicator, 'malbild.indicatorNew', { district })] : []),
    ...(rights.canEnterReading && malbild && malbild.indicators.length ? [execute(t.enterReading, 'malbild.readingOpen', { district })] : []),
  ];
  if (!malbild) return card([lead ? text(lead) : null, title(t.malbildTitle(district)), text(t.malbildNone(district))], actions);
  const point = (p: { value: number; date: string }, unit: string) => t.pointValue(formatNumber(p.value, m), unit, p.date);
  return card(
    [
      lead ? text(lead, { color: 'Good' }) : null,
      title(t.malbildTitle(malbild.district)),
      text(`**${t.statements}**`),
      ...(malbild.statements.length ? malbild.statements.map((s) => text(`• ${s}`, { spacing: 'None' })) : [note('–')]),
      text(`**${t.indicators}**`),
      malbild.indicators.length === 0 ? note(t.noIndicators) : null,
      ...malbild.indicators.map((i) => {
        const p = indicatorProgress(i);
        return container(
          [
            text(`**${i.name}**`),
            note(t.indicatorMeta(t.directions[i.direction], i.baseline ? point(i.baseline, i.unit) : t.noBaseline, point(i.target, i.unit))),
            text(p.latest ? t.latestReading(point(p.latest, i.unit), t.trends[p.trend]) : t.noReadings),
            p.progress === null ? null : text(p.reached ? t.reached : t.progress(percent(p.progress)), { color: p.reached ? 'Good' : 'Default' }),
          ],
          { separator: true },
        );
      }),
      actions.length ? actionSet(actions) : null,
    ],
  );
}
