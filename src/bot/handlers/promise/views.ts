/** Cards drawn from the store for the current user: the promise, forms prefilled from records. */
import { actionFormCard, type ActionFormValues } from '../../../../cards/promise/actionFormCard.js';
import { actionDeleteCard } from '../../../../cards/promise/actionDeleteCard.js';
import { actionUpdateCard } from '../../../../cards/promise/actionUpdateCard.js';
import { commitmentFormCard } from '../../../../cards/promise/commitmentFormCard.js';
import { followUpCard } from '../../../../cards/promise/followUpCard.js';
import { card, execute, text, type AdaptiveCard } from '../../../../cards/kit.js';
import { noPromiseCard, promiseCard } from '../../../../cards/promise/promiseCard.js';
import type { FieldErrors } from '../../../domain/errors.js';
import { effectiveStatus } from '../../../domain/promise/actionStatus.js';
import { wasRemoved } from '../../../domain/promise/actionRemoval.js';
import { findAction, type CitizenPromise } from '../../../domain/promise/promise.js';
import { canEditPromise } from '../../../domain/promise/transitions.js';
import { actionRevision } from '../../../services/promise/actions.js';
import { buildFollowUp, currentFollowUpMeetingId, reportLinks } from '../../../services/promise/followUp.js';
import { knownOwners } from '../../../services/promise/people.js';
import { commitmentRevision, findCurrentPromise, listPromises } from '../../../services/promise/promises.js';
import { todayOf } from '../../../services/promise/today.js';
import type { RequestContext } from '../../requestContext.js';
import { viewerOf } from './guards.js';

export async function promiseView(rc: RequestContext, promiseId?: string, lead?: { text: string; warning?: boolean }): Promise<AdaptiveCard> {
  const all = await listPromises(rc.s);
  const shown = promiseId ? all.find((p) => p.id === promiseId) : await findCurrentPromise(rc.s);
  if (!shown) return noPromiseCard(rc.m, rc.roles.chair, lead?.text);
  const others = all.filter((p) => p.id !== shown.id).map((p) => ({ id: p.id, title: p.data.title, status: p.data.status }));
  return promiseCard(rc.m, {
    promise: shown.data,
    version: shown.version,
    today: todayOf(rc.s),
    viewer: viewerOf(rc),
    others,
    ...(lead ? { lead: lead.text, leadIsWarning: lead.warning ?? false } : {}),
  });
}

/** Why an item id names no item: a chair deleted it (its cards live on), or it never did (forged). */
export function missingActionText(rc: RequestContext, promise: Pick<CitizenPromise, 'removedActionIds'>, actionId: string): string {
  return wasRemoved(promise, actionId) ? rc.m.promise.actionRemoved : rc.m.promise.actionUnknown;
}

/** The answer to an owner's button on a missing item: say so, show nothing of the promise, change nothing. */
export function missingActionCard(rc: RequestContext, promise: Pick<CitizenPromise, 'removedActionIds'>, actionId: string): AdaptiveCard {
  return card([text(missingActionText(rc, promise, actionId), { color: 'Attention' })], [execute(rc.m.promise.myActions, 'action.mine', {})]);
}

export async function commitmentFormView(
  rc: RequestContext,
  promiseId: string,
  commitmentId: string | undefined,
  opts: { values?: Record<string, string>; errors?: FieldErrors; banner?: string } = {},
): Promise<AdaptiveCard> {
  const promise = await rc.s.repos.promises.require(promiseId);
  const malbilder = (await rc.s.repos.malbilder.list()).map((m) => ({ id: m.id, district: m.data.district }));
  const ctx = { promiseId, districts: rc.s.config.DISTRICTS, malbilder };
  const existing = commitmentId ? promise.data.commitments.find((c) => c.id === commitmentId) : undefined;
  if (commitmentId && !existing) return promiseView(rc, promiseId);
  const values = opts.values ?? (existing ? { text: existing.text, responsible: existing.responsible, districts: existing.districts.join(','), malbild: existing.malbildId ?? '' } : undefined);
  return commitmentFormCard(rc.m, ctx, {
    ...(existing ? { existing: { commitmentId: existing.id, rev: commitmentRevision(existing) } } : {}),
    ...(values ? { values } : {}),
    ...(opts.errors ? { errors: opts.errors } : {}),
    ...(opts.banner ? { banner: opts.banner } : {}),
  });
}

