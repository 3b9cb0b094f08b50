import type { TurnContext } from 'botbuilder';
import type { Command } from '../../../domain/commands.js';
import { replyText } from '../../reply.js';
import type { RequestContext } from '../../requestContext.js';

export type InputsCommand = Extract<Command, { name: 'iAmContact' | 'sendPrompts' | 'remind' | 'status' | 'retryFailed' }>;

/** Text commands of this feature; the role was already checked by the router. */
export async function inputsCommand(rc: RequestContext, ctx: TurnContext, cmd: InputsCommand): Promise<void> {
  void cmd;
  await replyText(ctx, rc.m.errors.notAvailableYet);
}
