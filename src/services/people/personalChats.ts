import { personalChatOfTerm, type ConversationRecord } from '../../domain/conversation.js';
import type { Stored, VersionedRepository } from '../../store/versionedRepository.js';

/**
 * A person's active personal chats with the bot, through the deployment's conversation
 * directory's lookup term: the cost does not grow with the number of conversations (every
 * organisation's channels and chats are in the one directory).
 */
export async function personalChatsOf(conversations: VersionedRepository<ConversationRecord>, aadObjectId: string): Promise<Stored<ConversationRecord>[]> {
  const aad = aadObjectId.toLowerCase();
  // Lookup terms are candidates: keep those that really are this person's active personal chat.
  return (await conversations.findBy(personalChatOfTerm(aadObjectId))).filter((c) => c.data.kind === 'personal' && c.data.active && c.data.userAadObjectId?.toLowerCase() === aad);
}
