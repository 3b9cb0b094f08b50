/**
 * Who may move a promise through its life and who may change it or its action items.
 * A fastställt (agreed) promise is a public statement: only a chair changes it, and an
 * avslutat (closed) one is history that nobody changes.
 */
import { DomainError, invalidInput, notAllowed } from '../errors.js';
import type { ActionItem, CitizenPromise, PromiseStatus } from './promise.js';

export interface ChairActor {
  isChair: boolean;
  /** aadObjectId, recorded as agreedBy. */
  id: string;
}

/** The only forward steps; there is no way back (a closed promise is reopened by drafting a new one). */
const nextStatus: Record<PromiseStatus, PromiseStatus | null> = {
  utkast: 'faststallt',
  faststallt: 'avslutat',
  avslutat: null,
};

/**
 * The promise with its new status. Refuses non-chairs ('not-allowed') before looking at
 * the step, so a non-chair learns nothing about the promise's state; any step other than
 * the next one is a 'conflict' (typically two chairs pressing the same button).
 */
export function changePromiseStatus(promise: CitizenPromise, to: PromiseStatus, actor: ChairActor, now: Date): CitizenPromise {
  if (!actor.isChair) throw notAllowed('change promise status');
  if (nextStatus[promise.status] !== to) {
    throw new DomainError('conflict', `promise cannot go from ${promise.status} to ${to}`, { entity: 'promise', id: promise.id });
  }
  if (to === 'faststallt') {
    // Agreeing to nothing would publish an empty promise to residents.
    if (promise.commitments.length === 0) throw invalidInput({ commitments: 'noCommitments' });
    return { ...promise, status: to, agreedBy: actor.id, agreedAt: now.toISOString() };
  }
  return { ...promise, status: to };
}

/** Whether the actor may change the promise's text, commitments or action items (not their updates). */
export function canEditPromise(promise: Pick<CitizenPromise, 'status'>, actor: Pick<ChairActor, 'isChair'>): boolean {
  switch (promise.status) {
    case 'utkast':
    case 'faststallt':
      return actor.isChair;
    case 'avslutat':
      return false;
    default: {
      const unhandled: never = promise.status;
      return unhandled;
    }
  }
}

export interface ActionActor {
  isChair: boolean;
  /** Absent when Teams did not say who acted; such an actor owns nothing. */
  aadObjectId?: string | undefined;
}

/**
 * Whether the actor may set status and follow-up on an item: its owner or a chair.
 * Pass the promise to also refuse items of an avslutat promise.
 */
export function canUpdateAction(
  action: Pick<ActionItem, 'ownerAadObjectId'>,
  actor: ActionActor,
  promise?: Pick<CitizenPromise, 'status'>,
): boolean {
  if (promise?.status === 'avslutat') return false;
  if (actor.isChair) return true;
  return actor.aadObjectId !== undefined && actor.aadObjectId !== '' && actor.aadObjectId === action.ownerAadObjectId;
}
