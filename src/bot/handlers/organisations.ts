import { tenantCommand } from './tenants.js';
import { linkAccountCommand, unlinkAccountCommand, unlinkVerb } from './personLinks.js';
import type { TurnContext } from 'botbuilder';
import { chooseOrgCard as chooseCard, orgSettingsCard } from '../../../cards/org/orgCards.js';
import { orgVerbSchemas } from '../../../cards/org/verbs.js';
import type { AdaptiveCard } from '../../../cards/kit.js';
import type { VerbData } from '../../../cards/verbs.js';
import { conversationKey } from '../../domain/conversation.js';
import { parseCommand, type Command } from '../../domain/commands.js';
import { forumOfConversationTerm } from '../../domain/forum.js';
import { orgNameSchema } from '../../domain/organisation/orgSettings.js';
import { settingsFormSchema } from '../../domain/organisation/settingsForm.js';
import { isDomainError } from '../../domain/errors.js';
import type { Catalog } from '../../i18n/index.js';
import { createOrganisation } from '../../services/orgs/createOrganisation.js';
import { saveOrgSettings } from '../../services/orgs/saveOrgSettings.js';
import type { Platform } from '../../services/platform.js';
import type { Services } from '../../services/services.js';
import { ORG_SETTINGS_ID } from '../../store/organisations.js';
import { baseConversationId, conversationKindOf, teamOf, tenantOf } from '../activity.js';
import { messageCard } from '../cardActions.js';
import { myOrgAccounts, myOrgs } from '../orgResolution.js';
import { regionalPictureCommand } from './regional.js';
import { replyCard, replyText } from '../reply.js';
import type { RequestContext } from '../requestContext.js';

export const chooseOrgCard = (m: Catalog, orgs: Services[], pendingCommand?: string): AdaptiveCard =>
  chooseCard(
    m,
    orgs.map((s) => ({ id: s.org.id, name: s.org.settings.data.name })),
    pendingCommand,
  );

/**
 * Commands about organisations themselves, answered before (and without) resolving one:
 * `byt organisation`, `skapa organisation` and the person-wide `regional lägesbild`,
 * `länka konto` and `avlänka konto`, and the operators' `tillåt klient` / `spärra klient` / `klienter`. True
 * when the command was one of them.
 */
export async function runOrgFreeCommand(p: Platform, ctx: TurnContext, m: Catalog, cmd: Command): Promise<boolean> {
  if (cmd.name === 'switchOrg') {
    await switchOrg(p, ctx, m);
    return true;
  }
  if (cmd.name === 'createOrg') {
    await createOrg(p, ctx, m, cmd.arg);
    return true;
  }
  if (cmd.name === 'regionalPicture') {
    await regionalPictureCommand(p, ctx, m, cmd.year);
    return true;
  }
  if (cmd.name === 'linkAccount') {
    await linkAccountCommand(p, ctx, m, cmd.arg);
    return true;
  }
  if (cmd.name === 'unlinkAccount') {
    await unlinkAccountCommand(p, ctx, m);
    return true;
  }
  if (cmd.name === 'allowTenant' || cmd.name === 'blockTenant' || cmd.name === 'listTenants') {
    await tenantCommand(p, ctx, m, cmd);
    return true;
  }
  return false;
}

async function switchOrg(p: Platform, ctx: TurnContext, m: Catalog): Promise<void> {
  if (conversationKindOf(ctx.activity) !== 'personal') return replyText(ctx, m.organisations.switchNotPersonal);
  const aad = ctx.activity.from?.aadObjectId;
  const mine = aad ? await myOrgs(p, aad, ctx.activity) : [];
  if (mine.length === 0) return replyText(ctx, m.organisations.none);
  if (mine.length === 1) return replyText(ctx, m.organisations.onlyOne(mine[0]!.org.settings.data.name));
  await replyCard(ctx, chooseOrgCard(m, mine));
}

async function createOrg(p: Platform, ctx: TurnContext, m: Catalog, arg: string | undefined): Promise<void> {
  const aad = ctx.activity.from?.aadObjectId;
  if (!aad || !p.config.OPERATOR_IDS.includes(aad)) return replyText(ctx, m.organisations.createNotOperator);
  const { teamId } = teamOf(ctx.activity);
  if (conversationKindOf(ctx.activity) !== 'channel' || !teamId) return replyText(ctx, m.organisations.createNotChannel);
  const name = orgNameSchema.safeParse(arg ?? '');
  if (!name.success) return replyText(ctx, m.organisations.createBadName);
  const conversationId = baseConversationId(ctx.activity.conversation?.id ?? '');
  const result = await createOrganisation(p, { name: name.data, actor: aad, conversationId, convKey: conversationKey(conversationId), teamId, tenantId: tenantOf(ctx.activity) });
  if (!result.ok) {
    const other = await p.orgs.services(result.boundTo);
    return replyText(ctx, m.organisations.createBound(other?.org.settings.data.name ?? result.boundTo));
  }
  await replyText(ctx, m.organisations.created(name.data));
  await replyCard(ctx, await settingsCardOf(result.s, m));
}

/** Runs a text command in an organisation: the one chosen, as the person's account that has the role there. */
export type RunText = (org: { s: Services; bound: boolean; actAs?: string }, text: string) => Promise<void>;

