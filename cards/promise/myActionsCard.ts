import { effectiveStatus } from '../../src/domain/promise/actionStatus.js';
import type { ActionItem, CitizenPromise, Commitment } from '../../src/domain/promise/promise.js';
import type { Catalog } from '../../src/i18n/index.js';
import { actionSet, card, container, execute, note, text, title, type AdaptiveCard } from '../kit.js';
import { statusText } from './labels.js';

/** An owner's items (or a follow-up request listing them), each with its update button. */
export function myActionsCard(
  m: Catalog,
  items: readonly { promise: Pick<CitizenPromise, 'id' | 'title'>; commitment: Pick<Commitment, 'text'>; action: ActionItem }[],
  today: string,
  lead?: string,
): AdaptiveCard {
  const t = m.promise;
  return card([
    lead ? text(lead) : null,
    title(t.myActionsTitle),
    items.length === 0 ? text(t.myActionsNone) : null,
    ...items.map(({ promise, commitment, action }) =>
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
}
