/**
 * A chair's corrections of the question groups: split a question out of its group, or join
 * two groups. Kept per meeting (store: mergeCorrections) and applied by every compile after
 * the automatic merge, in the order they were made, so a recompile keeps them. Questions
 * are named by a stable identity — the forum and a hash of its question's text — which
 * survives a recompile; a correction whose question is gone (the forum changed its text)
 * does nothing.
 */
import { z } from 'zod';
import { shortId } from './hash.js';

/** 'k-' and 12 hex digits: the question `text` of forum `forumId`. */
export const questionKeySchema = z.string().regex(/^k-[0-9a-f]{12}$/);

export function questionKey(q: { forumId: string; text: string }): string {
  return shortId('k', [q.forumId, q.text.trim()]);
}

export const mergeCorrectionSchema = z.discriminatedUnion('kind', [
  /** The question leaves its group and stands alone. */
  z.object({ kind: z.literal('split'), question: questionKeySchema }),
  /** The groups of the two questions become one. */
  z.object({ kind: z.literal('join'), a: questionKeySchema, b: questionKeySchema }),
]);
export type MergeCorrection = z.infer<typeof mergeCorrectionSchema>;

/** At most this many corrections per meeting: the oldest go first beyond it. */
export const MAX_CORRECTIONS = 200;

export const storedCorrectionSchema = z.intersection(mergeCorrectionSchema, z.object({ at: z.string(), by: z.string() }));
export type StoredCorrection = z.infer<typeof storedCorrectionSchema>;

/** The store's record: one per meeting, versioned and audited like the others. */
export const mergeCorrectionsRecordSchema = z.object({
  meetingId: z.string(),
  corrections: z.array(storedCorrectionSchema).max(MAX_CORRECTIONS),
});
export type MergeCorrectionsRecord = z.infer<typeof mergeCorrectionsRecordSchema>;

/** The record with one more correction (the oldest dropped beyond MAX_CORRECTIONS). */
export function withCorrection(record: MergeCorrectionsRecord | null, meetingId: string, c: StoredCorrection): MergeCorrectionsRecord {
  const corrections = [...(record?.corrections ?? []), c].slice(-MAX_CORRECTIONS);
  return { meetingId, corrections };
}

/** What the compile applies: the corrections without who and when. */
export function correctionOps(record: MergeCorrectionsRecord | null | undefined): MergeCorrection[] {
  return (record?.corrections ?? []).map((c) => (c.kind === 'split' ? { kind: 'split', question: c.question } : { kind: 'join', a: c.a, b: c.b }));
}

/**
 * The clusters after the corrections: `keyOf` names each item. A split moves every item
 * with the question's key into a cluster of its own; a join puts the clusters of a and b
 * together. Corrections naming no item are skipped. Order of clusters: unspecified.
 */
export function applyCorrections<T>(clusters: readonly (readonly T[])[], corrections: readonly MergeCorrection[], keyOf: (item: T) => string): T[][] {
  if (corrections.length === 0) return clusters.map((c) => [...c]);
  const items = clusters.flat();
  const cluster = clusters.flatMap((c, i) => c.map(() => i));
  const keys = items.map(keyOf);
  let next = clusters.length;
  for (const c of corrections) {
    if (c.kind === 'split') {
      const fresh = next++;
      keys.forEach((k, i) => {
        if (k === c.question) cluster[i] = fresh;
      });
    } else {
      const ia = keys.indexOf(c.a);
      const ib = keys.indexOf(c.b);
      if (ia < 0 || ib < 0) continue;
      const [from, to] = [cluster[ib]!, cluster[ia]!];
      if (from === to) continue;
      for (let i = 0; i < cluster.length; i++) if (cluster[i] === from) cluster[i] = to;
    }
  }
  const byCluster = new Map<number, T[]>();
  items.forEach((item, i) => {
    const list = byCluster.get(cluster[i]!);
    if (list) list.push(item);
    else byCluster.set(cluster[i]!, [item]);
  });
  return [...byCluster.values()];
}
