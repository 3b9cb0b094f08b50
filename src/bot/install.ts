import { TeamsInfo, type TurnContext } from 'botbuilder';
import { conversationKey, type ConversationRecord } from '../domain/conversation.js';
import type { Platform } from '../services/platform.js';
import { baseConversationId, conversationKindOf, referenceFor, teamOf, tenantOf } from './activity.js';

/**
 * Keeps the conversation reference of every conversation the bot hears from, so it can
 * post there later. Written only when something changed, to keep turns cheap.
 */
export async function rememberConversation(s: Platform, ctx: TurnContext): Promise<void> {
  const a = ctx.activity;
  const conversationId = baseConversationId(a.conversation?.id ?? '');
  if (!conversationId) return;
  const key = conversationKey(conversationId);
  const reference = referenceFor(a) as Record<string, unknown>;
  const kind = conversationKindOf(a);
  const team = teamOf(a);
  const existing = await s.repos.conversations.get(key);
  const e = existing?.data;
  const nameKnown = kind !== 'channel' || !!(e?.channelName ?? team.channelName);
  if (e && e.active && nameKnown && (e.reference as { serviceUrl?: string }).serviceUrl === a.serviceUrl && e.locale === (a.locale ?? e.locale)) return;
  // Channel messages carry no channel name; ask Teams once so lists can show it.
  if (kind === 'channel' && !team.channelName && !e?.channelName) team.channelName = await channelNameOf(ctx, conversationId, team.teamId);
  await s.repos.conversations.mutate(key, a.from?.aadObjectId ?? 'system', e ? 'reactivate' : 'install', (cur): ConversationRecord => ({
    conversationId,
    kind,
    tenantId: tenantOf(a) ?? cur?.tenantId,
    teamId: team.teamId ?? cur?.teamId,
    teamName: team.teamName ?? cur?.teamName,
    channelName: team.channelName ?? cur?.channelName,
    userAadObjectId: kind === 'personal' ? (a.from?.aadObjectId ?? cur?.userAadObjectId) : undefined,
    reference,
    active: true,
    installedAt: cur?.installedAt ?? s.clock().toISOString(),
    locale: a.locale ?? cur?.locale,
  }));
}

/** The bot was removed (uninstall, removed from team/chat): stop messaging there. */
export async function forgetConversation(s: Platform, ctx: TurnContext): Promise<void> {
  const conversationId = baseConversationId(ctx.activity.conversation?.id ?? '');
  await s.repos.conversations.mutate(conversationKey(conversationId), ctx.activity.from?.aadObjectId ?? 'system', 'uninstall', (cur) =>
    cur ? { ...cur, active: false, removedAt: s.clock().toISOString() } : null,
  );
}

/** The channel's display name from the team's channel list ("General" for the team's own id). */
async function channelNameOf(ctx: TurnContext, channelId: string, teamId: string | undefined): Promise<string | undefined> {
  try {
    const channels = await TeamsInfo.getTeamChannels(ctx, teamId);
    const found = channels.find((c) => c.id === channelId);
    return found?.name ?? (channelId === teamId || found ? 'General' : undefined);
  } catch {
    return undefined;
  }
}
