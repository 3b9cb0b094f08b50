import { safeJobId } from '../../../jobs/queues.js';
import type { MeetingRecord } from '../../domain/meeting.js';
import { enqueueNotice, notifyPriorities, notifySteering, type Notice } from '../notices.js';
import type { Services } from '../services.js';
import { enqueueProgressUpdate } from './progress.js';

/** The card of one forum's inspel for one meeting: posted once, then updated in place. */
export const promptCardKey = (meetingId: string, forumId: string) => `prompt.${meetingId}.${forumId}`;

/**
 * Posts the inspel card to every active forum (T−21, or a chair's `skicka inspel`).
 * A forum whose card was already posted gets that card updated, never a second one.
 * `occasion` makes each run's jobs distinct while staying idempotent within the run.
 */
export async function promptForums(s: Services, meeting: MeetingRecord, occasion: string): Promise<number> {
  const forums = (await s.repos.forums.list()).filter((f) => f.data.active);
  const priorities = await notifyPriorities(s, forums.length);
  for (const [i, f] of forums.entries()) {
    await s.queues.notify.add(
      'input.prompt',
      { conversationId: f.data.conversationId, template: 'input.prompt', meetingId: meeting.id, forumId: f.id, cardKey: promptCardKey(meeting.id, f.id) },
      { jobId: safeJobId('n', 'input.prompt', meeting.id, f.id, occasion), attempts: s.config.NOTIFY_ATTEMPTS, priority: priorities[i]! },
    );
  }
  if (forums.length > 0) {
    await notifySteering(s, 'input.promptsSent', { meetingId: meeting.id, occasion });
    await enqueueProgressUpdate(s, meeting.id);
  }
  return forums.length;
}

/** Re-renders one forum's card for everyone (after an answer or an edit). */
export async function refreshPromptCard(s: Services, meetingId: string, forumId: string, conversationId: string): Promise<void> {
  const n = await promptRefreshNotice(s, meetingId, forumId, conversationId);
  await enqueueNotice(s, n.conversationId, n.template, n.subject);
}

/** `refreshPromptCard`'s notice, for a caller that adds it with other notices. */
export async function promptRefreshNotice(s: Services, meetingId: string, forumId: string, conversationId: string): Promise<Notice> {
  const generation = await s.repos.markers.incr('promptgen', `${meetingId}.${forumId}`);
  return { conversationId, template: 'input.prompt', subject: { meetingId, forumId, occasion: `g${generation}`, cardKey: promptCardKey(meetingId, forumId) } };
}
