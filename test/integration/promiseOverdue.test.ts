import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScheduler } from '../../jobs/scheduler.js';
import { effectiveStatus } from '../../src/domain/promise/actionStatus.js';
import { findAction } from '../../src/domain/promise/promise.js';
import { actionRevision, updateAction } from '../../src/services/promise/actions.js';
import { markOverdueActions } from '../../src/services/promise/overdue.js';
import { todayOf } from '../../src/services/promise/today.js';
import { makeTestServices, type TestServices } from '../support/services.js';
import { ownerActor, seedAction, seedPromise } from '../support/promise.js';

let t: TestServices;

beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-03-01T10:00:00Z') });
});

afterEach(async () => {
  await t.cleanup();
});

describe('overdue items', () => {
  it('become försenad: shown at once on read, stored by the nightly tick (one instance), audited as system', async () => {
    const { promiseId, commitmentId } = await seedPromise(t.s);
    const late = (await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-1', name: 'En' }, '2027-03-05')).action;
    const onTime = (await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-2', name: 'Två' }, '2027-03-06')).action;
    const done = (await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-3', name: 'Tre' }, '2027-03-02')).action;
    await updateAction(t.s, promiseId, done.id, actionRevision(done), { status: 'klar' }, '2027-1', ownerActor('aad-3'));

    // 6 March 00:20 in Stockholm: the 5th has passed; the 6th is still "klart senast" today.
    t.clock.set('2027-03-05T23:20:00Z');
    expect(todayOf(t.s)).toBe('2027-03-06');
    const before = (await t.s.repos.promises.require(promiseId)).data;
    expect(findAction(before, late.id)!.action.status).toBe('ej_paborjad');
    expect(effectiveStatus(findAction(before, late.id)!.action, todayOf(t.s))).toBe('forsenad');

    const a = startScheduler(t.platform, t.newStoreConnection());
    const b = startScheduler(t.platform, t.newStoreConnection());
    t.onCleanup(() => a.stop());
    t.onCleanup(() => b.stop());
    expect((await Promise.all([a.promise.overdue(), b.promise.overdue()])).filter(Boolean)).toHaveLength(1);

    const after = await t.s.repos.promises.require(promiseId);
    expect(findAction(after.data, late.id)!.action.status).toBe('forsenad');
    expect(findAction(after.data, onTime.id)!.action.status).toBe('ej_paborjad');
    expect(findAction(after.data, done.id)!.action.status).toBe('klar');
    const audit = await t.s.repos.audit.list('promise', promiseId);
    expect(audit.at(-1)).toMatchObject({ actor: 'system', action: 'action.overdue', fields: ['commitments'] });

    // Nothing left to mark: no new version.
    expect(await markOverdueActions(t.s)).toEqual({ promises: 1, marked: 0 });
    expect((await t.s.repos.promises.require(promiseId)).version).toBe(after.version);
  });
});
