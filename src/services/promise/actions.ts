/**
 * Use-cases of action items (åtgärder): a chair records one (often a meeting's decision),
 * a chair changes its text, owner, due date or commitment or deletes it, and its owner
 * (or a chair) updates status and the follow-up for a meeting.
 *
 * The promise is one record, so writes go through `mutate` (retried when another item
 * changed meanwhile) with the revision of the item the card showed: a change to that
 * item since the card was drawn is refused as a stale write, as with forum answers.
 */
import { DomainError, notAllowed, notFound, staleWrite } from '../../domain/errors.js';
import { nextActionId, removeAction } from '../../domain/promise/actionRemoval.js';
import { applyActionUpdate } from '../../domain/promise/actionStatus.js';
import type { ActionFormValue, ActionUpdateFormValue } from '../../domain/promise/actionForm.js';
import { actionsOf, findAction, type ActionItem, type CitizenPromise, type Commitment } from '../../domain/promise/promise.js';
import { actionRevision } from '../../domain/promise/revision.js';
import { canEditPromise, canUpdateAction } from '../../domain/promise/transitions.js';
import type { Stored } from '../../store/versionedRepository.js';
import type { Services } from '../services.js';
import type { PromiseActor } from './actor.js';
import { rescheduleActionReminders } from './reminders.js';

export interface SavedAction {
  stored: Stored<CitizenPromise>;
  commitment: Commitment;
  action: ActionItem;
}

export { actionRevision };

function saved(stored: Stored<CitizenPromise> | null, actionId: string): SavedAction {
  const found = stored ? findAction(stored.data, actionId) : undefined;
  if (!stored || !found) throw new DomainError('conflict', 'action vanished');
  return { stored, ...found };
}

export async function createAction(s: Services, promiseId: string, form: ActionFormValue, actor: PromiseActor): Promise<SavedAction> {
  let actionId = '';
  const stored = await s.repos.promises.mutate(promiseId, actor.id, 'action.create', (p) => {
    if (!p) throw notFound('promise', promiseId);
    if (!canEditPromise(p, actor)) throw notAllowed('add action item');
    if (!p.commitments.some((c) => c.id === form.commitmentId)) throw notFound('commitment', form.commitmentId);
    actionId = nextActionId(p);
    const action: ActionItem = { id: actionId, text: form.text, ownerAadObjectId: form.ownerAadObjectId, ownerName: form.ownerName, due: form.due, status: 'ej_paborjad', followUps: [] };
    return { ...p, commitments: p.commitments.map((c) => (c.id === form.commitmentId ? { ...c, actions: [...c.actions, action] } : c)) };
  });
  const result = saved(stored, actionId);
  await rescheduleActionReminders(s, result.stored.data, undefined, result.action);
  return result;
}

/** A chair changes text, owner, due date or commitment (moving the item keeps its history). */
export async function editAction(s: Services, promiseId: string, actionId: string, rev: string, form: ActionFormValue, actor: PromiseActor): Promise<SavedAction> {
  let before: ActionItem | undefined;
  const stored = await s.repos.promises.mutate(promiseId, actor.id, `action.edit ${actionId}`, (p) => {
    if (!p) throw notFound('promise', promiseId);
    if (!canEditPromise(p, actor)) throw notAllowed('edit action item');
    const found = findAction(p, actionId);
    if (!found) throw notFound('action', actionId);
    if (actionRevision(found.action) !== rev) throw staleWrite('action', actionId, 0);
    if (!p.commitments.some((c) => c.id === form.commitmentId)) throw notFound('commitment', form.commitmentId);
    before = found.action;
    const changed: ActionItem = { ...found.action, text: form.text, ownerAadObjectId: form.ownerAadObjectId, ownerName: form.ownerName, due: form.due };
    const without = p.commitments.map((c) => ({ ...c, actions: c.actions.filter((a) => a.id !== actionId) }));
    return {
      ...p,
      commitments: without.map((c) => {
        if (c.id !== form.commitmentId) return c;
        // Staying in the same commitment keeps the item's place in the list.
        if (found.commitment.id === c.id) return { ...c, actions: found.commitment.actions.map((a) => (a.id === actionId ? changed : a)) };
        return { ...c, actions: [...c.actions, changed] };
      }),
    };
  });
  const result = saved(stored, actionId);
  await rescheduleActionReminders(s, result.stored.data, before, result.action);
  return result;
}

/** Status and follow-up by the owner or a chair; `meetingId` is the meeting the follow-up is for. */
export async function updateAction(
  s: Services,
  promiseId: string,
  actionId: string,
  rev: string,
  update: ActionUpdateFormValue,
  meetingId: string,
  actor: PromiseActor,
): Promise<SavedAction> {
  let before: ActionItem | undefined;
  const stored = await s.repos.promises.mutate(promiseId, actor.id, `action.update ${actionId}`, (p) => {
    if (!p) throw notFound('promise', promiseId);
    const found = findAction(p, actionId);
    if (!found) throw notFound('action', actionId);
    const who = { isChair: actor.isChair, aadObjectId: actor.aadObjectId };
    // Role first: someone who may not change the item learns nothing from a stale check.
    if (!canUpdateAction(found.action, who, p)) throw notAllowed('update action item');
    if (actionRevision(found.action) !== rev) throw staleWrite('action', actionId, 0);
    before = found.action;
    const next = applyActionUpdate(found.action, { ...update, meetingId }, who, s.clock(), s.config.TIMEZONE);
    return { ...p, commitments: p.commitments.map((c) => ({ ...c, actions: c.actions.map((a) => (a.id === actionId ? next : a)) })) };
  });
  const result = saved(stored, actionId);
  await rescheduleActionReminders(s, result.stored.data, before, result.action);
  return result;
}

export interface DeletedAction {
  stored: Stored<CitizenPromise>;
  /** The item as it was, with the commitment it belonged to. */
  commitment: Commitment;
  action: ActionItem;
}

/**
 * A chair deletes an item (follow-ups included): refused for non-chairs, an avslutat
 * promise, an unknown or already deleted id, and a card whose revision of the item is
 * stale. Its queued reminders are removed; one that is running finds the item gone.
 */
export async function deleteAction(s: Services, promiseId: string, actionId: string, rev: string, actor: PromiseActor): Promise<DeletedAction> {
  if (!actor.isChair) throw notAllowed('delete action item');
  let removed: { commitment: Commitment; action: ActionItem } | undefined;
  const stored = await s.repos.promises.mutate(promiseId, actor.id, `action.delete ${actionId}`, (p) => {
    if (!p) throw notFound('promise', promiseId);
    const r = removeAction(p, actionId, rev, actor);
    removed = { commitment: r.commitment, action: r.action };
    return r.promise;
  });
  if (!stored || !removed) throw new DomainError('conflict', 'promise unchanged');
  await rescheduleActionReminders(s, stored.data, removed.action, undefined);
  return { stored, ...removed };
}

export interface OwnedAction {
  promise: CitizenPromise;
  commitment: Commitment;
  action: ActionItem;
}

/** Every item this person owns in promises still followed up. */
export async function actionsOwnedBy(s: Services, aadObjectId: string | undefined): Promise<OwnedAction[]> {
  if (!aadObjectId) return [];
  const promises = (await s.repos.promises.list()).filter((p) => p.data.status !== 'avslutat');
  return promises.flatMap((p) => actionsOf(p.data).filter((x) => x.action.ownerAadObjectId === aadObjectId).map((x) => ({ promise: p.data, ...x })));
}
