import { DomainError, invalidInput } from '../../domain/errors.js';
import type { ForumRecord } from '../../domain/forum.js';
import { parseInputForm } from '../../domain/inputs/inputForm.js';
import { nextAnswerVersion } from '../../domain/inputs/inputVersioning.js';
import { responseStatus, type ResponseStatus } from '../../domain/inputs/responseStatus.js';
import { answerId, type StoredAnswer } from '../../domain/inputs/storedAnswer.js';
import { defaultThemes } from '../../domain/inputs/themes.js';
import type { MeetingRecord } from '../../domain/meeting.js';
import type { Stored } from '../../store/versionedRepository.js';
import { answerAfterCompile } from '../lagesbild/stale.js';
import type { Services } from '../services.js';
import { deadlineOf } from './meetingContext.js';
import { STEERING_ID } from '../../domain/steering.js';
import { enqueueNotices } from '../notices.js';
import { progressUpdateNotice } from './progress.js';
import { promptRefreshNotice } from './prompts.js';

export const themeIds = defaultThemes.map((t) => t.id);

export interface SubmitInput {
  meeting: Stored<MeetingRecord>;
  forum: Stored<ForumRecord>;
  /** The card's values, untrusted. */
  raw: Record<string, unknown>;
  /** The answer version the user's card showed; undefined for a first answer. */
  basedOnVersion: number | undefined;
  /** The stored answer as the caller has just read it (null: none); read here when undefined. */
  existing?: Stored<StoredAnswer> | null;
  actor: { id: string; name: string };
  /**
   * The steering channel's conversation, when the caller has the steering record in
   * memory (the bot's request context; null: none registered); read here when undefined.
   */
  steeringConversationId?: string | null;
}

/**
 * Stores a forum's answer (create or edit), refusing a stale edit, marking late answers,
 * keeping every version, and queueing the card refresh and the progress update.
 * Membership and meeting/forum existence are checked by the caller (the handler).
 */
export async function submitAnswer(s: Services, input: SubmitInput): Promise<Stored<StoredAnswer>> {
  const { meeting, forum } = input;
  if (meeting.data.status !== 'confirmed') throw new DomainError('not-found', 'meeting not confirmed', { entity: 'meeting', id: meeting.id });
  if (!forum.data.active) throw new DomainError('conflict', 'forum inactive', { entity: 'forum', id: forum.id });
  const parsed = parseInputForm(input.raw, { districts: forum.data.districts, themeIds });
  if (!parsed.ok) throw invalidInput(parsed.fieldErrors);

  const id = answerId(meeting.id, forum.id);
  const existing = input.existing !== undefined ? input.existing : await s.repos.answers.get(id);
  const kind = nextAnswerVersion(existing, input.basedOnVersion);
  if (kind === 'stale') throw new DomainError('stale-write', 'answer changed', { entity: 'answer', id, currentVersion: existing?.version ?? 0 });

  const now = s.clock();
  const late = now.getTime() > deadlineOf(s, meeting.data).getTime();
  const record: StoredAnswer = {
    meetingId: meeting.id,
    forumId: forum.id,
    answer: parsed.answer,
    submittedBy: input.actor.id,
    submittedByName: input.actor.name.slice(0, 200),
    submittedAt: now.toISOString(),
    firstSubmittedAt: existing?.data.firstSubmittedAt ?? now.toISOString(),
    late,
    answeredOnTime: existing ? existing.data.answeredOnTime : !late,
  };
  let stored: Stored<StoredAnswer>;
  try {
    stored =
      kind === 'create'
        ? await s.repos.answers.create(id, record, input.actor.id, late ? 'answer-late' : 'answer')
        : await s.repos.answers.updateFrom(existing!, record, input.actor.id, late ? 'edit-late' : 'edit');
  } catch (e) {
    // Someone else in the forum answered first: same as an edit from a stale card.
    if (e instanceof DomainError && e.reason === 'already-exists') throw new DomainError('stale-write', 'answer changed', { entity: 'answer', id, currentVersion: e.details.currentVersion });
    throw e;
  }

  // The card refresh and the progress update are one event's notices: their generations
  // and the compiled marker are read together, the two jobs added together.
  const steeringConversationId = input.steeringConversationId !== undefined ? input.steeringConversationId : ((await s.repos.steering.get(STEERING_ID))?.data.conversationId ?? null);
  const [prompt, progress, compiled] = await Promise.all([
    promptRefreshNotice(s, meeting.id, forum.id, forum.data.conversationId),
    steeringConversationId ? progressUpdateNotice(s, meeting.id, steeringConversationId) : null,
    s.repos.markers.get('compiled', meeting.id),
  ]);
  await enqueueNotices(s, progress ? [prompt, progress] : [prompt]);
  // The lägesbild was already compiled: its snapshot is stale, and the chairs decide whether to compile again.
  if (compiled !== null) await answerAfterCompile(s, meeting.id, forum.id, stored.version, late);
  return stored;
}

export async function answersOf(s: Services, meetingId: string): Promise<Stored<StoredAnswer>[]> {
  return s.repos.answers.listByPrefix(`${meetingId}.`);
}

/** Who answered, answered late, or is missing — over the forums active now. */
export async function inputStatus(s: Services, meetingId: string): Promise<ResponseStatus> {
  // Only what the status shows is kept of each record (a county has thousands of forums).
  const [forums, answers] = await Promise.all([
    s.repos.forums.mapAll((f) => (f.data.active ? { id: f.id, name: f.data.name } : null)),
    s.repos.answers.mapAll((a) => ({ forumId: a.data.forumId, submittedAt: new Date(a.data.firstSubmittedAt), late: !a.data.answeredOnTime }), { prefix: `${meetingId}.` }),
  ]);
  return responseStatus(
    forums.filter((f) => f !== null),
    answers,
  );
}
