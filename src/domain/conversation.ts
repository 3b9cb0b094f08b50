import { z } from 'zod';

/**
 * A conversation the bot is installed in (team channel, group chat or personal chat),
 * with the Bot Framework conversation reference needed to message it proactively.
 */
export const conversationKindSchema = z.enum(['channel', 'groupChat', 'personal']);
export type ConversationKind = z.infer<typeof conversationKindSchema>;

export const conversationRecordSchema = z.object({
  conversationId: z.string().min(1),
  kind: conversationKindSchema,
  tenantId: z.string().optional(),
  teamId: z.string().optional(),
  teamName: z.string().max(256).optional(),
  channelName: z.string().max(256).optional(),
  /** For personal chats: the user's Entra object id, to reach them 1:1. */
  userAadObjectId: z.string().optional(),
  /** Opaque Bot Framework ConversationReference (serviceUrl, bot, conversation, …). */
  reference: z.record(z.string(), z.unknown()),
  active: z.boolean(),
  installedAt: z.string(),
  removedAt: z.string().optional(),
  locale: z.string().optional(),
});
export type ConversationRecord = z.infer<typeof conversationRecordSchema>;

/** Teams ids contain ':' and '@'; job ids and keys get a short stable digest instead. */
export function conversationKey(conversationId: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < conversationId.length; i++) {
    const c = conversationId.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `c${h1.toString(36)}${h2.toString(36)}`;
}

/** A person's personal chat is found by this lookup term (their Entra id), never by listing every conversation. */
export const personalChatOfTerm = (aadObjectId: string) => `person:${aadObjectId.toLowerCase()}`;

export function conversationLookupTerms(c: ConversationRecord): string[] {
  return c.kind === 'personal' && c.userAadObjectId ? [personalChatOfTerm(c.userAadObjectId)] : [];
}
