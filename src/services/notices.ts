import { conversationKey } from '../domain/conversation.js';
import { STEERING_ID } from '../domain/steering.js';
import { safeJobId, type NoticeTemplate } from '../../jobs/queues.js';
import { PACING_SHARE } from '../store/sendPacer.js';
import type { Services } from './services.js';

/**
 * Enqueues one proactive notice. The job id is deterministic per (template, subject,
 * occasion, conversation), so a retried caller never sends the same notice twice.
 */
export async function enqueueNotice(
  s: Services,
  conversationId: string,
  template: NoticeTemplate,
  subject: NoticeSubject,
): Promise<string> {
  const [id] = await enqueueNotices(s, [{ conversationId, template, subject }]);
  return id!;
}

/** One notice to send: where, which template, about what. */
export interface Notice {
  conversationId: string;
  template: NoticeTemplate;
  subject: NoticeSubject;
}

/** The notices of one event, added to the queue together (one round trip); returns their job ids. */
export async function enqueueNotices(s: Services, notices: Notice[]): Promise<string[]> {
  if (notices.length === 0) return [];
  const priorities = await notifyPriorities(s, notices.length);
  const jobs = notices.map(({ conversationId, template, subject }, i) => {
    const jobId = noticeJobId(template, subject, conversationId);
    const { meetingId, forumId, cardKey, aboutConversationId, updateOnly } = subject;
    return {
      name: template,
      data: {
        conversationId,
        template,
        ...(meetingId ? { meetingId } : {}),
        ...(forumId ? { forumId } : {}),
        ...(cardKey ? { cardKey } : {}),
        ...(aboutConversationId ? { aboutConversationId } : {}),
        ...(updateOnly ? { updateOnly } : {}),
      },
      opts: { jobId, attempts: s.config.NOTIFY_ATTEMPTS, priority: priorities[i]! },
    };
  });
  if (jobs.length === 1) await s.queues.notify.add(jobs[0]!.name, jobs[0]!.data, jobs[0]!.opts);
  else await s.queues.notify.addBulk(jobs);
  return jobs.map((j) => j.opts.jobId);
}

/**
 * Priorities for `count` notify jobs of this organisation (`s.fairnessKey`), by virtual time at
 * one tenant's send rate: its jobs queue behind its own backlog, not behind another's. Every
 * notify job needs one: BullMQ runs un-prioritised jobs before all prioritised ones.
 */
export async function notifyPriorities(s: Services, count: number): Promise<number[]> {
  return s.fairness.next('notify', s.fairnessKey ?? 'default', notifyIntervalMs(s), s.clock().getTime(), count);
}

/** One tenant's time between sends at the paced rate: the unit of notify priorities. */
export const notifyIntervalMs = (s: Pick<Services, 'config'>): number => 1000 / (s.config.NOTIFY_RATE_PER_SECOND * PACING_SHARE);

/** What a notice is about (ids only) and the occasion that makes its job id unique. */
export interface NoticeSubject {
  meetingId?: string;
  forumId?: string;
  occasion: string;
  /** Keep the posted card's activity id under this key and update it in place later. */
  cardKey?: string;
  aboutConversationId?: string;
  /** Only refresh the card already posted under `cardKey` (see NotifyJob.updateOnly). */
  updateOnly?: boolean;
}

/** Deterministic per (template, subject, occasion, conversation): the same notice is one job. */
export function noticeJobId(template: NoticeTemplate, subject: Pick<NoticeSubject, 'meetingId' | 'forumId' | 'occasion'>, conversationId: string): string {
  return safeJobId('n', template, subject.meetingId ?? 'none', subject.forumId ?? 'all', subject.occasion, conversationKey(conversationId));
}

/** Notice to the steering channel, when one is registered; returns false otherwise. */
export async function notifySteering(s: Services, template: NoticeTemplate, subject: NoticeSubject): Promise<boolean> {
  const steering = await s.repos.steering.get(STEERING_ID);
  if (!steering) return false;
  await enqueueNotice(s, steering.data.conversationId, template, subject);
  return true;
}
