/**
 * Owner reminders of action items: queued as delayed jobs when an item is created or its
 * due date moves, fired once each (done marker), sent 1:1 where the owner has a chat with
 * the bot and otherwise in the steering channel with an @mention.
 */
import { addActionReminders, removeActionReminders } from '../../../jobs/actionReminders.js';
import type { ActionReminderJob } from '../../../jobs/queues.js';
import { isFinal } from '../../domain/promise/actionStatus.js';
import { actionsOf, findAction, type ActionItem, type CitizenPromise } from '../../domain/promise/promise.js';
import { pendingActionReminders } from '../../domain/promise/reminders.js';
import type { Services } from '../services.js';
import { enqueuePromiseNotice } from './notices.js';
import { reach } from './recipients.js';

const REMINDER_TIME = '09:00';

export async function scheduleActionReminders(s: Services, promise: CitizenPromise, action: ActionItem): Promise<void> {
  if (promise.status === 'avslutat') return;
  const pending = pendingActionReminders(action, s.clock(), s.config.TIMEZONE, REMINDER_TIME);
  await addActionReminders(s.queues.actions, { promiseId: promise.id, actionId: action.id, due: action.due }, pending, s.clock());
}

/** After an item changed: drop the reminders of an old due date, queue those still worth sending. */
export async function rescheduleActionReminders(s: Services, promise: CitizenPromise, before: ActionItem | undefined, after: ActionItem | undefined): Promise<void> {
  if (before && (!after || before.due !== after.due || isFinal(after.status) || promise.status === 'avslutat')) {
    await removeActionReminders(s.queues.actions, { promiseId: promise.id, actionId: before.id, due: before.due });
  }
  if (after && !isFinal(after.status)) await scheduleActionReminders(s, promise, after);
}

/** Every item of a promise whose status or items changed as a whole (e.g. closed). */
export async function rescheduleAllReminders(s: Services, after: CitizenPromise, before: CitizenPromise): Promise<void> {
  for (const { action } of actionsOf(before)) {
    await rescheduleActionReminders(s, after, action, findAction(after, action.id)?.action);
  }
}

export type ReminderOutcome = 'sent' | 'already sent' | 'skipped: gone' | 'skipped: final' | 'skipped: due moved' | 'skipped: nowhere to send';

/** Called by the reminder job when it fires. */
export async function sendActionReminder(s: Services, job: ActionReminderJob): Promise<ReminderOutcome> {
  const marker = `${job.promiseId}.${job.actionId}.${job.kind}.${job.due}`;
  if ((await s.repos.markers.get('action-reminder', marker)) !== null) return 'already sent';
  const promise = await s.repos.promises.get(job.promiseId);
  const found = promise ? findAction(promise.data, job.actionId) : undefined;
  if (!promise || !found || promise.data.status === 'avslutat') return 'skipped: gone';
  if (isFinal(found.action.status)) return 'skipped: final';
  if (found.action.due !== job.due) return 'skipped: due moved';
  const owner = found.action.ownerAadObjectId;
  const where = await reach(s, owner);
  if (!where) return 'skipped: nowhere to send';
  await enqueuePromiseNotice(s, where.conversationId, job.kind === 'due7' ? 'action.reminder7' : 'action.reminderDue', {
    promiseId: job.promiseId,
    actionId: job.actionId,
    userAadObjectId: owner,
    occasion: `${job.kind}.${job.due}`,
  });
  await s.repos.markers.set('action-reminder', marker, s.clock().toISOString());
  return 'sent';
}
