import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference, TurnContext } from 'botbuilder';
import { SendDeferred, type OutboundSender } from '../../jobs/processors/notify.js';
import type { Platform } from '../services/platform.js';
import { stampActivity } from './stampOrg.js';
import { UNKNOWN_TENANT, type SendPacer } from '../store/sendPacer.js';
import { renderNotice } from './notices.js';

/** The tenant a conversation belongs to, whose budget of Teams' global limit a send to it spends. */
export function tenantOfReference(reference: Record<string, unknown>): string {
  const tenantId = (reference.conversation as { tenantId?: unknown } | undefined)?.tenantId;
  return typeof tenantId === 'string' && tenantId ? tenantId : UNKNOWN_TENANT;
}

/** Sends queued notices through the adapter (the only proactive path to Teams). */
export function createSender(platform: Platform, adapter: TeamsAdapter, pacer?: SendPacer): OutboundSender {
  const s = platform;
  return {
    async pushBack(reference, ms) {
      await pacer?.pushBack(tenantOfReference(reference), ms);
    },
    async send(job, reference, locale, existing, turn) {
      // The tenant's slot first: a job with none for its turn goes back to the queue before
      // any rendering (a backlog passes here about twice per message).
      const tenant = tenantOfReference(reference);
      const slot = pacer ? await pacer.reserve(tenant, s.config.NOTIFY_MAX_PACE_WAIT_MS, turn) : undefined;
      if (slot && !slot.reserved) throw new SendDeferred(Math.max(1, slot.waitMs));
      const due = performance.now() + (slot?.waitMs ?? 0);
      const org = await platform.orgs.forJob(job);
      if (!org) return undefined;
      const rendered = await renderNotice(org, job, locale);
      if (!rendered) return undefined;
      // Its buttons act in the organisation the notice came from, whatever chat it lands in.
      const activity = stampActivity(rendered, org.org.id);
      let id: string | undefined;
      // The adapter hands errors inside the callback to onTurnError, which swallows them;
      // a failed send must fail the job (to be retried), so it is caught here and rethrown.
      let failure: unknown;
      // A card that is a reply in a channel thread is updated through the thread's conversation id.
      const target = existing?.conversationId
        ? { ...reference, conversation: { ...(reference.conversation as object), id: existing.conversationId } }
        : reference;
      await adapter.continueConversationAsync(s.config.BOT_ID ?? '', target as Partial<ConversationReference>, async (ctx) => {
        try {
          prepareClient(ctx, s.config.CONNECTOR_TIMEOUT_SECONDS * 1000);
          // As late as possible: the spacing Teams sees is the spacing of these requests. Until
          // the slot, then through the gate, which counts the moments of sending.
          const left = due - performance.now();
          if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
          await pacer?.admit(tenant);
          if (existing) {
            await ctx.updateActivity({ ...activity, id: existing.activityId });
            id = existing.activityId;
            return;
          }
          // A notice is a new message (sendToConversation), not a reply to the synthetic continuation activity.
          ctx.onSendActivities(async (_c, activities, next) => {
            for (const a of activities) delete a.replyToId;
            return next();
          });
          id = (await ctx.sendActivity(activity))?.id;
        } catch (e) {
          failure = e;
        }
      });
      if (failure) throw failure;
      return id;
    },
  };
}

interface PipelineRequest {
  timeout: number;
}
interface Pipeline {
  removePolicy(o: { phase: string }): unknown;
  addPolicy(p: { name: string; sendRequest(req: PipelineRequest, next: (req: PipelineRequest) => Promise<unknown>): Promise<unknown> }): void;
  getOrderedPolicies(): { name: string }[];
}

const TIMEOUT_POLICY = 'samverkanConnectorTimeout';

/**
 * The connector client retries 429/5xx by itself, outside our per-conversation limiter and
 * after our retry bookkeeping. For queued sends BullMQ owns retries (backoff, Retry-After,
 * dead-letter), so the client's own retry policy is removed from its pipeline. And it
 * waits forever by default: a hung connection would hold the job, so each request gets
 * a timeout (the job then fails and is retried).
 */
function prepareClient(ctx: TurnContext, timeoutMs: number): void {
  const adapter = ctx.adapter as { ConnectorClientKey?: symbol };
  const connector = adapter.ConnectorClientKey ? (ctx.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: Pipeline } } | undefined) : undefined;
  const pipeline = connector?.client?.pipeline;
  if (!pipeline) return;
  pipeline.removePolicy({ phase: 'Retry' });
  if (!pipeline.getOrderedPolicies().some((p) => p.name === TIMEOUT_POLICY)) {
    pipeline.addPolicy({
      name: TIMEOUT_POLICY,
      sendRequest: (req, next) => {
        if (!req.timeout) req.timeout = timeoutMs;
        return next(req);
      },
    });
  }
}
