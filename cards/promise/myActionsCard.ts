import { effectiveStatus } from '../../src/domain/promise/actionStatus.js';
import type { ActionItem, CitizenPromise, Commitment } from '../../src/domain/promise/promise.js';
import type { Catalog } from '../../src/i18n/index.js';
import { actionSet, card, container, execute, note, text, title, type AdaptiveCard, type CardElement } from '../kit.js';
import { statusText } from './labels.js';

export type OwnedItem = { promise: Pick<CitizenPromise, 'id' | 'title'>; commitment: Pick<Commitment, 'text'>; action: ActionItem };

/** Someone with very many items gets the first ones (by due date), and the card stays small. */
const MAX_ITEMS = 40;

/** One container per item (by due date), each with its update button. */
export function ownedItemBlocks(m: Catalog, items: readonly OwnedItem[], today: string, max = MAX_ITEMS): CardElement[] {
  const t = m.promise;
  return [...items]
    .sort((a, b) => a.action.due.localeCompare(b.action.due))
    .slice(0, max)
    .map(({ promise, commitment, action }) =>
      container(
        [
          text(`**${action.text}**`),
          note(`${commitment.text} · ${promise.title}`),
          note(t.actionMeta(action.ownerName, action.due, statusText(m, effectiveStatus(action, today)))),
          actionSet([execute(t.update, 'action.open', { promiseId: promise.id, actionId: action.id })]),
        ],
        { separator: true },
      ),
    );
}

/** An owner's items (or a follow-up request listing them), each with its update button; `mention` @mentions the owner in a channel. */
export function myActionsCard(m: Catalog, items: readonly OwnedItem[], today: string, lead?: string, mention?: { aadObjectId: string; name: string }): AdaptiveCard {
  const t = m.promise;
  const mentionText = mention ? `<at>${mention.name}</at>` : '';
  const c = card([
    lead ? text(mention ? `${t.mentionLead(mentionText)} ${lead}` : lead) : null,
    title(t.myActionsTitle),
    items.length === 0 ? text(t.myActionsNone) : null,
    ...ownedItemBlocks(m, items, today),
  ]);
  // In a channel the owner is @mentioned (Teams resolves the Entra object id), as with reminders.
  return mention ? { ...c, msteams: { ...c.msteams, entities: [{ type: 'mention', text: mentionText, mentioned: { id: mention.aadObjectId, name: mention.name } }] } } : c;
}

/**
 * A person's items in all their organisations, one section per organisation (by name).
 * Each section's blocks come already stamped with their organisation, so its buttons act there.
 */
export function personActionsCard(m: Catalog, sections: readonly { name: string; blocks: CardElement[] }[]): AdaptiveCard {
  const t = m.promise;
  const shown = sections.filter((x) => x.blocks.length > 0);
  return card([
    title(t.myActionsTitle),
    shown.length === 0 ? text(t.myActionsNone) : null,
    ...shown.flatMap((x) => [container([text(`**${x.name}**`, { size: 'Medium' })], { separator: true }), ...x.blocks]),
  ]);
}
