import { STEERING_ID } from '../../domain/steering.js';
import type { Services } from '../services.js';
import { personalChatsOf } from '../people/personalChats.js';

/**
 * Where to reach the chairs: their personal chats with the bot where installed, else the
 * steering channel (once). Never both for the same chair, so nobody gets doubles.
 */
export async function chairConversations(s: Services): Promise<string[]> {
  const steering = await s.repos.steering.get(STEERING_ID);
  const chairIds = new Set([...s.config.CHAIR_IDS, ...(steering?.data.extraChairIds ?? [])].map((id) => id.toLowerCase()));
  const personal = (await Promise.all([...chairIds].map((id) => personalChatsOf(s.repos.conversations, id)))).flat();
  const reached = new Set(personal.map((c) => c.data.userAadObjectId!.toLowerCase()));
  const targets = personal.map((c) => c.data.conversationId);
  if (steering && [...chairIds].some((id) => !reached.has(id))) targets.push(steering.data.conversationId);
  return [...new Set(targets)];
}
