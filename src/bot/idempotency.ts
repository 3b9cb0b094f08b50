import { createHash } from 'node:crypto';
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { conversationKey } from '../domain/conversation.js';
import type { Services } from '../services/services.js';
import { baseConversationId, tenantAllowed } from './activity.js';

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
 * Runs after authentication (it is adapter middleware), so a forged request cannot read
 * a cached response. While Redis is down the turn simply runs (and fails politely).
 */
export function idempotency(s: Services, opts: { waitMs?: number } = {}): Middleware {
  const waitMs = opts.waitMs ?? 10_000;
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      const a = ctx.activity;
      const kind = a.type === ActivityTypes.Invoke ? 'invoke' : a.type === ActivityTypes.Message ? 'message' : null;
      if (!kind || typeof a.id !== 'string' || !a.id || typeof a.conversation?.id !== 'string') return next();
      // Redis down: no bookkeeping (the turn will answer "try again shortly" without delay).
      // Another tenant: nothing is written (the tenant rule refuses the turn).
      if (!s.repos.markers.connected || !tenantAllowed(s.config.ALLOWED_TENANTS, a)) return next();
      const id = turnMarkerId(a.conversation.id, a.id);
      let first: boolean;
      try {
        first = await s.repos.markers.setOnce('turn', id, PENDING, IDEMPOTENCY_TTL_SECONDS);
      } catch {
        return next();
      }
      if (!first) {
        s.log.info({ type: a.type, activityId: a.id }, 'duplicate activity (Teams retry); first response replayed');
        if (kind === 'invoke') await replay(s, ctx, id, waitMs);
        return;
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
      await s.repos.markers.set('turn', id, JSON.stringify({ response: response ?? null }), IDEMPOTENCY_TTL_SECONDS).catch(() => undefined);
    },
  };
}

async function replay(s: Services, ctx: TurnContext, id: string, waitMs: number): Promise<void> {
  const start = Date.now();
  for (;;) {
    const raw = await s.repos.markers.get('turn', id).catch(() => null);
    if (raw && raw !== PENDING) {
      const cached = (JSON.parse(raw) as { response: unknown }).response;
      await ctx.sendActivity({ type: INVOKE_RESPONSE, value: cached ?? { status: 200, body: {} } });
      return;
    }
    // Still running (or gone): answer "accepted" rather than run the action twice.
    if (!raw || Date.now() - start > waitMs) {
      await ctx.sendActivity({ type: INVOKE_RESPONSE, value: { status: 202, body: {} } });
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
