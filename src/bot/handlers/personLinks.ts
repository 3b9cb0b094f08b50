import type { TurnContext } from 'botbuilder';
import { linkCodeCard, linkedAccountsCard } from '../../../cards/linkCards.js';
import type { AdaptiveCard } from '../../../cards/kit.js';
import type { VerbData } from '../../../cards/verbs.js';
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
 * channel, and who typed it is the activity's own Entra id and tenant.
 */
export async function linkAccountCommand(rc: RequestContext, ctx: TurnContext, arg: string | undefined): Promise<void> {
  const l = rc.m.links;
  const typed = arg === undefined ? undefined : parseLinkCode(arg);
  if (conversationKindOf(ctx.activity) !== 'personal') {
    // A code typed where others can read it is spent: nobody else may use it.
    if (typed) {
      await rc.s.repos.personLinks.discard(typed);
      return replyText(ctx, `${l.refusals['not-personal-chat']} ${l.codeDiscarded}`);
    }
    return replyText(ctx, l.refusals['not-personal-chat']);
  }
  const who = accountOf(rc, ctx);
  if (!who) return replyText(ctx, l.refusals['needs-identity']);
  if (arg === undefined) {
    const { code } = await createLinkCode(rc.s, who);
    return replyCard(ctx, linkCodeCard(rc.m, formatLinkCode(code), LINK_CODE_TTL_SECONDS / 60));
  }
  if (!typed) return replyText(ctx, l.refusals['malformed-code']);
  try {
    const { issuer } = await redeemLinkCode(rc.s, typed, who);
    return replyText(ctx, l.linked(l.account(issuer.tenant, shortAccountId(issuer.aad))));
  } catch (error) {
    if (isPersonLinkError(error)) return replyText(ctx, userMessageFor(error, rc.m));
    throw error;
  }
}

/** `avlänka konto`: the user's linked accounts, each with a button to unlink it. */
export async function unlinkAccountCommand(rc: RequestContext, ctx: TurnContext): Promise<void> {
  const l = rc.m.links;
  if (conversationKindOf(ctx.activity) !== 'personal') return replyText(ctx, l.refusals['not-personal-chat']);
  if (!rc.aadObjectId) return replyText(ctx, l.refusals['needs-identity']);
  return replyCard(ctx, linkedAccountsCard(rc.m, await accountsOf(rc.s, rc.aadObjectId), rc.aadObjectId));
}

/** `link.unlink {account}`: the account must be one of the user's own links (card data is untrusted). */
export async function unlinkVerb(rc: RequestContext, data: VerbData<'link.unlink'>, ctx: TurnContext): Promise<AdaptiveCard> {
  const l = rc.m.links;
  try {
    if (conversationKindOf(ctx.activity) !== 'personal') throw linkRefused('not-personal-chat');
    if (!rc.aadObjectId) throw linkRefused('needs-identity');
    await unlinkAccount(rc.s, rc.aadObjectId, data.account);
    return linkedAccountsCard(rc.m, await accountsOf(rc.s, rc.aadObjectId), rc.aadObjectId, l.unlinked(shortAccountId(data.account)));
  } catch (error) {
    if (isPersonLinkError(error)) return refusal(messageCard(userMessageFor(error, rc.m)));
    throw error;
  }
}

export const linkVerbHandlers = { 'link.unlink': unlinkVerb } satisfies VerbHandlers<'link.unlink'>;

function accountOf(rc: RequestContext, ctx: TurnContext): LinkedAccount | null {
  const tenant = tenantOf(ctx.activity);
  return rc.aadObjectId && tenant ? { aad: rc.aadObjectId, tenant } : null;
}
