import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../../../cards/kit.js';
import { compileProgressCard, lagesbildMessageCard } from '../../../../cards/lagesbild/lagesbildCard.js';
import { itemMinutesInput, itemTitleInput, mergeJoinInputs, mergeSplitInput, type lagesbildVerbSchemas } from '../../../../cards/lagesbild/verbs.js';
import { DomainError } from '../../../domain/errors.js';
import { meetingTitle } from '../../../domain/meeting.js';
import { can } from '../../../domain/roles.js';
import { questionKeySchema, type MergeCorrection } from '../../../domain/lagesbild/mergeCorrections.js';
import { editAgenda, type AgendaEdit } from '../../../services/lagesbild/agenda.js';
import { correctMerge } from '../../../services/lagesbild/corrections.js';
import { newCardKey, requestCompile } from '../../../services/lagesbild/compile.js';
import { publishLagesbild } from '../../../services/lagesbild/publish.js';
import { currentLagesbildCard, currentPublishedCard, type Banner } from '../../lagesbildViews.js';
import type { RequestContext } from '../../requestContext.js';
import { refusal } from '../../refusal.js';
import type { VerbHandlers } from '../../verbHandler.js';
import { audienceHere } from './audience.js';

type LagesbildVerb = keyof typeof lagesbildVerbSchemas;

/** The lägesbild card of this meeting as this conversation may see it (with a banner). */
async function cardHere(rc: RequestContext, ctx: TurnContext, meetingId: string, banner?: Banner): Promise<AdaptiveCard> {
  const c = await currentLagesbildCard(rc.s, rc.m, rc.lang, meetingId, audienceHere(rc, ctx), banner);
  return c ?? lagesbildMessageCard(rc.m.errors.notFound);
}

/** Chairs only, re-checked on every press: a forwarded or forged card gives no rights. */
function chairOnly(rc: RequestContext): AdaptiveCard | null {
  return can(rc.roles, 'compile') ? null : lagesbildMessageCard(rc.m.lagesbild.chairsOnly);
}

/** An edit of the agenda, version-checked; a stale or invalid one shows the latest card with the reason. */
async function agendaVerb(rc: RequestContext, ctx: TurnContext, meetingId: string, version: number, edit: AgendaEdit, done: string): Promise<AdaptiveCard> {
  const refused = chairOnly(rc);
  if (refused) return refused;
  try {
    await editAgenda(rc.s, meetingId, version, edit, { id: rc.actorId, isChair: rc.roles.chair });
    return cardHere(rc, ctx, meetingId, { text: done, tone: 'good' });
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const t = rc.m.lagesbild;
    switch (e.reason) {
      case 'stale-write':
      case 'conflict':
        return cardHere(rc, ctx, meetingId, { text: t.agendaChanged, tone: 'attention' });
      case 'not-found':
        return (await rc.s.repos.agendas.get(meetingId)) ? cardHere(rc, ctx, meetingId, { text: t.unknownItem, tone: 'attention' }) : lagesbildMessageCard(rc.m.errors.notFound);
      case 'invalid-input': {
        // 'personalData|email' → 'personalData': the card names the field, never the text.
        const code = (Object.values(e.details.fieldErrors ?? {})[0] ?? '').split('|')[0]!;
        const message = (t.itemErrors as Record<string, string>)[code] ?? rc.m.errors.invalidInput;
        return refusal(await cardHere(rc, ctx, meetingId, { text: message, tone: 'attention' }));
      }
      default:
        throw e;
    }
  }
}

/**
 * A chair's split or join of the question groups: stored, then the lägesbild is compiled
 * again with it; the pressed card becomes the progress card and then the new picture.
 */
async function correctionVerb(rc: RequestContext, ctx: TurnContext, meetingId: string, correction: MergeCorrection | null): Promise<AdaptiveCard> {
  const t = rc.m.merge;
  if (!can(rc.roles, 'compile')) return lagesbildMessageCard(t.chairsOnly);
  if (!correction) return cardHere(rc, ctx, meetingId, { text: t.refused.choose, tone: 'attention' });
  const result = await correctMerge(rc.s, meetingId, correction, { id: rc.actorId, isChair: rc.roles.chair });
  if (!result.ok) {
    if (result.reason === 'noSnapshot') return lagesbildMessageCard(t.refused.noSnapshot);
    return cardHere(rc, ctx, meetingId, { text: t.refused[result.reason], tone: 'attention' });
  }
  return compileOnPressedCard(rc, ctx, meetingId);
}

