/**
 * Compiling a meeting's lägesbild: a chair's request or the deadline starts a compile run
 * (one BullMQ job per meeting at a time), the job loads every active forum's answer with
 * progress shown in place on the waiting cards, compiles the snapshot (pure, in
 * src/domain/lagesbild) and stores it, proposes the agenda, and updates the cards.
 *
 * Everything a retried or duplicated job does is idempotent: the same inputs give the same
 * content hash, a snapshot with an unchanged hash is not stored again, and every notice's
 * job id carries the run and the content hash, so nothing is posted twice.
 */
import { safeJobId } from '../../../jobs/queues.js';
import { proposeAgenda, type Agenda } from '../../domain/agenda/agenda.js';
import { carryAgendaEdits } from '../../domain/agenda/carry.js';
import { conversationKey } from '../../domain/conversation.js';
import { answerId } from '../../domain/inputs/storedAnswer.js';
import { defaultThemes } from '../../domain/inputs/themes.js';
import { compileLagesbild, type CompileAnswer } from '../../domain/lagesbild/compile.js';
import { canonicalJson } from '../../domain/lagesbild/hash.js';
import { withCards, type CompileProgress, type CompileRun, type LagesbildCardRef, type LagesbildRecord } from '../../domain/lagesbild/records.js';
import type { LagesbildSnapshot } from '../../domain/lagesbild/schema.js';
import { viewFor } from '../../domain/lagesbild/view.js';
import { correctionOps } from '../../domain/lagesbild/mergeCorrections.js';
import type { MeetingRecord } from '../../domain/meeting.js';
import { currentPromise } from '../../domain/promise/currentPromise.js';
import { followUpReport } from '../../domain/promise/followUpReport.js';
import type { Stored } from '../../store/versionedRepository.js';
import { chairConversations } from '../inputs/chairs.js';
import { enqueueNotice } from '../notices.js';
import { todayOf } from '../promise/today.js';
import type { Services } from '../services.js';

/** The actor of what the compile job writes (audit trail). */
export const COMPILE_ACTOR = 'compile';

/** Card updates per compile while forums load (each quarter). */
const PROGRESS_STEPS = 4;

export const compileJobId = (meetingId: string, run: number) => safeJobId('compile', meetingId, `r${run}`);
/** One compile job per meeting at a time: adds while one waits or runs are ignored by BullMQ. */
export const compileDeduplicationId = (meetingId: string) => safeJobId('compile', meetingId);

/** The card a deadline compile brings to a chair's conversation (one per meeting and conversation). */
export const chairCardKey = (meetingId: string, conversationId: string) => `lagesbild.${meetingId}.${conversationKey(conversationId)}`;

/**
 * Part of the notice occasion that names the card: two cards in one conversation (two
 * requests) are two notices, not one job id.
 */
export const cardTag = (cardKey: string) => conversationKey(cardKey);

/** A fresh key for a card a chair's request posts (each request gets its own card). */
export async function newCardKey(s: Services, meetingId: string, conversationId: string): Promise<string> {
  const n = await s.repos.markers.incr('lagesbild-card', meetingId);
  return `lagesbild.${meetingId}.${conversationKey(conversationId)}.${n}`;
}

export interface CompileRequest {
  meetingId: string;
  trigger: CompileRun['trigger'];
  /** The card that shows progress and then the result, when a chair asked from a conversation. */
  watcher?: LagesbildCardRef;
  actor: string;
}

/**
 * Starts a compile run, or joins the one waiting or running (its cards then show that
 * run's progress too). Returns the run and whether an existing one was joined.
 */
export async function requestCompile(s: Services, req: CompileRequest): Promise<{ run: number; joined: boolean }> {
  const now = s.clock().toISOString();
  const added = req.watcher ? [req.watcher] : [];
  let joined = false;
  const stored = await s.repos.compileRuns.mutate(req.meetingId, req.actor, 'compile-request', (cur): CompileRun => {
    joined = !!cur && (cur.state === 'queued' || cur.state === 'running');
    if (cur && joined) {
      return { ...cur, trigger: req.trigger === 'deadline' ? 'deadline' : cur.trigger, watchers: withCards(cur.watchers, added), cards: withCards(cur.cards, added) };
    }
    return {
      meetingId: req.meetingId,
      run: (cur?.run ?? 0) + 1,
      state: 'queued',
      trigger: req.trigger,
      requestedAt: now,
      finishedAt: null,
      contentHash: cur?.contentHash ?? null,
      watchers: added,
      cards: withCards(cur?.cards ?? [], added),
    };
  });
  const run = stored!.data.run;
  await s.queues.compile.add('compile', { meetingId: req.meetingId, run }, { jobId: compileJobId(req.meetingId, run), deduplication: { id: compileDeduplicationId(req.meetingId) } });
  return { run, joined };
}

