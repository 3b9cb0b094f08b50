import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../src/domain/calendar/localDate.js';
import { defaultPlanSettings } from '../../../../src/domain/calendar/planSettings.js';
import { dueSteps, meetingTimeline, timelineStepKinds } from '../../../../src/domain/calendar/timeline.js';

const defaults = defaultPlanSettings();
const summary = (steps: ReturnType<typeof meetingTimeline>) =>
  steps.map((s) => [s.kind, s.local.date, s.local.time, s.at.toISOString()]);

describe('meetingTimeline with the default offsets', () => {
  it('lists every step kind once', () => {
    const steps = meetingTimeline({ date: '2026-03-04', time: '13:00' }, defaults);
    expect(steps.map((s) => s.kind).sort()).toEqual([...timelineStepKinds].sort());
  });

  it('keeps 09:00 local on both sides of spring forward (meeting 1 April 2026, DST from 29 March)', () => {
    expect(summary(meetingTimeline({ date: '2026-04-01', time: '13:00' }, defaults))).toEqual([
      ['prompt', '2026-03-11', '09:00', '2026-03-11T08:00:00.000Z'], // CET
      ['remind7', '2026-03-25', '09:00', '2026-03-25T08:00:00.000Z'], // CET
      ['remind3', '2026-03-29', '09:00', '2026-03-29T07:00:00.000Z'], // CEST since 02:00 that day
      ['deadline', '2026-03-30', '12:00', '2026-03-30T10:00:00.000Z'],
      ['publish', '2026-03-31', '08:00', '2026-03-31T06:00:00.000Z'],
      ['remind1', '2026-03-31', '09:00', '2026-03-31T07:00:00.000Z'],
      ['meetingDay', '2026-04-01', '08:00', '2026-04-01T06:00:00.000Z'],
      ['decisions', '2026-04-02', '09:00', '2026-04-02T07:00:00.000Z'],
    ]);
  });

  it('keeps 09:00 local on both sides of fall back (meeting 28 October 2026, DST until 25 October)', () => {
    expect(summary(meetingTimeline({ date: '2026-10-28', time: '13:00' }, defaults))).toEqual([
      ['prompt', '2026-10-07', '09:00', '2026-10-07T07:00:00.000Z'], // CEST
      ['remind7', '2026-10-21', '09:00', '2026-10-21T07:00:00.000Z'], // CEST
      ['remind3', '2026-10-25', '09:00', '2026-10-25T08:00:00.000Z'], // CET since 03:00 that day
      ['deadline', '2026-10-26', '12:00', '2026-10-26T11:00:00.000Z'],
      ['publish', '2026-10-27', '08:00', '2026-10-27T07:00:00.000Z'],
      ['remind1', '2026-10-27', '09:00', '2026-10-27T08:00:00.000Z'],
      ['meetingDay', '2026-10-28', '08:00', '2026-10-28T07:00:00.000Z'],
      ['decisions', '2026-10-29', '09:00', '2026-10-29T08:00:00.000Z'],
    ]);
  });

  it('moves as a whole when the meeting moves', () => {
    const before = meetingTimeline({ date: '2026-05-20', time: '13:00' }, defaults);
    const after = meetingTimeline({ date: '2026-05-27', time: '13:00' }, defaults);
    expect(after.map((s) => [s.kind, s.local.date])).toEqual(before.map((s) => [s.kind, addDays(s.local.date, 7)]));
  });
});

describe('meetingTimeline with configured offsets', () => {
  const custom = (changes: Partial<typeof defaults.timeline>) => ({ ...defaults, timeline: { ...defaults.timeline, ...changes } });

  it('uses the configured offset, time and zone', () => {
    const steps = meetingTimeline(
      { date: '2026-05-20', time: '10:00' },
      { ...custom({ prompt: { offsetDays: -14, time: '07:30' } }), timeZone: 'America/New_York' },
    );
    expect(steps[0]).toEqual({ kind: 'prompt', at: new Date('2026-05-06T11:30:00.000Z'), local: { date: '2026-05-06', time: '07:30' } });
  });

  it('reports the real wall-clock time for a step configured inside the DST gap', () => {
    const steps = meetingTimeline({ date: '2026-04-01', time: '13:00' }, custom({ remind3: { offsetDays: -3, time: '02:30' } }));
    const remind3 = steps.find((s) => s.kind === 'remind3');
    expect(remind3).toEqual({ kind: 'remind3', at: new Date('2026-03-29T01:00:00.000Z'), local: { date: '2026-03-29', time: '03:00' } });
  });

  it('orders steps at the same instant as timelineStepKinds does', () => {
    const steps = meetingTimeline({ date: '2026-05-20', time: '13:00' }, custom({ publish: { offsetDays: -1, time: '09:00' } }));
    expect(steps.map((s) => s.kind)).toEqual(['prompt', 'remind7', 'remind3', 'deadline', 'remind1', 'publish', 'meetingDay', 'decisions']);
  });

  it('re-sorts when an offset moves a step past another', () => {
    const steps = meetingTimeline({ date: '2026-05-20', time: '13:00' }, custom({ deadline: { offsetDays: -4, time: '12:00' } }));
    expect(steps.map((s) => s.kind)).toEqual(['prompt', 'remind7', 'deadline', 'remind3', 'publish', 'remind1', 'meetingDay', 'decisions']);
  });
});

describe('dueSteps', () => {
  const steps = meetingTimeline({ date: '2026-04-01', time: '13:00' }, defaults);

  it.each([
    ['2026-03-11T07:59:59.999Z', []],
    ['2026-03-11T08:00:00.000Z', ['prompt']], // due at the instant itself
    ['2026-03-29T06:59:00.000Z', ['prompt', 'remind7']],
    ['2026-03-30T10:00:00.000Z', ['prompt', 'remind7', 'remind3', 'deadline']],
    ['2026-03-31T06:30:00.000Z', ['prompt', 'remind7', 'remind3', 'deadline', 'publish']],
    ['2026-06-01T00:00:00.000Z', ['prompt', 'remind7', 'remind3', 'deadline', 'publish', 'remind1', 'meetingDay', 'decisions']],
  ])('at %s → %j', (now, expected) => {
    expect(dueSteps(steps, new Date(now)).map((s) => s.kind)).toEqual(expected);
  });
});
