import { conversationKey } from '../../../src/domain/conversation.js';
import { proposeYearPlan } from '../../../src/domain/calendar/yearPlan.js';
import type { MeetingRecord } from '../../../src/domain/meeting.js';
import { confirmPlan } from '../../../src/services/meetings.js';
import type { Services } from '../../../src/services/services.js';
import { BOT, TENANT } from '../../support/activities.js';

/** A stored conversation reference, as an install would have left it. */
export async function seedConversation(s: Services, conversationId: string, serviceUrl: string, kind: 'channel' | 'personal' = 'channel'): Promise<void> {
  const reference = {
    bot: BOT,
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, conversationType: kind, tenantId: TENANT, isGroup: kind !== 'personal' },
    locale: 'sv-SE',
  };
  await s.repos.conversations.create(conversationKey(conversationId), { conversationId, kind, tenantId: TENANT, reference, active: true, installedAt: s.clock().toISOString(), locale: 'sv-SE', ...(kind === 'channel' ? { channelName: 'Allmänt', teamName: 'Trygghet' } : {}) }, 'seed');
}

/**
 * Many forums at once, written straight to the store (a fan-out test needs hundreds, not
 * a realistic history): each with its channel's conversation reference, plus a confirmed
 * year of meetings. Returns the first meeting and the forums' channel ids.
 */
export async function seedForumsDirect(s: Services, serviceUrl: string, count: number, year: number): Promise<{ meeting: MeetingRecord; channels: string[] }> {
  const channels: string[] = [];
  const district = s.config.DISTRICTS[0]!;
  for (let i = 0; i < count; i++) {
    const conversationId = `19:fanout-${i}@thread.tacv2`;
    channels.push(conversationId);
    await seedConversation(s, conversationId, serviceUrl);
    await s.repos.forums.create(`forum-${i}`, { id: `forum-${i}`, name: `Forum nummer ${i}`, kind: 'trygghetsrad', districts: [district], contacts: [], conversationId, active: true, memberIds: [] }, 'seed');
  }
  const proposal = proposeYearPlan(year, s.planSettings);
  const [first] = await confirmPlan(s, year, proposal.map((p) => ({ index: p.index, date: p.date, time: p.time })), 'seed');
  return { meeting: first!.data, channels };
}
