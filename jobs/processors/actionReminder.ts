import { UnrecoverableError, type Job } from 'bullmq';
import { sendActionReminder } from '../../src/services/promise/reminders.js';
import type { Services } from '../../src/services/services.js';
import { actionReminderJobSchema, type ActionReminderJob } from '../queues.js';

/**
 * Fires one action item reminder: the service re-reads the item (it may be done, moved or
 * reassigned since the job was queued), picks the owner's 1:1 chat or the steering
 * channel, and enqueues the notice. A done marker makes each reminder happen once.
 */
export function createActionReminderProcessor(s: Services) {
  return async (job: Job<ActionReminderJob>): Promise<string> => {
    const parsed = actionReminderJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid action reminder job data');
    const outcome = await sendActionReminder(s, parsed.data);
    s.log.info({ promiseId: parsed.data.promiseId, actionId: parsed.data.actionId, kind: parsed.data.kind, outcome }, 'action reminder');
    return outcome;
  };
}
