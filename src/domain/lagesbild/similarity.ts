/**
 * Near-duplicate detection over token sets: Jaccard similarity with a threshold, found
 * with a prefix-filtered inverted index (the "All-Pairs" similarity join) so that the
 * work grows with the number of similar pairs, not with the square of the number of texts.
 *
 * Why the filter is exact: order every set's tokens by one global order (rarest first).
 * If |x ∩ y| / |x ∪ y| ≥ t then the sets share at least ⌈t·|x|⌉ tokens, so the first
 * |x| − ⌈t·|x|⌉ + 1 tokens of x (its prefix) must contain a shared one, and likewise for
 * y — two similar sets always share a token of both their prefixes. Only such pairs are
 * compared; rare tokens first keeps those candidate lists short.
 */

/** Two texts are near-duplicates when the Jaccard similarity of their token sets is at least this. */
export const SIMILARITY_THRESHOLD = 0.6;

/**
 * …or when one's tokens (two or more) are all among the other's and the Jaccard similarity is
 * at least this: the short way of writing a question ("Narkotikahandel i Berga centrum")
 * inside the long one ("Vad gör polisen åt narkotikaförsäljningen i Berga centrum?").
 */
export const CONTAINED_THRESHOLD = 0.4;

/** When two sets link, and how strongly. */
export interface Linkage {
  threshold: number;
  /** A set of two or more tokens inside the other links down to this Jaccard similarity. */
  contained?: number;
}

export const questionLinkage: Linkage = { threshold: SIMILARITY_THRESHOLD, contained: CONTAINED_THRESHOLD };

/** The pair's Jaccard similarity when the linkage links them, otherwise null. */
export function linkStrength(a: readonly string[], b: readonly string[], linkage: Linkage): number | null {
  if (a.length === 0 && b.length === 0) return 1;
  const shared = sharedCount(a, b);
  const j = shared / (a.length + b.length - shared);
  if (j >= linkage.threshold) return j;
  if (linkage.contained === undefined || j < linkage.contained) return null;
  const small = Math.min(a.length, b.length);
  return small >= 2 && shared === small ? j : null;
}

/** The Jaccard bound below which no pair links: the prefix filter's threshold. */
export function lowestLinkOf(linkage: Linkage): number {
  return Math.min(linkage.threshold, linkage.contained ?? linkage.threshold);
}

/** |a ∩ b| / |a ∪ b| of two sorted, duplicate-free token arrays; 1 for two empty sets. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const shared = sharedCount(a, b);
  return shared / (a.length + b.length - shared);
}

/** |a ∩ b| of two sorted, duplicate-free token arrays. */
function sharedCount(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** ⌈t·n⌉ without floating-point surprises (0.6 · 3 is 1.7999999999999998). */
function minShared(threshold: number, n: number): number {
  return Math.ceil(threshold * n - 1e-9);
}

/**
 * Calls `onPair(i, j)` (i < j) for every pair of sets with Jaccard ≥ threshold, unless
 * `skip(i, j)` says the pair need not be checked (e.g. already connected). Sets are sorted,
 * duplicate-free token arrays. The calls' order depends on the input order; callers that
 * build something order-independent from them (connected components, flags) stay so.
 */
export function forEachSimilarPair(
  sets: readonly (readonly string[])[],
  threshold: number,
  onPair: (i: number, j: number) => void,
  skip: (i: number, j: number) => boolean = () => false,
): void {
  // Global token order: rarest first, then by the token itself.
  const frequency = new Map<string, number>();
  for (const set of sets) for (const token of set) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const byRarity = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);

  // Smaller sets first: a set is probed against the sets already indexed, none larger than it.
  const order = sets.map((_, i) => i).sort((a, b) => sets[a]!.length - sets[b]!.length || a - b);
  const index = new Map<string, number[]>();
  const seen = new Int32Array(sets.length).fill(-1);

  for (const i of order) {
    const set = sets[i]!;
    const prefix = [...set].sort(byRarity).slice(0, set.length - minShared(threshold, set.length) + 1);
    const minLength = minShared(threshold, set.length);
    for (const token of prefix) {
      const postings = index.get(token);
      if (!postings) continue;
      for (const j of postings) {
        if (seen[j] === i) continue;
        seen[j] = i;
        const [a, b] = j < i ? [j, i] : [i, j];
        if (sets[j]!.length < minLength || skip(a, b)) continue;
        if (jaccard(set, sets[j]!) >= threshold) onPair(a, b);
      }
    }
    for (const token of prefix) {
      const postings = index.get(token);
      if (postings) postings.push(i);
      else index.set(token, [i]);
    }
  }
}

