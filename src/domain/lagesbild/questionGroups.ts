/**
 * Frågor till polisen with near-duplicates merged, and proposed agenda items likewise.
 *
 * Each text becomes a set of topic tokens (swedishText.ts: stemmed, synonyms and compounds
 * mapped onto the domain lexicon); texts whose sets have a Jaccard similarity of at least
 * SIMILARITY_THRESHOLD — or CONTAINED_THRESHOLD when one set lies inside the other — are
 * linked, and groups grow along those links (single link: A~B and B~C put A, B and C
 * together). Identical token sets are merged before the similarity join, so a question
 * asked by a thousand forums costs one node. One domain rule on top: a group never mixes
 * districts, places of a kind, times or offences, nor a follow-up of reports with the
 * thing itself. Texts that name different ones ("…vid Berga centrum", "…vid Ryds
 * centrum"; "på kvällarna", "på morgnarna") are not linked, however alike the rest is, nor
 * chained together through a text that names none; links are made strongest first (see
 * singleLinkClusters), so such a text joins the group it is most like.
 *
 * A chair's corrections (split a question out, join two groups) apply after the automatic
 * merge, in the order made (mergeCorrections.ts).
 *
 * Ranking of question groups: score = forums × weight of the group's highest priority
 * (hög 3, medel 2, låg 1) — the "forums × priority"; ties go to the larger sum
 * over forums of each forum's highest weight in the group (three forums at hög beat one
 * at hög and two at låg), then more members, then the text in Swedish order, then the id.
 */
import type { Priority, Sensitivity } from '../inputs/answer.js';
import { shortId } from './hash.js';
import { applyCorrections, questionKey } from './mergeCorrections.js';
import type { SectionContext } from './items.js';
import { compareByForum, compareCodeUnits, compareSv, type ForumOrder } from './order.js';
import type { PeriodSummary, ProposalGroup, QuestionGroup, QuestionMember, QuestionsSection, TextItem } from './schema.js';
import { forEachSimilarPair, linkStrength, lowestLinkOf, questionLinkage, singleLinkClusters } from './similarity.js';
import { TOKENIZER_VERSION, vocabularyFor, type TopicVocabulary } from './swedishText.js';

export const priorityWeights: Record<Priority, number> = { hog: 3, medel: 2, lag: 1 };
const sensitivityLevel: Record<Sensitivity, number> = { oppen: 0, intern: 1, kanslig: 2 };

interface Keyed<T> {
  item: T;
  /** Index of the item's distinct token set. */
  node: number;
}

interface Clustering<T> {
  clusters: Keyed<T>[][];
  /** Distinct token sets. */
  tokenSets: string[][];
}

/**
 * Two token sets that both name features of one kind (districts, places of a kind, times,
 * offences) must share one of that kind to be alike.
 */
function sameFeatures(a: readonly string[], b: readonly string[], vocabulary: TopicVocabulary): boolean {
  const fb = new Set(vocabulary.features(b));
  const kindsB = new Set([...fb].map((f) => f.slice(0, f.indexOf(':'))));
  const byKind = new Map<string, boolean>();
  for (const f of vocabulary.features(a)) {
    const kind = f.slice(0, f.indexOf(':'));
    if (!kindsB.has(kind)) continue;
    byKind.set(kind, (byKind.get(kind) ?? false) || fb.has(f));
  }
  return [...byKind.values()].every(Boolean);
}

/** Each item with the node of its distinct token set. */
function keyTexts<T extends { text: string }>(items: readonly T[], vocabulary: TopicVocabulary): { keyed: Keyed<T>[]; tokenSets: string[][] } {
  const nodeOfKey = new Map<string, number>();
  const tokenSets: string[][] = [];
  // Many texts repeat word for word: normalise each distinct text once.
  const nodeOfText = new Map<string, number>();
  const keyed = items.map((item) => {
    let node = nodeOfText.get(item.text);
    if (node === undefined) {
      const tokens = vocabulary.topicTokens(item.text);
      const key = tokens.join(' ');
      node = nodeOfKey.get(key);
      if (node === undefined) {
        node = tokenSets.length;
        nodeOfKey.set(key, node);
        tokenSets.push(tokens);
      }
      nodeOfText.set(item.text, node);
    }
    return { item, node };
  });
  return { keyed, tokenSets };
}

