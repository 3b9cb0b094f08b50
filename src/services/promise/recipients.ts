import { STEERING_ID } from '../../domain/steering.js';
import type { Services } from '../services.js';
import { personalChatsOf } from '../people/personalChats.js';

/**
 * Where to reach a person proactively: their 1:1 chat with the bot when they have one,
 * otherwise the steering channel, where the notice @mentions them.
 */
export interface Reach {
  conversationId: string;
  personal: boolean;
}

export async function personalConversationOf(s: Services, aadObjectId: string): Promise<string | undefined> {
  return (await personalChatsOf(s.repos.conversations, aadObjectId))[0]?.data.conversationId;
}

export async function reach(s: Services, aadObjectId: string): Promise<Reach | undefined> {
  const personal = await personalConversationOf(s, aadObjectId);
  if (personal) return { conversationId: personal, personal: true };
  const steering = await s.repos.steering.get(STEERING_ID);
  return steering ? { conversationId: steering.data.conversationId, personal: false } : undefined;
}

/** Chairs from configuration and those added by a chair. */
export async function chairIds(s: Services): Promise<string[]> {
  const steering = await s.repos.steering.get(STEERING_ID);
  return [...new Set([...s.config.CHAIR_IDS, ...(steering?.data.extraChairIds ?? [])])];
}

/**
 * Where a notice for all chairs goes: each chair's 1:1 chat, and the steering channel
 * once for the chairs who have none (so nobody gets it twice).
 */
export async function chairTargets(s: Services): Promise<string[]> {
  const targets = new Set<string>();
  let needsChannel = false;
  for (const id of await chairIds(s)) {
    const personal = await personalConversationOf(s, id);
    if (personal) targets.add(personal);
    else needsChannel = true;
  }
  const steering = await s.repos.steering.get(STEERING_ID);
  if ((needsChannel || targets.size === 0) && steering) targets.add(steering.data.conversationId);
  return [...targets];
}
