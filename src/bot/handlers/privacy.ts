import type { TurnContext } from 'botbuilder';
import { replyText } from '../reply.js';
import type { RequestContext } from '../requestContext.js';

/** `exportera mina data`: everything the bot stores about this user. */
export async function exportMyData(rc: RequestContext, ctx: TurnContext): Promise<void> {
  await replyText(ctx, rc.m.errors.notAvailableYet);
}
