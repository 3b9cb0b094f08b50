/**
 * A forum answered (or changed its answer) after the lägesbild was compiled: the stored
 * snapshot is marked stale, every card showing it gets the stale banner with "Sammanställ
 * igen", and a late answer is also told to the chairs (with the same button).
 */
import { latestCardPerConversation } from '../../domain/lagesbild/records.js';
import { chairConversations } from '../inputs/chairs.js';
import { enqueueNotice } from '../notices.js';
import type { Services } from '../services.js';
import { cardTag, markStale } from './compile.js';

export async function answerAfterCompile(s: Services, meetingId: string, forumId: string, answerVersion: number, late: boolean): Promise<void> {
  await markStale(s, meetingId);
  const occasion = `${forumId}-v${answerVersion}`;
  const run = await s.repos.compileRuns.get(meetingId);
  for (const c of latestCardPerConversation(run?.data.cards ?? [])) await enqueueNotice(s, c.conversationId, 'lagesbild.card', { meetingId, cardKey: c.cardKey, occasion: `stale-${occasion}-${cardTag(c.cardKey)}` });
  if (!late) return;
  for (const conversationId of await chairConversations(s)) {
    await enqueueNotice(s, conversationId, 'input.lateAfterCompile', { meetingId, forumId, occasion: `v${answerVersion}` });
  }
}