/**
 * `link.unlink` is the person's (their linked accounts), like `avlänka konto`.
 * `org.choose` works with no organisation resolved: it is how one gets chosen. The choice
 * is remembered for the person (all their linked accounts), and the command that asked for
 * it (card data, never stored) runs now in the chosen organisation: its replies are sent
 * first, the card becomes a line saying which organisation the chat is about. Null for
 * every other verb.
 */
export async function runOrgFreeVerb(p: Platform, ctx: TurnContext, m: Catalog, verb: unknown, data: unknown, rerun: RunText): Promise<AdaptiveCard | null> {
  if (verb === 'link.unlink') return unlinkVerb(p, ctx, m, data);
  if (verb !== 'org.choose') return null;
  const parsed = orgVerbSchemas['org.choose'].safeParse(data ?? {});
  const aad = ctx.activity.from?.aadObjectId;
  if (!parsed.success || !aad) return messageCard(m.errors.badCard);
  const mine = await myOrgAccounts(p, aad, ctx.activity);
  const chosen = mine.find((x) => x.s.org.id === parsed.data.choice);
  if (!chosen) return messageCard(m.errors.notAllowed);
  const { pid } = await p.repos.personLinks.accountsOf(aad);
  await p.repos.orgs.choose(pid, chosen.s.org.id);
  const cmd = parsed.data.cmd?.trim();
  if (cmd && !isOrgFree(parseCommand(cmd))) await rerun({ s: chosen.s, bound: false, ...(chosen.aad !== aad ? { actAs: chosen.aad } : {}) }, cmd);
  return messageCard(m.organisations.chosen(chosen.s.org.settings.data.name));
}

/** Commands answered without an organisation never wait on a choice; re-running them would loop. */
function isOrgFree(cmd: Command): boolean {
  return cmd.name === 'switchOrg' || cmd.name === 'createOrg';
}

/**
 * After a turn in a conversation not yet bound to its organisation: bind it once it is
 * the steering channel or a forum's channel (and the steering channel's team), so that
 * other organisations created later never claim it.
 */
export async function bindIfRegistered(rc: RequestContext, ctx: TurnContext): Promise<void> {
  const kind = conversationKindOf(ctx.activity);
  if (kind === 'personal') return;
  const registry = rc.s.platform.repos.orgs;
  const [steering, forums] = await Promise.all([rc.s.repos.steering.get('styrgrupp'), rc.s.repos.forums.findBy(forumOfConversationTerm(rc.conversationId))]);
  const isSteering = steering?.data.conversationId === rc.conversationId;
  if (!isSteering && !forums.some((f) => f.data.conversationId === rc.conversationId)) return;
  await registry.bindConversation(conversationKey(rc.conversationId), rc.s.org.id);
  const { teamId } = teamOf(ctx.activity);
  if (isSteering && teamId) await registry.bindTeam(teamId, rc.s.org.id);
}

async function settingsCardOf(s: Services, m: Catalog, opts: { errors?: Record<string, string>; banner?: string } = {}): Promise<AdaptiveCard> {
  const stored = await s.platform.repos.orgs.settingsRepository(s.org.id).require(ORG_SETTINGS_ID);
  const c = s.config;
  return orgSettingsCard(
    m,
    stored,
    {
      districts: c.DISTRICTS,
      weekday: c.MEETING_WEEKDAY,
      time: c.MEETING_TIME,
      duration: c.MEETING_DURATION_MINUTES,
      agendaMinutes: c.AGENDA_MINUTES,
      timeZone: c.TIMEZONE,
      language: c.DEFAULT_LOCALE,
      retention: c.RETENTION_MONTHS,
      schoolHolidays: stored.data.schoolHolidays ?? '',
      slug: c.PUBLIC_SLUG,
    },
    opts,
  );
}

/** `inställningar` (chairs). */
export async function showOrgSettings(rc: RequestContext, ctx: TurnContext): Promise<void> {
  await replyCard(ctx, await settingsCardOf(rc.s, rc.m));
}

export const orgVerbHandlers = {
  'org.choose': async (rc: RequestContext) => messageCard(rc.m.errors.badCard),
  'org.settingsOpen': async (rc: RequestContext) => (rc.roles.chair ? settingsCardOf(rc.s, rc.m) : messageCard(rc.m.errors.notAllowedChair)),
  'org.settingsSave': async (rc: RequestContext, data: VerbData<'org.settingsSave'>) => {
    if (!rc.roles.chair) return messageCard(rc.m.errors.notAllowedChair);
    const form = settingsFormSchema.safeParse(data);
    if (!form.success) return messageCard(rc.m.errors.badCard);
    try {
      const saved = await saveOrgSettings(rc.s, data.version, form.data, rc.actorId);
      return settingsCardOf(saved.s, rc.m, { banner: rc.m.organisations.settingsSaved(saved.s.org.settings.data.name) + (saved.rescheduled ? ` ${rc.m.organisations.rescheduled(saved.rescheduled)}` : '') });
    } catch (e) {
      if (isDomainError(e) && e.reason === 'invalid-input') return settingsCardOf(rc.s, rc.m, { errors: e.details.fieldErrors as Record<string, string> });
      if (isDomainError(e) && e.reason === 'stale-write') return settingsCardOf(rc.s, rc.m, { banner: rc.m.organisations.settingsStale });
      throw e;
    }
  },
};
