/**
 * The labelled merge sets (test/fixtures/merge) and the pairwise figures of a merge on
 * them, shared by the unit quality gate and `npm run bench -- --only merge`.
 *
 * Pairwise: over all pairs of texts, a pair is positive when both have the same topic and
 * predicted positive when the merge put them in the same group. Topics whose index in the
 * file is 2 mod 3 are held out (not looked at while the matching was developed); their
 * figure counts the pairs with at least one held-out text, merged together with the rest
 * so that wrong merges across the two parts count too.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'merge');

const questionSetSchema = z.object({
  districts: z.array(z.string()),
  topics: z.array(z.object({ topic: z.string(), questions: z.array(z.string().min(1)).min(2) })),
});
const proposalSetSchema = z.object({
  districts: z.array(z.string()),
  topics: z.array(z.object({ topic: z.string(), texts: z.array(z.string().min(1)).min(2) })),
});

export interface LabelledText {
  text: string;
  topic: string;
  heldOut: boolean;
}

export interface LabelledSet {
  name: 'questions' | 'proposals';
  districts: string[];
  texts: LabelledText[];
  topics: number;
}

const heldOut = (topicIndex: number) => topicIndex % 3 === 2;

export function loadQuestionSet(): LabelledSet {
  const raw = questionSetSchema.parse(JSON.parse(readFileSync(join(fixtures, 'questions.sv.json'), 'utf8')));
  const texts = raw.topics.flatMap((t, i) => t.questions.map((text) => ({ text, topic: t.topic, heldOut: heldOut(i) })));
  return { name: 'questions', districts: raw.districts, texts, topics: raw.topics.length };
}

export function loadProposalSet(): LabelledSet {
  const raw = proposalSetSchema.parse(JSON.parse(readFileSync(join(fixtures, 'proposals.sv.json'), 'utf8')));
  const texts = raw.topics.flatMap((t, i) => t.texts.map((text) => ({ text, topic: t.topic, heldOut: heldOut(i) })));
  return { name: 'proposals', districts: raw.districts, texts, topics: raw.topics.length };
}

export interface PairwiseScores {
  pairs: number;
  truePairs: number;
  predictedPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Pairwise precision, recall and F1 of `group` (a group id per text) against the topics; `counts(i, j)` picks the pairs. */
export function pairwiseScores(texts: readonly LabelledText[], group: readonly number[], counts: (a: LabelledText, b: LabelledText) => boolean = () => true): PairwiseScores {
  let pairs = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (!counts(texts[i]!, texts[j]!)) continue;
      pairs++;
      const same = texts[i]!.topic === texts[j]!.topic;
      const merged = group[i] === group[j];
      if (same && merged) tp++;
      else if (merged) fp++;
      else if (same) fn++;
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { pairs, truePairs: tp + fn, predictedPairs: tp + fp, precision, recall, f1 };
}

export interface MergeQuality {
  all: PairwiseScores;
  heldOut: PairwiseScores;
  /** Wrongly merged and wrongly separated pairs, for reading (first few). */
  falseMerges: [string, string][];
  missedMerges: [string, string][];
}

export function mergeQuality(set: LabelledSet, group: readonly number[], examples = 10): MergeQuality {
  const falseMerges: [string, string][] = [];
  const missedMerges: [string, string][] = [];
  const t = set.texts;
  for (let i = 0; i < t.length; i++) {
    for (let j = i + 1; j < t.length; j++) {
      const same = t[i]!.topic === t[j]!.topic;
      const merged = group[i] === group[j];
      if (merged && !same && falseMerges.length < examples) falseMerges.push([t[i]!.text, t[j]!.text]);
      if (same && !merged && missedMerges.length < examples) missedMerges.push([t[i]!.text, t[j]!.text]);
    }
  }
  return {
    all: pairwiseScores(t, group),
    heldOut: pairwiseScores(t, group, (a, b) => a.heldOut || b.heldOut),
    falseMerges,
    missedMerges,
  };
}
