import type { TeamsAdapter } from '@microsoft/teams-ai';
import { TeamsInfo, type ConversationReference, type TeamsChannelAccount } from 'botbuilder';
import { conversationKey } from '../domain/conversation.js';
import { STEERING_ID } from '../domain/steering.js';
import type { RosterMember, RosterSource } from '../services/calendar/attendees.js';
import type { Services } from '../services/services.js';

const PAGE_SIZE = 500;
/** A steering group is a handful of people; this only stops a runaway continuation. */
const MAX_PAGES = 20;

/**
 * The steering channel's members as Teams lists them (GET …/pagedmembers through the
 * Bot Connector): for a standard channel the team's members, for a private one its own.
 * null when no steering channel is registered or the bot is no longer in it.
 */
export function createSteeringRoster(adapter: TeamsAdapter): RosterSource {
  return {
    async steeringMembers(s: Services) {
      const steering = await s.repos.steering.get(STEERING_ID);
      if (!steering) return null;
      const conv = await s.repos.conversations.get(conversationKey(steering.data.conversationId));
      if (!conv?.data.active) return null;
      const members: TeamsChannelAccount[] = [];
      let failure: unknown;
      // Errors inside the callback would go to onTurnError and be swallowed; keep them.
      await adapter.continueConversationAsync(s.config.BOT_ID ?? '', conv.data.reference as Partial<ConversationReference>, async (ctx) => {
        try {
          let token: string | undefined;
          for (let page = 0; page < MAX_PAGES; page++) {
            const result = await TeamsInfo.getPagedMembers(ctx, PAGE_SIZE, token);
            members.push(...result.members);
            token = result.continuationToken;
            if (!token) break;
          }
        } catch (e) {
          failure = e;
        }
      });
      if (failure) throw failure instanceof Error ? failure : new Error('roster request failed');
      const roster = members.flatMap((m): RosterMember[] => (m.aadObjectId ? [{ aadObjectId: m.aadObjectId, name: m.name || undefined }] : []));
      // They are the steering group: known people, so chairs can make them action item owners.
      for (const m of roster) if (m.name) await s.repos.people.seen(m.aadObjectId, m.name);
      return roster;
    },
  };
}