export async function compileProgressOf(s: Services, meetingId: string): Promise<CompileProgress | null> {
  const raw = await s.repos.markers.get('compile-progress', meetingId);
  return raw ? (JSON.parse(raw) as CompileProgress) : null;
}

export interface CompileHooks {
  /** Called as forums are loaded (throttled); the job reports it to BullMQ. */
  progress?(p: CompileProgress): Promise<void>;
  /** Test-only pause after each forum (COMPILE_TEST_DELAY_MS), to kill a worker mid-compile. */
  delayMs?: number;
  /** Test-only: runs after the snapshot is compiled and before it is stored (to write in between). */
  beforeStore?(): Promise<void>;
}

export type CompileOutcome =
  | { status: 'compiled'; contentHash: string; changed: boolean }
  | { status: 'skipped'; reason: 'superseded' | 'meeting-gone' };

/** The compile job's work: see the file comment. Safe to run again for the same run. */
export async function runCompile(s: Services, meetingId: string, run: number, hooks: CompileHooks = {}): Promise<CompileOutcome> {
  const meeting = await s.repos.meetings.get(meetingId);
  const current = await s.repos.compileRuns.get(meetingId);
  if (!current || current.data.run !== run) return { status: 'skipped', reason: 'superseded' };
  if (!meeting || meeting.data.status !== 'confirmed') {
    await finishRun(s, meetingId, run, 'failed', null, []);
    return { status: 'skipped', reason: 'meeting-gone' };
  }
  // Finished already (a retry after the result was recorded): only the notices are (re)sent, idempotently.
  if (current.data.state === 'done' && current.data.contentHash) {
    await notifyResult(s, current.data, current.data.contentHash);
    return { status: 'compiled', contentHash: current.data.contentHash, changed: false };
  }
  await s.repos.compileRuns.mutate(meetingId, COMPILE_ACTOR, 'compile-start', (cur) => (cur && cur.run === run && cur.state === 'queued' ? { ...cur, state: 'running' } : null));

  const { answers, loadedVersions } = await loadAnswers(s, meeting, run, hooks);
  const { snapshot, correctionsVersion } = await compileSnapshot(s, meeting.data, answers);
  await hooks.beforeStore?.();
  const { record, changed } = await storeSnapshot(s, meetingId, snapshot);
  await proposeAgendaFor(s, record);
  // An answer that came in while the forums were being loaded is not in this snapshot, nor
  // a chair's correction saved after the corrections were read (a correction's request
  // joins the run already running): stale, so the cards offer "Sammanställ igen".
  if ((await answersMovedOn(s, meetingId, loadedVersions)) || (await correctionsMovedOn(s, meetingId, correctionsVersion))) await markStale(s, meetingId);
  await s.repos.markers.set('compiled', meetingId, snapshot.contentHash);

  const targets = current.data.trigger === 'deadline' ? await chairTargets(s, meetingId, current.data.watchers) : [];
  const done = await finishRun(s, meetingId, run, 'done', snapshot.contentHash, targets);
  if (done) await notifyResult(s, done, snapshot.contentHash);
  return { status: 'compiled', contentHash: snapshot.contentHash, changed };
}

/** The final failure of a run (all attempts spent): its cards say so and offer to try again. */
export async function failCompile(s: Services, meetingId: string, run: number): Promise<void> {
  const failed = await finishRun(s, meetingId, run, 'failed', null, []);
  if (!failed) return;
  for (const c of failed.watchers) await enqueueNotice(s, c.conversationId, 'lagesbild.card', { meetingId, cardKey: c.cardKey, occasion: `r${run}-failed-${cardTag(c.cardKey)}` });
}

