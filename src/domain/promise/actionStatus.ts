/**
 * The status rules of an åtgärd (action item): when it counts as late, when it was done
 * late, and how an owner's update changes it. Dates are local calendar dates; the
 * caller converts "now" with the steering group's time zone.
 */
import { utcToZoned } from '../calendar/zonedTime.js';
import { compareIsoDates, type IsoDate } from '../calendar/localDate.js';
import { invalidInput, notAllowed } from '../errors.js';
import type { ActionItem, ActionStatus, FollowUpEntry } from './promise.js';
import { canUpdateAction, type ActionActor } from './transitions.js';

/** klar (done) and stoppad (stopped) are final: a final item is never late. */
export function isFinal(status: ActionStatus): boolean {
  return status === 'klar' || status === 'stoppad';
}

/** Past its due date and not final. The due date itself is still on time ("klart senast"). */
export function isOverdue(action: Pick<ActionItem, 'due' | 'status'>, today: IsoDate): boolean {
  return !isFinal(action.status) && compareIsoDates(today, action.due) > 0;
}

/**
 * The status to show: an overdue item is försenad whatever is stored, so lists are right
 * even before the nightly job has run. A stored försenad that is not overdue (the owner
 * said so, or the due date moved) stays försenad: the owner's word counts.
 */
export function effectiveStatus(action: Pick<ActionItem, 'due' | 'status'>, today: IsoDate): ActionStatus {
  return isOverdue(action, today) ? 'forsenad' : action.status;
}

/** Done, but after the due date. */
export function completedLate(action: Pick<ActionItem, 'due' | 'status' | 'completedAt'>): boolean {
  return action.status === 'klar' && action.completedAt !== undefined && compareIsoDates(action.completedAt, action.due) > 0;
}

/** Ids whose stored status the nightly job must set to försenad (already försenad ones are left alone). */
export function markOverdue(actions: readonly ActionItem[], today: IsoDate): string[] {
  return actions.filter((a) => a.status !== 'forsenad' && isOverdue(a, today)).map((a) => a.id);
}

export interface ActionUpdate {
  status?: ActionStatus | undefined;
  /** The follow-up text for `meetingId`; with `count` it replaces that meeting's earlier entry. */
  followUpText?: string | undefined;
  count?: number | undefined;
  meetingId?: string | undefined;
}

/**
 * The item after an owner's (or chair's) update. Throws 'not-allowed' for anyone else,
 * and 'invalid-input' for a follow-up without a meeting or a count without a text.
 * Only the item is at hand here: refusing items of an avslutat promise is the caller's
 * canUpdateAction(action, actor, promise) check.
 *
 * - Becoming klar records today's local date as completedAt; leaving klar removes it,
 *   so completedLate() always describes the current completion.
 * - The follow-up is the whole entry for that meeting (the card is prefilled with the
 *   earlier one), so a new entry replaces the earlier one in place, count included.
 */
export function applyActionUpdate(action: ActionItem, update: ActionUpdate, actor: ActionActor, now: Date, timeZone: string): ActionItem {
  if (!canUpdateAction(action, actor)) throw notAllowed('update action item');
  const today = utcToZoned(now, timeZone).date;
  let next: ActionItem = { ...action };

  if (update.status !== undefined && update.status !== action.status) {
    const { completedAt: _dropped, ...rest } = next;
    next = update.status === 'klar' ? { ...rest, status: 'klar', completedAt: today } : { ...rest, status: update.status };
  }

  const text = update.followUpText?.trim() ?? '';
  if (text === '' && update.count !== undefined) throw invalidInput({ followUp: 'required' });
  if (text !== '') {
    if (!update.meetingId) throw invalidInput({ meetingId: 'required' });
    if (text.length > MAX_FOLLOW_UP) throw invalidInput({ followUp: 'tooLong' });
    if (update.count !== undefined && !(Number.isSafeInteger(update.count) && update.count >= 0)) throw invalidInput({ count: 'notANumber' });
    const entry: FollowUpEntry = {
      meetingId: update.meetingId,
      text,
      ...(update.count !== undefined ? { count: update.count } : {}),
      by: actor.aadObjectId ?? '',
      at: now.toISOString(),
    };
    next = { ...next, followUps: replaceFollowUp(action.followUps, entry) };
  }
  return next;
}

const MAX_FOLLOW_UP = 1000; // as followUpEntrySchema

/** Replaces the entry of the same meeting where it stood (keeps meeting order), or appends. */
function replaceFollowUp(entries: readonly FollowUpEntry[], entry: FollowUpEntry): FollowUpEntry[] {
  const i = entries.findIndex((e) => e.meetingId === entry.meetingId);
  return i < 0 ? [...entries, entry] : entries.map((e, j) => (j === i ? entry : e));
}
