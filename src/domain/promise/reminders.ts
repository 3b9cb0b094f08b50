/**
 * When an action item's owner is reminded: seven days before the due date and on the
 * due date, at a wall-clock time in the steering group's zone. Computed per local date
 * and converted with zonedToUtc, so a DST change in between never moves the reminder
 * to 08:00 or 10:00.
 */
import { addDays } from '../calendar/localDate.js';
import { zonedToUtc, type WallTime } from '../calendar/zonedTime.js';
import { isFinal } from './actionStatus.js';
import type { ActionItem } from './promise.js';

export const actionReminderKinds = ['due7', 'due0'] as const;
export type ActionReminderKind = (typeof actionReminderKinds)[number];

export interface ActionReminder {
  kind: ActionReminderKind;
  at: Date;
}

const daysBefore: Record<ActionReminderKind, number> = { due7: 7, due0: 0 };

/** Both reminders of an item, earliest first, whatever its status or the current time. */
export function actionReminderTimes(action: Pick<ActionItem, 'due'>, timeZone: string, time: WallTime = '09:00'): ActionReminder[] {
  return actionReminderKinds.map((kind) => ({ kind, at: zonedToUtc(addDays(action.due, -daysBefore[kind]), time, timeZone) }));
}

/**
 * The reminders still worth scheduling: none for a klar or stoppad item, and none whose
 * time has passed (an item created three days before its due date gets no "one week
 * left" message).
 */
export function pendingActionReminders(
  action: Pick<ActionItem, 'due' | 'status'>,
  now: Date,
  timeZone: string,
  time: WallTime = '09:00',
): ActionReminder[] {
  if (isFinal(action.status)) return [];
  return actionReminderTimes(action, timeZone, time).filter((r) => r.at.getTime() > now.getTime());
}
