import { describe, expect, it } from 'vitest';
import { actionReminderKinds, actionReminderTimes, pendingActionReminders } from '../../../../src/domain/promise/reminders.js';
import { action, STHLM } from './fixtures.js';

const iso = (rs: { kind: string; at: Date }[]) => rs.map((r) => [r.kind, r.at.toISOString()]);

describe('actionReminderTimes at 09:00 Stockholm', () => {
  it.each([
    // due, due7 instant, due0 instant
    ['2026-02-11', '2026-02-04T08:00:00.000Z', '2026-02-11T08:00:00.000Z'], // winter (+01)
    ['2026-06-17', '2026-06-10T07:00:00.000Z', '2026-06-17T07:00:00.000Z'], // summer (+02)
    // spring forward on Sunday 2026-03-29: the week before is winter, the due date summer
    ['2026-03-30', '2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z'],
    ['2026-04-02', '2026-03-26T08:00:00.000Z', '2026-04-02T07:00:00.000Z'],
    ['2026-04-05', '2026-03-29T07:00:00.000Z', '2026-04-05T07:00:00.000Z'], // due7 on the day of the change, after it
    ['2026-03-29', '2026-03-22T08:00:00.000Z', '2026-03-29T07:00:00.000Z'], // due on the day of the change
    // fall back on Sunday 2026-10-25: the week before is summer, the due date winter
    ['2026-10-26', '2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z'],
    ['2026-10-28', '2026-10-21T07:00:00.000Z', '2026-10-28T08:00:00.000Z'],
    ['2026-11-01', '2026-10-25T08:00:00.000Z', '2026-11-01T08:00:00.000Z'],
    ['2026-10-25', '2026-10-18T07:00:00.000Z', '2026-10-25T08:00:00.000Z'],
    // 2027: spring forward on 2027-03-28, fall back on 2027-10-31
    ['2027-04-01', '2027-03-25T08:00:00.000Z', '2027-04-01T07:00:00.000Z'],
    ['2027-11-03', '2027-10-27T07:00:00.000Z', '2027-11-03T08:00:00.000Z'],
    // year ends
    ['2027-01-03', '2026-12-27T08:00:00.000Z', '2027-01-03T08:00:00.000Z'],
    ['2027-01-01', '2026-12-25T08:00:00.000Z', '2027-01-01T08:00:00.000Z'],
    ['2027-01-07', '2026-12-31T08:00:00.000Z', '2027-01-07T08:00:00.000Z'],
    ['2026-01-01', '2025-12-25T08:00:00.000Z', '2026-01-01T08:00:00.000Z'],
    // leap years
    ['2028-03-07', '2028-02-29T08:00:00.000Z', '2028-03-07T08:00:00.000Z'],
    ['2027-03-07', '2027-02-28T08:00:00.000Z', '2027-03-07T08:00:00.000Z'],
  ])('due %s → due7 %s, due0 %s', (due, due7, due0) => {
    expect(iso(actionReminderTimes({ due }, STHLM))).toEqual([
      ['due7', due7],
      ['due0', due0],
    ]);
  });
});

describe('actionReminderTimes: time and zone', () => {
  it.each([
    ['2026-06-17', '13:30', STHLM, '2026-06-10T11:30:00.000Z', '2026-06-17T11:30:00.000Z'],
    ['2026-06-17', '00:00', STHLM, '2026-06-09T22:00:00.000Z', '2026-06-16T22:00:00.000Z'],
    // 02:30 does not exist on 2026-03-29: the reminder moves to the change (03:00 local)
    ['2026-04-05', '02:30', STHLM, '2026-03-29T01:00:00.000Z', '2026-04-05T00:30:00.000Z'],
    // 02:30 happens twice on 2026-10-25: the first one
    ['2026-11-01', '02:30', STHLM, '2026-10-25T00:30:00.000Z', '2026-11-01T01:30:00.000Z'],
    ['2026-06-17', '09:00', 'UTC', '2026-06-10T09:00:00.000Z', '2026-06-17T09:00:00.000Z'],
    ['2026-03-12', '09:00', 'America/New_York', '2026-03-05T14:00:00.000Z', '2026-03-12T13:00:00.000Z'], // US change 2026-03-08
  ])('due %s %s %s', (due, time, zone, due7, due0) => {
    expect(iso(actionReminderTimes({ due }, zone, time))).toEqual([
      ['due7', due7],
      ['due0', due0],
    ]);
  });

  it('kinds are due7 then due0', () => {
    expect([...actionReminderKinds]).toEqual(['due7', 'due0']);
  });

  it('a bad time is the caller’s bug and throws', () => {
    expect(() => actionReminderTimes({ due: '2026-06-17' }, STHLM, '9:00')).toThrow(RangeError);
  });
});

describe('pendingActionReminders', () => {
  const due = '2026-06-17'; // due7 2026-06-10T07:00Z, due0 2026-06-17T07:00Z
  it.each([
    ['long before', 'pagar', '2026-05-01T00:00:00.000Z', ['due7', 'due0']],
    ['a minute before due7', 'ej_paborjad', '2026-06-10T06:59:00.000Z', ['due7', 'due0']],
    ['exactly at due7 (already fired)', 'pagar', '2026-06-10T07:00:00.000Z', ['due0']],
    ['created three days before due', 'pagar', '2026-06-14T10:00:00.000Z', ['due0']],
    ['after due0', 'pagar', '2026-06-17T07:00:01.000Z', []],
    ['klar', 'klar', '2026-05-01T00:00:00.000Z', []],
    ['stoppad', 'stoppad', '2026-05-01T00:00:00.000Z', []],
    ['försenad by the owner’s word, still reminded', 'forsenad', '2026-05-01T00:00:00.000Z', ['due7', 'due0']],
  ] as const)('%s', (_label, status, now, kinds) => {
    expect(pendingActionReminders(action('a', { due, status }), new Date(now), STHLM).map((r) => r.kind)).toEqual(kinds);
  });
});
