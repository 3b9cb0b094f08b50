/**
 * The regional picture's card in the person's chat, rendered at send time from the card's
 * current state (src/services/regional/regionalRequest.ts): progress, the picture with its
 * signed links (the deployment's signer, in the chat's language), the refusal, or failure.
 */
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { regionalCard, regionalFailedCard, regionalProgressCard, regionalRefusedCard } from '../../cards/regional/regionalCard.js';
import type { AdaptiveCard } from '../../cards/kit.js';
import type { NotifyJob } from '../../jobs/queues.js';
import { regionalNotPublished, regionalSharingOff } from '../domain/errors.js';
import type { Catalog, Lang } from '../i18n/index.js';
import type { Platform } from '../services/platform.js';
import { regionalLinkDeps, regionalStore } from '../services/regional/regionalPlatform.js';
import { regionalReportLinks } from '../services/regional/regionalReports.js';
import { regionalCardRecord } from '../services/regional/regionalRequest.js';
import type { Services } from '../services/services.js';
import { userMessageFor } from './errorMessages.js';

const asActivity = (c: AdaptiveCard) => MessageFactory.attachment(CardFactory.adaptiveCard(c));

export async function renderRegionalNotice(s: Services, job: NotifyJob, m: Catalog, lang: Lang): Promise<Partial<Activity> | null> {
  if (!job.cardKey) return null;
  const c = await currentRegionalCard(s.platform, job.cardKey, m, lang);
  return c ? asActivity(c) : null;
}

/** The card as it stands; null when its record is gone (expired with its picture). */
export async function currentRegionalCard(p: Platform, cardKey: string, m: Catalog, lang: Lang): Promise<AdaptiveCard | null> {
  const record = await regionalCardRecord(p, cardKey);
  if (!record) return null;
  const state = record.state;
  switch (state.kind) {
    case 'queued':
      return regionalProgressCard(m, null);
    case 'progress':
      return regionalProgressCard(m, { loaded: state.loaded, total: state.total });
    case 'done': {
      const stored = await regionalStore(p).get(record.pid, record.run);
      if (!stored) return regionalFailedCard(m);
      const deps = regionalLinkDeps(p);
      return regionalCard(m, { picture: stored.picture, links: regionalReportLinks(deps, record.pid, record.run, lang), linkHours: Math.round((deps.config.REPORT_LINK_TTL_MINUTES / 60) * 10) / 10 });
    }
    case 'refused':
      return regionalRefusedCard(m, userMessageFor(state.reason === 'regional-not-published' ? regionalNotPublished(state.names) : regionalSharingOff(state.names), m));
    case 'failed':
      return regionalFailedCard(m);
    default: {
      const unhandled: never = state;
      return unhandled;
    }
  }
}
