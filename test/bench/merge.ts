/**
 * Scenario "merge" — question merging on the labelled Swedish sets (test/fixtures/merge):
 * pairwise precision, recall and F1 of the lägesbild's merge for the frågor till polisen
 * and for the agenda proposals / egna teman, over everything and over the held-out topics.
 * Baseline (same run): the merge as it was before the domain lexicon — stemmed words,
 * Jaccard ≥ 0.6, districts kept apart. Then the CPU time to merge 10,000 questions (the
 * labelled questions written about 40 districts), median of five after a warm-up.
 * Pure and in-process: runs alone in seconds (`npm run bench -- --only merge`).
 */
import { clusterTexts } from '../../src/domain/lagesbild/questionGroups.js';
import { SIMILARITY_THRESHOLD, singleLinkClusters } from '../../src/domain/lagesbild/similarity.js';
import { TopicVocabulary, stemSwedish, swedishStopWords, foldSwedish, vocabularyFor } from '../../src/domain/lagesbild/swedishText.js';
import { loadProposalSet, loadQuestionSet, mergeQuality, type LabelledSet, type PairwiseScores } from '../support/mergeSets.js';
import { median, round } from './lib/stats.js';

export interface MergeSetResult {
  name: 'questions' | 'proposals';
  texts: number;
  topics: number;
  heldOutTexts: number;
  all: PairwiseScores;
  heldOut: PairwiseScores;
  /** The merge before the domain lexicon, on the same set. */
  baseline: PairwiseScores;
}

export interface MergeResult {
  /** When measured: `--only merge` updates these rows apart from the full run. */
  measuredAt: string;
  sets: MergeSetResult[];
  /** Questions merged in the timing run, and their distinct texts. */
  questions: number;
  distinctTexts: number;
  groups: number;
  /** Median CPU time (user + system) of one merge of `questions`. */
  mergeMs: number;
  runsMs: number[];
  /** Building the vocabulary for the districts once (cached afterwards). */
  vocabularyMs: number;
  /** One merge with a fresh vocabulary: every word stemmed and split for the first time. */
  coldMs: number;
}

/** The previous matching: stemmed content words, Jaccard ≥ 0.6, texts naming different districts apart. */
function baselineGroups(set: LabelledSet): number[] {
  const places = new Set(set.districts.map((d) => stemSwedish(d)));
  const tokens = set.texts.map((t) => {
    const all = t.text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const content = all.filter((w) => !swedishStopWords.has(foldSwedish(w)));
    return [...new Set((content.length ? content : all).map(stemSwedish))].sort();
  });
  const keys = [...new Set(tokens.map((t) => t.join(' ')))];
  const sets = keys.map((k) => k.split(' '));
  const cluster = singleLinkClusters(sets, SIMILARITY_THRESHOLD, (i) => sets[i]!.filter((t) => places.has(t)));
  const nodeOf = new Map(keys.map((k, i) => [k, i]));
  return tokens.map((t) => cluster[nodeOf.get(t.join(' '))!]!);
}

function groupsOf(set: LabelledSet): number[] {
  const items = set.texts.map((t, i) => ({ text: t.text, i }));
  const group = new Array<number>(items.length).fill(-1);
  clusterTexts(items, vocabularyFor(set.districts)).clusters.forEach((c, n) => c.forEach((k) => (group[k.item.i] = n)));
  return group;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** 10,000 questions as many forums would send them: the labelled questions about 40 districts. */
function manyQuestions(set: LabelledSet, count: number): { districts: string[]; items: { text: string }[] } {
  const districts = [...set.districts, ...Array.from({ length: 40 - set.districts.length }, (_, i) => `Område${String.fromCharCode(65 + i)}by`)];
  const pattern = new RegExp(`\\b(${set.districts.join('|')})(s?)`, 'g');
  const items: { text: string }[] = [];
  for (let i = 0; items.length < count; i++) {
    const q = set.texts[i % set.texts.length]!.text;
    const d = districts[Math.floor(i / set.texts.length) % districts.length]!;
    items.push({ text: q.replace(pattern, (_m, _name: string, s: string) => `${d}${s}`) });
  }
  return { districts, items };
}

export function runMerge(o: { questions: number; runs: number; log: (line: string) => void }): MergeResult {
  const sets: MergeSetResult[] = [];
  for (const set of [loadQuestionSet(), loadProposalSet()]) {
    const q = mergeQuality(set, groupsOf(set));
    const baseline = mergeQuality(set, baselineGroups(set)).all;
    sets.push({ name: set.name, texts: set.texts.length, topics: set.topics, heldOutTexts: set.texts.filter((t) => t.heldOut).length, all: q.all, heldOut: q.heldOut, baseline });
    o.log(`  ${set.name}: P ${q.all.precision.toFixed(3)} R ${q.all.recall.toFixed(3)} F1 ${q.all.f1.toFixed(3)} (held out: P ${q.heldOut.precision.toFixed(3)} R ${q.heldOut.recall.toFixed(3)}; before: P ${baseline.precision.toFixed(3)} R ${baseline.recall.toFixed(3)})`);
  }

  const { districts, items } = manyQuestions(loadQuestionSet(), o.questions);
  let t = cpuMs();
  clusterTexts(items, new TopicVocabulary(districts));
  const coldMs = cpuMs() - t;
  t = cpuMs();
  const vocabulary = vocabularyFor(districts);
  const vocabularyMs = cpuMs() - t;
  // A fresh vocabulary per run would re-stem the lexicon; the cache is what production uses.
  let groups = 0;
  clusterTexts(items, vocabulary); // warm-up
  const runsMs: number[] = [];
  for (let r = 0; r < o.runs; r++) {
    const copy = items.map((i) => ({ text: i.text }));
    t = cpuMs();
    groups = clusterTexts(copy, vocabulary).clusters.length;
    runsMs.push(cpuMs() - t);
  }
  const result: MergeResult = {
    measuredAt: new Date().toISOString(),
    sets,
    questions: items.length,
    distinctTexts: new Set(items.map((i) => i.text)).size,
    groups,
    mergeMs: round(median(runsMs), 1),
    runsMs: runsMs.map((r) => round(r, 1)),
    vocabularyMs: round(vocabularyMs, 1),
    coldMs: round(coldMs, 1),
  };
  o.log(`  ${result.questions} questions (${result.distinctTexts} distinct) → ${groups} groups in ${result.mergeMs} ms CPU (first merge, cold: ${result.coldMs} ms; vocabulary ${result.vocabularyMs} ms once)`);
  return result;
}