/**
 * Clusters of the sets, single link with labels: the sets are joined along similar pairs
 * (Jaccard ≥ threshold, or a Linkage), strongest pair first — the order of Kruskal's algorithm — except
 * that two clusters that both carry labels of one category (e.g. the districts their texts
 * name, or the times) and share none of that category stay apart. A label is
 * "category:value" ("time:kvall"); a label without a colon is of the category ''. Ties
 * between equally similar pairs go by the sets' tokens, so the result depends only on the
 * sets, not on their order; `sets` must be distinct (callers merge identical sets first).
 * Without labels this is plain single link: the connected components. Returns each set's
 * cluster as the smallest index in it.
 */
export function singleLinkClusters(
  sets: readonly (readonly string[])[],
  threshold: number | Linkage,
  labels: (i: number) => readonly string[] = () => [],
): number[] {
  const parent = sets.map((_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root]! !== root) root = parent[root]!;
    while (parent[x]! !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  const clusterLabels = sets.map((_, i) => byCategory(labels(i)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const la = clusterLabels[ra]!;
    const lb = clusterLabels[rb]!;
    for (const [category, values] of la) {
      const other = lb.get(category);
      if (other && ![...values].some((v) => other.has(v))) return;
    }
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    const into = clusterLabels[root]!;
    for (const [category, values] of clusterLabels[child]!) {
      const set = into.get(category);
      if (set) for (const v of values) set.add(v);
      else into.set(category, new Set(values));
    }
  };

  const linkage = typeof threshold === 'number' ? { threshold } : threshold;
  const bound = lowestLinkOf(linkage);
  if (clusterLabels.every((l) => l.size === 0)) {
    // Connected components: edge order does not matter, and pairs already connected need no check.
    forEachSimilarPair(
      sets,
      bound,
      (a, b) => {
        if (linkStrength(sets[a]!, sets[b]!, linkage) !== null) union(a, b);
      },
      (a, b) => find(a) === find(b),
    );
  } else {
    const keys = sets.map((s) => s.join(' '));
    const edges: { a: number; b: number; similarity: number; lo: string; hi: string }[] = [];
    forEachSimilarPair(sets, bound, (a, b) => {
      const similarity = linkStrength(sets[a]!, sets[b]!, linkage);
      if (similarity === null) return;
      const [lo, hi] = keys[a]! < keys[b]! ? [keys[a]!, keys[b]!] : [keys[b]!, keys[a]!];
      edges.push({ a, b, similarity, lo, hi });
    });
    edges.sort((x, y) => y.similarity - x.similarity || compare(x.lo, y.lo) || compare(x.hi, y.hi));
    for (const e of edges) union(e.a, e.b);
  }
  // Every union keeps the smaller root, so a root is its cluster's smallest index.
  return sets.map((_, i) => find(i));
}

/** Labels by category: "time:kvall" is of "time", "berga" of "". */
function byCategory(labels: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const label of labels) {
    const cut = label.indexOf(':');
    const category = cut < 0 ? '' : label.slice(0, cut);
    const set = out.get(category);
    if (set) set.add(label);
    else out.set(category, new Set([label]));
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
