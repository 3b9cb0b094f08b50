/**
 * The weekly digest to the chairs: what is late and what falls due soon, so they see it
 * without asking anyone.
 */
import { addDays, compareIsoDates, daysBetween, type IsoDate } from '../calendar/localDate.js';
import { effectiveStatus, isFinal } from './actionStatus.js';
import { actionsOf, type ActionStatus, type CitizenPromise, type Commitment, type ActionItem } from './promise.js';

export interface DigestItem {
  actionId: string;
  text: string;
  commitmentId: string;
  commitmentText: string;
  ownerAadObjectId: string;
  ownerName: string;
  due: IsoDate;
  status: ActionStatus;
  /** Days from today to the due date: negative when late (−3 = three days late). */
  daysUntilDue: number;
}

export interface WeeklyDigest {
  late: DigestItem[];
  upcoming: DigestItem[];
}

/**
 * Late: every item whose effective status is försenad. Upcoming: open items due from
 * today through today + horizonDays. Both sorted by due date, then document order.
 * An avslutat promise is no longer followed up, so its digest is empty.
 */
export function weeklyDigest(promise: CitizenPromise, today: IsoDate, horizonDays = 14): WeeklyDigest {
  if (promise.status === 'avslutat') return { late: [], upcoming: [] };
  const horizon = addDays(today, horizonDays);
  const items = actionsOf(promise).map(({ commitment, action }) => digestItem(commitment, action, today));
  const byDue = (a: DigestItem, b: DigestItem) => compareIsoDates(a.due, b.due); // stable sort keeps document order
  return {
    late: items.filter((i) => i.status === 'forsenad').sort(byDue),
    upcoming: items
      .filter((i) => i.status !== 'forsenad' && !isFinal(i.status) && compareIsoDates(i.due, today) >= 0 && compareIsoDates(i.due, horizon) <= 0)
      .sort(byDue),
  };
}

function digestItem(commitment: Commitment, action: ActionItem, today: IsoDate): DigestItem {
  return {
    actionId: action.id,
    text: action.text,
    commitmentId: commitment.id,
    commitmentText: commitment.text,
    ownerAadObjectId: action.ownerAadObjectId,
    ownerName: action.ownerName,
    due: action.due,
    status: effectiveStatus(action, today),
    daysUntilDue: daysBetween(today, action.due),
  };
}
