/**
 * The chairs' preview of what becomes public: the promise as residents will see it, what
 * changed since the last publication, a "visa inte" choice per item, and Publish. The
 * card carries the fingerprint of the version it shows, so Publish publishes exactly it.
 */
import type { PublicChange } from '../../src/domain/public/publicDiff.js';
import type { PublicVersion } from '../../src/domain/public/publicVersion.js';
import type { Catalog, Lang } from '../../src/i18n/index.js';
import type { HideableItem } from '../../src/services/public/publication.js';
import { card, container, execute, facts, note, text, title, type AdaptiveCard, type CardElement } from '../kit.js';
import { clip, meetingLabel, statusText } from '../promise/labels.js';

export interface PublishPreviewInput {
  organisation: string;
  promiseId: string;
  version: PublicVersion;
  fingerprint: string;
  /** The current publication's number (0 = none yet). */
  basedOn: number;
  hidden: readonly string[];
  hideable: readonly HideableItem[];
  /** Withheld automatically (personal data, intern/känslig text). */
  autoWithheld: number;
  changes: readonly PublicChange[] | null;
  banner?: string;
}

/** Lists in the card stay short; the page shows everything. */
const MAX_CHANGES = 25;

export function publishPreviewCard(m: Catalog, lang: Lang, input: PublishPreviewInput): AdaptiveCard {
  const t = m.public;
  const v = input.version;
  const hiddenHere = input.hidden.filter((k) => input.hideable.some((h) => h.key === k)).length;
  const commitments: CardElement[] = v.commitments.map((c) =>
    container(
      [
        text(c.text, { weight: 'Bolder' }),
        note(`${t.responsible}: ${m.promise.parties[c.responsible]} · ${t.districts}: ${c.districts.join(', ') || t.allDistricts}`),
        ...c.actions.flatMap((a) => {
          const latest = a.followUps.at(-1);
          return [
            text(`• ${a.text} — ${statusText(m, a.status)}, ${t.due.toLowerCase()} ${a.due}`, { size: 'Small' }),
            latest ? text(`${meetingLabel(latest.tertial, lang)}: ${latest.text}${latest.count !== undefined ? ` (${latest.count})` : ''}`, { size: 'Small', isSubtle: true, spacing: 'None' }) : null,
          ].filter((e): e is CardElement => e !== null);
        }),
      ],
      { separator: true, spacing: 'Medium' },
    ),
  );
  const goals: CardElement[] = v.goals.map((g) =>
    container([
      text(t.goalHeading(g.district), { weight: 'Bolder' }),
      ...g.statements.map((st) => text(`• ${st}`, { size: 'Small' })),
      ...g.indicators.map((i) => note(`${i.name}: ${i.latest ? `${i.latest.value} ${i.unit}`.trim() : t.notMeasured} → ${t.target.toLowerCase()} ${`${i.target.value} ${i.unit}`.trim()}`)),
    ]),
  );
  const changes: CardElement[] =
    input.changes === null
      ? [note(t.firstPublication)]
      : input.changes.length === 0
        ? [note(t.noChanges)]
        : [
            text(t.changesTitle, { weight: 'Bolder', spacing: 'Medium' }),
            ...input.changes.slice(0, MAX_CHANGES).map((c) => text(`${t.changeKinds[c.kind]}: ${clip(c.label, 120)}${c.fields.length ? ` (${c.fields.join(', ')})` : ''}`, { size: 'Small' })),
            input.changes.length > MAX_CHANGES ? note(`+ ${input.changes.length - MAX_CHANGES}`) : null,
          ].filter((e): e is CardElement => e !== null);

  return card(
    [
      input.banner ? text(input.banner, { color: 'Attention' }) : null,
      title(t.previewTitle),
      note(t.previewLead(input.organisation)),
      facts([
        [t.promiseLabel, v.promise.title],
        [t.period, `${v.promise.periodFrom} – ${v.promise.periodTo}`],
        [t.latestFollowUp, v.latestFollowUp ? meetingLabel(v.latestFollowUp, lang) : t.noFollowUp],
        [t.summaryHeading, t.counts(v.counts.total, v.counts.late, v.counts.done + v.counts.doneLate)],
      ]),
      ...changes,
      ...commitments,
      goals.length ? text(t.goalsHeading, { weight: 'Bolder', spacing: 'Medium' }) : null,
      ...goals,
      input.autoWithheld > 0 ? text(t.withheldAuto(input.autoWithheld), { color: 'Attention', size: 'Small' }) : null,
      hiddenHere > 0 ? note(t.hiddenCount(hiddenHere)) : null,
      input.hideable.length
        ? {
            type: 'Input.ChoiceSet',
            id: 'hidden',
            label: t.hideLabel,
            isMultiSelect: true,
            style: 'expanded',
            value: input.hidden.join(','),
            choices: input.hideable.map((h) => ({ title: `${t.hideKinds[h.kind]}: ${clip(h.label, 90)}`, value: h.key })),
          }
        : null,
    ],
    [
      execute(t.confirm, 'public.confirm', { promiseId: input.promiseId, basedOn: input.basedOn, previewed: input.fingerprint }, { style: 'positive' }),
      execute(t.refresh, 'public.preview', { promiseId: input.promiseId }),
      execute(t.cancel, 'promise.show', { promiseId: input.promiseId }),
    ],
  );
}
