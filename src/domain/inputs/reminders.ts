/**
 * Who gets a reminder about a missing inspel, and where. Reminders go only to forums
 * without an answer (a late answer is an answer), in the forum's channel and 1:1 to its
 * contact persons who have a personal chat with the bot.
 */
import { sortByName, type ForumRef } from './responseStatus.js';

/** A forum as far as reminders care; `active` absent means active. */
export interface RemindableForum extends ForumRef {
  active?: boolean;
}

export interface ForumContacts {
  /** The forum's channel (or group chat). */
  conversationId: string;
  contacts: readonly { name: string; aadObjectId?: string }[];
}

export interface PersonalConversation {
  conversationId: string;
  userAadObjectId?: string;
  /** False once the bot was removed (the connector answered 403/404). */
  active: boolean;
}

/** Active forums without an answer, in the order given. */
export function forumsToRemind<F extends RemindableForum>(forums: readonly F[], answeredForumIds: Iterable<string>): F[] {
  const answered = new Set(answeredForumIds);
  return forums.filter((f) => f.active !== false && !answered.has(f.id));
}

/**
 * Conversation ids to post a forum's reminder to: its channel first, then each contact
 * person's active personal chat. Entra object ids are GUIDs whose letter case differs
 * between sources, so they are compared without case. No id appears twice. The channel
 * is skipped only if `conversations` knows it and marks it inactive.
 */
export function reminderTargets(forum: ForumContacts, conversations: readonly PersonalConversation[]): string[] {
  const targets = new Set<string>();
  const channelInactive = conversations.some((c) => c.conversationId === forum.conversationId && !c.active);
  if (!channelInactive) targets.add(forum.conversationId);
  const contactIds = new Set(forum.contacts.flatMap((c) => (c.aadObjectId ? [c.aadObjectId.toLowerCase()] : [])));
  for (const c of conversations) {
    if (c.active && c.userAadObjectId && contactIds.has(c.userAadObjectId.toLowerCase())) targets.add(c.conversationId);
  }
  return [...targets];
}

/** Names of the active forums still missing at the deadline, for the one escalation to the chairs. */
export function escalationList(forums: readonly RemindableForum[], answeredForumIds: Iterable<string>): string[] {
  return sortByName(forumsToRemind(forums, answeredForumIds)).map((f) => f.name);
}