async function loadAnswers(s: Services, meeting: Stored<MeetingRecord>, run: number, hooks: CompileHooks): Promise<{ answers: CompileAnswer[]; loadedVersions: Map<string, number> }> {
  const forums = (await s.repos.forums.list()).filter((f) => f.data.active).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = forums.length;
  const answers: CompileAnswer[] = [];
  const loadedVersions = new Map<string, number>();
  let lastStep = 0;
  const report = async (loaded: number) => {
    const p: CompileProgress = { run, loaded, total };
    await s.repos.markers.set('compile-progress', meeting.id, JSON.stringify(p), 7 * 24 * 3600);
    await hooks.progress?.(p);
    // The cards move at each quarter (the result follows the last one), well within Teams' per-chat limits.
    const step = total === 0 ? PROGRESS_STEPS : Math.floor((loaded * PROGRESS_STEPS) / total);
    if (step === lastStep || step >= PROGRESS_STEPS) return;
    lastStep = step;
    await notifyProgress(s, meeting.id, run, loaded);
  };
  await report(0);
  for (const [i, forum] of forums.entries()) {
    const stored = await s.repos.answers.get(answerId(meeting.id, forum.id));
    loadedVersions.set(forum.id, stored?.version ?? 0);
    if (stored) {
      answers.push({ forumId: forum.id, answer: stored.data.answer, submittedAt: stored.data.submittedAt, late: !stored.data.answeredOnTime, version: stored.version });
    }
    if (hooks.delayMs) await new Promise((r) => setTimeout(r, hooks.delayMs));
    await report(i + 1);
  }
  return { answers, loadedVersions };
}

/** The snapshot and the version of the corrections record it applied (0: none). */
async function compileSnapshot(s: Services, meeting: MeetingRecord, answers: CompileAnswer[]): Promise<{ snapshot: LagesbildSnapshot; correctionsVersion: number }> {
  const today = todayOf(s);
  const [forums, malbildRecords, promises, previous, corrections] = await Promise.all([
    s.repos.forums.list(),
    s.repos.malbilder.list(),
    s.repos.promises.list(),
    previousSnapshot(s, meeting),
    s.repos.mergeCorrections.get(meeting.id),
  ]);
  const malbilder = malbildRecords.map((m) => m.data);
  const promise = currentPromise(promises, today);
  const snapshot = compileLagesbild({
    meeting: { id: meeting.id, date: meeting.date },
    forums: forums.map((f) => f.data),
    answers,
    ...(previous ? { previous } : {}),
    ...(promise ? { promise: followUpReport(promise.data, meeting.id, today, malbilder) } : {}),
    ...(malbilder.length ? { malbilder } : {}),
    mergeCorrections: correctionOps(corrections?.data),
    themes: defaultThemes,
    compiledAt: s.clock().toISOString(),
  });
  return { snapshot, correctionsVersion: corrections?.version ?? 0 };
}

/** The latest snapshot of the latest meeting before this one (by date), if any. */
export async function previousSnapshot(s: Services, meeting: Pick<MeetingRecord, 'id' | 'date'>): Promise<LagesbildSnapshot | undefined> {
  return (await earlierSnapshots(s, meeting)).at(-1);
}

/** The latest snapshot of every meeting before this one, oldest first. */
export async function earlierSnapshots(s: Services, meeting: Pick<MeetingRecord, 'id' | 'date'>): Promise<LagesbildSnapshot[]> {
  return (await s.repos.lagesbilder.list())
    .map((r) => r.data.snapshot)
    .filter((snap) => snap.meeting.id !== meeting.id && snap.meeting.date < meeting.date)
    .sort((a, b) => (a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : 0));
}

/** A new version only when the content hash changed; the same inputs keep the stored snapshot. */
async function storeSnapshot(s: Services, meetingId: string, snapshot: LagesbildSnapshot): Promise<{ record: Stored<LagesbildRecord>; changed: boolean }> {
  let changed = false;
  const record = await s.repos.lagesbilder.mutate(meetingId, COMPILE_ACTOR, 'compile', (cur): LagesbildRecord | null => {
    changed = !cur || cur.snapshot.contentHash !== snapshot.contentHash;
    if (!changed) return cur!.stale ? { ...cur!, stale: false, staleSince: null } : null;
    return { meetingId, snapshot, stale: false, staleSince: null };
  });
  return { record: record!, changed };
}

/**
 * The agenda proposed from the steering version, when the snapshot is new. A chair's edits
 * of the same snapshot stay; edits of an earlier one carry over to the new proposal. An
 * approved agenda the chair has not edited stays approved when the new proposal is the same
 * agenda (a recompile after a COMPILE_VERSION bump gives a new hash for the same inputs).
 */
