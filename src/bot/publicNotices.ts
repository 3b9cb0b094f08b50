/**
 * Renders the publishing notices at send time: the question after a follow-up round is
 * sent only when the round has a follow-up for that meeting and the public version would
 * change (nothing to ask otherwise).
 */
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { publishPromptCard } from '../../cards/public/publishPromptCard.js';
import type { NotifyJob } from '../../jobs/queues.js';
import { actionsOf } from '../domain/promise/promise.js';
import type { Catalog, Lang } from '../i18n/index.js';
import { isDraftRefusal, previewPublication } from '../services/public/publication.js';
import type { Services } from '../services/services.js';
import { publishedDate } from '../store/publicVersions.js';

export async function renderPublicNotice(s: Services, job: NotifyJob, m: Catalog, lang: Lang): Promise<Partial<Activity> | null> {
  if (job.template !== 'public.publishPrompt' || !job.meetingId) return null;
  const meetingId = job.meetingId;
  // The notice goes to chairs: preview as a chair would (the card's button re-checks the presser).
  const preview = await previewPublication(s, { id: 'system', aadObjectId: undefined, isChair: true }).catch((e: unknown) => {
    if (isDraftRefusal(e)) return null; // a draft is not published: nothing to ask
    throw e;
  });
  if (!preview) return null;
  const hasRound = actionsOf(preview.promise.data).some((x) => x.action.followUps.some((f) => f.meetingId === meetingId));
  if (!hasRound || (preview.changes !== null && preview.changes.length === 0)) return null;
  const lastPublished = preview.current ? publishedDate(preview.current.data, s.config.TIMEZONE) : null;
  return MessageFactory.attachment(CardFactory.adaptiveCard(publishPromptCard(m, lang, { promiseId: preview.promise.id, meetingId, lastPublished })));
}
