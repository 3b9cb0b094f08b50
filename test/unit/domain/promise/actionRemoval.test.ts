import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors.js';
import { nextActionId, removeAction, wasRemoved } from '../../../../src/domain/promise/actionRemoval.js';
import { promiseSchema, type CitizenPromise, type PromiseStatus } from '../../../../src/domain/promise/promise.js';
import { actionRevision } from '../../../../src/domain/promise/revision.js';
import { action, citizenPromise, commitment, followUp } from './fixtures.js';

const chair = { isChair: true };
const member = { isChair: false };

function promiseAt(status: PromiseStatus): CitizenPromise {
  return citizenPromise(
    [
      commitment('c1', [action('x1'), action('x2', { followUps: [followUp('2026-1', 'Två vandringar', { count: 2 }), followUp('2026-2', 'En vandring')] }), action('x3')]),
      commitment('c2', [action('x4')]),
    ],
    status === 'utkast' ? { status, agreedBy: undefined, agreedAt: undefined } : { status },
  );
}

const revOf = (p: CitizenPromise, id: string) => actionRevision(p.commitments.flatMap((c) => c.actions).find((a) => a.id === id)!);

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e.reason;
    throw e;
  }
}

describe('removeAction', () => {
  // [case, expected refusal, promise status, actor, id, the card's revision]. 'current' is the
  // item's revision as stored (x1's for ids that name no item), 'other' another item's.
  const cases: [string, 'deleted' | DomainError['reason'], PromiseStatus, { isChair: boolean }, string, 'current' | 'stale' | 'other'][] = [
    ['a chair, fastställt promise', 'deleted', 'faststallt', chair, 'x1', 'current'],
    ['a chair, draft', 'deleted', 'utkast', chair, 'x3', 'current'],
    ['a chair, item with follow-ups', 'deleted', 'faststallt', chair, 'x2', 'current'],
    ['a chair, the only item of its commitment', 'deleted', 'faststallt', chair, 'x4', 'current'],
    ['a chair, closed promise', 'not-allowed', 'avslutat', chair, 'x1', 'current'],
    ['a member', 'not-allowed', 'faststallt', member, 'x1', 'current'],
    ['a member, unknown id (role first: learns nothing)', 'not-allowed', 'faststallt', member, 'x99', 'current'],
    ['a member, stale card (role first)', 'not-allowed', 'faststallt', member, 'x1', 'stale'],
    ['a chair, closed promise, unknown id', 'not-allowed', 'avslutat', chair, 'x99', 'current'],
    ['a chair, unknown id', 'not-found', 'faststallt', chair, 'x99', 'current'],
    ['a chair, a commitment id', 'not-found', 'faststallt', chair, 'c1', 'current'],
    ['a chair, stale card', 'stale-write', 'faststallt', chair, 'x1', 'stale'],
    ['a chair, the revision of another item', 'stale-write', 'faststallt', chair, 'x1', 'other'],
  ];
  it.each(cases)('%s → %s', (_label, reason, status, actor, id, rev) => {
    const p = promiseAt(status);
    const named = ['x1', 'x2', 'x3', 'x4'].includes(id) ? id : 'x1';
    const cardRev = rev === 'current' ? revOf(p, named) : rev === 'other' ? revOf(p, 'x3') : revOf(p, named).replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expect(reasonOf(() => removeAction(p, id, cardRev, actor)) ?? 'deleted').toBe(reason);
    if (reason !== 'deleted') return;
    const r = removeAction(p, id, cardRev, actor);
    expect(r.promise.commitments.flatMap((c) => c.actions).map((a) => a.id)).toEqual(['x1', 'x2', 'x3', 'x4'].filter((x) => x !== id));
    expect(r.promise.removedActionIds).toEqual([id]);
    expect(r.action.id).toBe(id);
    expect(r.commitment.actions.some((a) => a.id === id)).toBe(true);
    // What is stored stays valid (the repository parses every write).
    expect(promiseSchema.safeParse(r.promise).success).toBe(true);
  });

  it('takes the follow-ups with it, keeps the other items in their order, and leaves the input alone', () => {
    const p = promiseAt('faststallt');
    const before = structuredClone(p);
    const r = removeAction(p, 'x2', revOf(p, 'x2'), chair);
    expect(r.action.followUps).toHaveLength(2);
    expect(r.promise.commitments[0]!.actions.map((a) => a.id)).toEqual(['x1', 'x3']);
    expect(r.promise.commitments[1]).toBe(p.commitments[1]);
    expect(JSON.stringify(r.promise)).not.toContain('Två vandringar');
    expect(p).toEqual(before);
  });

  it('a second delete of the same item finds nothing (two chairs pressing the same button)', () => {
    const p = promiseAt('faststallt');
    const rev = revOf(p, 'x1');
    const once = removeAction(p, 'x1', rev, chair).promise;
    expect(reasonOf(() => removeAction(once, 'x1', rev, chair))).toBe('not-found');
    expect(removeAction(once, 'x3', revOf(once, 'x3'), chair).promise.removedActionIds).toEqual(['x1', 'x3']);
  });
});

describe('ids of deleted items', () => {
  it('are never given to a new item (old cards and reminder jobs name items by id)', () => {
    const p = promiseAt('faststallt');
    expect(nextActionId(p)).toBe('x5');
    const without = removeAction(p, 'x4', revOf(p, 'x4'), chair).promise;
    expect(nextActionId(without)).toBe('x5');
    expect(nextActionId({ ...without, removedActionIds: ['x9'] })).toBe('x10');
  });

  it('wasRemoved tells a deleted id from one that never was', () => {
    const p = promiseAt('faststallt');
    const without = removeAction(p, 'x1', revOf(p, 'x1'), chair).promise;
    expect(wasRemoved(without, 'x1')).toBe(true);
    expect(wasRemoved(without, 'x2')).toBe(false);
    expect(wasRemoved(without, 'x99')).toBe(false);
    expect(wasRemoved(p, 'x1')).toBe(false);
  });

  it('a promise stored before deletion existed (no removedActionIds) reads as before', () => {
    const p = promiseAt('faststallt');
    expect(p.removedActionIds).toBeUndefined();
    expect(promiseSchema.parse(p)).not.toHaveProperty('removedActionIds');
  });
});
