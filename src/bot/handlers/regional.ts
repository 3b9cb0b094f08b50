/**
 * `regional lägesbild [år]` / `regional picture [year]`: person-wide, answered before (and
 * without) resolving an organisation. The sources are the organisations whose steering
 * group the person sits in (any of the person's linked accounts, member or chair) and whose
 * chairs have turned sharing on. Only in the personal chat: the picture holds several
 * municipalities' steering versions, which no one channel's members may all see.
 */
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { regionalProgressCard } from '../../../cards/regional/regionalCard.js';
import { regionalJobSchema } from '../../../jobs/processors/regionalCompile.js';
import { regionalSharingOff } from '../../domain/errors.js';
import { compareCodeUnits, compareSv } from '../../domain/lagesbild/order.js';
import type { Catalog } from '../../i18n/index.js';
import type { Platform } from '../../services/platform.js';
import { sharingOf, type OrgSharing } from '../../services/regional/regionalPlatform.js';
import { newRegionalRun, regionalCardKey, requestRegional } from '../../services/regional/regionalRequest.js';
import type { Services } from '../../services/services.js';
import { baseConversationId, conversationKindOf } from '../activity.js';
import { userMessageFor } from '../errorMessages.js';
import { myOrgs } from '../orgResolution.js';
import { replyText } from '../reply.js';

export async function regionalPictureCommand(p: Platform, ctx: TurnContext, m: Catalog, year: number | undefined): Promise<void> {
  if (conversationKindOf(ctx.activity) !== 'personal') return replyText(ctx, m.regional.notPersonal);
  if (year !== undefined && !regionalJobSchema.shape.year.safeParse(year).success) return replyText(ctx, m.regional.badYear);
  const aad = ctx.activity.from?.aadObjectId;
  if (!aad) return replyText(ctx, m.regional.notInSteering);
  const person = await p.repos.personLinks.accountsOf(aad);
  const steering = new Map<string, Services>();
  for (const account of person.accounts) for (const s of await myOrgs(p, account.aad, ctx.activity, 'steering')) steering.set(s.org.id, s);
  const orgs = (await Promise.all([...steering.keys()].map((id) => sharingOf(p, id))))
    .filter((o): o is OrgSharing => o !== null)
    .sort((a, b) => compareSv(a.name, b.name) || compareCodeUnits(a.orgId, b.orgId));
  if (orgs.length === 0) return replyText(ctx, m.regional.notInSteering);
  if (orgs.length === 1) return replyText(ctx, m.regional.onlyOne(orgs[0]!.name));
  const sharing = orgs.filter((o) => o.sharing);
  if (sharing.length < 2) return replyText(ctx, userMessageFor(regionalSharingOff(orgs.filter((o) => !o.sharing).map((o) => o.name)), m));

  const run = newRegionalRun(p);
  const cardKey = regionalCardKey(person.pid, run);
  const posted = await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(regionalProgressCard(m, null))));
  // The card is kept (before the job can finish) in the notify pipeline that updates it: the anchor's, the first source.
  const anchor = steering.get(sharing[0]!.orgId)!;
  if (posted?.id) await anchor.repos.markers.setCard(cardKey, posted.id, ctx.activity.conversation?.id);
  await requestRegional(p, { pid: person.pid, run, orgIds: sharing.map((o) => o.orgId), year, conversationId: baseConversationId(ctx.activity.conversation?.id ?? '') });
}
