import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { parseRetryAfter } from '../../src/http/retryAfter.js';
import type { PostedCard } from '../../src/store/markers.js';
import type { ConversationRateLimiter } from '../../src/store/conversationRateLimiter.js';
import type { SendTurn } from '../../src/store/sendPacer.js';
import { conversationKey } from '../../src/domain/conversation.js';
import { chairConversations } from '../../src/services/inputs/chairs.js';
import { enqueueNotice } from '../../src/services/notices.js';
import type { Services } from '../../src/services/services.js';
import { notifyJobSchema, type NotifyJob } from '../queues.js';

/** The Teams side of sending, kept behind this interface (src/bot/sender.ts implements it). */
export interface OutboundSender {
  /**
   * Renders the notice for the conversation and sends it — or, with `existing`,
   * updates that message in place. Returns the activity id (undefined: nothing to send).
   */
  send(job: NotifyJob, reference: Record<string, unknown>, locale: string | undefined, existing?: PostedCard, turn?: SendTurn): Promise<string | undefined>;
  /** Teams answered 429 with Retry-After: nothing more to the reference's tenant for `ms`. */
  pushBack?(reference: Record<string, unknown>, ms: number): Promise<void>;
}

/**
 * Thrown by `OutboundSender.send` before any request: the tenant has no slot for this job's
 * turn within NOTIFY_MAX_PACE_WAIT_MS, so the job waits delayed in the queue, not in a worker,
 * until about when it will (`waitMs`).
 */
export class SendDeferred extends Error {
  constructor(readonly waitMs: number) {
    super('send deferred: tenant slot too far away');
    this.name = 'SendDeferred';
  }
}

const UPDATE_ONLY_WAIT_MS = 10 * 60_000;

/** HTTP status of a failed Bot Connector call, however botbuilder wrapped it. */
export function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; status?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.status ?? e?.response?.status;
}

export function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (n: string) => string | undefined } } })?.response?.headers;
  return parseRetryAfter(headers?.get?.('retry-after'));
}

/**
 * Sends one proactive message. A "sent" marker keyed by the job id makes a retry after
 * a crash between sending and completing harmless; 403/404 means the bot was removed.
 * Waiting for a tenant's slot or after its 429 moves the job to delayed (no attempt spent)
 * and never pauses the worker: other tenants' jobs go on.
 */
export function createNotifyProcessor(s: Services, sender: OutboundSender, limiter?: ConversationRateLimiter) {
  return async (job: Job<NotifyJob>, token?: string): Promise<string> => {
    const parsed = notifyJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid notify job data');
    const data = parsed.data;
    const sentKey = job.id ?? '';
    if ((await s.repos.markers.get('sent', sentKey)) !== null) return 'already sent';
    const key = conversationKey(data.conversationId);
    const conv = await s.repos.conversations.get(key);
    if (!conv || !conv.data.active) return 'skipped: conversation inactive';
    // Teams' per-conversation limit: wait for a free slot without spending an attempt.
    const wait = limiter ? await limiter.acquire(key) : 0;
    if (wait > 0) {
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
    const existing = data.cardKey ? ((await s.repos.markers.getCard(data.cardKey)) ?? undefined) : undefined;
    if (data.updateOnly && !existing) {
      // The card this refreshes is not posted yet: wait for it a while; after that its own
      // rendering (which reads the current state) already shows what this would add.
      if (Date.now() - job.timestamp > UPDATE_ONLY_WAIT_MS) return 'skipped: card never posted';
      await job.moveToDelayed(Date.now() + 2_000, token);
      throw new DelayedError();
    }
    // An attempt that died between sending and recording it left this marker: the message
    // may have reached Teams, and is sent again (at-least-once); counted for /metrics.
    if (!(await s.repos.markers.setOnce('sending', sentKey, String(process.pid), 24 * 3600))) await s.repos.metrics.incr('uncertainResends');
    try {
      // Its fair turn in its tenant's schedule: the queue's own order (BullMQ priority).
      const turn: SendTurn = { id: sentKey, turn: job.opts.priority ?? 0 };
      const activityId = await sender.send(data, conv.data.reference, conv.data.locale, existing, turn);
      if (data.cardKey && activityId && !existing) await s.repos.markers.setCard(data.cardKey, activityId);
      await s.repos.markers.set('sent', sentKey, activityId ?? 'sent');
      await s.repos.markers.del('sending', sentKey);
      await s.repos.metrics.observeDelivery(Date.now() - job.timestamp);
      s.log.debug({ jobId: job.id, template: data.template, attempt: job.attemptsMade + 1 }, existing ? 'notice updated' : 'notice sent');
      return existing ? 'updated' : 'sent';
    } catch (error) {
      if (error instanceof SendDeferred) {
        await s.repos.markers.del('sending', sentKey);
        // Back about when its turn's slot comes within reach; its claim keeps its place in the
        // tenant's schedule meanwhile, so later asks with a worse turn do not take that slot.
        await job.moveToDelayed(Date.now() + error.waitMs, token);
        throw new DelayedError();
      }
      const status = statusOf(error);
      // The connector answered, so it did not take the message: the next attempt is not a resend.
      if (status !== undefined) await s.repos.markers.del('sending', sentKey).catch(() => undefined);
      if (status === 429) await s.repos.metrics.incr('connector429');
      if (existing && status === 404) {
        // The card we meant to update is gone (deleted by a user): post a fresh one next time.
        await s.repos.markers.del('card', data.cardKey!);
        throw error;
      }
      if (status === 403 || status === 404) {
        await s.repos.conversations.mutate(key, 'system', 'deactivate', (c) => (c ? { ...c, active: false, removedAt: s.clock().toISOString() } : null));
        s.log.warn({ jobId: job.id, status }, 'conversation gone; marked inactive');
        await tellChairsConversationRemoved(s, data.conversationId);
        throw new UnrecoverableError(`conversation unreachable (${status})`);
      }
      if (status === 429) {
        // Only this tenant is over Teams' limit (or this conversation over its own): the
        // tenant's schedule moves, the job waits, other tenants' sends go on.
        const wait = retryAfterMs(error) ?? 1_000;
        await sender.pushBack?.(conv.data.reference, wait);
        await job.moveToDelayed(Date.now() + wait, token);
        throw new DelayedError();
      }
      if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 412) {
        throw new UnrecoverableError(`connector refused the message (${status})`);
      }
      throw error;
    }
  };
}

/** The bot was removed from a conversation it needs: the chairs hear about it once. */
async function tellChairsConversationRemoved(s: Services, removedConversationId: string): Promise<void> {
  if (!(await s.repos.markers.setOnce('removed-told', conversationKey(removedConversationId), '1', 7 * 24 * 3600))) return;
  for (const target of await chairConversations(s)) {
    if (target === removedConversationId) continue;
    await enqueueNotice(s, target, 'conversation.removed', { occasion: conversationKey(removedConversationId), aboutConversationId: removedConversationId });
  }
}
