import { effectiveStatus } from '../../src/domain/promise/actionStatus.js';
import type { ActionItem, CitizenPromise, Commitment } from '../../src/domain/promise/promise.js';
import type { Catalog } from '../../src/i18n/index.js';
import { actionSet, card, container, execute, note, text, title, type AdaptiveCard } from '../kit.js';
import { statusText } from './labels.js';

/** An owner's items (or a follow-up request listing them), each with its update button; `mention` @mentions the owner in a channel. */
export function myActionsCard(
  m: Catalog,
  items: readonly { promise: Pick<CitizenPromise, 'id' | 'title'>; commitment: Pick<Commitment, 'text'>; action: ActionItem }[],
  today: string,
  lead?: string,
  mention?: { aadObjectId: string; name: string },
): AdaptiveCard {
  const t = m.promise;
  const mentionText = mention ? `<at>${mention.name}</at>` : '';
  const c = card([
    lead ? text(mention ? `${t.mentionLead(mentionText)} ${lead}` : lead) : null,
    title(t.myActionsTitle),
    items.length === 0 ? text(t.myActionsNone) : null,
    // Someone with very many items gets the first ones (by due date), and the card stays small.
    ...[...items].sort((a, b) => a.action.due.localeCompare(b.action.due)).slice(0, 40).map(({ promise, commitment, action }) =>
      container(
        [
          text(`**${action.text}**`),
          note(`${commitment.text} · ${promise.title}`),
          note(t.actionMeta(action.ownerName, action.due, statusText(m, effectiveStatus(action, today)))),
          actionSet([execute(t.update, 'action.open', { promiseId: promise.id, actionId: action.id })]),
        ],
        { separator: true },
      ),
    ),
  ]);
  // In a channel the owner is @mentioned (Teams resolves the Entra object id), as with reminders.
  return mention ? { ...c, msteams: { ...c.msteams, entities: [{ type: 'mention', text: mentionText, mentioned: { id: mention.aadObjectId, name: mention.name } }] } } : c;
}
