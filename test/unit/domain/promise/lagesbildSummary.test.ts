import { describe, expect, it } from 'vitest';
import type { Malbild } from '../../../../src/domain/malbilder/malbild.js';
import { promiseSummaryForLagesbild } from '../../../../src/domain/promise/lagesbildSummary.js';
import { followUpHistory } from '../../../../src/domain/promise/periodHistory.js';
import { revisionOf } from '../../../../src/domain/promise/revision.js';
import { action, citizenPromise, commitment, followUp } from './fixtures.js';

const malbild: Malbild = {
  id: 'mb',
  district: 'Berga',
  statements: [],
  indicators: [{ id: 'i1', name: 'Trygga', unit: '%', direction: 'increase', baseline: { value: 50, date: '2025-01-01' }, target: { value: 70, date: '2027-01-01' }, readings: [{ value: 60, date: '2026-03-01', by: 'x' }] }],
};
const promise = citizenPromise([
  commitment('c1', [action('x1', { followUps: [followUp('2026-2', 'Sex sök', { count: 6 })] }), action('x2', { due: '2026-03-01' })], { malbildId: 'mb' }),
  commitment('c2', [action('x3', { status: 'klar', completedAt: '2026-02-01' })], { responsible: 'polisen', malbildId: 'mb' }),
]);

describe('promiseSummaryForLagesbild', () => {
  const s = promiseSummaryForLagesbild(promise, '2026-2', '2026-05-01', [malbild]);

  it('counts, late items, this meeting’s entries and the indicators (each målbild once)', () => {
    expect(s).toMatchObject({ promiseId: 'lofte-2026', meetingId: '2026-2', status: 'faststallt', followUpsReceived: 1, followUpsMissing: 1 });
    expect(s.counts).toEqual({ total: 3, onTime: 1, late: 1, done: 1, doneLate: 0, stopped: 0 });
    expect(s.late).toEqual([{ actionId: 'x2', text: 'Åtgärd x2', ownerName: 'Olle Ägare', due: '2026-03-01', commitmentId: 'c1', commitmentText: 'Åtagande c1' }]);
    expect(s.commitments[0]!.followUps).toEqual([{ actionId: 'x1', text: 'Sex sök', count: 6 }]);
    expect(s.indicators).toEqual([
      { district: 'Berga', indicatorId: 'i1', name: 'Trygga', unit: '%', latest: { value: 60, date: '2026-03-01' }, target: { value: 70, date: '2027-01-01' }, progress: 0.5, reached: false, trend: 'unknown' },
    ]);
  });

  it('is plain data (JSON round-trips) for the compile input', () => {
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('followUpHistory and revisionOf', () => {
  it('history lists every entry per item in meeting order', () => {
    const p = citizenPromise([commitment('c1', [action('x1', { followUps: [followUp('2026-10', 'b'), followUp('2026-2', 'a')] })])]);
    expect(followUpHistory(p).x1!.map((e) => e.meetingId)).toEqual(['2026-2', '2026-10']);
  });

  it('the revision changes with any field and is stable otherwise', () => {
    const a = action('x1');
    expect(revisionOf(a)).toBe(revisionOf({ ...a }));
    expect(revisionOf(a)).not.toBe(revisionOf({ ...a, status: 'klar' }));
    expect(revisionOf(a)).toMatch(/^[a-z0-9]{8,14}$/);
  });
});
