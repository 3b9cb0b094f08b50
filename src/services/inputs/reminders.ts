import { forumsToRemind, reminderTargets } from '../../domain/inputs/reminders.js';
import type { MeetingRecord } from '../../domain/meeting.js';
import { enqueueNotice } from '../notices.js';
import type { Services } from '../services.js';
import { answersOf } from './answers.js';
import { chairConversations } from './chairs.js';

/**
 * Reminds only the forums without an answer: in the forum channel and 1:1 to its contact
 * persons where the bot is installed for them. Job ids per (meeting, occasion, forum,
 * conversation) make a retried or duplicated reminder step harmless.
 */
export async function remindForums(s: Services, meeting: MeetingRecord, occasion: string): Promise<number> {
  const [forums, answers, conversations] = await Promise.all([s.repos.forums.list(), answersOf(s, meeting.id), s.repos.conversations.list()]);
  const answered = answers.map((a) => a.data.forumId);
  const personal = conversations
    .filter((c) => c.data.kind === 'personal')
    .map((c) => ({ conversationId: c.data.conversationId, userAadObjectId: c.data.userAadObjectId, active: c.data.active }));
  const toRemind = forumsToRemind(
    forums.map((f) => ({ id: f.id, name: f.data.name, active: f.data.active, conversationId: f.data.conversationId, contacts: f.data.contacts })),
    answered,
  );
  for (const f of toRemind) {
    for (const conversationId of reminderTargets(f, personal)) {
      await enqueueNotice(s, conversationId, 'input.reminder', { meetingId: meeting.id, forumId: f.id, occasion });
    }
  }
  return toRemind.length;
}

/** At the deadline: one escalation to the chairs, listing the missing forums. */
export async function escalateMissing(s: Services, meeting: MeetingRecord, occasion: string): Promise<void> {
  for (const conversationId of await chairConversations(s)) {
    await enqueueNotice(s, conversationId, 'input.escalation', { meetingId: meeting.id, occasion });
  }
}