async function proposeAgendaFor(s: Services, record: Stored<LagesbildRecord>): Promise<void> {
  const snapshot = record.data.snapshot;
  await s.repos.agendas.mutate(record.id, COMPILE_ACTOR, 'propose', (cur) => {
    if (cur && cur.agenda.contentHash === snapshot.contentHash) return null;
    const proposed = proposeAgenda(viewFor(snapshot, 'steering'), { meetingMinutes: s.config.AGENDA_MINUTES });
    const chairEdited = cur?.chairEdited ?? false;
    const keepsApproval = !!cur && !chairEdited && cur.agenda.status === 'approved' && sameAgenda(cur.agenda, proposed);
    return {
      meetingId: record.id,
      agenda: cur && chairEdited ? carryAgendaEdits(cur.agenda, proposed) : keepsApproval ? { ...proposed, status: 'approved' } : proposed,
      snapshotVersion: record.version,
      published: cur?.published ?? null,
      chairEdited,
    };
  });
}

/** The same items, times and sources: all but the snapshot it came from and its status. */
function sameAgenda(a: Agenda, b: Agenda): boolean {
  const { contentHash: _a, status: _sa, ...restA } = a;
  const { contentHash: _b, status: _sb, ...restB } = b;
  return canonicalJson(restA) === canonicalJson(restB);
}

/** A forum that was loaded (active) has a newer answer now than the one compiled. */
async function answersMovedOn(s: Services, meetingId: string, loaded: Map<string, number>): Promise<boolean> {
  const now = await s.repos.answers.listByPrefix(`${meetingId}.`);
  return now.some((a) => loaded.has(a.data.forumId) && a.version > loaded.get(a.data.forumId)!);
}

/** The chairs' corrections changed after the compile read them. */
async function correctionsMovedOn(s: Services, meetingId: string, used: number): Promise<boolean> {
  return ((await s.repos.mergeCorrections.get(meetingId))?.version ?? 0) !== used;
}

/** The stored snapshot no longer shows every answer. Returns true when this call made it stale. */
export async function markStale(s: Services, meetingId: string): Promise<boolean> {
  let made = false;
  await s.repos.lagesbilder.mutate(meetingId, COMPILE_ACTOR, 'stale', (cur) => {
    made = !!cur && !cur.stale;
    return cur && !cur.stale ? { ...cur, stale: true, staleSince: s.clock().toISOString() } : null;
  });
  return made;
}

/** The chairs' conversations without a card of this run already: each gets its own card. */
async function chairTargets(s: Services, meetingId: string, watchers: readonly LagesbildCardRef[]): Promise<LagesbildCardRef[]> {
  const watched = new Set(watchers.map((w) => w.conversationId));
  return (await chairConversations(s)).filter((c) => !watched.has(c)).map((conversationId) => ({ conversationId, cardKey: chairCardKey(meetingId, conversationId) }));
}

async function finishRun(s: Services, meetingId: string, run: number, state: 'done' | 'failed', contentHash: string | null, targets: LagesbildCardRef[]): Promise<CompileRun | null> {
  const stored = await s.repos.compileRuns.mutate(meetingId, COMPILE_ACTOR, state === 'done' ? 'compile-done' : 'compile-failed', (cur) => {
    if (!cur || cur.run !== run) return null;
    return {
      ...cur,
      state,
      finishedAt: cur.finishedAt ?? s.clock().toISOString(),
      contentHash: contentHash ?? cur.contentHash,
      watchers: withCards(cur.watchers, targets),
      cards: withCards(cur.cards, targets),
    };
  });
  return stored && stored.data.run === run ? stored.data : null;
}

/** The cards waiting for this run show progress; each update has its own job id (run, step). */
async function notifyProgress(s: Services, meetingId: string, run: number, loaded: number): Promise<void> {
  const current = await s.repos.compileRuns.get(meetingId);
  if (!current || current.data.run !== run) return;
  for (const c of current.data.watchers) await enqueueNotice(s, c.conversationId, 'lagesbild.card', { meetingId, cardKey: c.cardKey, occasion: `r${run}-p${loaded}-${cardTag(c.cardKey)}` });
}

/** The result to every card of the run: job ids keyed by the content hash, so a re-run sends nothing twice. */
async function notifyResult(s: Services, run: CompileRun, contentHash: string): Promise<void> {
  const h = contentHash.slice(0, 16);
  for (const c of run.watchers) {
    // A deadline card is one per meeting, conversation and content; a requested card is updated for its run.
    const occasion = c.cardKey === chairCardKey(run.meetingId, c.conversationId) ? `h${h}` : `r${run.run}-h${h}-${cardTag(c.cardKey)}`;
    await enqueueNotice(s, c.conversationId, 'lagesbild.card', { meetingId: run.meetingId, cardKey: c.cardKey, occasion });
  }
}
