import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { findAction } from '../../src/domain/promise/promise.js';
import { actionRevision, createAction, editAction, updateAction } from '../../src/services/promise/actions.js';
import { changeStatus, createPromise, saveCommitment } from '../../src/services/promise/promises.js';
import { makeTestServices, type TestServices } from '../support/services.js';
import { chair, ownerActor, seedAction, seedPromise } from '../support/promise.js';

let t: TestServices;

beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-03-01T10:00:00Z') });
});

afterEach(async () => {
  await t.cleanup();
});

const reasonOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? e.reason : String(e);
  }
};

describe('who may change what (services check roles too, not only the cards)', () => {
  it('a non-owner who is not a chair cannot update an item; nothing is stored, nothing audited', async () => {
    const { promiseId, commitmentId } = await seedPromise(t.s);
    const { action, stored } = await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-owner', name: 'Ägare' }, '2027-06-01');
    const auditBefore = await t.s.repos.audit.list('promise', promiseId);
    expect(await reasonOf(updateAction(t.s, promiseId, action.id, actionRevision(action), { status: 'klar' }, '2027-1', ownerActor('aad-other')))).toBe('not-allowed');
    expect(await reasonOf(updateAction(t.s, promiseId, action.id, actionRevision(action), { status: 'klar' }, '2027-1', { id: 'x', aadObjectId: undefined, isChair: false }))).toBe('not-allowed');
    const after = await t.s.repos.promises.require(promiseId);
    expect(after.version).toBe(stored.version);
    expect(await t.s.repos.audit.list('promise', promiseId)).toEqual(auditBefore);
    // The owner and a chair may.
    const byOwner = await updateAction(t.s, promiseId, action.id, actionRevision(action), { status: 'pagar' }, '2027-1', ownerActor('aad-owner'));
    expect(await reasonOf(updateAction(t.s, promiseId, action.id, actionRevision(byOwner.action), { status: 'klar' }, '2027-1', chair))).toBe('ok');
  });

  it('only chairs create or edit the promise, its commitments and items; an agreed promise too; a closed one is frozen', async () => {
    const member = ownerActor('aad-member');
    expect(await reasonOf(createPromise(t.s, { title: 'X', periodFrom: '2027-01-01', periodTo: '2028-12-31' }, member))).toBe('not-allowed');
    const { promiseId, commitmentId } = await seedPromise(t.s);
    expect(await reasonOf(saveCommitment(t.s, promiseId, undefined, { text: 'Y', responsible: 'polisen', districts: [] }, member))).toBe('not-allowed');
    const form = { text: 'Z', ownerAadObjectId: 'aad-member', ownerName: 'M', due: '2027-06-01', commitmentId };
    expect(await reasonOf(createAction(t.s, promiseId, form, member))).toBe('not-allowed');
    const { action } = await createAction(t.s, promiseId, form, chair);
    expect(await reasonOf(editAction(t.s, promiseId, action.id, actionRevision(action), { ...form, text: 'Ändrad' }, member))).toBe('not-allowed');

    const draft = await t.s.repos.promises.require(promiseId);
    expect(await reasonOf(changeStatus(t.s, promiseId, draft.version, 'faststallt', member))).toBe('not-allowed');
    const agreed = await changeStatus(t.s, promiseId, draft.version, 'faststallt', chair);
    expect(agreed.data).toMatchObject({ status: 'faststallt', agreedBy: chair.id });
    // Two chairs pressing "fastställ" on the same card: the second is stale.
    expect(await reasonOf(changeStatus(t.s, promiseId, draft.version, 'faststallt', chair))).toBe('conflict');
    const closed = await changeStatus(t.s, promiseId, agreed.version, 'avslutat', chair);
    const item = findAction(closed.data, action.id)!.action;
    expect(await reasonOf(updateAction(t.s, promiseId, action.id, actionRevision(item), { status: 'klar' }, '2027-1', ownerActor('aad-member')))).toBe('not-allowed');
    expect(await reasonOf(updateAction(t.s, promiseId, action.id, actionRevision(item), { status: 'klar' }, '2027-1', chair))).toBe('not-allowed');
    const audit = await t.s.repos.audit.list('promise', promiseId);
    expect(audit.map((a) => a.action)).toEqual(['promise.create', 'commitment.add', 'action.create', 'promise.faststallt', 'promise.avslutat']);
    expect(audit.every((a) => a.actor === chair.id)).toBe(true);
  });
});
