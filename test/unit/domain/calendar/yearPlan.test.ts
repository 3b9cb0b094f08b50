import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors.js';
import { isSwedishHoliday } from '../../../../src/domain/calendar/holidays.js';
import { addDays, weekdayOf } from '../../../../src/domain/calendar/localDate.js';
import { defaultPlanSettings, planSettingsSchema, type PlanSettings } from '../../../../src/domain/calendar/planSettings.js';
import { proposeYearPlan, validateMeetingDate } from '../../../../src/domain/calendar/yearPlan.js';

const settings = (overrides: Partial<PlanSettings> = {}): PlanSettings => planSettingsSchema.parse(overrides);
const oneWindow = (from: string, to: string, more: Partial<PlanSettings> = {}) =>
  settings({ windows: [{ from, to, label: 'test' }], blockedPeriods: [], schoolHolidays: [], ...more });

describe('proposeYearPlan with the default settings (Wednesdays 13:00, Stockholm)', () => {
  it.each([
    // year, vår, försommar, höst — why, when not simply the Wednesday nearest the middle
    [2025, '2025-03-05', '2025-05-21', '2025-11-05'], // höst: 29 Oct is höstlov
    [2026, '2026-03-04', '2026-05-20', '2026-11-04'], // höst: 28 Oct is höstlov
    [2027, '2027-03-03', '2027-05-19', '2027-10-27'], // höst: 3 Nov is in week 44, höstlov
    [2028, '2028-03-01', '2028-05-24', '2028-10-25'], // höst: 1 Nov is höstlov
    [2029, '2029-02-28', '2029-05-23', '2029-10-24'], // höst: 31 Oct höstlov; 24 Oct and 7 Nov tie → earlier
    [2030, '2030-02-27', '2030-05-15', '2030-11-06'], // försommar: 22 May's prompt day (T−21) is första maj
  ])('%d → %s, %s, %s', (year, var_, forsommar, host) => {
    const plan = proposeYearPlan(year, defaultPlanSettings());
    expect(plan.map((m) => [m.index, m.windowLabel, m.date, m.time])).toEqual([
      [1, 'vår', var_, '13:00'],
      [2, 'försommar', forsommar, '13:00'],
      [3, 'höst', host, '13:00'],
    ]);
  });

  it('gives UTC instants: 12:00Z in winter time, 11:00Z in summer time, two hours long', () => {
    const plan = proposeYearPlan(2028, defaultPlanSettings());
    expect(plan.map((m) => [m.start.toISOString(), m.end.toISOString(), m.durationMinutes])).toEqual([
      ['2028-03-01T12:00:00.000Z', '2028-03-01T14:00:00.000Z', 120],
      ['2028-05-24T11:00:00.000Z', '2028-05-24T13:00:00.000Z', 120],
      ['2028-10-25T11:00:00.000Z', '2028-10-25T13:00:00.000Z', 120], // DST ends 29 Oct 2028
    ]);
  });

  it('every proposal for 2025–2045 is a free day whose prompt and deadline days are free too', () => {
    for (let year = 2025; year <= 2045; year++) {
      for (const m of proposeYearPlan(year, defaultPlanSettings())) {
        expect(weekdayOf(m.date), m.date).toBe(3);
        expect(validateMeetingDate(m.date, defaultPlanSettings()), m.date).toBeNull();
        expect(isSwedishHoliday(addDays(m.date, -21)), m.date).toBeNull();
        expect(isSwedishHoliday(addDays(m.date, -2)), m.date).toBeNull();
      }
    }
  });
});

