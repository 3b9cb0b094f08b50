/**
 * compileLagesbild: every forum's inspel for one meeting → the gemensam lägesbild
 * (shared situational picture). Pure and deterministic: the clock is `compiledAt`, and
 * the result does not depend on the order of forums, answers or anything inside an
 * answer; `contentHash` is the same for the same inputs whatever their order.
 *
 * Rules worth knowing:
 * - Only active forums count. Answers of forums that are inactive or unknown are ignored
 *   (as in responseStatus).
 * - A forum's answer is its highest version (then the later submittedAt). The forum is
 *   late only if no version came in time: a late edit does not undo a timely answer.
 * - The answer's sensitivity tags all of its content; viewFor() cuts the audience's view.
 * - A theme counts for the districts the forum's answer rates; when it rates none, for
 *   the forum's own districts.
 * - Texts are trimmed; empty optional texts are dropped.
 * - `previous` is the previous meeting's snapshot; its summaries per audience are copied
 *   in so every view can show the change since then without seeing the previous content.
 */
import { invalidInput } from '../errors.js';
import type { ForumRecord } from '../forum.js';
import type { InputAnswer, Sensitivity } from '../inputs/answer.js';
import type { Theme } from '../inputs/themes.js';
import type { Malbild } from '../malbilder/malbild.js';
import type { FollowUpReport } from '../promise/followUpReport.js';
import { COMPILE_VERSION } from './compileVersion.js';
import { summarizeMalbilder, summarizePromise } from './followUps.js';
import type { MergeCorrection } from './mergeCorrections.js';
import { canonicalJson, sha256Hex } from './hash.js';
import { forumOrderOf, itemsOf, type ContentItems, type RosterForum } from './items.js';
import { compareCodeUnits, compareSv, sortedUniqueSv } from './order.js';
import type { LagesbildSnapshot, ResponseCounts, ResponseRate } from './schema.js';
import { buildSections, periodSummaries } from './sections.js';
import { sectionContext } from './view.js';

export { COMPILE_VERSION };

export interface CompileAnswer {
  forumId: string;
  answer: InputAnswer;
  /** ISO instant of this version. */
  submittedAt: string;
  late: boolean;
  version: number;
}

export interface CompileInput {
  /** A MeetingRecord fits. */
  meeting: { id: string; date: string };
  /** ForumRecords fit; inactive ones are left out. */
  forums: readonly Pick<ForumRecord, 'id' | 'name' | 'districts' | 'active'>[];
  /** Every stored version, or only the latest of each forum. */
  answers: readonly CompileAnswer[];
  /** The previous meeting's snapshot, for the change since then. */
  previous?: LagesbildSnapshot;
  /** This meeting's follow-up of the medborgarlöfte (followUpReport()). */
  promise?: FollowUpReport;
  /** The målbilder of the districts; their indicators' progress goes into the picture. */
  malbilder?: readonly Malbild[];
  /** The chairs' corrections of the question groups (mergeCorrections.ts), in the order made. */
  mergeCorrections?: readonly MergeCorrection[];
  /** Labels of the theme ids (defaultThemes or the configured list). */
  themes: readonly Theme[];
  /** The clock: when this compilation ran (ISO instant). Not part of the hash. */
  compiledAt: string;
}

/** One forum's answer as compiled: canonical order inside, texts trimmed. */
interface ChosenAnswer {
  forum: RosterForum;
  late: boolean;
  submittedAt: string;
  answer: InputAnswer;
}

