import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference } from 'botbuilder';
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
      await adapter.continueConversationAsync(s.config.BOT_ID ?? '', reference as Partial<ConversationReference>, async (ctx) => {
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
      });
      return id;
    },
  };
}
