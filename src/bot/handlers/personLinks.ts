import type { TurnContext } from 'botbuilder';
import { linkCodeCard, linkedAccountsCard } from '../../../cards/linkCards.js';
import type { AdaptiveCard } from '../../../cards/kit.js';
import { verbSchemas } from '../../../cards/verbs.js';
import {
  LINK_CODE_TTL_SECONDS,
  formatLinkCode,
  isPersonLinkError,
  linkRefused,
  parseLinkCode,
  shortAccountId,
  type LinkedAccount,
} from '../../domain/people/personLink.js';
import { accountsOf, createLinkCode, redeemLinkCode, unlinkAccount } from '../../services/people/linking.js';
import type { Catalog } from '../../i18n/index.js';
import type { Platform } from '../../services/platform.js';
import { conversationKindOf, tenantOf } from '../activity.js';
import { userMessageFor } from '../errorMessages.js';
import { messageCard } from '../cardActions.js';
import { refusal } from '../refusal.js';
import { replyCard, replyText } from '../reply.js';
import type { RequestContext } from '../requestContext.js';
import type { VerbHandlers } from '../verbHandler.js';

/**
 * `länka konto` shows a one-time code; `länka konto 1234 5678`, typed in the other
 * account's personal chat, links the two. Personal chats only: a code never appears in a
 * channel, and who typed it is the activity's own Entra id and tenant. Person-wide:
 * answered before (and without) resolving an organisation, so someone in several
 * organisations gets no choice card first, and someone in none can link too.
 */
export async function linkAccountCommand(p: Platform, ctx: TurnContext, m: Catalog, arg: string | undefined): Promise<void> {
  const l = m.links;
  const typed = arg === undefined ? undefined : parseLinkCode(arg);
  if (conversationKindOf(ctx.activity) !== 'personal') {
    // A code typed where others can read it is spent: nobody else may use it.
    if (typed) {
      await p.repos.personLinks.discard(typed);
      return replyText(ctx, `${l.refusals['not-personal-chat']} ${l.codeDiscarded}`);
    }
    return replyText(ctx, l.refusals['not-personal-chat']);
  }
  const who = accountOf(ctx);
  if (!who) return replyText(ctx, l.refusals['needs-identity']);
  if (arg === undefined) {
    const { code } = await createLinkCode(p, who);
    return replyCard(ctx, linkCodeCard(m, formatLinkCode(code), LINK_CODE_TTL_SECONDS / 60));
  }
  if (!typed) return replyText(ctx, l.refusals['malformed-code']);
  try {
    const { issuer } = await redeemLinkCode(p, typed, who);
    return replyText(ctx, l.linked(l.account(issuer.tenant, shortAccountId(issuer.aad))));
  } catch (error) {
    if (isPersonLinkError(error)) return replyText(ctx, userMessageFor(error, m));
    throw error;
  }
}

/** `avlänka konto`: the user's linked accounts, each with a button to unlink it. */
export async function unlinkAccountCommand(p: Platform, ctx: TurnContext, m: Catalog): Promise<void> {
  const l = m.links;
  const aad = ctx.activity.from?.aadObjectId;
  if (conversationKindOf(ctx.activity) !== 'personal') return replyText(ctx, l.refusals['not-personal-chat']);
  if (!aad) return replyText(ctx, l.refusals['needs-identity']);
  return replyCard(ctx, linkedAccountsCard(m, await accountsOf(p, aad), aad));
}

/** `link.unlink {account}`: the account must be one of the user's own links (card data is untrusted). */
export async function unlinkVerb(p: Platform, ctx: TurnContext, m: Catalog, data: unknown): Promise<AdaptiveCard> {
  const l = m.links;
  const parsed = verbSchemas['link.unlink'].safeParse(data ?? {});
  if (!parsed.success) return messageCard(m.errors.badCard);
  const aad = ctx.activity.from?.aadObjectId;
  try {
    if (conversationKindOf(ctx.activity) !== 'personal') throw linkRefused('not-personal-chat');
    if (!aad) throw linkRefused('needs-identity');
    await unlinkAccount(p, aad, parsed.data.account);
    return linkedAccountsCard(m, await accountsOf(p, aad), aad, l.unlinked(shortAccountId(parsed.data.account)));
  } catch (error) {
    if (isPersonLinkError(error)) return refusal(messageCard(userMessageFor(error, m)));
    throw error;
  }
}

/** Answered before resolution (app.ts, `runOrgFreeVerb`); an organisation's handlers never see it. */
export const linkVerbHandlers = { 'link.unlink': async (rc: RequestContext) => messageCard(rc.m.errors.badCard) } satisfies VerbHandlers<'link.unlink'>;

function accountOf(ctx: TurnContext): LinkedAccount | null {
  const tenant = tenantOf(ctx.activity);
  const aad = ctx.activity.from?.aadObjectId;
  return aad && tenant ? { aad, tenant } : null;
}
