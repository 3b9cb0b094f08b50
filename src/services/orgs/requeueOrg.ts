import { isFinal } from '../../domain/promise/actionStatus.js';
import { actionsOf } from '../../domain/promise/promise.js';
import { ensureTimeline } from '../meetings.js';
import { scheduleActionReminders } from '../promise/reminders.js';
import type { Services } from '../services.js';

/** Queues every future timeline step and action-item reminder of the organisation from its records (idempotent). */
export async function requeueOrg(s: Services): Promise<{ timeline: number; reminders: number }> {
  let timeline = 0;
  let reminders = 0;
  for (const m of await s.repos.meetings.list()) {
    const r = await ensureTimeline(s, m.data);
    timeline += r.added.length;
  }
  for (const p of await s.repos.promises.list()) {
    if (p.data.status === 'avslutat') continue;
    for (const { action } of actionsOf(p.data)) {
      if (isFinal(action.status)) continue;
      await scheduleActionReminders(s, p.data, action);
      reminders++;
    }
  }
  return { timeline, reminders };
}
