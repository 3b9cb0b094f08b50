import { createHash } from 'node:crypto';
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { conversationKey } from '../domain/conversation.js';
import type { Platform } from '../services/platform.js';
import { baseConversationId, tenantOf } from './activity.js';
import { turnWasRefused } from './refusal.js';

/** How long an activity id is remembered: Teams retries within seconds to minutes. */
export const IDEMPOTENCY_TTL_SECONDS = 30 * 60;
const PENDING = 'pending';
const INVOKE_RESPONSE = 'invokeResponse';

/** The marker id of one activity (the ids are opaque; a digest keeps keys short and safe). */
export function turnMarkerId(conversationId: string, activityId: string): string {
  return `${conversationKey(baseConversationId(conversationId))}.${createHash('sha256').update(activityId).digest('base64url').slice(0, 22)}`;
}

/**
 * Teams re-sends an activity (same id) when the bot answered slowly or with an error.
 * The first delivery claims the id (Redis SET NX); a duplicate message is dropped and a
 * duplicate invoke gets the first one's response again, so a card action has one effect.
 * A refused submit is the exception: its response (the form again, with what the user
 * typed in it) is never stored — the id is released instead and a retry runs again,
 * which is harmless because a refusal changed nothing (see refusal.ts).
 * Runs after authentication (it is adapter middleware), so a forged request cannot read
 * a cached response. While Redis is down the turn simply runs (and fails politely).
 */
export function idempotency(s: Platform, opts: { waitMs?: number } = {}): Middleware {
  const waitMs = opts.waitMs ?? 10_000;
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      const a = ctx.activity;
      const kind = a.type === ActivityTypes.Invoke ? 'invoke' : a.type === ActivityTypes.Message ? 'message' : null;
      if (!kind || typeof a.id !== 'string' || !a.id || typeof a.conversation?.id !== 'string') return next();
      // Redis down: no bookkeeping (the turn will answer "try again shortly" without delay).
      // Another tenant: nothing is written (the tenant rule refuses the turn).
      if (!s.repos.markers.connected || !(await s.tenants.allows(tenantOf(a)))) return next();
      const id = turnMarkerId(a.conversation.id, a.id);
      let first: boolean;
      try {
        first = await s.repos.markers.setOnce('turn', id, PENDING, IDEMPOTENCY_TTL_SECONDS);
      } catch {
        return next();
      }
      if (!first) {
        if (kind === 'message') {
          s.log.info({ type: a.type, activityId: a.id }, 'duplicate activity (Teams retry); dropped');
          return;
        }
        const outcome = await replay(s, ctx, id, waitMs);
        s.log.info({ type: a.type, activityId: a.id, outcome }, 'duplicate activity (Teams retry)');
        if (outcome !== 'rerun') return;
      }
      let response: unknown;
      if (kind === 'invoke') {
        ctx.onSendActivities(async (_c, activities, send) => {
          for (const act of activities) if (act.type === INVOKE_RESPONSE) response = act.value;
          return send();
        });
      }
      try {
        await next();
      } catch (error) {
        // The turn failed: let a retry of the same activity run again.
        await s.repos.markers.del('turn', id).catch(() => undefined);
        throw error;
      }
      // A refusal changed nothing and its card holds the refused text: keep neither.
      if (turnWasRefused(ctx)) {
        await s.repos.markers.del('turn', id).catch(() => undefined);
        return;
      }
      await s.repos.markers.set('turn', id, JSON.stringify({ response: response ?? null }), IDEMPOTENCY_TTL_SECONDS).catch(() => undefined);
    },
  };
}

/**
 * A duplicate invoke: the first response again ('replayed'), or — when the first delivery
 * was refused or failed and released the id — this delivery claims it and runs ('rerun').
 */
async function replay(s: Platform, ctx: TurnContext, id: string, waitMs: number): Promise<'replayed' | 'rerun' | 'accepted'> {
  const start = Date.now();
  for (;;) {
    const raw = await s.repos.markers.get('turn', id).catch(() => undefined);
    if (raw && raw !== PENDING) {
      const cached = (JSON.parse(raw) as { response: unknown }).response;
      await ctx.sendActivity({ type: INVOKE_RESPONSE, value: cached ?? { status: 200, body: {} } });
      return 'replayed';
    }
    if (raw === null && (await s.repos.markers.setOnce('turn', id, PENDING, IDEMPOTENCY_TTL_SECONDS).catch(() => false))) return 'rerun';
    // Still running (or Redis unreadable): answer "accepted" rather than run the action twice.
    if (raw === undefined || Date.now() - start > waitMs) {
      await ctx.sendActivity({ type: INVOKE_RESPONSE, value: { status: 202, body: {} } });
      return 'accepted';
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
