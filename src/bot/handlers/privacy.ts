import type { TurnContext } from 'botbuilder';
import { card, facts, openUrl, text, title } from '../../../cards/kit.js';
import type { Catalog } from '../../i18n/index.js';
import type { Platform } from '../../services/platform.js';
import { collectPersonalData, createExportLink, EXPORT_LINK_TTL_MINUTES } from '../../services/privacy/exportData.js';
import { conversationKindOf } from '../activity.js';
import { replyCard, replyText } from '../reply.js';

/**
 * `exportera mina data` / `export my data`: a summary card of everything the bot stores
 * about this person — every organisation, every linked account (identity from the
 * activity, never from card data) — and a signed, expiring link to the full JSON, which
 * holds the person's own answer texts: only ever in their personal chat.
 */
export async function exportMyData(p: Platform, ctx: TurnContext, m: Catalog): Promise<void> {
  const t = m.privacy;
  const aad = ctx.activity.from?.aadObjectId;
  if (!aad) return replyText(ctx, t.exportNeedsIdentity);
  if (conversationKindOf(ctx.activity) !== 'personal') return replyText(ctx, t.exportPersonalOnly);
  const who = { aadObjectId: aad, ...(ctx.activity.from?.id ? { teamsUserId: ctx.activity.from.id } : {}) };
  const data = await collectPersonalData(p, who);
  const link = await createExportLink(p, who);
  const roles = data.orgs.flatMap((o) => {
    const names = [o.roles.chairByConfiguration || o.roles.chairAddedByAChair ? t.roleNames.chair : null, o.roles.steeringMember ? t.roleNames.steering : null].filter((r): r is string => !!r);
    return names.length ? [`${o.name}: ${names.join(', ')}`] : [];
  });
  const count = (f: (o: (typeof data.orgs)[number]) => number) => String(data.orgs.reduce((n, o) => n + f(o), 0));
  await replyCard(
    ctx,
    card(
      [
        title(t.exportTitle),
        text(t.exportIntro),
        facts([
          [t.exportFacts.orgs, data.orgs.map((o) => o.name).join(', ') || '0'],
          [t.exportFacts.roles, roles.length ? roles.join('; ') : t.roleNames.none],
          [t.exportFacts.conversations, String(data.conversations.length)],
          [t.exportFacts.forums, data.orgs.flatMap((o) => o.forums.map((f) => f.name)).join(', ') || '0'],
          [t.exportFacts.answers, count((o) => o.answers.length)],
          [t.exportFacts.actions, count((o) => o.actionItems.length)],
          [t.exportFacts.audit, count((o) => o.audit.length)],
          [t.exportFacts.links, String(data.links.accounts.length)],
        ]),
      ],
      [openUrl(t.exportLink(EXPORT_LINK_TTL_MINUTES), link)],
    ),
  );
}