/** Compiles (or joins a compile in progress); the pressed card becomes the progress card, and the job's updates land on it. */
async function compileOnPressedCard(rc: RequestContext, ctx: TurnContext, meetingId: string): Promise<AdaptiveCard> {
  const meeting = await rc.s.repos.meetings.get(meetingId);
  if (!meeting || meeting.data.status !== 'confirmed') return lagesbildMessageCard(rc.m.inputs.unknownMeeting(meetingId));
  const cardKey = await newCardKey(rc.s, meetingId, rc.conversationId);
  if (ctx.activity.replyToId) await rc.s.repos.markers.setCard(cardKey, ctx.activity.replyToId, ctx.activity.conversation?.id);
  const { joined } = await requestCompile(rc.s, { meetingId, trigger: 'command', watcher: { conversationId: rc.conversationId, cardKey }, actor: rc.actorId });
  return compileProgressCard(rc.m, meetingTitle(meeting.data, rc.lang), null, { joined });
}

/** A question key from a card input, or null (nothing chosen, or not a key). */
function chosenKey(value: unknown): string | null {
  const parsed = questionKeySchema.safeParse(typeof value === 'string' ? value.trim() : value);
  return parsed.success ? parsed.data : null;
}

/** Minutes from the card's number input: undefined when left as it was or empty. */
function minutesOf(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Action.Execute handlers of this feature. */
export const lagesbildVerbHandlers: VerbHandlers<LagesbildVerb> = {
  'lagesbild.compile': async (rc, { meetingId }, ctx) => chairOnly(rc) ?? compileOnPressedCard(rc, ctx, meetingId),
  'lagesbild.show': async (rc, { meetingId }, ctx) => chairOnly(rc) ?? cardHere(rc, ctx, meetingId),
  'lagesbild.publish': async (rc, { meetingId, version }, ctx) => {
    const refused = chairOnly(rc);
    if (refused) return refused;
    const t = rc.m.lagesbild;
    try {
      const result = await publishLagesbild(rc.s, meetingId, { id: rc.actorId, isChair: rc.roles.chair }, version);
      const meeting = await rc.s.repos.meetings.get(meetingId);
      const title = meeting ? meetingTitle(meeting.data, rc.lang) : meetingId;
      if (result.ok) return cardHere(rc, ctx, meetingId, { text: result.republished ? t.republishQueued(title) : t.publishQueued(title), tone: 'good' });
      const reason = { noSteering: t.noSteering, noSnapshot: t.noSnapshot(title), notApproved: t.notApproved }[result.reason];
      return cardHere(rc, ctx, meetingId, { text: reason, tone: 'attention' });
    } catch (e) {
      if (e instanceof DomainError && e.reason === 'stale-write') return cardHere(rc, ctx, meetingId, { text: t.agendaChanged, tone: 'attention' });
      throw e;
    }
  },
  'lagesbild.published': async (rc, { meetingId }) => {
    if (!can(rc.roles, 'viewStatus')) return lagesbildMessageCard(rc.m.errors.notAllowed);
    return (await currentPublishedCard(rc.s, rc.m, rc.lang, meetingId)) ?? lagesbildMessageCard(rc.m.errors.notFound);
  },
  'agenda.move': (rc, { meetingId, version, itemId, direction }, ctx) => agendaVerb(rc, ctx, meetingId, version, { kind: 'move', itemId, direction }, rc.m.lagesbild.edited),
  'agenda.remove': (rc, { meetingId, version, itemId }, ctx) => agendaVerb(rc, ctx, meetingId, version, { kind: 'remove', itemId }, rc.m.lagesbild.edited),
  'agenda.restore': (rc, { meetingId, version, itemId }, ctx) => agendaVerb(rc, ctx, meetingId, version, { kind: 'restore', itemId }, rc.m.lagesbild.edited),
  'agenda.edit': (rc, data, ctx) => {
    const raw = data as Record<string, unknown>;
    const title = raw[itemTitleInput(data.itemId)];
    const minutes = minutesOf(raw[itemMinutesInput(data.itemId)]);
    return agendaVerb(
      rc,
      ctx,
      data.meetingId,
      data.version,
      { kind: 'edit', itemId: data.itemId, ...(typeof title === 'string' ? { title: title.slice(0, 1000) } : {}), ...(minutes !== undefined ? { minutes } : {}) },
      rc.m.lagesbild.edited,
    );
  },
  'agenda.approve': (rc, { meetingId, version }, ctx) => agendaVerb(rc, ctx, meetingId, version, { kind: 'approve' }, rc.m.lagesbild.approved),
  'lagesbild.split': (rc, data, ctx) => {
    const question = chosenKey((data as Record<string, unknown>)[mergeSplitInput]);
    return correctionVerb(rc, ctx, data.meetingId, question ? { kind: 'split', question } : null);
  },
  'lagesbild.join': (rc, data, ctx) => {
    const raw = data as Record<string, unknown>;
    const [a, b] = mergeJoinInputs.map((id) => chosenKey(raw[id]));
    return correctionVerb(rc, ctx, data.meetingId, a && b ? { kind: 'join', a, b } : null);
  },
};
