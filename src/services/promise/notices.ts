import { conversationKey } from '../../domain/conversation.js';
import { safeJobId, type NoticeTemplate } from '../../../jobs/queues.js';
import { notifyPriorities } from '../notices.js';
import type { Services } from '../services.js';

/** What a medborgarlöfte notice is about (ids only) and the occasion that makes its job id unique. */
export interface PromiseNoticeSubject {
  promiseId?: string;
  actionId?: string;
  meetingId?: string;
  userAadObjectId?: string;
  occasion: string;
}

/**
 * Enqueues one proactive notice. The job id is deterministic per template, subject,
 * occasion and conversation, so a retried caller never queues the same notice twice.
 */
export async function enqueuePromiseNotice(s: Services, conversationId: string, template: NoticeTemplate, subject: PromiseNoticeSubject): Promise<string> {
  const { promiseId, actionId, meetingId, userAadObjectId, occasion } = subject;
  const jobId = safeJobId('n', template, promiseId ?? 'none', actionId ?? 'none', meetingId ?? 'none', userAadObjectId ?? 'all', occasion, conversationKey(conversationId));
  const [priority] = await notifyPriorities(s, 1);
  await s.queues.notify.add(
    template,
    {
      conversationId,
      template,
      ...(promiseId ? { promiseId } : {}),
      ...(actionId ? { actionId } : {}),
      ...(meetingId ? { meetingId } : {}),
      ...(userAadObjectId ? { userAadObjectId } : {}),
    },
    { jobId, attempts: s.config.NOTIFY_ATTEMPTS, priority: priority! },
  );
  return jobId;
}