describe('proposeYearPlan skips', () => {
  it.each([
    {
      why: 'Kristi himmelsfärdsdag in the middle (always a Thursday, so Thursday meetings)',
      year: 2026,
      s: oneWindow('05-07', '05-21', { weekday: 4 }),
      expected: '2026-05-07', // 14 May skipped; 7 and 21 May tie → earlier
    },
    {
      why: 'nationaldagen in the middle',
      year: 2029, // 6 June 2029 is a Wednesday
      s: oneWindow('05-30', '06-13'),
      expected: '2029-05-30',
    },
    {
      why: 'a day whose deadline (T−2) is annandag påsk',
      year: 2026,
      s: oneWindow('04-01', '04-15'),
      expected: '2026-04-01', // 8 April skipped: 6 April is annandag påsk
    },
    {
      why: 'days whose prompt (T−21) is a holiday of the previous year',
      year: 2025,
      s: oneWindow('01-15', '01-29'),
      expected: '2025-01-29', // 22 Jan → nyårsdagen, 15 Jan → juldagen 2024
    },
    {
      why: 'the prompt rule with a custom prompt offset',
      year: 2026,
      s: oneWindow('05-20', '05-20', { timeline: { ...defaultPlanSettings().timeline, prompt: { offsetDays: -19, time: '09:00' } } }),
      expected: null, // 20 May − 19 days = 1 May
    },
    {
      why: 'a blocked period wrapping the year end (December side)',
      year: 2026,
      s: oneWindow('12-01', '12-31', { blockedPeriods: [{ from: '12-10', to: '01-20', label: 'jul' }] }),
      expected: '2026-12-09', // 16 Dec blocked; 9 and 23 Dec tie, 23 Dec blocked anyway
    },
    {
      why: 'a blocked period wrapping the year end (January side)',
      year: 2026,
      s: oneWindow('01-01', '01-31', { blockedPeriods: [{ from: '12-10', to: '01-20', label: 'jul' }] }),
      expected: '2026-01-28', // 14 Jan blocked, 21 Jan's prompt is nyårsafton, 7 Jan blocked
    },
    {
      why: 'sportlov by default',
      year: 2026,
      s: settings({ windows: [{ from: '02-11', to: '02-25', label: 'feb' }] }),
      expected: '2026-02-11', // 18 Feb is sportlov; 11 and 25 Feb tie → earlier
    },
  ])('$why', ({ year, s, expected }) => {
    if (expected === null) {
      expect(() => proposeYearPlan(year, s)).toThrow(DomainError);
    } else {
      expect(proposeYearPlan(year, s)[0]?.date).toBe(expected);
    }
  });
});

describe('proposeYearPlan around DST changes (Stockholm: 13:00 = 12:00Z winter, 11:00Z summer)', () => {
  it.each([
    ['03-23', '03-29', '2026-03-25T12:00:00.000Z'], // DST starts Sunday 29 March 2026
    ['03-30', '04-05', '2026-04-01T11:00:00.000Z'],
    ['10-19', '10-25', '2026-10-21T11:00:00.000Z'], // DST ends Sunday 25 October 2026
    ['10-26', '11-01', '2026-10-28T12:00:00.000Z'],
  ])('window %s–%s → %s', (from, to, start) => {
    const [m] = proposeYearPlan(2026, oneWindow(from, to));
    expect(m?.start.toISOString()).toBe(start);
    expect(m!.end.getTime() - m!.start.getTime()).toBe(120 * 60_000);
  });

  it('honours time, duration and zone settings', () => {
    const [m] = proposeYearPlan(2026, oneWindow('03-30', '04-05', { time: '09:30', durationMinutes: 90, timeZone: 'Europe/London' }));
    expect([m?.time, m?.start.toISOString(), m?.end.toISOString()]).toEqual(['09:30', '2026-04-01T08:30:00.000Z', '2026-04-01T10:00:00.000Z']);
  });
});

describe('proposeYearPlan refuses a window with no eligible day', () => {
  it('names the window in fieldErrors', () => {
    const s = settings({
      windows: [
        { from: '02-01', to: '03-31', label: 'vår' },
        { from: '06-11', to: '06-30', label: 'sommar' }, // all sommarlov
      ],
    });
    let caught: unknown;
    try {
      proposeYearPlan(2026, s);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).reason).toBe('invalid-input');
    expect((caught as DomainError).details.fieldErrors).toEqual({ 'windows.1': 'no-eligible-day: sommar' });
  });
});

describe('validateMeetingDate', () => {
  it.each([
    ['2026-03-04', null], // Wednesday
    ['2026-03-05', null], // another weekday is the chair's choice
    ['2026-05-14', 'holiday'], // Kristi himmelsfärdsdag
    ['2026-06-19', 'holiday'], // midsommarafton
    ['2026-06-20', 'holiday'], // midsommardagen: a holiday before it is a weekend
    ['2026-03-07', 'weekend'],
    ['2026-03-08', 'weekend'],
    ['2026-02-18', 'school-holiday'], // sportlov, week 8
    ['2027-11-03', 'school-holiday'], // höstlov, week 44
    ['2026-04-08', 'school-holiday'], // påsklov, the week of annandag påsk
    ['2026-12-30', 'school-holiday'], // jullov, December side
    ['2027-01-05', 'school-holiday'], // jullov, January side
    ['2026-02-30', 'invalid-date'],
    ['next wednesday', 'invalid-date'],
  ])('%s → %s', (date, expected) => {
    expect(validateMeetingDate(date, defaultPlanSettings())).toBe(expected);
  });
});
