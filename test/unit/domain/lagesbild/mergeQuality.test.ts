/**
 * Quality gate of the merge on the labelled Swedish sets (test/fixtures/merge): pairwise
 * precision and recall at or above the goals, over the whole set and over the held-out
 * topics. Only figures, no timing: the time to merge 10,000 questions is in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { clusterTexts } from '../../../../src/domain/lagesbild/questionGroups.js';
import { vocabularyFor } from '../../../../src/domain/lagesbild/swedishText.js';
import { loadProposalSet, loadQuestionSet, mergeQuality, pairwiseScores, type LabelledSet, type LabelledText } from '../../../support/mergeSets.js';

function merged(set: LabelledSet): number[] {
  const items = set.texts.map((t, i) => ({ text: t.text, i }));
  const group: number[] = new Array<number>(items.length).fill(-1);
  clusterTexts(items, vocabularyFor(set.districts)).clusters.forEach((c, n) => c.forEach((k) => (group[k.item.i] = n)));
  return group;
}

describe('pairwiseScores', () => {
  const t = (topic: string): LabelledText => ({ text: topic, topic, heldOut: false });
  it.each([
    // a a b: one true pair.
    [[0, 0, 1], 1, 1],
    [[0, 1, 2], 1, 0],
    [[0, 0, 0], 1 / 3, 1],
    [[0, 1, 1], 0, 0],
  ])('groups %j → precision %d, recall %d', (group, precision, recall) => {
    const s = pairwiseScores([t('a'), t('a'), t('b')], group);
    expect(s.precision).toBeCloseTo(precision);
    expect(s.recall).toBeCloseTo(recall);
  });
});

describe.each([
  ['questions', loadQuestionSet(), 300, 60],
  ['proposals and egna teman', loadProposalSet(), 60, 20],
] as const)('merge quality on the labelled %s', (_, set, minTexts, minTopics) => {
  const q = mergeQuality(set, merged(set));

  it('the set is as large as promised', () => {
    expect(set.texts.length).toBeGreaterThanOrEqual(minTexts);
    expect(set.topics).toBeGreaterThanOrEqual(minTopics);
    expect(set.texts.some((x) => x.heldOut)).toBe(true);
  });

  it.each([
    ['all', q.all],
    ['held-out topics', q.heldOut],
  ] as const)('%s: precision ≥ 0.95 and recall ≥ 0.90', (_part, s) => {
    expect({ precision: s.precision, falseMerges: q.falseMerges }).toMatchObject({ precision: expect.toSatisfy((p: number) => p >= 0.95) });
    expect({ recall: s.recall, missed: q.missedMerges }).toMatchObject({ recall: expect.toSatisfy((r: number) => r >= 0.9) });
  });
});
