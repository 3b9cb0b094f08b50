import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { OutboundSender } from '../../jobs/processors/notify.js';
import type { Services } from '../services/services.js';
import { renderNotice } from './notices.js';

/** Sends queued notices through the adapter (the only proactive path to Teams). */
export function createSender(s: Services, adapter: TeamsAdapter): OutboundSender {
  return {
    async send(job, reference, locale, existingActivityId) {
      const activity = await renderNotice(s, job, locale);
      if (!activity) return undefined;
      let id: string | undefined;
      // The adapter hands errors inside the callback to onTurnError, which swallows them;
      // a failed send must fail the job (to be retried), so it is caught here and rethrown.
      let failure: unknown;
      await adapter.continueConversationAsync(s.config.BOT_ID ?? '', reference as Partial<ConversationReference>, async (ctx) => {
        try {
          withoutClientRetries(ctx);
          if (existingActivityId) {
            await ctx.updateActivity({ ...activity, id: existingActivityId });
            id = existingActivityId;
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

/**
 * The connector client retries 429/5xx by itself, outside our per-conversation limiter and
 * after our retry bookkeeping. For queued sends BullMQ owns retries (backoff, Retry-After,
 * dead-letter), so the client's own retry policy is removed from its pipeline.
 */
function withoutClientRetries(ctx: TurnContext): void {
  const adapter = ctx.adapter as { ConnectorClientKey?: symbol };
  const connector = adapter.ConnectorClientKey ? (ctx.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(o: { phase: string }): unknown } } } | undefined) : undefined;
  connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}
