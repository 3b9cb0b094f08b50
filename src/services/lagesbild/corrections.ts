/**
 * A chair splits a question out of its group or joins two groups on the lägesbild card.
 * The correction is checked against the current snapshot (the question must be in it, a
 * split needs a group of two or more, a join two different groups), added to the meeting's
 * corrections record (compare-and-set, audited) and applied by the next compile, which the
 * caller requests at once; every later compile applies it too.
 */
import { notAllowed } from '../../domain/errors.js';
import { questionKey, withCorrection, type MergeCorrection } from '../../domain/lagesbild/mergeCorrections.js';
import type { Services } from '../services.js';

export type CorrectionRefusal = 'noSnapshot' | 'unknownQuestion' | 'alone' | 'sameGroup';

export async function correctMerge(
  s: Services,
  meetingId: string,
  correction: MergeCorrection,
  actor: { id: string; isChair: boolean },
): Promise<{ ok: true } | { ok: false; reason: CorrectionRefusal }> {
  if (!actor.isChair) throw notAllowed('merge-correction');
  const record = await s.repos.lagesbilder.get(meetingId);
  if (!record) return { ok: false, reason: 'noSnapshot' };
  // The snapshot is the chairs' picture: every question is in it.
  const groupOf = new Map<string, string>();
  const sizeOf = new Map<string, number>();
  for (const g of record.data.snapshot.questions.groups) {
    sizeOf.set(g.id, g.members.length);
    for (const m of g.members) groupOf.set(questionKey(m), g.id);
  }
  if (correction.kind === 'split') {
    const g = groupOf.get(correction.question);
    if (!g) return { ok: false, reason: 'unknownQuestion' };
    if (sizeOf.get(g)! < 2) return { ok: false, reason: 'alone' };
  } else {
    const a = groupOf.get(correction.a);
    const b = groupOf.get(correction.b);
    if (!a || !b) return { ok: false, reason: 'unknownQuestion' };
    if (a === b) return { ok: false, reason: 'sameGroup' };
  }
  const at = s.clock().toISOString();
  await s.repos.mergeCorrections.mutate(meetingId, actor.id, `merge-${correction.kind}`, (cur) => withCorrection(cur, meetingId, { ...correction, at, by: actor.id }));
  return { ok: true };
}
