import type { TurnContext } from 'botbuilder';
import type { Command } from '../../../domain/commands.js';
import { replyText } from '../../reply.js';
import type { RequestContext } from '../../requestContext.js';

export type PromiseCommand = Extract<Command, { name: 'promise' | 'myActions' | 'decisions' | 'goals' | 'followUp' }>;

/** Text commands of this feature; the role was already checked by the router. */
export async function promiseCommand(rc: RequestContext, ctx: TurnContext, cmd: PromiseCommand): Promise<void> {
  void cmd;
  await replyText(ctx, rc.m.errors.notAvailableYet);
}
