import type { TurnContext } from 'botbuilder';
import type { Catalog } from '../i18n/index.js';
import type { Platform } from '../services/platform.js';
import { conversationKindOf } from './activity.js';
import { resolveOrg } from './orgResolution.js';

/**
 * The greeting when the bot is installed: with many organisations in one service, a new
 * channel or group chat is told whose it is, or (none yet) how it gets one — the installer
 * told so directly when they are the operator who can create it.
 */
export async function welcomeText(p: Platform, ctx: TurnContext, m: Catalog): Promise<string> {
  const res = await resolveOrg(p, ctx.activity);
  const personal = conversationKindOf(ctx.activity) === 'personal';
  if (res.kind === 'org') {
    if (personal || (await p.orgs.activeIds()).length < 2) return m.welcome;
    return `${m.welcome}\n\n${m.organisations.welcomeBound(res.s.org.settings.data.name)}`;
  }
  if (res.kind === 'choose') return m.welcome;
  if (personal) return `${m.welcome}\n\n${m.organisations.none}`;
  const operator = !!ctx.activity.from?.aadObjectId && p.config.OPERATOR_IDS.includes(ctx.activity.from.aadObjectId);
  return `${m.welcome}\n\n${operator ? m.organisations.welcomeOperator : m.organisations.welcomeUnbound}`;
}
