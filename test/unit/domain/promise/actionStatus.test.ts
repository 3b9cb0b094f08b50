import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors.js';
import {
  applyActionUpdate,
  completedLate,
  effectiveStatus,
  isFinal,
  isOverdue,
  markOverdue,
  type ActionUpdate,
} from '../../../../src/domain/promise/actionStatus.js';
import type { ActionStatus } from '../../../../src/domain/promise/promise.js';
import { action, followUp, STHLM } from './fixtures.js';

const DUE = '2026-06-15';

describe('isOverdue and effectiveStatus (due 2026-06-15)', () => {
  const cases: [ActionStatus, string, boolean, ActionStatus][] = [
    // stored status, today, overdue, effective status
    ['ej_paborjad', '2026-06-14', false, 'ej_paborjad'],
    ['ej_paborjad', '2026-06-15', false, 'ej_paborjad'], // the due date itself is on time
    ['ej_paborjad', '2026-06-16', true, 'forsenad'],
    ['pagar', '2026-06-15', false, 'pagar'],
    ['pagar', '2026-06-16', true, 'forsenad'],
    ['pagar', '2027-01-01', true, 'forsenad'],
    ['klar', '2026-06-16', false, 'klar'],
    ['stoppad', '2026-06-16', false, 'stoppad'],
    ['forsenad', '2026-06-16', true, 'forsenad'],
    ['forsenad', '2026-06-10', false, 'forsenad'], // the owner said it will be late
  ];
  it.each(cases)('%s on %s: overdue=%s, shows %s', (status, today, overdue, shown) => {
    const a = action('a', { due: DUE, status });
    expect(isOverdue(a, today)).toBe(overdue);
    expect(effectiveStatus(a, today)).toBe(shown);
  });

  it.each([
    ['klar', true],
    ['stoppad', true],
    ['ej_paborjad', false],
    ['pagar', false],
    ['forsenad', false],
  ] as const)('isFinal(%s) = %s', (status, expected) => {
    expect(isFinal(status)).toBe(expected);
  });
});

describe('completedLate (due 2026-06-15)', () => {
  it.each([
    ['klar the day before', 'klar', '2026-06-14', false],
    ['klar on the due date', 'klar', '2026-06-15', false],
    ['klar the day after', 'klar', '2026-06-16', true],
    ['klar next year', 'klar', '2027-01-02', true],
    ['klar, date unknown (imported)', 'klar', undefined, false],
    ['pagar with a stale completedAt', 'pagar', '2026-06-20', false],
  ] as const)('%s → %s', (_label, status, completedAt, expected) => {
    expect(completedLate(action('a', { due: DUE, status, ...(completedAt ? { completedAt } : {}) }))).toBe(expected);
  });
});

describe('markOverdue', () => {
  const items = [
    action('open-past', { due: '2026-06-01', status: 'pagar' }),
    action('not-started-past', { due: '2026-06-09', status: 'ej_paborjad' }),
    action('due-today', { due: '2026-06-10', status: 'pagar' }),
    action('future', { due: '2026-07-01', status: 'pagar' }),
    action('already-late', { due: '2026-06-01', status: 'forsenad' }),
    action('done-past', { due: '2026-06-01', status: 'klar', completedAt: '2026-06-05' }),
    action('stopped-past', { due: '2026-06-01', status: 'stoppad' }),
  ];
  it.each([
    ['2026-06-10', ['open-past', 'not-started-past']],
    ['2026-06-11', ['open-past', 'not-started-past', 'due-today']],
    ['2026-05-01', []],
    ['2026-07-02', ['open-past', 'not-started-past', 'due-today', 'future']],
  ])('on %s → %j', (today, expected) => {
    expect(markOverdue(items, today)).toEqual(expected);
  });
  it('nothing to do for no items', () => {
    expect(markOverdue([], '2026-06-10')).toEqual([]);
  });
});

