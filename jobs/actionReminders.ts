import type { OrgQueue } from './orgQueues.js';
import type { ActionReminderKind } from '../src/domain/promise/reminders.js';
import { actionReminderKinds } from '../src/domain/promise/reminders.js';
import { safeJobId, type ActionReminderJob } from './queues.js';

/**
 * Delayed reminder jobs of one action item. The id names the due date, so moving the due
 * date gives new ids (the old jobs are removed) and re-adding the same reminder is a no-op.
 */
export const actionReminderJobId = (promiseId: string, actionId: string, kind: ActionReminderKind, due: string) => safeJobId('ar', promiseId, actionId, kind, due);

export interface PlannedReminder {
  kind: ActionReminderKind;
  at: Date;
}

/** Adds the reminders not yet queued; returns the kinds added. */
export async function addActionReminders(
  queue: OrgQueue<ActionReminderJob>,
  ids: { promiseId: string; actionId: string; due: string },
  reminders: readonly PlannedReminder[],
  now: Date,
): Promise<ActionReminderKind[]> {
  const added: ActionReminderKind[] = [];
  for (const r of reminders) {
    const jobId = actionReminderJobId(ids.promiseId, ids.actionId, r.kind, ids.due);
    if (await queue.getJob(jobId)) continue;
    await queue.add(r.kind, { ...ids, kind: r.kind }, { jobId, delay: Math.max(0, r.at.getTime() - now.getTime()) });
    added.push(r.kind);
  }
  return added;
}

/** Removes both reminders of an item for one due date (an active job finishes and re-checks the item). */
export async function removeActionReminders(queue: OrgQueue<ActionReminderJob>, ids: { promiseId: string; actionId: string; due: string }): Promise<number> {
  let removed = 0;
  for (const kind of actionReminderKinds) {
    const job = await queue.getJob(actionReminderJobId(ids.promiseId, ids.actionId, kind, ids.due));
    if (!job || (await job.getState()) === 'active') continue;
    await job.remove();
    removed++;
  }
  return removed;
}
