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
/** Teams shows cards up to about 40 KB on every client (as promiseCard). */
const MAX_CARD_BYTES = 36_000;

/**
 * The preview, whole; a long promise gets a compact form (texts shortened, follow-ups left
 * out of the preview part, said so on the card) and, if still too long, "visa inte" for
 * commitments and action items only.
 */
export function publishPreviewCard(m: Catalog, lang: Lang, input: PublishPreviewInput): AdaptiveCard {
  let card: AdaptiveCard | undefined;
  for (const form of forms) {
    card = build(m, lang, input, form);
    if (bytes(card) <= MAX_CARD_BYTES) return card;
  }
  return card!;
}

/** From the whole preview to ever shorter ones: texts shortened, follow-ups out, items counted not listed, only commitments to choose. */
const forms = ['full', 'compact', 'brief', 'minimal'] as const;
type Form = (typeof forms)[number];

const bytes = (c: AdaptiveCard) => Buffer.byteLength(JSON.stringify(c), 'utf8');

function build(m: Catalog, lang: Lang, input: PublishPreviewInput, form: Form): AdaptiveCard {
  const t = m.public;
  const cut = (s: string, max: number) => (form === 'full' ? s : clip(s, max));
  const hideable =
    form === 'minimal' ? input.hideable.filter((h) => h.kind === 'commitment') : form === 'brief' ? input.hideable.filter((h) => h.kind === 'commitment' || h.kind === 'action') : input.hideable;
  const v = input.version;
  const offered = new Set(hideable.map((h) => h.key));
  const hiddenHere = input.hidden.filter((k) => offered.has(k)).length;
  // Left out earlier without a choice on this card: carried in the buttons' data instead.
  const keep = input.hidden.filter((k) => !offered.has(k)).join(',');
  // Always present on the preview's own buttons, so "nothing ticked" is told apart from "opened from the promise card".
  const kept = { keep };
  const commitments: CardElement[] = v.commitments.map((c) =>
    container(
      [
        text(cut(c.text, 120), { weight: 'Bolder' }),
        note(`${t.responsible}: ${m.promise.parties[c.responsible]} · ${t.districts}: ${c.districts.join(', ') || t.allDistricts}`),
        form === 'brief' || form === 'minimal' ? note(t.counts(c.counts.total, c.counts.late, c.counts.done + c.counts.doneLate)) : null,
        ...(form === 'brief' || form === 'minimal' ? [] : c.actions).flatMap((a) => {
          const latest = a.followUps.at(-1);
          return [
            text(`• ${cut(a.text, 80)} — ${statusText(m, a.status)}, ${t.due.toLowerCase()} ${a.due}`, { size: 'Small' }),
            latest && form === 'full' ? text(`${meetingLabel(latest.tertial, lang)}: ${latest.text}${latest.count !== undefined ? ` (${latest.count})` : ''}`, { size: 'Small', isSubtle: true, spacing: 'None' }) : null,
          ].filter((e): e is CardElement => e !== null);
        }),
      ],
      { separator: true, spacing: 'Medium' },
    ),
  );
  const goals: CardElement[] = v.goals.map((g) =>
    container([
      text(t.goalHeading(g.district), { weight: 'Bolder' }),
      ...g.statements.map((st) => text(`• ${cut(st, 100)}`, { size: 'Small' })),
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
      form === 'full' ? null : note(t.compactNote),
      hideable.length
        ? {
            type: 'Input.ChoiceSet',
            id: 'hidden',
            label: t.hideLabel,
            isMultiSelect: true,
            style: 'expanded',
            value: input.hidden.filter((k) => offered.has(k)).join(','),
            choices: hideable.map((h) => ({ title: `${t.hideKinds[h.kind]}: ${clip(h.label, form === 'full' ? 90 : form === 'compact' ? 50 : 40)}`, value: h.key })),
          }
        : null,
    ],
    [
      execute(t.confirm, 'public.confirm', { promiseId: input.promiseId, basedOn: input.basedOn, previewed: input.fingerprint, ...kept }, { style: 'positive' }),
      execute(t.refresh, 'public.preview', { promiseId: input.promiseId, ...kept }),
      execute(t.cancel, 'promise.show', { promiseId: input.promiseId }),
    ],
  );
}
