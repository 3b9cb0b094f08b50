import type { TurnContext } from 'botbuilder';
import type { Audience } from '../../../domain/inputs/sensitivity.js';
import { STEERING_CHANNEL_AUDIENCE } from '../../../services/lagesbild/publish.js';
import { conversationKindOf } from '../../activity.js';
import type { RequestContext } from '../../requestContext.js';

/** The chairs' version only to a chair in a personal chat; in channels and group chats the steering version. */
export function audienceHere(rc: RequestContext, ctx: TurnContext): Audience {
  return rc.roles.chair && conversationKindOf(ctx.activity) === 'personal' ? 'chairs' : STEERING_CHANNEL_AUDIENCE;
}
