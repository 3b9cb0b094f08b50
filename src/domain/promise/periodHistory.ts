/**
 * The follow-up of a whole promise period: every entry an owner wrote, per action item,
 * in meeting order. The per-meeting report shows one entry; the period report all.
 */
import type { CitizenPromise, FollowUpEntry } from './promise.js';

export function followUpHistory(promise: CitizenPromise): Record<string, FollowUpEntry[]> {
  const out: Record<string, FollowUpEntry[]> = {};
  for (const c of promise.commitments) for (const a of c.actions) out[a.id] = [...a.followUps].sort((x, y) => x.meetingId.localeCompare(y.meetingId, 'en', { numeric: true }));
  return out;
}
