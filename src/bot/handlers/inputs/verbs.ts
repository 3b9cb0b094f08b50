import type { inputsVerbSchemas } from '../../../../cards/inputs/verbs.js';
import { formValuesOf, inputFormCard, inputSummaryCard, type InputFormValues } from '../../../../cards/inputs/inputCard.js';
import type { AdaptiveCard } from '../../../../cards/kit.js';
import type { VerbData } from '../../../../cards/verbs.js';
import { DomainError } from '../../../domain/errors.js';
import { answerId } from '../../../domain/inputs/storedAnswer.js';
import { submitAnswer } from '../../../services/inputs/answers.js';
import { localDateTime } from '../../../services/inputs/meetingContext.js';
import { messageCard } from '../../cardActions.js';
import { inputCardContext } from '../../inputNotices.js';
import { refusal } from '../../refusal.js';
import { hasRoleIn, type RequestContext } from '../../requestContext.js';
import type { VerbHandlers } from '../../verbHandler.js';

/** Raw card values as strings, to refill the form exactly as the user left it. */
function rawValues(data: Record<string, unknown>): InputFormValues {
  const out: InputFormValues = {};
  for (const [k, v] of Object.entries(data)) if (typeof v === 'string' && v.length <= 5_000) out[k] = v;
  return out;
}

/** Loads meeting and forum from card ids and checks the user may answer for that forum. */
async function target(rc: RequestContext, meetingId: string, forumId: string) {
  // The request context has just read this conversation's forum: no second read.
  const known = rc.forums.find((f) => f.id === forumId);
  // The answer is read alongside (one round trip); a refusal below simply does not use it.
  const [meeting, forum, answer] = await Promise.all([rc.s.repos.meetings.get(meetingId), known ?? rc.s.repos.forums.get(forumId), rc.s.repos.answers.get(answerId(meetingId, forumId))]);
  if (!meeting || meeting.data.status !== 'confirmed') return { refusal: messageCard(rc.m.inputs.meetingGone) };
  if (!forum) return { refusal: messageCard(rc.m.errors.badCard) };
  if (!hasRoleIn(rc, forum.data)) return { refusal: messageCard(rc.m.inputs.notMember) };
  if (!forum.data.active) return { refusal: messageCard(rc.m.inputs.forumInactive) };
  return { meeting, forum, answer, ctx: inputCardContext(rc.s, rc.m, rc.lang, meeting, forum) };
}

async function submit(rc: RequestContext, data: VerbData<'input.submit'>): Promise<AdaptiveCard> {
  const t = await target(rc, data.meetingId, data.forumId);
  if ('refusal' in t) return t.refusal!;
  const raw = data as Record<string, unknown>;
  try {
    const stored = await submitAnswer(rc.s, {
      meeting: t.meeting,
      forum: t.forum,
      raw,
      basedOnVersion: data.version,
      existing: t.answer,
      actor: { id: rc.actorId, name: rc.userName },
      steeringConversationId: rc.steering?.data.conversationId ?? null,
    });
    const at = localDateTime(rc.s, new Date(stored.data.submittedAt));
    return inputSummaryCard(
      rc.m,
      rc.lang,
      t.ctx,
      { answer: stored.data.answer, submittedByName: stored.data.submittedByName, submittedAtLocal: rc.m.meetings.at(at.date, at.time), late: stored.data.late },
      rc.m.inputs.thanks,
    );
  } catch (e) {
    if (e instanceof DomainError && e.reason === 'invalid-input') {
      return refusal(inputFormCard(rc.m, rc.lang, t.ctx, { values: rawValues(raw), errors: e.details.fieldErrors, basedOnVersion: data.version }));
    }
    if (e instanceof DomainError && e.reason === 'stale-write') {
      const latest = await rc.s.repos.answers.get(answerId(t.meeting.id, t.forum.id));
      return inputFormCard(rc.m, rc.lang, t.ctx, {
        values: latest ? formValuesOf(latest.data.answer, t.forum.data.districts) : {},
        basedOnVersion: latest?.version,
        banner: rc.m.inputs.staleAnswer,
      });
    }
    throw e;
  }
}

async function edit(rc: RequestContext, data: VerbData<'input.edit'>): Promise<AdaptiveCard> {
  const t = await target(rc, data.meetingId, data.forumId);
  if ('refusal' in t) return t.refusal!;
  const current = t.answer;
  if (!current) return inputFormCard(rc.m, rc.lang, t.ctx);
  return inputFormCard(rc.m, rc.lang, t.ctx, { values: formValuesOf(current.data.answer, t.forum.data.districts), basedOnVersion: current.version });
}

/**
 * The inspel card's verbs check the card's own forum (`target`), so their request context
 * needs only this conversation's forum, not every forum the user belongs to.
 */
export const inputVerbsCheckTheirForum: readonly string[] = ['input.submit', 'input.edit'];

/** Action.Execute handlers of the inspel card. */
export const inputsVerbHandlers: VerbHandlers<keyof typeof inputsVerbSchemas> = {
  'input.submit': (rc, data) => submit(rc, data),
  'input.edit': (rc, data) => edit(rc, data),
};
