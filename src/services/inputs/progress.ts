import { STEERING_ID } from '../../domain/steering.js';
import { enqueueNotice } from '../notices.js';
import type { Services } from '../services.js';

export const progressCardKey = (meetingId: string) => `progress.${meetingId}`;

/**
 * Updates the steering channel's progress card. Each call gets its own generation, and
 * the worker renders the store's current state, so the last update always shows all answers.
 */
export async function enqueueProgressUpdate(s: Services, meetingId: string): Promise<void> {
  const steering = await s.repos.steering.get(STEERING_ID);
  if (!steering) return;
  const generation = await s.repos.markers.incr('progressgen', meetingId);
  await enqueueNotice(s, steering.data.conversationId, 'input.progress', { meetingId, occasion: `g${generation}`, cardKey: progressCardKey(meetingId) });
}
