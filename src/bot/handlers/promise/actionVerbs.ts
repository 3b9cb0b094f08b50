/**
 * Action.Execute handlers of action items. Roles are checked here (a chair adds, edits
 * and deletes; the owner or a chair updates), again in the services, and identity is the
 * activity's aadObjectId — never card data.
 */
import type { AdaptiveCard } from '../../../../cards/kit.js';
import { card, execute, text } from '../../../../cards/kit.js';
import { myActionsCard } from '../../../../cards/promise/myActionsCard.js';
import type { VerbData } from '../../../../cards/verbs.js';
import { parseActionForm, parseActionUpdateForm } from '../../../domain/promise/actionForm.js';
import { findAction } from '../../../domain/promise/promise.js';
import { canEditPromise, canUpdateAction } from '../../../domain/promise/transitions.js';
import { actionsOwnedBy, createAction, deleteAction, editAction, updateAction } from '../../../services/promise/actions.js';
import { knownOwners } from '../../../services/promise/people.js';
import { currentFollowUpMeetingId } from '../../../services/promise/followUp.js';
import { todayOf } from '../../../services/promise/today.js';
import type { RequestContext } from '../../requestContext.js';
import { refusal } from '../../refusal.js';
import { meetingLabel } from '../../../../cards/promise/labels.js';
import { actorOf, isReason, requireChair, stringValues, viewerOf } from './guards.js';
import { actionDeleteView, actionFormView, actionUpdateView, missingActionCard, promiseView } from './views.js';

const actionFields = ['text', 'owner', 'due', 'commitment'] as const;
const updateFields = ['status', 'followUp', 'count'] as const;

async function formContext(rc: RequestContext, promiseId: string) {
  const promise = await rc.s.repos.promises.require(promiseId);
  return { today: todayOf(rc.s), knownOwners: await knownOwners(rc.s), commitmentIds: promise.data.commitments.map((c) => c.id) };
}

const decisionsOf = (rc: RequestContext, meetingId: string | undefined) => (meetingId ? { meetingId, meetingLabel: meetingLabel(meetingId, rc.lang) } : undefined);

export async function newAction(rc: RequestContext, data: VerbData<'action.new'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const decisions = decisionsOf(rc, data.meetingId);
  return actionFormView(rc, data.promiseId, { ...(data.commitmentId ? { commitmentId: data.commitmentId } : {}), ...(decisions ? { decisionsMeeting: decisions } : {}) });
}

export async function createActionVerb(rc: RequestContext, data: VerbData<'action.create'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const raw = data as Record<string, unknown>;
  const decisions = decisionsOf(rc, data.meetingId);
  const parsed = parseActionForm(raw, await formContext(rc, data.promiseId));
  if (!parsed.ok) {
    return refusal(await actionFormView(rc, data.promiseId, { values: stringValues(raw, actionFields), errors: parsed.fieldErrors, ...(decisions ? { decisionsMeeting: decisions } : {}) }));
  }
  const saved = await createAction(rc.s, data.promiseId, parsed.value, actorOf(rc));
  const done = rc.m.promise.actionCreated(saved.action.text, saved.action.ownerName, saved.action.due);
  // After a meeting the chair records one decision after another: give back an empty form.
  if (decisions) return actionFormView(rc, data.promiseId, { decisionsMeeting: decisions, values: { commitment: saved.commitment.id }, banner: done, bannerIsWarning: false });
  return promiseView(rc, data.promiseId, { text: done });
}

export async function openActionEdit(rc: RequestContext, data: VerbData<'action.edit'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const promise = await rc.s.repos.promises.require(data.promiseId);
  // The edit card offers Save and Delete: an avslutat promise gets neither.
  if (!canEditPromise(promise.data, viewerOf(rc))) return promiseView(rc, data.promiseId, { text: rc.m.promise.closedNoChange, warning: true });
  return actionFormView(rc, data.promiseId, { actionId: data.actionId });
}

export async function saveActionVerb(rc: RequestContext, data: VerbData<'action.save'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const raw = data as Record<string, unknown>;
  const parsed = parseActionForm(raw, await formContext(rc, data.promiseId));
  if (!parsed.ok) return refusal(await actionFormView(rc, data.promiseId, { actionId: data.actionId, values: stringValues(raw, actionFields), errors: parsed.fieldErrors }));
  try {
    await editAction(rc.s, data.promiseId, data.actionId, data.rev, parsed.value, actorOf(rc));
    return await promiseView(rc, data.promiseId, { text: rc.m.promise.actionSaved });
  } catch (e) {
    if (isReason(e, 'stale-write')) return actionFormView(rc, data.promiseId, { actionId: data.actionId, banner: rc.m.errors.staleWrite });
    // Deleted since the edit card was drawn (actionFormView says so).
    if (isReason(e, 'not-found') && e.details.entity === 'action') return actionFormView(rc, data.promiseId, { actionId: data.actionId });
    throw e;
  }
}

