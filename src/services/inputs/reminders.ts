import { forumsToRemind, reminderTargets } from '../../domain/inputs/reminders.js';
import type { MeetingRecord } from '../../domain/meeting.js';
import { enqueueNotice } from '../notices.js';
import type { Services } from '../services.js';
import { answersOf } from './answers.js';
import { chairConversations } from './chairs.js';
import { personalChatsOf } from '../people/personalChats.js';

/**
 * Reminds only the forums without an answer: in the forum channel and 1:1 to its contact
 * persons where the bot is installed for them. Job ids per (meeting, occasion, forum,
 * conversation) make a retried or duplicated reminder step harmless.
 */
export async function remindForums(s: Services, meeting: MeetingRecord, occasion: string): Promise<number> {
  const [forums, answers] = await Promise.all([s.repos.forums.list(), answersOf(s, meeting.id)]);
  const answered = answers.map((a) => a.data.forumId);
  const toRemind = forumsToRemind(
    forums.map((f) => ({ id: f.id, name: f.data.name, active: f.data.active, conversationId: f.data.conversationId, contacts: f.data.contacts })),
    answered,
  );
  // Only the personal chats of the contacts of forums to remind, by lookup (not every conversation of the deployment).
  const contactIds = [...new Set(toRemind.flatMap((f) => f.contacts.flatMap((c) => (c.aadObjectId ? [c.aadObjectId] : []))))];
  const personal = (await Promise.all(contactIds.map((id) => personalChatsOf(s.repos.conversations, id))))
    .flat()
    .map((c) => ({ conversationId: c.data.conversationId, userAadObjectId: c.data.userAadObjectId, active: c.data.active }));
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
