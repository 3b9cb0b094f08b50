export const INVENTED_CONVERSATION_PREFIX: string;
export function inventedConversationId(slug: string): string;
export function isInventedConversation(conversationId: unknown): boolean;
export function inventedChannelAnswer(
  method: string,
  path: string,
): { status: number; body: unknown; conversationId: string; delivered?: 'sent' | 'updated' } | null;
