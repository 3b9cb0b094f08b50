import { describe, expect, it } from 'vitest';
import { weeklyDigest } from '../../../../src/domain/promise/digest.js';
import { action, citizenPromise, commitment } from './fixtures.js';

const TODAY = '2026-05-18'; // a Monday

const promise = citizenPromise([
  commitment('c-trygg', [
    action('late-long', { due: '2026-04-30', status: 'pagar', ownerName: 'Anna' }),
    action('due-today', { due: '2026-05-18', status: 'ej_paborjad' }),
    action('horizon-edge', { due: '2026-06-01', status: 'pagar' }), // today + 14
    action('beyond-horizon', { due: '2026-06-02', status: 'pagar' }), // today + 15
    action('done-past', { due: '2026-05-01', status: 'klar', completedAt: '2026-05-03' }),
  ]),
  commitment('c-narko', [
    action('late-yesterday', { due: '2026-05-17', status: 'ej_paborjad', ownerAadObjectId: 'aad-bo', ownerName: 'Bo' }),
    action('said-late', { due: '2026-05-25', status: 'forsenad' }), // the owner's own word
    action('soon', { due: '2026-05-20', status: 'pagar' }),
    action('stopped-soon', { due: '2026-05-21', status: 'stoppad' }),
    action('done-soon', { due: '2026-05-22', status: 'klar', completedAt: '2026-05-10' }),
    action('late-same-day', { due: '2026-04-30', status: 'ej_paborjad' }),
  ]),
]);

describe('weeklyDigest', () => {
  const digest = weeklyDigest(promise, TODAY);

  it('late: every försenad item, by due date, document order on ties', () => {
    expect(digest.late.map((i) => i.actionId)).toEqual(['late-long', 'late-same-day', 'late-yesterday', 'said-late']);
  });

  it('upcoming: open items due from today through today + 14, by due date', () => {
    expect(digest.upcoming.map((i) => i.actionId)).toEqual(['due-today', 'soon', 'horizon-edge']);
  });

  it('carries what a chair needs to read it', () => {
    expect(digest.late[2]).toEqual({
      actionId: 'late-yesterday',
      text: 'Åtgärd late-yesterday',
      commitmentId: 'c-narko',
      commitmentText: 'Åtagande c-narko',
      ownerAadObjectId: 'aad-bo',
      ownerName: 'Bo',
      due: '2026-05-17',
      status: 'forsenad',
      daysUntilDue: -1,
    });
  });

  it.each([
    ['late-long', -18],
    ['said-late', 7],
  ])('daysUntilDue of late %s = %d', (id, days) => {
    expect(digest.late.find((i) => i.actionId === id)?.daysUntilDue).toBe(days);
  });

  it.each([
    ['due-today', 0, 'ej_paborjad'],
    ['soon', 2, 'pagar'],
    ['horizon-edge', 14, 'pagar'],
  ])('upcoming %s: %d days left, status %s', (id, days, status) => {
    expect(digest.upcoming.find((i) => i.actionId === id)).toMatchObject({ daysUntilDue: days, status });
  });

  it.each([
    [0, ['due-today']],
    [2, ['due-today', 'soon']],
    [15, ['due-today', 'soon', 'horizon-edge', 'beyond-horizon']],
  ])('horizon of %d days', (horizon, ids) => {
    expect(weeklyDigest(promise, TODAY, horizon).upcoming.map((i) => i.actionId)).toEqual(ids);
  });

  it('a week later the upcoming item has become late', () => {
    const next = weeklyDigest(promise, '2026-05-25');
    expect(next.late.map((i) => i.actionId)).toContain('soon');
    expect(next.upcoming.map((i) => i.actionId)).not.toContain('soon');
  });

  it.each([
    ['utkast', 4],
    ['faststallt', 4],
    ['avslutat', 0],
  ] as const)('promise %s → %d late', (status, n) => {
    expect(weeklyDigest({ ...promise, status }, TODAY).late).toHaveLength(n);
  });

  it('an empty promise has an empty digest', () => {
    expect(weeklyDigest(citizenPromise([]), TODAY)).toEqual({ late: [], upcoming: [] });
  });
});
