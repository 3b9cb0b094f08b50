import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { compileProgressCard } from '../../../../cards/lagesbild/lagesbildCard.js';
import type { Command } from '../../../domain/commands.js';
import { meetingTitle } from '../../../domain/meeting.js';
import { compileProgressOf, newCardKey, requestCompile } from '../../../services/lagesbild/compile.js';
import { publishLagesbild } from '../../../services/lagesbild/publish.js';
import { replyCard, replyText } from '../../reply.js';
import type { RequestContext } from '../../requestContext.js';
import { audienceHere } from './audience.js';
import { currentLagesbildCard } from '../../lagesbildViews.js';
import { meetingFor } from '../meetingArg.js';

export type LagesbildCommand = Extract<Command, { name: 'compile' | 'publish' }>;

/** Text commands of this feature; the role (chair) was already checked by the router. */
export async function lagesbildCommand(rc: RequestContext, ctx: TurnContext, cmd: LagesbildCommand): Promise<void> {
  switch (cmd.name) {
    case 'compile':
      return compileCommand(rc, ctx, withoutAgain(cmd.arg));
    case 'publish':
      return publishCommand(rc, ctx, cmd.arg);
    default: {
      const unhandled: never = cmd;
      return unhandled;
    }
  }
}

/** "sammanställ igen [2027-1]" / "compile again": "igen" is not a meeting. */
export function withoutAgain(arg: string | undefined): string | undefined {
  const rest = arg?.replace(/^(igen|again)\b\s*/i, '').trim();
  return rest || undefined;
}

/**
 * `sammanställ [möte]`: a progress card is posted here at once, and the compile job
 * updates it in place ("12 av 15 forum") and finally turns it into the lägesbild card.
 */
async function compileCommand(rc: RequestContext, ctx: TurnContext, arg: string | undefined): Promise<void> {
  const meeting = await meetingFor(rc, ctx, arg);
  if (!meeting) return;
  const title = meetingTitle(meeting.data, rc.lang);
  const run = await rc.s.repos.compileRuns.get(meeting.id);
  const running = run && (run.data.state === 'queued' || run.data.state === 'running');
  const progress = running ? await compileProgressOf(rc.s, meeting.id) : null;
  const posted = await ctx.sendActivity(
    MessageFactory.attachment(CardFactory.adaptiveCard(compileProgressCard(rc.m, title, progress && progress.run === run!.data.run ? progress : null, { joined: !!running }))),
  );
  // The card's activity id is kept before the job can finish, so its result updates this card.
  const cardKey = await newCardKey(rc.s, meeting.id, rc.conversationId);
  if (posted?.id) await rc.s.repos.markers.setCard(cardKey, posted.id, ctx.activity.conversation?.id);
  await requestCompile(rc.s, { meetingId: meeting.id, trigger: 'command', watcher: { conversationId: rc.conversationId, cardKey }, actor: rc.actorId });
}

/** `publicera [möte]`: the approved agenda and the steering version to the steering channel. */
async function publishCommand(rc: RequestContext, ctx: TurnContext, arg: string | undefined): Promise<void> {
  const meeting = await meetingFor(rc, ctx, arg);
  if (!meeting) return;
  const title = meetingTitle(meeting.data, rc.lang);
  const result = await publishLagesbild(rc.s, meeting.id, { id: rc.actorId, isChair: rc.roles.chair });
  if (result.ok) return replyText(ctx, result.republished ? rc.m.lagesbild.republishQueued(title) : rc.m.lagesbild.publishQueued(title));
  switch (result.reason) {
    case 'noSteering':
      return replyText(ctx, rc.m.lagesbild.noSteering);
    case 'noSnapshot':
      return replyText(ctx, rc.m.lagesbild.noSnapshot(title));
    case 'notApproved': {
      // The card to approve it from, right here.
      const c = await currentLagesbildCard(rc.s, rc.m, rc.lang, meeting.id, audienceHere(rc, ctx), { text: rc.m.lagesbild.notApproved, tone: 'attention' });
      return c ? replyCard(ctx, c) : replyText(ctx, rc.m.lagesbild.notApproved);
    }
    default: {
      const unhandled: never = result.reason;
      return unhandled;
    }
  }
}

