import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { meetingNoticeCard, when } from '../../cards/meetingCards.js';
import type { NotifyJob } from '../../jobs/queues.js';
import { meetingTitle } from '../domain/meeting.js';
import { langOf, messages } from '../i18n/index.js';
import type { Services } from '../services/services.js';
import { isPromiseNotice, renderPromiseNotice } from './promiseNotices.js';

/** Renders a queued notice (ids only) into the activity to send, in the conversation's language. */
export async function renderNotice(s: Services, job: NotifyJob, locale: string | undefined): Promise<Partial<Activity> | null> {
  const lang = langOf(locale, s.config.DEFAULT_LOCALE);
  const m = messages(lang);
  if (job.template === 'text.welcome') return MessageFactory.text(m.welcome);
  if (isPromiseNotice(job.template)) return renderPromiseNotice(s, job, m, lang);
  const meeting = job.meetingId ? await s.repos.meetings.get(job.meetingId) : null;
  if (!meeting) return null;
  const name = meetingTitle(meeting.data, lang);
  const at = when(m, meeting.data);
  const icsUrl = `${s.config.PUBLIC_URL.replace(/\/$/, '')}/meetings/${meeting.id}.ics`;
  const text = (() => {
    switch (job.template) {
      case 'meeting.invitation':
        return m.meetings.invitation(name, at);
      case 'meeting.moved':
        return m.meetings.movedTo(name, at);
      case 'meeting.cancelled':
        return m.meetings.cancelledNotice(name);
      case 'meeting.reminder7':
        return m.meetings.reminder7(name, at);
      case 'meeting.deadline':
        return m.meetings.deadline(name, at);
      case 'meeting.meetingDay':
        return m.meetings.meetingDay(name, at);
      default: {
        const unhandled: never = job.template;
        return unhandled;
      }
    }
  })();
  return MessageFactory.attachment(CardFactory.adaptiveCard(meetingNoticeCard(m, text, icsUrl)));
}
