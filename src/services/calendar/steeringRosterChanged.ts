import { conversationKey } from '../../domain/conversation.js';
import { STEERING_ID } from '../../domain/steering.js';
import { listMeetings, meetingStart } from '../meetings.js';
import type { Services } from '../services.js';
import { enqueueCalendarSync } from './enqueueCalendarSync.js';

/**
 * People joined or left the team of the steering channel (a standard channel's roster is
 * the team's). Someone who left is no longer a steering member; with Graph on, the events
 * of the meetings still ahead get their attendee lists refreshed.
 */
export async function steeringRosterChanged(s: Services, change: { teamId: string; removedAadIds: readonly string[]; occasion: string }): Promise<boolean> {
  const steering = await s.repos.steering.get(STEERING_ID);
  if (!steering) return false;
  const conv = await s.repos.conversations.get(conversationKey(steering.data.conversationId));
  if (conv?.data.teamId !== change.teamId && steering.data.conversationId !== change.teamId) return false;

  const removed = new Set(change.removedAadIds.map((id) => id.toLowerCase()));
  if (removed.size > 0) {
    await s.repos.steering.mutate(STEERING_ID, 'system:roster', 'members-left', (cur) =>
      cur && cur.memberIds.some((id) => removed.has(id.toLowerCase())) ? { ...cur, memberIds: cur.memberIds.filter((id) => !removed.has(id.toLowerCase())) } : null,
    );
  }
  if (!s.config.GRAPH_ENABLED) return true;
  const now = s.clock().getTime();
  for (const m of await listMeetings(s)) {
    if (m.data.status !== 'confirmed' || meetingStart(s, m.data).start.getTime() < now) continue;
    await enqueueCalendarSync(s, m.data, { refreshAttendees: true, occasion: `roster-${change.occasion}` });
  }
  return true;
}
