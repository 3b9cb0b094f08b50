import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationKind } from '../domain/conversation.js';

/**
 * Facts read off a Teams activity. A channel thread's conversation id ends in
 * ";messageid=…"; the channel itself is the part before it.
 */
export function baseConversationId(id: string): string {
  return id.split(';')[0] ?? id;
}

export function conversationKindOf(activity: Partial<Activity>): ConversationKind {
  const t = activity.conversation?.conversationType;
  if (t === 'personal' || t === 'channel' || t === 'groupChat') return t;
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? activity.conversation?.tenantId;
}

export function teamOf(activity: Partial<Activity>): { teamId?: string; teamName?: string; channelName?: string } {
  const cd = activity.channelData as { team?: { id?: string; name?: string }; channel?: { name?: string } } | undefined;
  return { teamId: cd?.team?.id, teamName: cd?.team?.name, channelName: cd?.channel?.name };
}

/** The reference used to post new top-level messages into this conversation later. */
export function referenceFor(activity: Partial<Activity>): Partial<ConversationReference> {
  // Without activityId a proactive send starts a new message instead of replying in a thread.
  const { activityId: _activityId, ...ref } = TurnContext.getConversationReference(activity);
  return { ...ref, conversation: { ...ref.conversation!, id: baseConversationId(ref.conversation?.id ?? '') } };
}

export function botWasAdded(activity: Partial<Activity>): boolean {
  return (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}

export function botWasRemoved(activity: Partial<Activity>): boolean {
  return (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id);
}
