import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { findAction } from '../../src/domain/promise/promise.js';
import { actionRevision, updateAction } from '../../src/services/promise/actions.js';
import { makeTestServices, type TestServices } from '../support/services.js';
import { chair, ownerActor, seedAction, seedPromise } from '../support/promise.js';

let t: TestServices;

beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-03-01T10:00:00Z') });
});

afterEach(async () => {
  await t.cleanup();
});

describe('concurrent updates of one action item', () => {
  it('one of ten parallel updates (same card) wins; the others are refused as stale writes', async () => {
    const { promiseId, commitmentId } = await seedPromise(t.s);
    const { action } = await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-1', name: 'En' }, '2027-06-01');
    const rev = actionRevision(action);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => updateAction(t.s, promiseId, action.id, rev, { status: 'pagar', followUpText: `Version ${i}`, count: i }, '2027-1', i % 2 ? chair : ownerActor('aad-1'))),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).reason).toBe('stale-write');
    }

    const stored = findAction((await t.s.repos.promises.require(promiseId)).data, action.id)!.action;
    expect(stored.followUps).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof updateAction>>>).value;
    expect(stored).toEqual(winner.action);
  });

  it('parallel updates of different items in the same promise all succeed (no false conflicts)', async () => {
    const { promiseId, commitmentId } = await seedPromise(t.s);
    const items = [];
    for (let i = 0; i < 6; i++) items.push((await seedAction(t.s, promiseId, commitmentId, { aadObjectId: `aad-${i}`, name: `P${i}` }, '2027-06-01', `Åtgärd ${i}`)).action);
    const results = await Promise.allSettled(items.map((a, i) => updateAction(t.s, promiseId, a.id, actionRevision(a), { followUpText: `Klart ${i}` }, '2027-1', ownerActor(`aad-${i}`))));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const p = (await t.s.repos.promises.require(promiseId)).data;
    expect(items.map((a) => findAction(p, a.id)!.action.followUps[0]?.text)).toEqual(items.map((_, i) => `Klart ${i}`));
  });
});
