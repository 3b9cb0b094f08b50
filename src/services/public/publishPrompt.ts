/**
 * After each follow-up round (the day after the steering meeting, with the decisions
 * card) the chairs are asked whether to publish the update for the residents. Only a
 * question: nothing is published until a chair confirms the preview. Idempotent per
 * meeting and sequence (the notice's job id); whether there is anything to ask is
 * decided when the card is rendered (src/bot/publicNotices.ts).
 */
import type { MeetingRecord } from '../../domain/meeting.js';
import { enqueuePromiseNotice } from '../promise/notices.js';
import { chairTargets } from '../promise/recipients.js';
import type { Services } from '../services.js';

export async function askToPublish(s: Services, meeting: MeetingRecord): Promise<number> {
  const targets = await chairTargets(s);
  for (const conversationId of targets) await enqueuePromiseNotice(s, conversationId, 'public.publishPrompt', { meetingId: meeting.id, occasion: `s${meeting.sequence}` });
  return targets.length;
}
