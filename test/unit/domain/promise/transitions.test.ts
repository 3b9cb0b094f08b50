import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors.js';
import type { PromiseStatus } from '../../../../src/domain/promise/promise.js';
import { canEditPromise, canUpdateAction, changePromiseStatus, type ActionActor } from '../../../../src/domain/promise/transitions.js';
import { action, citizenPromise, commitment } from './fixtures.js';

const NOW = new Date('2026-02-04T13:30:00.000Z');
const chair = { isChair: true, id: 'chair-2' };
const member = { isChair: false, id: 'member-1' };

function at(status: PromiseStatus) {
  return citizenPromise([commitment('c1', [action('a1')])], status === 'utkast' ? { status, agreedBy: undefined, agreedAt: undefined } : { status });
}

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e.reason;
    throw e;
  }
}

describe('changePromiseStatus', () => {
  const cases: [PromiseStatus, PromiseStatus, typeof chair, string | undefined][] = [
    ['utkast', 'faststallt', chair, undefined],
    ['faststallt', 'avslutat', chair, undefined],
    ['utkast', 'faststallt', member, 'not-allowed'],
    ['faststallt', 'avslutat', member, 'not-allowed'],
    ['utkast', 'avslutat', member, 'not-allowed'], // role is checked before the step
    ['utkast', 'avslutat', chair, 'conflict'], // skipping fastställt
    ['utkast', 'utkast', chair, 'conflict'],
    ['faststallt', 'faststallt', chair, 'conflict'], // two chairs pressing the same button
    ['faststallt', 'utkast', chair, 'conflict'], // no way back
    ['avslutat', 'faststallt', chair, 'conflict'],
    ['avslutat', 'utkast', chair, 'conflict'],
    ['avslutat', 'avslutat', chair, 'conflict'],
  ];
  it.each(cases)('%s → %s by chair=%s: %s', (from, to, actor, reason) => {
    const p = at(from);
    expect(reasonOf(() => changePromiseStatus(p, to, actor, NOW))).toBe(reason);
    if (!reason) expect(changePromiseStatus(p, to, actor, NOW).status).toBe(to);
  });

  it('fastställa records the chair and the instant, and leaves the input alone', () => {
    const draft = at('utkast');
    const agreed = changePromiseStatus(draft, 'faststallt', chair, NOW);
    expect(agreed).toMatchObject({ status: 'faststallt', agreedBy: 'chair-2', agreedAt: '2026-02-04T13:30:00.000Z' });
    expect(draft.status).toBe('utkast');
    expect(draft.agreedBy).toBeUndefined();
  });

  it('closing keeps who agreed to it', () => {
    expect(changePromiseStatus(at('faststallt'), 'avslutat', chair, NOW)).toMatchObject({ status: 'avslutat', agreedBy: 'chair-1' });
  });

  it('an empty draft cannot be fastställt', () => {
    const empty = citizenPromise([], { status: 'utkast', agreedBy: undefined, agreedAt: undefined });
    try {
      changePromiseStatus(empty, 'faststallt', chair, NOW);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).reason).toBe('invalid-input');
      expect((e as DomainError).details.fieldErrors).toEqual({ commitments: 'noCommitments' });
    }
  });
});

describe('canEditPromise', () => {
  it.each([
    ['utkast', true, true],
    ['utkast', false, false],
    ['faststallt', true, true],
    ['faststallt', false, false],
    ['avslutat', true, false],
    ['avslutat', false, false],
  ] as const)('%s, chair=%s → %s', (status, isChair, expected) => {
    expect(canEditPromise({ status }, { isChair })).toBe(expected);
  });
});

describe('canUpdateAction', () => {
  const item = action('a1', { ownerAadObjectId: 'owner-1' });
  const cases: [string, ActionActor, PromiseStatus | undefined, boolean][] = [
    ['the owner', { isChair: false, aadObjectId: 'owner-1' }, undefined, true],
    ['a chair who is not the owner', { isChair: true, aadObjectId: 'chair-1' }, undefined, true],
    ['someone else', { isChair: false, aadObjectId: 'member-9' }, undefined, false],
    ['an unknown user', { isChair: false }, undefined, false],
    ['an empty id', { isChair: false, aadObjectId: '' }, undefined, false],
    ['the owner, id in other case', { isChair: false, aadObjectId: 'OWNER-1' }, undefined, false],
    ['the owner, fastställt promise', { isChair: false, aadObjectId: 'owner-1' }, 'faststallt', true],
    ['the owner, draft promise', { isChair: false, aadObjectId: 'owner-1' }, 'utkast', true],
    ['the owner, closed promise', { isChair: false, aadObjectId: 'owner-1' }, 'avslutat', false],
    ['a chair, closed promise', { isChair: true, aadObjectId: 'chair-1' }, 'avslutat', false],
  ];
  it.each(cases)('%s → %s', (_label, actor, status, expected) => {
    expect(canUpdateAction(item, actor, status ? { status } : undefined)).toBe(expected);
  });
});
