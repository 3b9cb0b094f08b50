import { markOverdue } from '../../domain/promise/actionStatus.js';
import type { Services } from '../services.js';
import { todayOf } from './today.js';

/**
 * The nightly tick: items past their due date get the stored status försenad, so exports
 * and other readers of the raw record agree with what the cards show (they already use
 * effectiveStatus). Written as the 'system' actor, one audit line per promise.
 */
export async function markOverdueActions(s: Services): Promise<{ promises: number; marked: number }> {
  const today = todayOf(s);
  let marked = 0;
  const promises = await s.repos.promises.list();
  for (const p of promises) {
    if (p.data.status === 'avslutat' || markOverdue(p.data.commitments.flatMap((c) => c.actions), today).length === 0) continue;
    await s.repos.promises.mutate(p.id, 'system', 'action.overdue', (cur) => {
      if (!cur || cur.status === 'avslutat') return null;
      const ids = new Set(markOverdue(cur.commitments.flatMap((c) => c.actions), today));
      if (ids.size === 0) return null;
      marked += ids.size;
      return { ...cur, commitments: cur.commitments.map((c) => ({ ...c, actions: c.actions.map((a) => (ids.has(a.id) ? { ...a, status: 'forsenad' as const } : a)) })) };
    });
  }
  return { promises: promises.length, marked };
}
