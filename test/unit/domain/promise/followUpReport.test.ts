import { describe, expect, it } from 'vitest';
import type { Malbild } from '../../../../src/domain/malbilder/malbild.js';
import { actionBucket, followUpReport } from '../../../../src/domain/promise/followUpReport.js';
import type { ActionItem } from '../../../../src/domain/promise/promise.js';
import { action, citizenPromise, commitment, followUp } from './fixtures.js';

const TODAY = '2026-09-01';
const MEETING = '2026-3';

describe('actionBucket (due 2026-08-15, today 2026-09-01)', () => {
  it.each([
    ['pagar, past due', { status: 'pagar' }, 'late'],
    ['ej_paborjad, past due', { status: 'ej_paborjad' }, 'late'],
    ['pagar, not yet due', { status: 'pagar', due: '2026-09-01' }, 'onTime'],
    ['ej_paborjad, not yet due', { status: 'ej_paborjad', due: '2026-12-01' }, 'onTime'],
    ['forsenad by the owner, not yet due', { status: 'forsenad', due: '2026-12-01' }, 'late'],
    ['klar on time', { status: 'klar', completedAt: '2026-08-15' }, 'done'],
    ['klar late', { status: 'klar', completedAt: '2026-08-16' }, 'doneLate'],
    ['klar, date unknown', { status: 'klar' }, 'done'],
    ['stoppad, past due', { status: 'stoppad' }, 'stopped'],
  ] as [string, Partial<ActionItem>, string][])('%s → %s', (_label, over, bucket) => {
    expect(actionBucket(action('a', { due: '2026-08-15', ...over }), TODAY)).toBe(bucket);
  });
});

const berga: Malbild = {
  id: 'mb-berga',
  district: 'Berga',
  statements: ['Boende känner sig trygga i centrum'],
  indicators: [
    {
      id: 'trygghet',
      name: 'Andel trygga',
      unit: '%',
      direction: 'increase',
      baseline: { value: 60, date: '2025-01-01' },
      target: { value: 80, date: '2027-12-31' },
      readings: [
        { value: 65, date: '2026-01-15', by: 'x' },
        { value: 70, date: '2026-06-15', by: 'x' },
      ],
    },
  ],
};

const promise = citizenPromise([
  commitment(
    'c-trygg',
    [
      action('a-ontime', { due: '2026-12-01', status: 'pagar', followUps: [followUp('2026-2', 'Startat'), followUp(MEETING, '6 vandringar', { count: 6 })] }),
      action('a-late', { due: '2026-08-01', status: 'pagar', followUps: [followUp('2026-2', 'Planerat')] }),
      action('a-done', { due: '2026-08-01', status: 'klar', completedAt: '2026-07-20', followUps: [followUp(MEETING, 'Klart')] }),
    ],
    { responsible: 'bada', districts: ['Berga', 'Ryd'], malbildId: 'mb-berga' },
  ),
  commitment(
    'c-narko',
    [
      action('b-donelate', { due: '2026-05-01', status: 'klar', completedAt: '2026-05-20' }),
      action('b-stopped', { due: '2026-05-01', status: 'stoppad' }),
      action('b-late', { due: '2026-08-31', status: 'ej_paborjad', followUps: [followUp(MEETING, 'Försenat p.g.a. semester', { count: 0 })] }),
    ],
    { responsible: 'polisen', districts: ['Skäggetorp'], malbildId: 'mb-unknown' },
  ),
  commitment('c-empty', [], { responsible: 'kommunen', districts: [] }),
]);

describe('followUpReport', () => {
  const report = followUpReport(promise, MEETING, TODAY, [berga]);
  const byId = (id: string) => report.commitments.find((c) => c.commitmentId === id)!;

  it('identifies the promise, meeting and period', () => {
    expect(report).toMatchObject({ promiseId: 'lofte-2026', meetingId: MEETING, today: TODAY, period: { from: '2026-01-01', to: '2027-12-31', status: 'faststallt' } });
    expect(report.period.elapsed).toBeCloseTo(243 / 729, 6);
  });

  it.each([
    ['c-trygg', { total: 3, onTime: 1, late: 1, done: 1, doneLate: 0, stopped: 0 }],
    ['c-narko', { total: 3, onTime: 0, late: 1, done: 0, doneLate: 1, stopped: 1 }],
    ['c-empty', { total: 0, onTime: 0, late: 0, done: 0, doneLate: 0, stopped: 0 }],
  ])('counts of %s', (id, counts) => {
    expect(byId(id).counts).toEqual(counts);
  });

  it('shows only this meeting’s follow-up, with its count', () => {
    expect(byId('c-trygg').actions.map((a) => [a.actionId, a.status, a.followUp])).toEqual([
      ['a-ontime', 'pagar', { text: '6 vandringar', count: 6 }],
      ['a-late', 'forsenad', undefined],
      ['a-done', 'klar', { text: 'Klart' }],
    ]);
    expect(byId('c-narko').actions.find((a) => a.actionId === 'b-late')?.followUp).toEqual({ text: 'Försenat p.g.a. semester', count: 0 });
  });

  it.each([
    ['c-trygg', ['a-late']],
    ['c-narko', []],
    ['c-empty', []],
  ])('open items of %s without a follow-up: %j', (id, missing) => {
    expect(byId(id).missingFollowUps).toEqual(missing);
  });

  it('links the målbild with indicator progress', () => {
    const mb = byId('c-trygg').malbild;
    expect(mb).toMatchObject({ malbildId: 'mb-berga', district: 'Berga', statements: ['Boende känner sig trygga i centrum'] });
    expect(mb?.indicators).toHaveLength(1);
    expect(mb?.indicators[0]).toMatchObject({ indicatorId: 'trygghet', unit: '%', direction: 'increase', target: { value: 80 } });
    expect(mb?.indicators[0]?.progress).toMatchObject({ progress: 0.5, reached: false, trend: 'improving' });
  });

  it.each([
    ['linked but not passed in', 'c-narko'],
    ['not linked', 'c-empty'],
  ])('no målbild when %s', (_label, id) => {
    expect(byId(id)).not.toHaveProperty('malbild');
  });

  it('without målbilder no commitment has one', () => {
    expect(followUpReport(promise, MEETING, TODAY).commitments.every((c) => c.malbild === undefined)).toBe(true);
  });

  it('summarises the whole promise and per responsible party', () => {
    expect(report.summary).toEqual({
      counts: { total: 6, onTime: 1, late: 2, done: 1, doneLate: 1, stopped: 1 },
      byResponsible: {
        polisen: { total: 3, onTime: 0, late: 1, done: 0, doneLate: 1, stopped: 1 },
        kommunen: { total: 0, onTime: 0, late: 0, done: 0, doneLate: 0, stopped: 0 },
        bada: { total: 3, onTime: 1, late: 1, done: 1, doneLate: 0, stopped: 0 },
      },
      followUpsReceived: 3,
      followUpsMissing: 1,
    });
  });

  it('the buckets add up to the total', () => {
    for (const c of [...report.commitments.map((x) => x.counts), report.summary.counts]) {
      expect(c.onTime + c.late + c.done + c.doneLate + c.stopped).toBe(c.total);
    }
  });

  it.each([
    ['before the period', '2025-12-01', 0],
    ['first day', '2026-01-01', 0],
    ['last day', '2027-12-31', 1],
    ['after the period', '2028-03-01', 1],
  ])('elapsed share %s', (_label, today, share) => {
    expect(followUpReport(promise, MEETING, today).period.elapsed).toBe(share);
  });

  it('is plain data (survives JSON, as the compile input and renderers need)', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
