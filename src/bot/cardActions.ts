import type { TurnContext } from 'botbuilder';
import { card, text, type AdaptiveCard } from '../../cards/kit.js';
import { isVerb, verbSchemas, type Verb, type VerbData } from '../../cards/verbs.js';
import { editForum, saveForum, setForumActive } from './handlers/forums.js';
import { askCancel, confirmCancel, confirmPlanVerb, openMove, saveMove, showMeetings } from './handlers/meetings.js';
import { isRefusal, markTurnRefused } from './refusal.js';
import type { RequestContext } from './requestContext.js';
import type { VerbHandler, VerbHandlers } from './verbHandler.js';
import { inputsVerbHandlers } from './handlers/inputs/verbs.js';
import { lagesbildVerbHandlers } from './handlers/lagesbild/verbs.js';
import { promiseVerbHandlers } from './handlers/promise/verbs.js';
import { publicVerbHandlers } from './handlers/public/verbs.js';
import { orgVerbHandlers } from './handlers/organisations.js';
import { orgLeavingVerbHandlers } from './handlers/orgLeaving.js';
import { linkVerbHandlers } from './handlers/personLinks.js';

/** One handler per verb; the mapped type makes a missing verb a build error. */
const coreHandlers = {
  'forum.save': saveForum,
  'forum.edit': (rc, data) => editForum(rc, data),
  'forum.deactivate': (rc, data) => setForumActive(rc, data, false),
  'forum.activate': (rc, data) => setForumActive(rc, data, true),
  'plan.confirm': (rc, data) => confirmPlanVerb(rc, data),
  'meetings.show': (rc) => showMeetings(rc),
  'meeting.moveOpen': (rc, data) => openMove(rc, data),
  'meeting.moveSave': (rc, data) => saveMove(rc, data),
  'meeting.cancelAsk': (rc, data) => askCancel(rc, data),
  'meeting.cancelConfirm': (rc, data) => confirmCancel(rc, data),
} satisfies VerbHandlers<'forum.save' | 'forum.edit' | 'forum.deactivate' | 'forum.activate' | 'plan.confirm' | 'meetings.show' | 'meeting.moveOpen' | 'meeting.moveSave' | 'meeting.cancelAsk' | 'meeting.cancelConfirm'>;

const handlers: VerbHandlers<Verb> = { ...coreHandlers, ...inputsVerbHandlers, ...lagesbildVerbHandlers, ...promiseVerbHandlers, ...publicVerbHandlers, ...orgVerbHandlers, ...orgLeavingVerbHandlers, ...linkVerbHandlers };

export const messageCard = (message: string): AdaptiveCard => card([text(message)]);

/**
 * An Action.Execute: unknown verbs and malformed data are refused with a card that says
 * so, and nothing changes. Size is bounded before parsing (Teams allows far less anyway).
 */
export async function runCardAction(rc: RequestContext, verb: unknown, data: unknown, ctx: TurnContext): Promise<AdaptiveCard> {
  if (!isVerb(verb)) return messageCard(rc.m.errors.badCard);
  if (JSON.stringify(data ?? {}).length > 64_000) return messageCard(rc.m.errors.badCard);
  const parsed = verbSchemas[verb].safeParse(data ?? {});
  if (!parsed.success) return messageCard(rc.m.errors.badCard);
  const handler = handlers[verb] as VerbHandler<Verb>;
  const out = await handler(rc, parsed.data as VerbData<Verb>, ctx);
  if (isRefusal(out)) markTurnRefused(ctx);
  return out;
}
