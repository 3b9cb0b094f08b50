import type { TurnContext } from 'botbuilder';
import { card, facts, openUrl, text, title } from '../../../cards/kit.js';
import { collectPersonalData, createExportLink, EXPORT_LINK_TTL_MINUTES } from '../../services/privacy/exportData.js';
import { replyCard, replyText } from '../reply.js';
import type { RequestContext } from '../requestContext.js';

/**
 * `exportera mina data` / `export my data`: a summary card of everything the bot stores
 * about this user (identity from the activity, never from card data) and a signed,
 * expiring link to the full JSON — which holds the user's own answer texts.
 */
export async function exportMyData(rc: RequestContext, ctx: TurnContext): Promise<void> {
  const p = rc.m.privacy;
  if (!rc.aadObjectId) return replyText(ctx, p.exportNeedsIdentity);
  const who = { aadObjectId: rc.aadObjectId, ...(ctx.activity.from?.id ? { teamsUserId: ctx.activity.from.id } : {}) };
  const data = await collectPersonalData(rc.s, who);
  const link = await createExportLink(rc.s, who);
  const roles = [
    data.roles.chairByConfiguration || data.roles.chairAddedByAChair ? p.roleNames.chair : null,
    data.roles.steeringMember ? p.roleNames.steering : null,
  ].filter((r): r is string => !!r);
  await replyCard(
    ctx,
    card(
      [
        title(p.exportTitle),
        text(p.exportIntro),
        facts([
          [p.exportFacts.roles, roles.length ? roles.join(', ') : p.roleNames.none],
          [p.exportFacts.conversations, String(data.conversations.length)],
          [p.exportFacts.forums, data.forums.map((f) => f.name).join(', ') || '0'],
          [p.exportFacts.answers, String(data.answers.length)],
          [p.exportFacts.actions, String(data.actionItems.length)],
          [p.exportFacts.audit, String(data.audit.length)],
          [p.exportFacts.links, String(data.links.accounts.length)],
        ]),
      ],
      [openUrl(p.exportLink(EXPORT_LINK_TTL_MINUTES), link)],
    ),
  );
}
