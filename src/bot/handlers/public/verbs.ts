/**
 * Action.Execute handlers of publishing for the residents: chairs only (checked here and
 * in the service; identity from the activity, never card data).
 */
import type { AdaptiveCard } from '../../../../cards/kit.js';
import { card, text } from '../../../../cards/kit.js';
import { publishPreviewCard } from '../../../../cards/public/publishPreviewCard.js';
import type { publicVerbSchemas } from '../../../../cards/public/verbs.js';
import type { VerbData } from '../../../../cards/verbs.js';
import { fingerprint } from '../../../domain/public/publicVersion.js';
import { isDraftRefusal, parseHidden, previewPublication, publicPageUrl, publishPublication } from '../../../services/public/publication.js';
import type { RequestContext } from '../../requestContext.js';
import type { VerbHandlers } from '../../verbHandler.js';
import { actorOf, isReason, requireChair } from '../promise/guards.js';
import { promiseView } from '../promise/views.js';

export async function publicPreviewView(rc: RequestContext, opts: { promiseId?: string; hidden?: string[]; banner?: string } = {}): Promise<AdaptiveCard> {
  const preview = await previewPublication(rc.s, actorOf(rc), { ...(opts.promiseId ? { promiseId: opts.promiseId } : {}), ...(opts.hidden ? { hidden: opts.hidden } : {}) }).catch((e: unknown) => {
    if (isDraftRefusal(e)) return 'draft' as const;
    throw e;
  });
  if (preview === 'draft') return card([text(rc.m.public.draftNotPublishable)]);
  if (!preview) return card([text(rc.m.public.noPromise)]);
  return publishPreviewCard(rc.m, rc.lang, {
    organisation: rc.s.config.PUBLIC_ORGANISATION_NAME,
    promiseId: preview.promise.id,
    version: preview.projection.version,
    fingerprint: fingerprint(preview.projection.version),
    basedOn: preview.current?.version ?? 0,
    hidden: preview.hidden,
    hideable: preview.hideable,
    autoWithheld: preview.projection.withheld.filter((w) => w.reason !== 'hidden').length,
    changes: preview.changes,
    ...(opts.banner ? { banner: opts.banner } : {}),
  });
}

async function previewVerb(rc: RequestContext, data: VerbData<'public.preview'>): Promise<AdaptiveCard> {
  requireChair(rc);
  // Opened from the promise card: no choice yet (the last publication's carries over).
  const hidden = data.hidden === undefined && data.keep === undefined ? undefined : parseHidden([data.hidden, data.keep].filter(Boolean).join(','));
  return publicPreviewView(rc, { ...(data.promiseId ? { promiseId: data.promiseId } : {}), ...(hidden ? { hidden } : {}) });
}

async function confirmVerb(rc: RequestContext, data: VerbData<'public.confirm'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const hidden = parseHidden([data.hidden, data.keep].filter(Boolean).join(','));
  try {
    await publishPublication(rc.s, actorOf(rc), { promiseId: data.promiseId, hidden, basedOn: data.basedOn, previewed: data.previewed });
  } catch (e) {
    if (isDraftRefusal(e)) return card([text(rc.m.public.draftNotPublishable)]);
    if (isReason(e, 'stale-write')) {
      const banner = e.details.entity === 'preview' ? rc.m.public.previewChanged : rc.m.public.staleBasis;
      return publicPreviewView(rc, { promiseId: data.promiseId, hidden, banner });
    }
    throw e;
  }
  return promiseView(rc, data.promiseId, { text: rc.m.public.published(publicPageUrl(rc.s, rc.lang)) });
}

export const publicVerbHandlers: VerbHandlers<keyof typeof publicVerbSchemas> = {
  'public.preview': previewVerb,
  'public.confirm': confirmVerb,
};