/** Clusters of the items' texts that mean the same (order of clusters and members unspecified). */
export function clusterTexts<T extends { text: string }>(items: readonly T[], vocabulary: TopicVocabulary = vocabularyFor()): Clustering<T> {
  const { keyed, tokenSets } = keyTexts(items, vocabulary);
  const component = singleLinkClusters(tokenSets, questionLinkage, (i) => vocabulary.features(tokenSets[i]!));
  const byComponent = new Map<number, Keyed<T>[]>();
  for (const k of keyed) {
    const c = component[k.node]!;
    const list = byComponent.get(c);
    if (list) list.push(k);
    else byComponent.set(c, [k]);
  }
  return { clusters: [...byComponent.values()], tokenSets };
}

export interface GroupingContext extends Pick<SectionContext, 'forumOrder' | 'previous' | 'corrections'> {
  /** vocabularyFor() the districts in the picture. */
  vocabulary: TopicVocabulary;
}

export function groupQuestions(questions: readonly QuestionMember[], ctx: GroupingContext): QuestionsSection {
  const merged = clusterTexts(questions, ctx.vocabulary);
  const clusters = applyCorrections(merged.clusters, ctx.corrections ?? [], (k) => questionKey(k.item));
  return rankedQuestions(questions.length, clusters, merged.tokenSets, ctx);
}

/**
 * The questions in groups given as they are (no merge, no corrections): a view of a snapshot
 * compiled by an earlier compile version keeps the grouping that snapshot was compiled with
 * (view.ts), ranked and scored as groupQuestions does.
 */
export function questionsGroupedAs(groups: readonly (readonly QuestionMember[])[], ctx: GroupingContext): QuestionsSection {
  const members = groups.flat();
  const { keyed, tokenSets } = keyTexts(members, ctx.vocabulary);
  let next = 0;
  const clusters = groups.map((g) => g.map(() => keyed[next++]!));
  return rankedQuestions(members.length, clusters.filter((c) => c.length > 0), tokenSets, ctx);
}

function rankedQuestions(total: number, clusters: readonly (readonly Keyed<QuestionMember>[])[], tokenSets: readonly string[][], ctx: GroupingContext): QuestionsSection {
  const recurringNodes = ctx.previous ? askedBefore(tokenSets, previousKeys(ctx.previous, ctx.vocabulary), ctx.vocabulary) : null;

  const groups = clusters.map((cluster): Omit<QuestionGroup, 'rank'> => {
    const members = cluster.map((k) => k.item).sort((a, b) => compareMembers(ctx.forumOrder, a, b));
    const forums = distinctForums(ctx.forumOrder, members);
    const bestWeight = new Map<string, number>();
    for (const m of members) bestWeight.set(m.forumId, Math.max(bestWeight.get(m.forumId) ?? 0, priorityWeights[m.priority]));
    const representative = pickRepresentative(cluster, ctx.forumOrder, (m) => priorityWeights[m.priority]);
    const priority = representative.priority;
    return {
      id: shortId('q', members.map((m) => `${m.forumId}\u0001${m.priority}\u0001${m.text}`).sort(compareCodeUnits)),
      text: representative.text,
      priority,
      score: forums.length * priorityWeights[priority],
      weightSum: [...bestWeight.values()].reduce((s, w) => s + w, 0),
      forumCount: forums.length,
      forums,
      sensitivity: mostRestrictive(members),
      members,
      recurring: recurringNodes ? cluster.some((k) => recurringNodes.has(k.node)) : null,
    };
  });
  groups.sort(
    (a, b) =>
      b.score - a.score ||
      b.weightSum - a.weightSum ||
      b.members.length - a.members.length ||
      compareSv(a.text, b.text) ||
      compareCodeUnits(a.id, b.id),
  );
  return { total, groups: groups.map((g, i) => ({ rank: i + 1, ...g })) };
}

/**
 * Proposed agenda items (and egna teman, with `idPrefix` 'o'), merged the same way,
 * ranked by forums, then members, then text.
 */
