import type { TurnContext } from 'botbuilder';
import { noPromiseCard } from '../../../../cards/promise/promiseCard.js';
import type { Command } from '../../../domain/commands.js';
import { decisionsMeetingId } from '../../../services/promise/followUp.js';
import { matchDistrict } from '../../../services/promise/malbilder.js';
import { findCurrentPromise } from '../../../services/promise/promises.js';
import { replyCard, replyText } from '../../reply.js';
import type { RequestContext } from '../../requestContext.js';
import { meetingLabel } from '../../../../cards/promise/labels.js';
import { myActions } from './actionVerbs.js';
import { malbildView } from './malbildVerbs.js';
import { actionFormView, followUpView, promiseView } from './views.js';

export type PromiseCommand = Extract<Command, { name: 'promise' | 'myActions' | 'decisions' | 'goals' | 'followUp' }>;

const MEETING_ID = /^\d{4}-[1-9]$/;
const PERIOD_WORDS = new Set(['period', 'perioden', 'hela perioden', 'whole period']);

/** Text commands of this feature; the role was already checked by the router. */
export async function promiseCommand(rc: RequestContext, ctx: TurnContext, cmd: PromiseCommand): Promise<void> {
  switch (cmd.name) {
    case 'promise':
      return replyCard(ctx, await promiseView(rc));
    case 'myActions':
      return replyCard(ctx, await myActions(rc));
    case 'decisions': {
      const promise = await findCurrentPromise(rc.s);
      if (!promise) return replyCard(ctx, noPromiseCard(rc.m, rc.roles.chair));
      const meetingId = cmd.arg && MEETING_ID.test(cmd.arg) ? cmd.arg : await decisionsMeetingId(rc.s);
      return replyCard(ctx, await actionFormView(rc, promise.id, { decisionsMeeting: { meetingId, meetingLabel: meetingLabel(meetingId, rc.lang) } }));
    }
    case 'goals': {
      const district = matchDistrict(rc.s, cmd.arg);
      if (!district) return replyText(ctx, rc.m.promise.malbildWhich(rc.s.config.DISTRICTS.join(', ')));
      return replyCard(ctx, await malbildView(rc, district));
    }
    case 'followUp': {
      const arg = cmd.arg?.toLowerCase();
      if (arg && PERIOD_WORDS.has(arg)) return replyCard(ctx, await followUpView(rc, undefined, undefined, 'period'));
      return replyCard(ctx, await followUpView(rc, undefined, cmd.arg && MEETING_ID.test(cmd.arg) ? cmd.arg : undefined, 'meeting'));
    }
    default: {
      const unhandled: never = cmd;
      return unhandled;
    }
  }
}
