// The Agents Playground's world for `npm run demo` and the conversation records that let
// the bot reach its channels and chats (shared by both municipalities' seeds).
import { conversationKey, type ConversationRecord } from '../src/domain/conversation.js';
import type { Services } from '../src/services/services.js';
import { buildPlaygroundConfig, type PlaygroundConfig } from '../test/e2e/harness.js';
import { isInventedConversation } from './demo-connector.mjs';

const ACTOR = 'demo-seed';

/** The Playground's world for the demo: the harness's users and tenant, Linköping's team. */
export const DEMO_PLAYGROUND: PlaygroundConfig = buildPlaygroundConfig({
  personalChat: { id: 'demo-personal-chat' },
  // Kinnestad's steering group: the Playground has one team (Linköping's), so the
  // neighbour municipality meets in the group chat (a chat's own binding beats a team's).
  groupChat: { id: 'demo-chat-kinnestad-styrgruppen', name: 'Styrgruppen Kinnestad' },
  team: {
    id: 'demo-team-samverkan',
    name: 'Samverkan Linköping',
    aadGroupId: 'e2e0e2e0-0000-4000-8000-0000000000d1',
    channels: [{ id: 'demo-channel-styrgruppen', name: 'Styrgruppen' }],
  },
});

export interface SeedConversation {
  conversationId: string;
  kind: ConversationRecord['kind'];
  teamId?: string;
  teamName?: string;
  channelName?: string;
}

/**
 * The conversation records of the demo's channels and chats: created once; later runs only
 * refresh the connector URL (the demo's ports change) and revive invented channels.
 */
export async function upsertConversations(s: Services, conversations: SeedConversation[], opts: { serviceUrl: string; locale: string }): Promise<number> {
  const pg = DEMO_PLAYGROUND;
  let convCreated = 0;
  for (const c of conversations) {
    const key = conversationKey(c.conversationId);
    if (!(await s.repos.conversations.get(key))) convCreated++;
    const reference = {
      bot: { id: pg.bot.id, name: pg.bot.name },
      conversation: { id: c.conversationId, conversationType: c.kind, tenantId: pg.tenantId, ...(c.kind === 'personal' ? {} : { isGroup: true }) },
      channelId: 'msteams',
      serviceUrl: opts.serviceUrl,
    };
    await s.repos.conversations.mutate(key, ACTOR, 'seed', (cur) => {
      const next: ConversationRecord = {
        conversationId: c.conversationId,
        kind: c.kind,
        tenantId: pg.tenantId,
        teamId: c.teamId ?? cur?.teamId,
        teamName: c.teamName ?? cur?.teamName,
        channelName: c.channelName ?? cur?.channelName,
        reference: cur ? { ...cur.reference, serviceUrl: opts.serviceUrl } : reference,
        // An invented channel is always reachable now (the demo answers for it): one that an
        // earlier demo turned inactive (before the demo answered for them) is active again.
        active: isInventedConversation(c.conversationId) ? true : (cur?.active ?? true),
        installedAt: cur?.installedAt ?? s.clock().toISOString(),
        ...(cur?.removedAt && !isInventedConversation(c.conversationId) ? { removedAt: cur.removedAt } : {}),
        locale: cur?.locale ?? opts.locale,
      };
      return JSON.stringify(next) === JSON.stringify(cur) ? null : next;
    });
  }
  return convCreated;
}