export function compileLagesbild(input: CompileInput): LagesbildSnapshot {
  checkInput(input);
  const roster = rosterOf(input.forums);
  const chosen = chooseAnswers(roster, input.answers);
  const promise = input.promise ? summarizePromise(input.promise) : null;
  const malbilder = input.malbilder ? summarizeMalbilder(input.malbilder) : null;
  const previous = input.previous ? previousOf(input.previous) : null;
  // Sorted, so that of two entries with one id the same one wins whatever the input order.
  const themes = input.themes
    .map((t) => ({ id: t.id, sv: t.sv, en: t.en }))
    .sort((a, b) => compareCodeUnits(a.id, b.id) || compareCodeUnits(a.sv, b.sv) || compareCodeUnits(a.en, b.en));

  const corrections = (input.mergeCorrections ?? []).map((c) => ({ ...c }));
  const contentHash = sha256Hex(
    canonicalJson({
      v: COMPILE_VERSION,
      meeting: { id: input.meeting.id, date: input.meeting.date },
      forums: [...roster].sort((a, b) => compareCodeUnits(a.id, b.id)),
      answers: chosen.map((c) => ({ forumId: c.forum.id, late: c.late, submittedAt: c.submittedAt, answer: c.answer })).sort((a, b) => compareCodeUnits(a.forumId, b.forumId)),
      themes,
      previous: input.previous?.contentHash ?? null,
      promise,
      malbilder,
      // Only when there are any: snapshots without corrections keep the hash they had.
      ...(corrections.length ? { corrections } : {}),
    }),
  );

  const responseRate = responseRateOf(roster, chosen, input.previous?.responseRate.counts ?? null);
  const sections = buildSections(itemsOfAnswers(chosen), {
    roster,
    forumOrder: forumOrderOf(roster),
    missing: new Set(responseRate.missing.map((f) => f.forumId)),
    themeLabels: new Map(themes.map((t) => [t.id, { sv: t.sv, en: t.en }])),
    previous: previous?.summaries.chairs ?? null,
    corrections,
  });
  const content: Record<Sensitivity, number> = { oppen: 0, intern: 0, kanslig: 0 };
  for (const c of chosen) content[c.answer.sensitivity] += 1;

  return {
    schemaVersion: 1,
    compileVersion: COMPILE_VERSION,
    meeting: { id: input.meeting.id, date: input.meeting.date },
    compiledAt: input.compiledAt,
    contentHash,
    forums: roster,
    responseRate,
    content,
    ...sections,
    promise,
    malbilder,
    mergeCorrections: corrections,
    previous,
  };
}

function checkInput(input: CompileInput): void {
  const ids = new Set<string>();
  for (const f of input.forums) {
    if (ids.has(f.id)) throw invalidInput({ forums: 'duplicateId' });
    ids.add(f.id);
  }
  const prev = input.previous?.meeting;
  if (prev && (prev.id === input.meeting.id || prev.date >= input.meeting.date)) throw invalidInput({ previous: 'notEarlier' });
}

/** Active forums by name (Swedish order), then id; districts in Swedish order. */
function rosterOf(forums: CompileInput['forums']): RosterForum[] {
  return forums
    .filter((f) => f.active)
    .map((f) => ({ id: f.id, name: f.name, districts: sortedUniqueSv(f.districts) }))
    .sort((a, b) => compareSv(a.name, b.name) || compareCodeUnits(a.id, b.id));
}

/** Per roster forum with any answer: the highest version, in canonical form; in roster order. */
function chooseAnswers(roster: readonly RosterForum[], answers: readonly CompileAnswer[]): ChosenAnswer[] {
  const byForum = new Map<string, CompileAnswer[]>();
  for (const a of answers) {
    const list = byForum.get(a.forumId);
    if (list) list.push(a);
    else byForum.set(a.forumId, [a]);
  }
  const chosen: ChosenAnswer[] = [];
  for (const forum of roster) {
    const versions = byForum.get(forum.id);
    if (!versions) continue;
    const latest = versions.reduce((best, a) => (compareVersions(a, best) > 0 ? a : best));
    chosen.push({ forum, late: versions.every((v) => v.late), submittedAt: latest.submittedAt, answer: canonicalAnswer(latest.answer) });
  }
  return chosen;
}

