import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type Storage, type TurnContext } from 'botbuilder';
import { SamverkanAdapter, botAuthConfig } from './adapter.js';
import { idempotency } from './idempotency.js';
import type { Platform } from '../services/platform.js';
import { botWasAdded, botWasRemoved, tenantOf } from './activity.js';
import { messageCard, runCardAction } from './cardActions.js';
import { routeCommand } from './commandRouter.js';
import { isOutage, userMessageFor } from './errorMessages.js';
import { forgetConversation, rememberConversation } from './install.js';
import { welcomeText } from './welcome.js';
import { recordMembership, rosterChanged } from './membership.js';
import { replyCard, replyText } from './reply.js';
import { loadRequestContext } from './requestContext.js';
import { inputVerbsCheckTheirForum } from './handlers/inputs/verbs.js';
import { langOf, messages } from '../i18n/index.js';
import { RouteScopedTurnState, noRouteUsesTurnState, type UsesTurnState } from './turnState.js';
import { resolveOrg } from './orgResolution.js';
import { stampActivity, stampOrg } from './stampOrg.js';
import { bindIfRegistered, chooseOrgCard, runOrgFreeCommand, runOrgFreeVerb } from './handlers/organisations.js';
import { parseCommand } from '../domain/commands.js';
import type { Services } from '../services/services.js';
import { runPersonCommand } from './handlers/person.js';

/**
 * The Teams-facing module: the botbuilder adapter and the teams-ai Application with its
 * routes. Everything Teams-specific stays under src/bot so a move to the Teams SDK is local.
 */
export function createAdapter(s: Platform): TeamsAdapter {
  const adapter = new SamverkanAdapter(botAuthConfig(s.config));
  // Teams retries (same activity id) have one effect; runs after authentication.
  adapter.use(idempotency(s));
  // Failures outside our routes (e.g. turn state unreadable while Redis is down): one
  // localized sentence, no stack trace to the user, and the process stays up.
  adapter.onTurnError = async (ctx, error) => {
    logError(s, ctx, error);
    const m = messages(langOf(ctx.activity.locale, s.config.DEFAULT_LOCALE));
    try {
      if (ctx.activity.type === ActivityTypes.Invoke && ctx.activity.name === ACTION_INVOKE) {
        await respondInvoke(ctx, 200, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: messageCard(userMessageFor(error, m)) });
      } else if (ctx.activity.type === ActivityTypes.Invoke) {
        // Redis down: 503 (Teams may retry); anything else came from a malformed invoke: 400.
        await respondInvoke(ctx, isOutage(error) ? 503 : 400);
      } else if (ctx.activity.type === ActivityTypes.Message) {
        await replyText(ctx, userMessageFor(error, m));
      }
    } catch (sendError) {
      logError(s, ctx, sendError);
    }
  };
  return adapter;
}

const ACTION_INVOKE = 'adaptiveCard/action';

async function respondInvoke(ctx: TurnContext, status: number, body?: unknown): Promise<void> {
  await ctx.sendActivity({ type: 'invokeResponse', value: { status, body } });
}

