import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { meetingNoticeCard, when } from '../../cards/meetingCards.js';
import type { NoticeTemplate, NotifyJob } from '../../jobs/queues.js';
import { meetingTitle } from '../domain/meeting.js';
import { langOf, messages, type Catalog, type Lang } from '../i18n/index.js';
import type { Services } from '../services/services.js';
import { meetingCalendarView } from '../services/calendar/meetingCalendarView.js';
import { renderCalendarNotice } from './calendarNotices.js';
import { renderInputNotice } from './inputNotices.js';
import { renderLagesbildNotice } from './lagesbildNotices.js';
import { renderPersonLinkNotice } from './personLinkNotices.js';
import { renderPromiseNotice } from './promiseNotices.js';
import { renderPublicNotice } from './publicNotices.js';
import { renderRegionalNotice } from './regionalNotices.js';

type Renderer = (s: Services, job: NotifyJob, m: Catalog, lang: Lang) => Promise<Partial<Activity> | null>;

type MeetingTemplate = Extract<NoticeTemplate, `meeting.${string}`>;

const meetingTexts: Record<MeetingTemplate, (m: Catalog, name: string, at: string) => string> = {
  'meeting.invitation': (m, name, at) => m.meetings.invitation(name, at),
  'meeting.moved': (m, name, at) => m.meetings.movedTo(name, at),
  'meeting.cancelled': (m, name) => m.meetings.cancelledNotice(name),
  'meeting.reminder7': (m, name, at) => m.meetings.reminder7(name, at),
  'meeting.deadline': (m, name, at) => m.meetings.deadline(name, at),
  'meeting.meetingDay': (m, name, at) => m.meetings.meetingDay(name, at),
};

const renderMeetingNotice: Renderer = async (s, job, m, lang) => {
  const meeting = job.meetingId ? await s.repos.meetings.get(job.meetingId) : null;
  if (!meeting) return null;
  const text = meetingTexts[job.template as MeetingTemplate](m, meetingTitle(meeting.data, lang), when(m, meeting.data));
  const icsUrl = `${s.config.PUBLIC_URL.replace(/\/$/, '')}/meetings/${meeting.id}.ics`;
  const cancelled = meeting.data.status === 'cancelled';
  const joinUrl = cancelled ? undefined : (await meetingCalendarView(s, meeting.id))?.joinUrl;
  return MessageFactory.attachment(CardFactory.adaptiveCard(meetingNoticeCard(m, text, icsUrl, joinUrl)));
};

/** Which feature renders each template; the Record type makes a new template a build error until it has one. */
const renderers: Record<NoticeTemplate, Renderer> = {
  'meeting.invitation': renderMeetingNotice,
  'meeting.moved': renderMeetingNotice,
  'meeting.cancelled': renderMeetingNotice,
  'meeting.reminder7': renderMeetingNotice,
  'meeting.deadline': renderMeetingNotice,
  'meeting.meetingDay': renderMeetingNotice,
  'text.welcome': async (_s, _job, m) => MessageFactory.text(m.welcome),
  'input.prompt': renderInputNotice,
  'input.promptsSent': renderInputNotice,
  'input.reminder': renderInputNotice,
  'input.escalation': renderInputNotice,
  'input.progress': renderInputNotice,
  // The lägesbild's: it offers "Sammanställ igen".
  'input.lateAfterCompile': renderLagesbildNotice,
  'conversation.removed': renderInputNotice,
  'calendar.problem': renderCalendarNotice,
  'action.reminder7': renderPromiseNotice,
  'action.reminderDue': renderPromiseNotice,
  'promise.digest': renderPromiseNotice,
  'promise.followUpRequest': renderPromiseNotice,
  'promise.decisions': renderPromiseNotice,
  'public.publishPrompt': renderPublicNotice,
  'lagesbild.card': renderLagesbildNotice,
  'lagesbild.published': renderLagesbildNotice,
  'lagesbild.publishReminder': renderLagesbildNotice,
  'link.linked': renderPersonLinkNotice,
  'link.unlinked': renderPersonLinkNotice,
  'regional.card': renderRegionalNotice,
};

/** Renders a queued notice (ids only) into the activity to send, in the conversation's language. */
export async function renderNotice(s: Services, job: NotifyJob, locale: string | undefined): Promise<Partial<Activity> | null> {
  const lang = langOf(locale, s.config.DEFAULT_LOCALE);
  return renderers[job.template](s, job, messages(lang), lang);
}
