import type { AdaptiveCard } from '../../../../cards/kit.js';
import { DomainError, notAllowed } from '../../../domain/errors.js';
import { can } from '../../../domain/roles.js';
import type { PromiseViewer } from '../../../../cards/promise/promiseCard.js';
import type { PromiseActor } from '../../../services/promise/actor.js';
import type { RequestContext } from '../../requestContext.js';

/** The acting person, from the activity (never from card data). */
export function actorOf(rc: RequestContext): PromiseActor {
  return { id: rc.actorId, aadObjectId: rc.aadObjectId, isChair: rc.roles.chair };
}

export function viewerOf(rc: RequestContext): PromiseViewer {
  return { aadObjectId: rc.aadObjectId, isChair: rc.roles.chair, canFollowUp: can(rc.roles, 'viewFollowUp') };
}

/** Card verbs re-check the role: a forged or forwarded card gives no rights. */
export function requireChair(rc: RequestContext): void {
  if (!can(rc.roles, 'editPromise')) throw notAllowed('editPromise');
}

export function requirePermission(rc: RequestContext, permission: Parameters<typeof can>[1]): void {
  if (!can(rc.roles, permission)) throw notAllowed(permission);
}

/** Runs a save; on a stale write, shows what `latest()` draws (the newest version) instead. */
export async function onStale(save: () => Promise<AdaptiveCard>, latest: () => Promise<AdaptiveCard>): Promise<AdaptiveCard> {
  try {
    return await save();
  } catch (e) {
    if (e instanceof DomainError && e.reason === 'stale-write') return latest();
    throw e;
  }
}

export const isReason = (e: unknown, reason: DomainError['reason']): e is DomainError => e instanceof DomainError && e.reason === reason;

/** Card inputs as the strings the form showed, to give them back with the errors. */
export function stringValues<K extends string>(data: Record<string, unknown>, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = data[k];
    if (typeof v === 'string') out[k] = v.slice(0, 2000);
    else if (typeof v === 'number') out[k] = String(v);
  }
  return out;
}