export function createBotApp(s: Platform, adapter: TeamsAdapter, storage: Storage, usesTurnState: UsesTurnState = noRouteUsesTurnState): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    storage,
    // Turn state is read from Redis only for the routes that use it (none today).
    turnStateFactory: () => new RouteScopedTurnState(usesTurnState),
    botAppId: s.config.BOT_ID ?? '',
    removeRecipientMention: true,
    startTypingTimer: false,
  });
  const lang = (ctx: TurnContext) => langOf(ctx.activity.locale, s.config.DEFAULT_LOCALE);

  app.turn('beforeTurn', async (ctx) => {
    // One debug line per turn: kinds and ids only (a card's verb, never its data or text).
    const verb = (ctx.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
    s.log.debug({ type: ctx.activity.type, name: ctx.activity.name, verb: typeof verb === 'string' ? verb.slice(0, 64) : undefined, activityId: ctx.activity.id }, 'turn');
    if (!(await s.tenants.allows(tenantOf(ctx.activity)))) {
      s.log.warn({ tenant: tenantOf(ctx.activity) ?? null, type: ctx.activity.type }, 'activity from a tenant that is not allowed; ignored');
      // An invoke must be answered (else the adapter says 501): a bare 403, nothing else.
      if (ctx.activity.type === ActivityTypes.Invoke) await respondInvoke(ctx, 403);
      return false;
    }
    if (ctx.activity.type === ActivityTypes.Message || ctx.activity.type === ActivityTypes.Invoke || ctx.activity.type === ActivityTypes.ConversationUpdate) {
      if (!botWasRemoved(ctx.activity) && ctx.activity.type !== ActivityTypes.ConversationUpdate) await rememberConversation(s, ctx);
    }
    return true;
  });

  const orgOf = async (ctx: TurnContext) => {
    const res = await resolveOrg(s, ctx.activity);
    return res.kind === 'org' ? res.s : null;
  };

  app.conversationUpdate('membersAdded', async (ctx) => {
    if (!botWasAdded(ctx.activity)) {
      const org = await orgOf(ctx);
      return org ? rosterChanged(org, ctx) : undefined;
    }
    await rememberConversation(s, ctx);
    await replyText(ctx, await welcomeText(s, ctx, messages(lang(ctx))));
  });

  app.conversationUpdate('membersRemoved', async (ctx) => {
    if (botWasRemoved(ctx.activity)) await forgetConversation(s, ctx);
    else {
      const org = await orgOf(ctx);
      if (org) await rosterChanged(org, ctx);
    }
  });

  app.activity(ActivityTypes.InstallationUpdate, async (ctx) => {
    const action = String(ctx.activity.action ?? '');
    if (action.startsWith('remove')) await forgetConversation(s, ctx);
    else await rememberConversation(s, ctx);
  });

  // Action.Execute: one route for every verb, dispatched by our own typed map.
  app.addRoute(
    async (ctx) => ctx.activity.type === ActivityTypes.Invoke && ctx.activity.name === ACTION_INVOKE,
    async (ctx) => {
      const action = (ctx.activity.value as { action?: { type?: string; verb?: unknown; data?: unknown } } | undefined)?.action;
      const m = messages(lang(ctx));
      let cardOut;
      try {
        const data = action?.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : undefined;
        const requested = typeof data?.org === 'string' ? data.org : undefined;
        const orgFree = await runOrgFreeVerb(s, ctx, m, action?.verb, data, (org, text) => runText(org, ctx, text));
        if (orgFree) cardOut = orgFree;
        else {
          const res = await resolveOrg(s, ctx.activity, requested);
          if (res.kind === 'org') {
            const rc = await loadRequestContext(res.s, ctx, { personForums: !inputVerbsCheckTheirForum.includes(String(action?.verb)), ...(res.actAs ? { actAs: res.actAs } : {}) });
            await recordMembership(rc, { namedByCard: requested !== undefined && !res.bound });
            cardOut = stampOrg(await runCardAction(rc, action?.verb, withoutOrg(data), ctx), res.s.org.id);
            if (!res.bound) await bindIfRegistered(rc, ctx);
          } else if (res.kind === 'choose') cardOut = chooseOrgCard(m, res.orgs);
          else cardOut = messageCard(requested ? m.organisations.otherOrgCard : m.organisations.none);
        }
      } catch (error) {
        logError(s, ctx, error);
        cardOut = messageCard(userMessageFor(error, m));
      }
      await respondInvoke(ctx, 200, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: cardOut });
    },
    true,
  );

  // Any other invoke is acknowledged so Teams does not show an error.
  app.addRoute(
    async (ctx) => ctx.activity.type === ActivityTypes.Invoke,
    async (ctx) => respondInvoke(ctx, 200, {}),
    true,
  );

  app.activity(ActivityTypes.Message, async (ctx) => {
    const text = (ctx.activity.text ?? '').trim();
    const m = messages(lang(ctx));
    try {
      if (!text) {
        // An Action.Submit or an empty message: nothing to do but be helpful.
        if (ctx.activity.value) return replyText(ctx, m.errors.badCard);
        return;
      }
      const cmd = parseCommand(text);
      if (await runOrgFreeCommand(s, ctx, m, cmd)) return;
      const res = await resolveOrg(s, ctx.activity);
      if (await runPersonCommand(s, ctx, m, cmd)) {
        // As any turn: the person is seen (a chair can make them an owner) in the chat's organisation, if it has one.
        if (res.kind === 'org') await recordMembership(await loadRequestContext(res.s, ctx, res.actAs ? { actAs: res.actAs } : {}));
        return;
      }
      if (res.kind === 'choose') return replyCard(ctx, chooseOrgCard(m, res.orgs, text));
      if (res.kind === 'none') return replyText(ctx, m.organisations.none);
      await runText(res, ctx, text);
    } catch (error) {
      logError(s, ctx, error);
      await replyText(ctx, userMessageFor(error, m)).catch(() => undefined);
    }
  });

  return app;
}

/** A text command in one organisation (resolved, or chosen on the choice card), its cards stamped with it. */
async function runText(res: { s: Services; bound: boolean; actAs?: string }, ctx: TurnContext, text: string): Promise<void> {
  const orgId = res.s.org.id;
  // Cards in replies name their organisation (see stampOrg).
  ctx.onSendActivities(async (_c, activities, next) => {
    activities.forEach((a, i) => (activities[i] = stampActivity(a, orgId)));
    return next();
  });
  const rc = await loadRequestContext(res.s, ctx, res.actAs ? { actAs: res.actAs } : {});
  await recordMembership(rc);
  await routeCommand(rc, ctx, text);
  if (!res.bound) await bindIfRegistered(rc, ctx);
}

/** The organisation a card names is resolved above; handlers never see it. */
function withoutOrg(data: Record<string, unknown> | undefined): unknown {
  if (!data || !('org' in data)) return data;
  const { org: _org, ...rest } = data;
  return rest;
}

function logError(s: Platform, ctx: TurnContext, error: unknown): void {
  const e = error as { name?: string; reason?: string; code?: string; message?: string };
  // The message of a DomainError holds no user text; other errors are logged by name/code only.
  s.log.error({ type: ctx.activity.type, activityId: ctx.activity.id, err: { name: e?.name, reason: e?.reason, code: e?.code, message: e?.reason ? e.message : undefined } }, 'turn failed');
}
