import { ensureTimeline } from '../src/services/meetings.js';
import type { Services } from '../src/services/services.js';

/** Re-creates any timeline job that is missing (lost Redis data, a bug, a manual delete). */
export async function reconcileTimelines(s: Services): Promise<{ meetings: number; added: number }> {
  let added = 0;
  const meetings = await s.repos.meetings.list();
  for (const m of meetings) {
    if (m.data.status !== 'confirmed') continue;
    const r = await ensureTimeline(s, m.data);
    added += r.added.length;
  }
  return { meetings: meetings.length, added };
}
