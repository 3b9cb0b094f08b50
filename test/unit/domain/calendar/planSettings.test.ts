import { describe, expect, it } from 'vitest';
import { defaultPlanSettings, planSettingsSchema } from '../../../../src/domain/calendar/planSettings.js';

describe('planSettingsSchema defaults', () => {
  it('fills every field from an empty object', () => {
    expect(defaultPlanSettings()).toEqual({
      windows: [
        { from: '02-01', to: '03-31', label: 'vår' },
        { from: '05-01', to: '06-10', label: 'försommar' },
        { from: '10-01', to: '11-30', label: 'höst' },
      ],
      weekday: 3,
      time: '13:00',
      durationMinutes: 120,
      timeZone: 'Europe/Stockholm',
      blockedPeriods: [],
      schoolHolidays: [
        { kind: 'week', week: 8, label: 'sportlov' },
        { kind: 'easter', offsetWeeks: 1, label: 'påsklov' },
        { kind: 'week', week: 44, label: 'höstlov' },
        { kind: 'dates', from: '06-11', to: '08-15', label: 'sommarlov' },
        { kind: 'dates', from: '12-20', to: '01-06', label: 'jullov' },
      ],
      schoolCalendars: [],
      timeline: {
        prompt: { offsetDays: -21, time: '09:00' },
        remind7: { offsetDays: -7, time: '09:00' },
        remind3: { offsetDays: -3, time: '09:00' },
        remind1: { offsetDays: -1, time: '09:00' },
        deadline: { offsetDays: -2, time: '12:00' },
        publish: { offsetDays: -1, time: '08:00' },
        meetingDay: { offsetDays: 0, time: '08:00' },
        decisions: { offsetDays: 1, time: '09:00' },
      },
    });
  });

  it('keeps the other timeline defaults when one step is overridden', () => {
    const s = planSettingsSchema.parse({ timeline: { deadline: { offsetDays: -3, time: '16:00' } } });
    expect(s.timeline.deadline).toEqual({ offsetDays: -3, time: '16:00' });
    expect(s.timeline.prompt).toEqual({ offsetDays: -21, time: '09:00' });
  });

  it('does not share default objects between parses', () => {
    const a = defaultPlanSettings();
    a.windows[0]!.label = 'changed';
    a.timeline.prompt.offsetDays = -30;
    const b = defaultPlanSettings();
    expect(b.windows[0]!.label).toBe('vår');
    expect(b.timeline.prompt.offsetDays).toBe(-21);
  });
});

describe('planSettingsSchema accepts', () => {
  it.each([
    ['a single window', { windows: [{ from: '09-01', to: '09-30', label: 'höst' }] }],
    ['Monday meetings', { weekday: 1 }],
    ['a one-off blocked period', { blockedPeriods: [{ from: '2026-04-01', to: '2026-04-10', label: 'valet' }] }],
    ['a wrapping yearly blocked period', { blockedPeriods: [{ from: '12-15', to: '01-15', label: 'jul' }] }],
    ['another zone', { timeZone: 'Europe/Helsinki' }],
  ])('%s', (_name, input) => {
    expect(planSettingsSchema.safeParse(input).success).toBe(true);
  });
});

describe('planSettingsSchema refuses', () => {
  it.each([
    ['a window wrapping the year', { windows: [{ from: '12-01', to: '01-31', label: 'x' }] }, 'windows.0.to'],
    [
      'overlapping windows',
      { windows: [{ from: '02-01', to: '03-31', label: 'a' }, { from: '03-15', to: '04-30', label: 'b' }] },
      'windows',
    ],
    [
      'unordered windows',
      { windows: [{ from: '10-01', to: '11-30', label: 'a' }, { from: '02-01', to: '03-31', label: 'b' }] },
      'windows',
    ],
    ['four windows', { windows: ['01', '03', '05', '07'].map((m) => ({ from: `${m}-01`, to: `${m}-10`, label: m })) }, 'windows'],
    ['no windows', { windows: [] }, 'windows'],
    ['29 February in a yearly window', { windows: [{ from: '02-01', to: '02-29', label: 'x' }] }, 'windows.0.to'],
    ['an empty label', { windows: [{ from: '02-01', to: '03-31', label: '  ' }] }, 'windows.0.label'],
    ['Saturday meetings', { weekday: 6 }, 'weekday'],
    ['weekday 0', { weekday: 0 }, 'weekday'],
    ['a bad time', { time: '25:00' }, 'time'],
    ['a zero duration', { durationMinutes: 0 }, 'durationMinutes'],
    ['an unknown zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['mixed date kinds', { blockedPeriods: [{ from: '2026-04-01', to: '04-10', label: 'x' }] }, 'blockedPeriods.0.to'],
    ['a one-off period ending before it starts', { blockedPeriods: [{ from: '2026-04-10', to: '2026-04-01', label: 'x' }] }, 'blockedPeriods.0.to'],
    ['a fractional offset', { timeline: { prompt: { offsetDays: -1.5, time: '09:00' } } }, 'timeline.prompt.offsetDays'],
    ['a bad step time', { timeline: { publish: { offsetDays: -1, time: '8:00' } } }, 'timeline.publish.time'],
  ])('%s', (_name, input, path) => {
    const result = planSettingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
