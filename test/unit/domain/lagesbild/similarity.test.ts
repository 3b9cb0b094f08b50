import { describe, expect, it } from 'vitest';
import { SIMILARITY_THRESHOLD, forEachSimilarPair, jaccard, linkStrength, singleLinkClusters } from '../../../../src/domain/lagesbild/similarity.js';
import { rng } from './generators.js';

describe('jaccard', () => {
  it.each([
    [['a', 'b', 'c'], ['a', 'b', 'c'], 1],
    [['a', 'b', 'c'], ['a', 'b', 'c', 'd'], 0.75],
    [['a', 'b'], ['c', 'd'], 0],
    [[], [], 1],
    [['a'], [], 0],
  ])('%j ~ %j = %d', (a, b, j) => {
    expect(jaccard(a, b)).toBe(j);
  });
});

/** Every pair compared: the reference the prefix filter must agree with. */
function naivePairs(sets: string[][], t: number): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) if (jaccard(sets[i]!, sets[j]!) >= t) pairs.push(`${i}-${j}`);
  return pairs.sort();
}

function randomSets(seed: number): string[][] {
  const r = rng(seed);
  const vocabulary = Array.from({ length: r.int(3, 25) }, (_, i) => `t${i}`);
  return Array.from({ length: r.int(0, 80) }, () => [...new Set(r.sample(vocabulary, r.int(1, 7)))].sort());
}

describe('forEachSimilarPair (prefix-filtered join)', () => {
  it.each(Array.from({ length: 30 }, (_, i) => 17 + i * 101))('finds exactly the pairs a full comparison finds (seed %i)', (seed) => {
    const sets = randomSets(seed);
    for (const t of [0.4, SIMILARITY_THRESHOLD, 0.75, 1]) {
      const found: string[] = [];
      forEachSimilarPair(sets, t, (i, j) => found.push(`${i}-${j}`));
      expect(found.sort()).toEqual(naivePairs(sets, t));
    }
  });
});

describe('singleLinkClusters', () => {
  it('links chains and leaves the rest alone; each set gets its component\'s smallest index', () => {
    const sets = [
      ['a', 'b', 'c'],
      ['x', 'y'],
      ['a', 'b', 'c', 'd'],
      ['b', 'c', 'd', 'e'],
      ['x', 'z'],
    ];
    expect(singleLinkClusters(sets, SIMILARITY_THRESHOLD)).toEqual([0, 1, 0, 0, 4]);
  });

  describe('with labels (the districts a text names)', () => {
    const places = new Set(['berga', 'ryd']);
    const labels = (sets: string[][]) => (i: number) => sets[i]!.filter((t) => places.has(t));

    it('keeps sets with different labels apart, also through an unlabelled set between them', () => {
      const sets = [
        ['berga', 'centrum', 'kvall', 'narvaro'],
        ['centrum', 'kvall', 'narvaro'],
        ['centrum', 'kvall', 'narvaro', 'ryd'],
      ];
      expect(singleLinkClusters(sets, 0.6)).toEqual([0, 0, 0]);
      expect(singleLinkClusters(sets, 0.6, labels(sets))).toEqual([0, 0, 2]);
    });

    it('an unlabelled set joins the labelled cluster it is most like', () => {
      const sets = [
        ['berga', 'centrum', 'kvall', 'narvaro'],
        ['centrum', 'kvall', 'narvaro', 'torg'],
        ['centrum', 'kvall', 'narvaro', 'ryd', 'torg'],
      ];
      expect(singleLinkClusters(sets, 0.6, labels(sets))).toEqual([0, 1, 1]);
    });

    it('a set naming both districts may bridge them', () => {
      const sets = [
        ['berga', 'centrum', 'narvaro'],
        ['berga', 'centrum', 'narvaro', 'ryd'],
        ['centrum', 'narvaro', 'ryd'],
      ];
      expect(singleLinkClusters(sets, 0.6, labels(sets))).toEqual([0, 0, 0]);
    });

    it.each([11, 12, 13, 14])('clusters do not depend on the order of the sets (seed %i)', (seed) => {
      const r = rng(seed);
      const vocabulary = ['berga', 'ryd', 'a', 'b', 'c', 'd', 'e'];
      const distinct = [...new Map(Array.from({ length: 60 }, () => [...new Set(r.sample(vocabulary, r.int(2, 5)))].sort()).map((s) => [s.join(' '), s])).values()];
      const clusters = (list: string[][]) => {
        const c = singleLinkClusters(list, 0.5, labels(list));
        const groups = new Map<number, string[]>();
        list.forEach((s, i) => groups.set(c[i]!, [...(groups.get(c[i]!) ?? []), s.join(' ')]));
        return [...groups.values()].map((g) => g.sort().join(' | ')).sort();
      };
      const expected = clusters(distinct);
      for (let k = 0; k < 5; k++) expect(clusters(r.shuffle(distinct))).toEqual(expected);
      for (const g of expected) expect(new Set(g.split(/ \| | /).filter((t) => places.has(t))).size).toBeLessThanOrEqual(2);
    });
  });

  it.each([5, 6, 7])('components do not depend on the order of the sets (seed %i)', (seed) => {
    const sets = randomSets(seed);
    const r = rng(seed);
    const components = (list: string[][]) => {
      const c = singleLinkClusters(list, SIMILARITY_THRESHOLD);
      const groups = new Map<number, string[]>();
      list.forEach((s, i) => groups.set(c[i]!, [...(groups.get(c[i]!) ?? []), s.join(' ')]));
      return [...groups.values()].map((g) => g.sort().join(' | ')).sort();
    };
    expect(components(r.shuffle(sets))).toEqual(components(sets));
  });
});

describe('singleLinkClusters with labels of several categories', () => {
  it('keeps sets apart when one category conflicts, and joins them when the conflicting one is missing on one side', () => {
    const sets = [
      ['berga', 'kvall', 'narvaro', 'skola'],
      ['berga', 'morgon', 'narvaro', 'skola'],
      ['berga', 'narvaro', 'skola'],
    ];
    const labels = [['place:berga', 'time:kvall'], ['place:berga', 'time:morgon'], ['place:berga']];
    const c = singleLinkClusters(sets, 0.6, (i) => labels[i]!);
    expect(c[0]).not.toBe(c[1]);
    expect([c[0], c[1]]).toContain(c[2]);
  });
});

describe('linkStrength (Jaccard, or a set inside the other)', () => {
  const linkage = { threshold: 0.6, contained: 0.4 };
  it.each([
    [['a', 'b', 'c'], ['a', 'b', 'c', 'd'], 0.75],
    [['a', 'b'], ['a', 'b', 'c', 'd'], 0.5],
    [['a', 'b'], ['a', 'b', 'c', 'd', 'e'], 0.4],
    [['a', 'b'], ['a', 'b', 'c', 'd', 'e', 'f'], null],
    [['a', 'b', 'x'], ['a', 'b', 'c', 'd'], null],
    [['a'], ['a', 'b'], null],
  ])('%j ~ %j → %s', (a, b, expected) => {
    expect(linkStrength(a, b, linkage)).toBe(expected);
    expect(linkStrength(b, a, linkage)).toBe(expected);
  });

  it.each([21, 22, 23])('clusters with a linkage equal those of a full comparison (seed %i)', (seed) => {
    const sets = [...new Map(randomSets(seed).map((s) => [s.join(' '), s])).values()];
    const c = singleLinkClusters(sets, linkage);
    for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) if (linkStrength(sets[i]!, sets[j]!, linkage) !== null) expect(c[i]).toBe(c[j]);
  });
});
