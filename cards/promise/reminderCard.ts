import type { ActionItem } from '../../src/domain/promise/promise.js';
import type { Catalog } from '../../src/i18n/index.js';
import { card, execute, text, type AdaptiveCard } from '../kit.js';

/**
 * An owner's reminder. In a channel it @mentions the owner: Teams renders `<at>name</at>`
 * in a card as a mention when `msteams.entities` names the person (by Entra object id).
 */
export function reminderCard(m: Catalog, input: { promiseId: string; action: ActionItem; kind: 'due7' | 'due0'; mention: boolean }): AdaptiveCard {
  const t = m.promise;
  const a = input.action;
  const mentionText = `<at>${a.ownerName}</at>`;
  const body = input.kind === 'due7' ? t.reminder7(a.text, a.due) : t.reminderDue(a.text, a.due);
  const c = card([input.mention ? text(t.mentionLead(mentionText)) : null, text(body)], [execute(t.update, 'action.open', { promiseId: input.promiseId, actionId: a.id })]);
  if (!input.mention) return c;
  return {
    ...c,
    msteams: { ...c.msteams, entities: [{ type: 'mention', text: mentionText, mentioned: { id: a.ownerAadObjectId, name: a.ownerName } }] },
  };
}
