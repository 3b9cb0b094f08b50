/**
 * A chair deletes an action item recorded by mistake. Its follow-up entries go with it
 * (the confirmation says how many). Its id is kept as removed, so a later item never gets
 * the same id: old update cards, reminder jobs and their done markers name items by id,
 * and must not start to point at a different item.
 */
import { notAllowed, notFound, staleWrite } from '../errors.js';
import { nextId } from './currentPromise.js';
import { actionsOf, findAction, type ActionItem, type CitizenPromise, type Commitment } from './promise.js';
import { actionRevision } from './revision.js';
import { canEditPromise, type ChairActor } from './transitions.js';

export interface RemovedAction {
  promise: CitizenPromise;
  /** The commitment it was removed from, as it was before. */
  commitment: Commitment;
  /** The item as it was (for its reminders). */
  action: ActionItem;
}

/**
 * The promise without the item. Throws, in this order: 'not-allowed' for a non-chair or
 * an avslutat promise (before anything else, so a refused user learns nothing about the
 * item), 'not-found' for an id that is not an item (any more), and 'stale-write' when
 * the item changed since the card showed revision `rev`. Only the item's own revision
 * counts: owners updating other items do not make the chair's card stale.
 */
export function removeAction(promise: CitizenPromise, actionId: string, rev: string, actor: Pick<ChairActor, 'isChair'>): RemovedAction {
  if (!canEditPromise(promise, actor)) throw notAllowed('delete action item');
  const found = findAction(promise, actionId);
  if (!found) throw notFound('action', actionId);
  if (actionRevision(found.action) !== rev) throw staleWrite('action', actionId, 0);
  return {
    promise: {
      ...promise,
      commitments: promise.commitments.map((c) => (c.id === found.commitment.id ? { ...c, actions: c.actions.filter((a) => a.id !== actionId) } : c)),
      removedActionIds: [...(promise.removedActionIds ?? []), actionId],
    },
    commitment: found.commitment,
    action: found.action,
  };
}

/** Whether an id named an item of this promise that a chair deleted. */
export function wasRemoved(promise: Pick<CitizenPromise, 'removedActionIds'>, actionId: string): boolean {
  return promise.removedActionIds?.includes(actionId) ?? false;
}

/** The id of a new item: never one in use, nor one of a deleted item. */
export function nextActionId(promise: CitizenPromise): string {
  return nextId('x', [...actionsOf(promise).map((a) => a.action.id), ...(promise.removedActionIds ?? [])]);
}
