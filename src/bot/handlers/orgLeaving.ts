import type { TurnContext } from 'botbuilder';
import { orgDeleteCard } from '../../../cards/org/orgCards.js';
import { card, openUrl, text, title } from '../../../cards/kit.js';
import type { VerbData } from '../../../cards/verbs.js';
import { orgHoldingCounts } from '../../domain/organisation/orgExport.js';
import { requestOrganisationDeletion } from '../../services/orgs/deleteOrganisation.js';
import { createOrgExportLink, ORG_EXPORT_LINK_TTL_MINUTES } from '../../services/orgs/exportOrganisation.js';
import type { Services } from '../../services/services.js';
import { OrgKeyspace } from '../../store/orgKeyspace.js';
import { messageCard } from '../cardActions.js';
import { refusal } from '../refusal.js';
import { replyCard } from '../reply.js';
import type { RequestContext } from '../requestContext.js';

/** `exportera organisation` (chairs): a signed, expiring link to everything the organisation holds. */
export async function exportOrgCommand(rc: RequestContext, ctx: TurnContext): Promise<void> {
  const l = rc.m.organisations.leaving;
  await replyCard(ctx, card([title(l.exportTitle(rc.s.org.settings.data.name)), text(l.exportIntro)], [openUrl(l.exportLink(ORG_EXPORT_LINK_TTL_MINUTES), createOrgExportLink(rc.s))]));
}

async function countsOf(s: Services): Promise<Record<string, number>> {
  return new OrgKeyspace(s.platform.redis, s.org.keys).recordCounts();
}

async function deleteCardOf(rc: RequestContext, banner?: string) {
  const counts = orgHoldingCounts(await countsOf(rc.s));
  return orgDeleteCard(rc.m, { name: rc.s.org.settings.data.name, version: rc.s.org.settings.version }, counts, banner);
}

/** `radera organisation` (chairs): the counts, and the name to type. */
export async function deleteOrgCommand(rc: RequestContext, ctx: TurnContext): Promise<void> {
  await replyCard(ctx, await deleteCardOf(rc));
}

/** Names match whatever the spacing and case: the point is a deliberate act, not a password. */
const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/**
 * The answer is the card itself: the steering channel is the organisation's own, so no
 * message can follow there once it is gone. The deployment's audit trail records the end.
 */
export const orgLeavingVerbHandlers = {
  'org.deleteConfirm': async (rc: RequestContext, data: VerbData<'org.deleteConfirm'>) => {
    if (!rc.roles.chair) return messageCard(rc.m.errors.notAllowedChair);
    const l = rc.m.organisations.leaving;
    if (data.version !== rc.s.org.settings.version) return refusal(await deleteCardOf(rc, l.stale));
    if (!sameName(data.name ?? '', rc.s.org.settings.data.name)) return refusal(await deleteCardOf(rc, l.wrongName));
    await requestOrganisationDeletion(rc.s, rc.actorId, await countsOf(rc.s));
    return messageCard(l.started(rc.s.org.settings.data.name));
  },
};