export async function actionFormView(
  rc: RequestContext,
  promiseId: string,
  opts: {
    actionId?: string;
    commitmentId?: string;
    decisionsMeeting?: { meetingId: string; meetingLabel: string };
    values?: ActionFormValues;
    errors?: FieldErrors;
    banner?: string;
    bannerIsWarning?: boolean;
  } = {},
): Promise<AdaptiveCard> {
  const promise = await rc.s.repos.promises.require(promiseId);
  const found = opts.actionId ? findAction(promise.data, opts.actionId) : undefined;
  if (opts.actionId && !found) return promiseView(rc, promiseId, { text: missingActionText(rc, promise.data, opts.actionId), warning: true });
  const ctx = { promiseId, commitments: promise.data.commitments, owners: await knownOwners(rc.s), today: todayOf(rc.s) };
  const values: ActionFormValues | undefined =
    opts.values ??
    (found
      ? { text: found.action.text, owner: found.action.ownerAadObjectId, due: found.action.due, commitment: found.commitment.id }
      : opts.commitmentId
        ? { commitment: opts.commitmentId }
        : undefined);
  return actionFormCard(rc.m, ctx, {
    ...(found ? { existing: { actionId: found.action.id, rev: actionRevision(found.action) } } : {}),
    ...(opts.decisionsMeeting ? { decisions: opts.decisionsMeeting } : {}),
    ...(values ? { values } : {}),
    ...(opts.errors ? { errors: opts.errors } : {}),
    ...(opts.banner ? { banner: opts.banner, bannerIsWarning: opts.bannerIsWarning ?? true } : {}),
  });
}

export async function actionUpdateView(
  rc: RequestContext,
  promiseId: string,
  actionId: string,
  opts: { values?: Record<string, string>; errors?: FieldErrors; banner?: string; bannerIsWarning?: boolean } = {},
): Promise<AdaptiveCard> {
  const promise = await rc.s.repos.promises.require(promiseId);
  const found = findAction(promise.data, actionId);
  if (!found) return missingActionCard(rc, promise.data, actionId);
  const meetingId = await currentFollowUpMeetingId(rc.s);
  return actionUpdateCard(
    rc.m,
    rc.lang,
    { promiseId, commitment: found.commitment, action: found.action, rev: actionRevision(found.action), meetingId, shownStatus: effectiveStatus(found.action, todayOf(rc.s)) },
    { ...opts },
  );
}

/** A chair's confirmation before deleting an item, drawn from the newest version (chairs only: the caller checks). */
export async function actionDeleteView(rc: RequestContext, promiseId: string, actionId: string, opts: { banner?: string } = {}): Promise<AdaptiveCard> {
  const promise = await rc.s.repos.promises.require(promiseId);
  if (!canEditPromise(promise.data, viewerOf(rc))) return promiseView(rc, promiseId, { text: rc.m.promise.closedNoChange, warning: true });
  const found = findAction(promise.data, actionId);
  if (!found) return promiseView(rc, promiseId, { text: missingActionText(rc, promise.data, actionId), warning: true });
  return actionDeleteCard(rc.m, { promiseId, commitment: found.commitment, action: found.action, rev: actionRevision(found.action) }, opts);
}

export async function followUpView(rc: RequestContext, promiseId: string | undefined, meetingId: string | undefined, scope: 'meeting' | 'period'): Promise<AdaptiveCard> {
  const promise = promiseId ? await rc.s.repos.promises.get(promiseId) : await findCurrentPromise(rc.s);
  if (!promise) return noPromiseCard(rc.m, rc.roles.chair);
  const meeting = meetingId ?? (await currentFollowUpMeetingId(rc.s));
  const doc = await buildFollowUp(rc.s, promise.data, meeting, scope);
  const links = reportLinks(rc.s, promise.id, scope === 'meeting' ? meeting : undefined, rc.lang);
  return followUpCard(rc.m, rc.lang, doc, links, rc.s.config.REPORT_LINK_TTL_MINUTES);
}