export async function askDeleteAction(rc: RequestContext, data: VerbData<'action.deleteAsk'>): Promise<AdaptiveCard> {
  requireChair(rc);
  return actionDeleteView(rc, data.promiseId, data.actionId);
}

export async function deleteActionVerb(rc: RequestContext, data: VerbData<'action.deleteConfirm'>): Promise<AdaptiveCard> {
  requireChair(rc);
  try {
    await deleteAction(rc.s, data.promiseId, data.actionId, data.rev, actorOf(rc));
    return await promiseView(rc, data.promiseId, { text: rc.m.promise.actionDeleted });
  } catch (e) {
    // A follow-up written since the confirmation was drawn: ask again with the new count.
    if (isReason(e, 'stale-write')) return actionDeleteView(rc, data.promiseId, data.actionId, { banner: rc.m.errors.staleWrite });
    // Already deleted (two chairs), never an item, or the promise closed meanwhile: the view says which.
    if ((isReason(e, 'not-found') && e.details.entity === 'action') || isReason(e, 'not-allowed')) return actionDeleteView(rc, data.promiseId, data.actionId);
    throw e;
  }
}

/** Refusal for someone who is neither the owner nor a chair: say so, change nothing. */
function ownerOnlyCard(rc: RequestContext): AdaptiveCard {
  return card([text(rc.m.promise.ownerOnly, { color: 'Attention' })], [execute(rc.m.promise.myActions, 'action.mine', {})]);
}

export async function openActionUpdate(rc: RequestContext, data: VerbData<'action.open'>): Promise<AdaptiveCard> {
  const promise = await rc.s.repos.promises.require(data.promiseId);
  const found = findAction(promise.data, data.actionId);
  if (!found) return missingActionCard(rc, promise.data, data.actionId);
  if (!canUpdateAction(found.action, { isChair: rc.roles.chair, aadObjectId: rc.aadObjectId }, promise.data)) {
    return promise.data.status === 'avslutat' ? card([text(rc.m.promise.closedNoChange, { color: 'Attention' })]) : ownerOnlyCard(rc);
  }
  return actionUpdateView(rc, data.promiseId, data.actionId);
}

export async function updateActionVerb(rc: RequestContext, data: VerbData<'action.update'>): Promise<AdaptiveCard> {
  const raw = data as Record<string, unknown>;
  const promise = await rc.s.repos.promises.require(data.promiseId);
  const found = findAction(promise.data, data.actionId);
  if (!found) return missingActionCard(rc, promise.data, data.actionId);
  if (!canUpdateAction(found.action, { isChair: rc.roles.chair, aadObjectId: rc.aadObjectId }, promise.data)) {
    return promise.data.status === 'avslutat' ? card([text(rc.m.promise.closedNoChange, { color: 'Attention' })]) : ownerOnlyCard(rc);
  }
  // The meeting id comes from card data: only the current follow-up meeting or a real one.
  if (data.meetingId !== (await currentFollowUpMeetingId(rc.s)) && !(await rc.s.repos.meetings.get(data.meetingId))) return card([text(rc.m.errors.badCard, { color: 'Attention' })]);
  const parsed = parseActionUpdateForm(raw);
  if (!parsed.ok) return refusal(await actionUpdateView(rc, data.promiseId, data.actionId, { values: stringValues(raw, updateFields), errors: parsed.fieldErrors }));
  try {
    await updateAction(rc.s, data.promiseId, data.actionId, data.rev, parsed.value, data.meetingId, actorOf(rc));
    return await actionUpdateView(rc, data.promiseId, data.actionId, { banner: rc.m.promise.actionUpdated, bannerIsWarning: false });
  } catch (e) {
    if (isReason(e, 'stale-write')) return actionUpdateView(rc, data.promiseId, data.actionId, { banner: rc.m.errors.staleWrite });
    if (isReason(e, 'not-allowed')) return ownerOnlyCard(rc);
    if (isReason(e, 'not-found') && e.details.entity === 'action') return missingActionCard(rc, (await rc.s.repos.promises.require(data.promiseId)).data, data.actionId);
    if (isReason(e, 'invalid-input')) return refusal(await actionUpdateView(rc, data.promiseId, data.actionId, { values: stringValues(raw, updateFields), errors: e.details.fieldErrors ?? {} }));
    throw e;
  }
}

export async function myActions(rc: RequestContext): Promise<AdaptiveCard> {
  return myActionsCard(rc.m, await actionsOwnedBy(rc.s, rc.aadObjectId), todayOf(rc.s));
}