describe('applyActionUpdate', () => {
  const owner = { isChair: false, aadObjectId: 'owner-1' };
  const chair = { isChair: true, aadObjectId: 'chair-1' };
  // 22:30 UTC on 31 May is already 1 June in Stockholm (CEST, +2).
  const NOW = new Date('2026-05-31T22:30:00.000Z');

  describe('status', () => {
    const cases: [string, Partial<Parameters<typeof action>[1]>, ActionUpdate, { status: ActionStatus; completedAt: string | undefined }][] = [
      ['pagar → klar sets the local date', { status: 'pagar' }, { status: 'klar' }, { status: 'klar', completedAt: '2026-06-01' }],
      ['ej_paborjad → klar', { status: 'ej_paborjad' }, { status: 'klar' }, { status: 'klar', completedAt: '2026-06-01' }],
      ['forsenad → klar', { status: 'forsenad' }, { status: 'klar' }, { status: 'klar', completedAt: '2026-06-01' }],
      ['klar → klar keeps the first date', { status: 'klar', completedAt: '2026-05-20' }, { status: 'klar' }, { status: 'klar', completedAt: '2026-05-20' }],
      ['klar → pagar (reopened) drops the date', { status: 'klar', completedAt: '2026-05-20' }, { status: 'pagar' }, { status: 'pagar', completedAt: undefined }],
      ['pagar → stoppad', { status: 'pagar' }, { status: 'stoppad' }, { status: 'stoppad', completedAt: undefined }],
      ['no status in the update', { status: 'pagar' }, {}, { status: 'pagar', completedAt: undefined }],
    ];
    it.each(cases)('%s', (_label, over, update, expected) => {
      const next = applyActionUpdate(action('a', over), update, owner, NOW, STHLM);
      expect({ status: next.status, completedAt: next.completedAt }).toEqual(expected);
      expect('completedAt' in next).toBe(expected.completedAt !== undefined);
    });

    it('done after the due date is done late', () => {
      const next = applyActionUpdate(action('a', { due: '2026-05-31' }), { status: 'klar' }, owner, NOW, STHLM);
      expect(completedLate(next)).toBe(true);
    });
  });

  describe('follow-up entries', () => {
    const earlier = followUp('2026-1', 'Planering klar');
    const other = followUp('2026-2', 'Fyra kvällsvandringar', { count: 4 });

    it('adds the first entry of a meeting, with who and when', () => {
      const next = applyActionUpdate(action('a'), { followUpText: ' 6 narkotikasök ', count: 6, meetingId: '2026-2' }, owner, NOW, STHLM);
      expect(next.followUps).toEqual([{ meetingId: '2026-2', text: '6 narkotikasök', count: 6, by: 'owner-1', at: '2026-05-31T22:30:00.000Z' }]);
    });

    it('replaces the earlier entry of the same meeting where it stood', () => {
      const next = applyActionUpdate(action('a', { followUps: [earlier, other] }), { followUpText: 'Genomfört', meetingId: '2026-1' }, chair, NOW, STHLM);
      expect(next.followUps.map((f) => [f.meetingId, f.text, f.count, f.by])).toEqual([
        ['2026-1', 'Genomfört', undefined, 'chair-1'],
        ['2026-2', 'Fyra kvällsvandringar', 4, 'owner-1'],
      ]);
    });

    it('a replacement without a count clears the earlier count', () => {
      const next = applyActionUpdate(action('a', { followUps: [other] }), { followUpText: 'Tre vandringar', meetingId: '2026-2' }, owner, NOW, STHLM);
      expect(next.followUps).toHaveLength(1);
      expect(next.followUps[0]).not.toHaveProperty('count');
    });

    it('appends the entry of another meeting', () => {
      const next = applyActionUpdate(action('a', { followUps: [earlier] }), { followUpText: 'Mer', count: 0, meetingId: '2026-3' }, owner, NOW, STHLM);
      expect(next.followUps.map((f) => f.meetingId)).toEqual(['2026-1', '2026-3']);
      expect(next.followUps[1]?.count).toBe(0);
    });

    it('status and follow-up together', () => {
      const next = applyActionUpdate(action('a'), { status: 'klar', followUpText: 'Klart', meetingId: '2026-2' }, owner, NOW, STHLM);
      expect(next.status).toBe('klar');
      expect(next.followUps).toHaveLength(1);
    });

    it('a blank text with no count leaves the follow-ups alone', () => {
      const item = action('a', { followUps: [earlier] });
      expect(applyActionUpdate(item, { followUpText: '   ', meetingId: '2026-1' }, owner, NOW, STHLM).followUps).toEqual([earlier]);
    });
  });

  it('never changes its input', () => {
    const item = action('a', { followUps: [followUp('2026-1', 'x')] });
    const copy = structuredClone(item);
    applyActionUpdate(item, { status: 'klar', followUpText: 'y', meetingId: '2026-1' }, owner, NOW, STHLM);
    expect(item).toEqual(copy);
  });

  describe('refusals', () => {
    const cases: [string, { isChair: boolean; aadObjectId?: string }, ActionUpdate, string, Record<string, string> | undefined][] = [
      ['someone else', { isChair: false, aadObjectId: 'member-9' }, { status: 'klar' }, 'not-allowed', undefined],
      ['an unknown user', { isChair: false }, { status: 'klar' }, 'not-allowed', undefined],
      ['a count without a text', owner, { count: 3, meetingId: '2026-1' }, 'invalid-input', { followUp: 'required' }],
      ['a text without a meeting', owner, { followUpText: 'Gjort' }, 'invalid-input', { meetingId: 'required' }],
      ['a text of 1001 characters', owner, { followUpText: 'x'.repeat(1001), meetingId: '2026-1' }, 'invalid-input', { followUp: 'tooLong' }],
      ['a negative count', owner, { followUpText: 'x', count: -1, meetingId: '2026-1' }, 'invalid-input', { count: 'notANumber' }],
      ['a fractional count', owner, { followUpText: 'x', count: 2.5, meetingId: '2026-1' }, 'invalid-input', { count: 'notANumber' }],
    ];
    it.each(cases)('%s → %s', (_label, actor, update, reason, fieldErrors) => {
      try {
        applyActionUpdate(action('a'), update, actor, NOW, STHLM);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).reason).toBe(reason);
        expect((e as DomainError).details.fieldErrors).toEqual(fieldErrors);
      }
    });
  });
});
