import { STEERING_ID } from '../domain/steering.js';
import type { RequestContext } from './requestContext.js';

/**
 * Acting in the steering channel or a forum's channel proves membership there; remember
 * it so the same person is recognised in a 1:1 chat too.
 */
export async function recordMembership(rc: RequestContext): Promise<void> {
  const aad = rc.aadObjectId;
  if (!aad) return;
  // Known people (name, last seen) are who a chair can make an action item's owner.
  if (rc.userName) await rc.s.repos.people.seen(aad, rc.userName);
  const steering = rc.steering?.data;
  if (steering && steering.conversationId === rc.conversationId && !steering.memberIds.includes(aad)) {
    await rc.s.repos.steering.mutate(STEERING_ID, aad, 'member-seen', (cur) =>
      cur && !cur.memberIds.includes(aad) ? { ...cur, memberIds: [...cur.memberIds, aad] } : null,
    );
  }
  for (const f of rc.forums) {
    if (f.data.active && f.data.conversationId === rc.conversationId && !f.data.memberIds.includes(aad)) {
      await rc.s.repos.forums.mutate(f.id, aad, 'member-seen', (cur) => (cur && !cur.memberIds.includes(aad) ? { ...cur, memberIds: [...cur.memberIds, aad] } : null));
    }
  }
}
