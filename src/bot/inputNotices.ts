import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { inputFormCard, inputProgressCard, inputSummaryCard, type InputCardContext } from '../../cards/inputs/inputCard.js';
import { card, text } from '../../cards/kit.js';
import type { NotifyJob } from '../../jobs/queues.js';
import { conversationKey } from '../domain/conversation.js';
import { answerId } from '../domain/inputs/storedAnswer.js';
import { defaultThemes } from '../domain/inputs/themes.js';
import { meetingTitle, type MeetingRecord } from '../domain/meeting.js';
import type { Catalog, Lang } from '../i18n/index.js';
import { inputStatus } from '../services/inputs/answers.js';
import { deadlineOf, localDateTime } from '../services/inputs/meetingContext.js';
import type { Services } from '../services/services.js';
import type { Stored } from '../store/versionedRepository.js';

const asActivity = (c: ReturnType<typeof card>) => MessageFactory.attachment(CardFactory.adaptiveCard(c));

export function deadlineText(s: Services, m: Catalog, meeting: Pick<MeetingRecord, 'date' | 'time'>): string {
  const d = localDateTime(s, deadlineOf(s, meeting));
  return m.meetings.at(d.date, d.time);
}

export function inputCardContext(s: Services, m: Catalog, lang: Lang, meeting: Stored<MeetingRecord>, forum: { id: string; data: { name: string; districts: string[] } }): InputCardContext {
  return {
    meetingId: meeting.id,
    meetingTitle: meetingTitle(meeting.data, lang),
    forumId: forum.id,
    forumName: forum.data.name,
    districts: forum.data.districts,
    themes: defaultThemes,
    deadline: deadlineText(s, m, meeting.data),
  };
}

/** The forum's card as everyone should see it now: the form, or the answer's summary. */
export async function currentInputCard(s: Services, m: Catalog, lang: Lang, meetingId: string, forumId: string) {
  const [meeting, forum, answer] = await Promise.all([s.repos.meetings.get(meetingId), s.repos.forums.get(forumId), s.repos.answers.get(answerId(meetingId, forumId))]);
  if (!meeting || !forum) return null;
  const ctx = inputCardContext(s, m, lang, meeting, forum);
  if (!answer) return inputFormCard(m, lang, ctx);
  const at = localDateTime(s, new Date(answer.data.submittedAt));
  // The card is shared by the forum's channel: the refresh after an answer keeps the
  // thank-you the answerer just saw (it speaks to the forum, "ert inspel"), for a while.
  const justSaved = s.clock().getTime() - Date.parse(answer.data.submittedAt) < THANKS_SHOWN_MS;
  return inputSummaryCard(
    m,
    lang,
    ctx,
    { answer: answer.data.answer, submittedByName: answer.data.submittedByName, submittedAtLocal: m.meetings.at(at.date, at.time), late: answer.data.late },
    justSaved ? m.inputs.thanks : undefined,
  );
}

const THANKS_SHOWN_MS = 15 * 60_000;

/** Renders the inspel feature's notices (ids in the job; text and cards made here). */
export async function renderInputNotice(s: Services, job: NotifyJob, m: Catalog, lang: Lang): Promise<Partial<Activity> | null> {
  const meeting = job.meetingId ? await s.repos.meetings.get(job.meetingId) : null;
  const title = meeting ? meetingTitle(meeting.data, lang) : '';
  const forum = job.forumId ? await s.repos.forums.get(job.forumId) : null;
  switch (job.template) {
    case 'input.prompt': {
      if (!meeting || meeting.data.status !== 'confirmed' || !forum) return null;
      const c = await currentInputCard(s, m, lang, meeting.id, forum.id);
      return c ? asActivity(c) : null;
    }
    case 'input.promptsSent': {
      if (!meeting) return null;
      const count = (await s.repos.forums.list()).filter((f) => f.data.active).length;
      return MessageFactory.text(m.inputs.promptsSentSteering(title, count));
    }
    case 'input.reminder': {
      if (!meeting || !forum || meeting.data.status !== 'confirmed') return null;
      // Rendered at send time: a forum that answered meanwhile gets nothing.
      if (await s.repos.answers.get(answerId(meeting.id, forum.id))) return null;
      return asActivity(card([text(m.inputs.reminderText(forum.data.name, title, deadlineText(s, m, meeting.data)))]));
    }
    case 'input.escalation': {
      if (!meeting) return null;
      const status = await inputStatus(s, meeting.id);
      const names = status.missing.map((f) => f.name);
      return MessageFactory.text(names.length ? m.inputs.escalationText(title, names.join(', ')) : m.inputs.escalationNone(title));
    }
    case 'input.progress': {
      if (!meeting) return null;
      const status = await inputStatus(s, meeting.id);
      return asActivity(
        inputProgressCard(m, title, deadlineText(s, m, meeting.data), {
          answered: status.answered.map((f) => f.name),
          late: status.late.map((f) => f.name),
          missing: status.missing.map((f) => f.name),
        }),
      );
    }
    case 'input.lateAfterCompile':
      return meeting && forum ? MessageFactory.text(m.inputs.lateAfterCompile(forum.data.name, title)) : null;
    case 'conversation.removed': {
      const gone = job.aboutConversationId ? await s.repos.conversations.get(conversationKey(job.aboutConversationId)) : null;
      const where = gone?.data.channelName ?? gone?.data.teamName ?? job.aboutConversationId ?? '';
      return MessageFactory.text(m.inputs.conversationRemoved(where));
    }
    default:
      return null;
  }
}
