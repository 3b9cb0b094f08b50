import { describe, expect, it } from 'vitest';
import { blockedPeriodAt, isInBlockedPeriod } from '../../../../src/domain/calendar/blockedPeriods.js';

describe('isInBlockedPeriod', () => {
  const sportlov = { from: '02-16', to: '02-22', label: 'sportlov' };
  const jullov = { from: '12-20', to: '01-06', label: 'jullov' };
  const valet = { from: '2026-09-07', to: '2026-09-13', label: 'valet' };

  it.each([
    [sportlov, '2026-02-15', false],
    [sportlov, '2026-02-16', true], // both ends inclusive
    [sportlov, '2026-02-22', true],
    [sportlov, '2027-02-18', true], // every year
    [sportlov, '2026-02-23', false],
    [jullov, '2026-12-19', false],
    [jullov, '2026-12-20', true],
    [jullov, '2026-12-31', true], // wraps the year end…
    [jullov, '2027-01-01', true],
    [jullov, '2027-01-06', true],
    [jullov, '2027-01-07', false], // …and ends
    [jullov, '2026-06-15', false],
    [valet, '2026-09-10', true],
    [valet, '2026-09-14', false],
    [valet, '2027-09-10', false], // one-off: not the next year
  ])('%o contains %s: %s', (period, date, expected) => {
    expect(isInBlockedPeriod(date, period)).toBe(expected);
  });

  it('blockedPeriodAt names the first matching period', () => {
    const periods = [sportlov, jullov, { from: '12-24', to: '12-26', label: 'jul' }];
    expect(blockedPeriodAt('2026-12-25', periods)?.label).toBe('jullov');
    expect(blockedPeriodAt('2026-03-04', periods)).toBeNull();
  });
});
