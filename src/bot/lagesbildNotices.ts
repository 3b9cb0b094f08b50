/**
 * Renders the lägesbild's notices (ids in the job; cards made here, at send time, from the
 * store): the chair's card in whatever state it is now, the card published to the steering
 * channel, the reminder to publish, and the late answer that offers "Sammanställ igen".
 */
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { lagesbildNoticeCard } from '../../cards/lagesbild/lagesbildCard.js';
import type { AdaptiveCard } from '../../cards/kit.js';
import type { NotifyJob } from '../../jobs/queues.js';
import { meetingTitle } from '../domain/meeting.js';
import type { Catalog, Lang } from '../i18n/index.js';
import type { Services } from '../services/services.js';
import { audienceOfConversation, currentLagesbildCard, currentPublishedCard } from './lagesbildViews.js';

const asActivity = (c: AdaptiveCard) => MessageFactory.attachment(CardFactory.adaptiveCard(c));

export async function renderLagesbildNotice(s: Services, job: NotifyJob, m: Catalog, lang: Lang): Promise<Partial<Activity> | null> {
  if (!job.meetingId) return null;
  switch (job.template) {
    case 'lagesbild.card': {
      const c = await currentLagesbildCard(s, m, lang, job.meetingId, await audienceOfConversation(s, job.conversationId));
      return c ? asActivity(c) : null;
    }
    case 'lagesbild.published': {
      const c = await currentPublishedCard(s, m, lang, job.meetingId);
      return c ? asActivity(c) : null;
    }
    case 'lagesbild.publishReminder':
    case 'input.lateAfterCompile': {
      const meeting = await s.repos.meetings.get(job.meetingId);
      if (!meeting) return null;
      const title = meetingTitle(meeting.data, lang);
      if (job.template === 'lagesbild.publishReminder') {
        // Rendered at send time: once published, nothing to remind of.
        const agenda = await s.repos.agendas.get(job.meetingId);
        if (agenda?.data.published && agenda.data.agenda.status === 'approved') return null;
        return asActivity(lagesbildNoticeCard(m, job.meetingId, m.lagesbild.publishReminder(title), false));
      }
      const forum = job.forumId ? await s.repos.forums.get(job.forumId) : null;
      if (!forum) return null;
      return asActivity(lagesbildNoticeCard(m, job.meetingId, m.inputs.lateAfterCompile(forum.data.name, title), true));
    }
    default:
      return null;
  }
}
