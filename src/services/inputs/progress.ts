import { STEERING_ID } from '../../domain/steering.js';
import { enqueueNotice, type Notice } from '../notices.js';
import type { Services } from '../services.js';

export const progressCardKey = (meetingId: string) => `progress.${meetingId}`;

/**
 * Updates the steering channel's progress card. Each call gets its own generation, and
 * the worker renders the store's current state, so the last update always shows all answers.
 */
export async function enqueueProgressUpdate(s: Services, meetingId: string): Promise<void> {
  const steering = await s.repos.steering.get(STEERING_ID);
  if (!steering) return;
  const n = await progressUpdateNotice(s, meetingId, steering.data.conversationId);
  await enqueueNotice(s, n.conversationId, n.template, n.subject);
}

/** The progress card's update as a notice, for a caller that knows the steering channel and adds it with other notices. */
export async function progressUpdateNotice(s: Services, meetingId: string, steeringConversationId: string): Promise<Notice> {
  const generation = await s.repos.markers.incr('progressgen', meetingId);
  return { conversationId: steeringConversationId, template: 'input.progress', subject: { meetingId, occasion: `g${generation}`, cardKey: progressCardKey(meetingId) } };
}
