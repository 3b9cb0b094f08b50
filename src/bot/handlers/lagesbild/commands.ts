import type { TurnContext } from 'botbuilder';
import type { Command } from '../../../domain/commands.js';
import { replyText } from '../../reply.js';
import type { RequestContext } from '../../requestContext.js';

export type LagesbildCommand = Extract<Command, { name: 'compile' | 'publish' }>;

/** Text commands of this feature; the role was already checked by the router. */
export async function lagesbildCommand(rc: RequestContext, ctx: TurnContext, cmd: LagesbildCommand): Promise<void> {
  void cmd;
  await replyText(ctx, rc.m.errors.notAvailableYet);
}