export function groupProposals(proposals: readonly TextItem[], ctx: Pick<GroupingContext, 'forumOrder' | 'vocabulary'>, idPrefix: 'a' | 'o' = 'a'): ProposalGroup[] {
  const { clusters } = clusterTexts(proposals, ctx.vocabulary);
  const groups = clusters.map((cluster): Omit<ProposalGroup, 'rank'> => {
    const members = cluster.map((k) => k.item).sort((a, b) => compareByForum(ctx.forumOrder, a, b) || compareCodeUnits(a.text, b.text));
    const forums = distinctForums(ctx.forumOrder, members);
    return {
      id: shortId(idPrefix, members.map((m) => `${m.forumId}\u0001${m.text}`).sort(compareCodeUnits)),
      text: pickRepresentative(cluster, ctx.forumOrder, () => 0).text,
      forumCount: forums.length,
      forums,
      sensitivity: mostRestrictive(members),
      members,
    };
  });
  groups.sort((a, b) => b.forumCount - a.forumCount || b.members.length - a.members.length || compareSv(a.text, b.text) || compareCodeUnits(a.id, b.id));
  return groups.map((g, i) => ({ rank: i + 1, ...g }));
}

/**
 * The previous meeting's question keys as the current tokenizer makes them. Keys of another
 * tokenizer version (a snapshot compiled before an upgrade keeps its previous summary) are
 * tokenized again: their words are folded stems, so compounds are split and synonyms mapped
 * as in a text ("narkotikaforsaljning" → "forsaljning narkotika"). The compile itself
 * recomputes the previous summary from the previous snapshot's texts (compile.ts).
 */
function previousKeys(previous: Pick<PeriodSummary, 'questionKeys' | 'tokenizer'>, vocabulary: TopicVocabulary): string[] {
  if (previous.tokenizer === TOKENIZER_VERSION) return [...previous.questionKeys];
  return [...new Set(previous.questionKeys.map((k) => vocabulary.topicTokens(k).join(' ')).filter(Boolean))];
}

/** The nodes whose token set is a near-duplicate of one of the previous meeting's keys. */
function askedBefore(current: readonly (readonly string[])[], previousKeys: readonly string[], vocabulary: TopicVocabulary): Set<number> {
  const sets = [...current, ...previousKeys.map((k) => k.split(' '))];
  const n = current.length;
  const hit = new Set<number>();
  forEachSimilarPair(
    sets,
    lowestLinkOf(questionLinkage),
    (a, b) => {
      if (linkStrength(sets[a]!, sets[b]!, questionLinkage) === null) return;
      if (a < n) hit.add(a);
      if (b < n) hit.add(b);
    },
    // Only pairs across the two meetings count; a node already known needs no more.
    (a, b) => a < n === b < n || hit.has(a < n ? a : b) || !sameFeatures(sets[a]!, sets[b]!, vocabulary),
  );
  return hit;
}

/**
 * The member whose text stands for the group: highest weight (priority), then the
 * formulation (token set) used by the most forums, then the shortest text, then code-unit
 * order, then forum order.
 */
function pickRepresentative<T extends { text: string; forumId: string }>(cluster: readonly Keyed<T>[], order: ForumOrder, weight: (item: T) => number): T {
  const forumsPerNode = new Map<number, Set<string>>();
  for (const k of cluster) {
    const set = forumsPerNode.get(k.node);
    if (set) set.add(k.item.forumId);
    else forumsPerNode.set(k.node, new Set([k.item.forumId]));
  }
  const better = (a: Keyed<T>, b: Keyed<T>) =>
    weight(a.item) - weight(b.item) ||
    forumsPerNode.get(a.node)!.size - forumsPerNode.get(b.node)!.size ||
    b.item.text.length - a.item.text.length ||
    compareCodeUnits(b.item.text, a.item.text) ||
    compareByForum(order, b.item, a.item);
  let best = cluster[0]!;
  for (const k of cluster) if (better(k, best) > 0) best = k;
  return best.item;
}

function compareMembers(order: ForumOrder, a: QuestionMember, b: QuestionMember): number {
  return compareByForum(order, a, b) || priorityWeights[b.priority] - priorityWeights[a.priority] || compareCodeUnits(a.text, b.text);
}

function distinctForums(order: ForumOrder, members: readonly { forumId: string; forumName: string }[]): { forumId: string; forumName: string }[] {
  const seen = new Map<string, { forumId: string; forumName: string }>();
  for (const m of members) if (!seen.has(m.forumId)) seen.set(m.forumId, { forumId: m.forumId, forumName: m.forumName });
  return [...seen.values()].sort((a, b) => compareByForum(order, a, b));
}

function mostRestrictive(members: readonly { sensitivity: Sensitivity }[]): Sensitivity {
  return members.reduce<Sensitivity>((worst, m) => (sensitivityLevel[m.sensitivity] > sensitivityLevel[worst] ? m.sensitivity : worst), 'oppen');
}
