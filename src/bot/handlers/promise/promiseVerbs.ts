/** Action.Execute handlers of the promise and its commitments (chairs), and the follow-up view. */
import { promiseFormCard } from '../../../../cards/promise/promiseFormCard.js';
import type { AdaptiveCard } from '../../../../cards/kit.js';
import type { VerbData } from '../../../../cards/verbs.js';
import { parseCommitmentForm, parsePromiseForm } from '../../../domain/promise/promiseForm.js';
import { changeStatus, createPromise, editPromise, saveCommitment } from '../../../services/promise/promises.js';
import type { RequestContext } from '../../requestContext.js';
import { refusal } from '../../refusal.js';
import { actorOf, isReason, onStale, requireChair, requirePermission, stringValues } from './guards.js';
import { commitmentFormView, followUpView, promiseView } from './views.js';

const promiseFields = ['title', 'periodFrom', 'periodTo'] as const;
const commitmentFields = ['text', 'responsible', 'districts', 'malbild'] as const;

export async function showPromise(rc: RequestContext, data: VerbData<'promise.show'>): Promise<AdaptiveCard> {
  requirePermission(rc, 'viewPromise');
  return promiseView(rc, data.promiseId);
}

export async function newPromise(rc: RequestContext): Promise<AdaptiveCard> {
  requireChair(rc);
  return promiseFormCard(rc.m);
}

export async function openPromiseEdit(rc: RequestContext, data: VerbData<'promise.edit'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const p = await rc.s.repos.promises.require(data.promiseId);
  return promiseFormCard(rc.m, { existing: { id: p.id, version: p.version, title: p.data.title }, values: { title: p.data.title, periodFrom: p.data.periodFrom, periodTo: p.data.periodTo } });
}

export async function savePromise(rc: RequestContext, data: VerbData<'promise.save'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const raw = data as Record<string, unknown>;
  const values = stringValues(raw, promiseFields);
  const existing = data.promiseId ? await rc.s.repos.promises.require(data.promiseId) : null;
  const existingView = existing ? { id: existing.id, version: data.version ?? existing.version, title: existing.data.title } : undefined;
  const parsed = parsePromiseForm(raw);
  if (!parsed.ok) return refusal(promiseFormCard(rc.m, { ...(existingView ? { existing: existingView } : {}), values, errors: parsed.fieldErrors }));
  if (!existing) {
    const created = await createPromise(rc.s, parsed.value, actorOf(rc));
    return promiseView(rc, created.id, { text: rc.m.promise.promiseCreated(created.data.title) });
  }
  return onStale(
    async () => {
      const saved = await editPromise(rc.s, existing.id, data.version ?? -1, parsed.value, actorOf(rc));
      return promiseView(rc, saved.id, { text: rc.m.promise.promiseSaved });
    },
    async () => {
      const latest = await rc.s.repos.promises.require(existing.id);
      return promiseFormCard(rc.m, {
        existing: { id: latest.id, version: latest.version, title: latest.data.title },
        values: { title: latest.data.title, periodFrom: latest.data.periodFrom, periodTo: latest.data.periodTo },
        banner: rc.m.errors.staleWrite,
      });
    },
  );
}

export async function setPromiseStatus(rc: RequestContext, data: VerbData<'promise.agree'>, to: 'faststallt' | 'avslutat'): Promise<AdaptiveCard> {
  requireChair(rc);
  try {
    const saved = await changeStatus(rc.s, data.promiseId, data.version, to, actorOf(rc));
    return promiseView(rc, saved.id, { text: to === 'faststallt' ? rc.m.promise.promiseAgreed(saved.data.title) : rc.m.promise.promiseClosed(saved.data.title) });
  } catch (e) {
    if (isReason(e, 'stale-write') || isReason(e, 'conflict')) return promiseView(rc, data.promiseId, { text: rc.m.errors.staleWrite, warning: true });
    if (isReason(e, 'invalid-input')) return promiseView(rc, data.promiseId, { text: rc.m.promise.fieldErrors.noCommitments, warning: true });
    throw e;
  }
}

export async function openCommitment(rc: RequestContext, data: VerbData<'promise.commitmentOpen'>): Promise<AdaptiveCard> {
  requireChair(rc);
  return commitmentFormView(rc, data.promiseId, data.commitmentId);
}

export async function saveCommitmentVerb(rc: RequestContext, data: VerbData<'promise.commitmentSave'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const raw = data as Record<string, unknown>;
  const malbildIds = await rc.s.repos.malbilder.ids();
  const parsed = parseCommitmentForm(raw, { districts: rc.s.config.DISTRICTS, malbildIds });
  if (!parsed.ok) return refusal(await commitmentFormView(rc, data.promiseId, data.commitmentId, { values: stringValues(raw, commitmentFields), errors: parsed.fieldErrors }));
  const edit = data.commitmentId ? { commitmentId: data.commitmentId, rev: data.rev ?? '' } : undefined;
  return onStale(
    async () => {
      await saveCommitment(rc.s, data.promiseId, edit, parsed.value, actorOf(rc));
      return promiseView(rc, data.promiseId, { text: rc.m.promise.commitmentSaved });
    },
    () => commitmentFormView(rc, data.promiseId, data.commitmentId, { banner: rc.m.errors.staleWrite }),
  );
}

export async function showFollowUp(rc: RequestContext, data: VerbData<'promise.followUp'>): Promise<AdaptiveCard> {
  requirePermission(rc, 'viewFollowUp');
  return followUpView(rc, data.promiseId, data.meetingId, data.scope ?? 'meeting');
}
