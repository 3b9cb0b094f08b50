import { TeamsInfo, type TurnContext } from 'botbuilder';
import { STEERING_ID } from '../../domain/steering.js';
import { conversationKindOf } from '../activity.js';
import { importRoster } from '../membership.js';
import { replyText } from '../reply.js';
import type { RequestContext } from '../requestContext.js';

/** `registrera styrgrupp`: this channel becomes the steering group's channel (chairs only). */
export async function registerSteering(rc: RequestContext, ctx: TurnContext): Promise<void> {
  if (conversationKindOf(ctx.activity) === 'personal') return replyText(ctx, rc.m.errors.needsChannel);
  const now = rc.s.clock().toISOString();
  const previous = rc.steering?.data.conversationId;
  if (previous === rc.conversationId) return replyText(ctx, rc.m.steering.alreadyHere);
  await rc.s.repos.steering.mutate(STEERING_ID, rc.actorId, previous ? 'move-channel' : 'register', (cur) => ({
    conversationId: rc.conversationId,
    registeredBy: rc.actorId,
    registeredAt: now,
    extraChairIds: cur?.extraChairIds ?? [],
    memberIds: [],
  }));
  await replyText(ctx, previous ? rc.m.steering.moved : rc.m.steering.registered);
  await importRoster(rc.s, ctx);
}

/** `lägg till ordförande @namn`: the mentioned user becomes a chair (chairs only). */
export async function addChair(rc: RequestContext, ctx: TurnContext): Promise<void> {
  const mention = (ctx.activity.entities ?? []).find(
    (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id !== ctx.activity.recipient?.id,
  ) as { mentioned?: { id: string; name?: string } } | undefined;
  if (!mention?.mentioned) return replyText(ctx, rc.m.fieldErrors.noMention);
  let aad: string | undefined;
  try {
    aad = (await TeamsInfo.getMember(ctx, mention.mentioned.id)).aadObjectId;
  } catch {
    aad = undefined;
  }
  if (!aad) return replyText(ctx, rc.m.fieldErrors.noMention);
  await rc.s.repos.steering.mutate(STEERING_ID, rc.actorId, 'add-chair', (cur) => {
    if (!cur) return { conversationId: rc.conversationId, registeredBy: rc.actorId, registeredAt: rc.s.clock().toISOString(), extraChairIds: [aad!], memberIds: [] };
    return cur.extraChairIds.includes(aad!) ? null : { ...cur, extraChairIds: [...cur.extraChairIds, aad!] };
  });
  await replyText(ctx, rc.m.steering.chairAdded(mention.mentioned.name ?? ''));
}
