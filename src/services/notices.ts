import { conversationKey } from '../domain/conversation.js';
import { STEERING_ID } from '../domain/steering.js';
import { safeJobId, type NoticeTemplate } from '../../jobs/queues.js';
import type { Services } from './services.js';

/**
 * Enqueues one proactive notice. The job id is deterministic per (template, subject,
 * occasion, conversation), so a retried caller never sends the same notice twice.
 */
export async function enqueueNotice(
  s: Services,
  conversationId: string,
  template: NoticeTemplate,
  subject: { meetingId?: string; occasion: string },
): Promise<string> {
  const jobId = safeJobId('n', template, subject.meetingId ?? 'none', subject.occasion, conversationKey(conversationId));
  await s.queues.notify.add(template, { conversationId, template, ...(subject.meetingId ? { meetingId: subject.meetingId } : {}) }, { jobId, attempts: s.config.NOTIFY_ATTEMPTS });
  return jobId;
}

/** Notice to the steering channel, when one is registered; returns false otherwise. */
export async function notifySteering(s: Services, template: NoticeTemplate, subject: { meetingId?: string; occasion: string }): Promise<boolean> {
  const steering = await s.repos.steering.get(STEERING_ID);
  if (!steering) return false;
  await enqueueNotice(s, steering.data.conversationId, template, subject);
  return true;
}