/** Higher version, then later submittedAt, then (for identical stamps) the canonical text: a total order. */
function compareVersions(a: CompileAnswer, b: CompileAnswer): number {
  const at = (s: string) => {
    const t = Date.parse(s);
    return Number.isNaN(t) ? 0 : t;
  };
  return (
    a.version - b.version ||
    at(a.submittedAt) - at(b.submittedAt) ||
    compareCodeUnits(a.submittedAt, b.submittedAt) ||
    compareCodeUnits(canonicalJson(canonicalAnswer(a.answer)), canonicalJson(canonicalAnswer(b.answer)))
  );
}

function canonicalAnswer(a: InputAnswer): InputAnswer {
  const otherTheme = a.otherTheme?.trim();
  const needs = a.needs?.trim();
  return {
    districts: a.districts
      .map((d) => ({ district: d.district, trend: d.trend, situation: d.situation.trim() }))
      .sort((x, y) => compareCodeUnits(x.district, y.district) || compareCodeUnits(x.trend, y.trend) || compareCodeUnits(x.situation, y.situation)),
    themes: [...new Set(a.themes)].sort(compareCodeUnits),
    ...(otherTheme ? { otherTheme } : {}),
    questions: a.questions
      .map((q) => ({ text: q.text.trim(), priority: q.priority }))
      .filter((q) => q.text)
      .sort((x, y) => compareCodeUnits(x.text, y.text) || compareCodeUnits(x.priority, y.priority)),
    agendaItems: a.agendaItems
      .map((t) => t.trim())
      .filter(Boolean)
      .sort(compareCodeUnits),
    ...(needs ? { needs } : {}),
    sensitivity: a.sensitivity,
  };
}

function itemsOfAnswers(chosen: readonly ChosenAnswer[]): ContentItems {
  const items: ContentItems = { ratings: [], themeMarks: [], otherThemes: [], questions: [], needs: [], proposals: [] };
  for (const { forum, answer } of chosen) {
    const tag = { forumId: forum.id, forumName: forum.name, sensitivity: answer.sensitivity };
    const answerDistricts = sortedUniqueSv(answer.districts.map((d) => d.district));
    const themeDistricts = answerDistricts.length > 0 ? answerDistricts : forum.districts;
    for (const d of answer.districts) items.ratings.push({ ...tag, district: d.district, trend: d.trend, situation: d.situation });
    for (const themeId of answer.themes) items.themeMarks.push({ ...tag, themeId, districts: [...themeDistricts] });
    if (answer.otherTheme) items.otherThemes.push({ ...tag, text: answer.otherTheme });
    for (const q of answer.questions) items.questions.push({ ...tag, text: q.text, priority: q.priority });
    if (answer.needs) items.needs.push({ ...tag, text: answer.needs });
    for (const text of answer.agendaItems) items.proposals.push({ ...tag, text });
  }
  return items;
}

function responseRateOf(roster: readonly RosterForum[], chosen: readonly ChosenAnswer[], previous: ResponseCounts | null): ResponseRate {
  const byForum = new Map(chosen.map((c) => [c.forum.id, c]));
  const rate: ResponseRate = { counts: { forums: roster.length, answered: 0, late: 0, missing: 0, rate: 0 }, answered: [], late: [], missing: [], previous };
  for (const forum of roster) {
    const c = byForum.get(forum.id);
    const ref = { forumId: forum.id, forumName: forum.name };
    if (!c) rate.missing.push(ref);
    else (c.late ? rate.late : rate.answered).push({ ...ref, submittedAt: c.submittedAt });
  }
  rate.counts.answered = rate.answered.length;
  rate.counts.late = rate.late.length;
  rate.counts.missing = rate.missing.length;
  rate.counts.rate = roster.length > 0 ? (rate.answered.length + rate.late.length) / roster.length : 0;
  return rate;
}

/** The previous snapshot as the new one keeps it: its counts and, per audience, what that audience saw. */
function previousOf(previous: LagesbildSnapshot): NonNullable<LagesbildSnapshot['previous']> {
  const summaries = periodSummaries(itemsOf(previous), { ...sectionContext(previous, 'chairs'), previous: null });
  return { meetingId: previous.meeting.id, meetingDate: previous.meeting.date, contentHash: previous.contentHash, summaries };
}
