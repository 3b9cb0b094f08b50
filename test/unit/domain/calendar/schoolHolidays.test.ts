import { describe, expect, it } from 'vitest';
import { isoWeekDates, isoWeekOf } from '../../../../src/domain/calendar/isoWeek.js';
import { addDays } from '../../../../src/domain/calendar/localDate.js';
import { defaultPlanSettings, planSettingsSchema } from '../../../../src/domain/calendar/planSettings.js';
import { parseSchoolHolidayRules, schoolCalendarSchema, schoolHolidayAt, type SchoolHolidayRule } from '../../../../src/domain/calendar/schoolHolidays.js';
import { proposeYearPlan, validateMeetingDate } from '../../../../src/domain/calendar/yearPlan.js';

const rules = (text: string): SchoolHolidayRule[] => {
  const parsed = parseSchoolHolidayRules(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.rules;
};
const inRange = (d: string, from: string, to: string) => from <= d && d <= to;

/**
 * year, höstlov (ISO week 44, Monday–Sunday), the Monday of sportlov weeks 7–10, Easter Sunday.
 * Written out from a calendar, not computed by the code under test.
 */
const table: [number, [string, string], Record<7 | 8 | 9 | 10, string>, string][] = [
  [2026, ['2026-10-26', '2026-11-01'], { 7: '2026-02-09', 8: '2026-02-16', 9: '2026-02-23', 10: '2026-03-02' }, '2026-04-05'],
  [2027, ['2027-11-01', '2027-11-07'], { 7: '2027-02-15', 8: '2027-02-22', 9: '2027-03-01', 10: '2027-03-08' }, '2027-03-28'],
  [2028, ['2028-10-30', '2028-11-05'], { 7: '2028-02-14', 8: '2028-02-21', 9: '2028-02-28', 10: '2028-03-06' }, '2028-04-16'],
  [2029, ['2029-10-29', '2029-11-04'], { 7: '2029-02-12', 8: '2029-02-19', 9: '2029-02-26', 10: '2029-03-05' }, '2029-04-01'],
  [2030, ['2030-10-28', '2030-11-03'], { 7: '2030-02-11', 8: '2030-02-18', 9: '2030-02-25', 10: '2030-03-04' }, '2030-04-21'],
  [2031, ['2031-10-27', '2031-11-02'], { 7: '2031-02-10', 8: '2031-02-17', 9: '2031-02-24', 10: '2031-03-03' }, '2031-04-13'],
  [2032, ['2032-10-25', '2032-10-31'], { 7: '2032-02-09', 8: '2032-02-16', 9: '2032-02-23', 10: '2032-03-01' }, '2032-03-28'],
  [2033, ['2033-10-31', '2033-11-06'], { 7: '2033-02-14', 8: '2033-02-21', 9: '2033-02-28', 10: '2033-03-07' }, '2033-04-17'],
  [2034, ['2034-10-30', '2034-11-05'], { 7: '2034-02-13', 8: '2034-02-20', 9: '2034-02-27', 10: '2034-03-06' }, '2034-04-09'],
  [2035, ['2035-10-29', '2035-11-04'], { 7: '2035-02-12', 8: '2035-02-19', 9: '2035-02-26', 10: '2035-03-05' }, '2035-03-25'],
];

describe('the year plan 2026–2035 avoids höstlov (week 44), the chosen sportlov week and påsklov', () => {
  const cases = table.flatMap(([year, w44, sportlov, easter]) => ([7, 8, 9, 10] as const).map((week) => ({ year, w44, week, sportlovFrom: sportlov[week], easter })));

  it.each(cases)('$year with sportlov in week $week', ({ year, w44, week, sportlovFrom, easter }) => {
    const settings = planSettingsSchema.parse({ schoolHolidays: rules(`sportlov:${week},påsklov:påsk+1,höstlov:44,sommarlov:06-11..08-15,jullov:12-20..01-06`) });
    const sportlov: [string, string] = [sportlovFrom, addDays(sportlovFrom, 6)];
    const pasklov: [string, string] = [addDays(easter, 1), addDays(easter, 7)]; // annandag påsk's week
    for (const m of proposeYearPlan(year, settings)) {
      expect(inRange(m.date, ...w44), `${m.date} in höstlov ${w44.join('–')}`).toBe(false);
      expect(inRange(m.date, ...sportlov), `${m.date} in sportlov ${sportlov.join('–')}`).toBe(false);
      expect(inRange(m.date, ...pasklov), `${m.date} in påsklov ${pasklov.join('–')}`).toBe(false);
    }
    // And a date inside each of them is refused (what a chair's move is checked against).
    expect(validateMeetingDate(addDays(w44[0], 2), settings)).toBe('school-holiday');
    expect(validateMeetingDate(addDays(sportlov[0], 2), settings)).toBe('school-holiday');
    expect(validateMeetingDate(addDays(pasklov[0], 2), settings)).toBe('school-holiday');
  });

  it.each(table)('%d: week 44 runs %j', (year, [from, to]) => {
    expect(isoWeekDates(year, 44)).toEqual({ from, to });
  });

  it('the defaults (Linköping: sportlov week 8) no longer propose 3 November 2027, in week 44', () => {
    const dates = proposeYearPlan(2027, defaultPlanSettings()).map((m) => m.date);
    expect(dates).not.toContain('2027-11-03');
    expect(dates).toEqual(['2027-03-03', '2027-05-19', '2027-10-27']);
  });

  it('with sportlov in week 9 the spring meeting leaves 3 March 2027', () => {
    const settings = planSettingsSchema.parse({ schoolHolidays: rules('sportlov:9,höstlov:44') });
    expect(proposeYearPlan(2027, settings)[0]?.date).toBe('2027-02-24'); // week 8, the next nearest to the window's middle
  });

  it.each([
    // påsklov rule, window around Easter 2026 (5 April), expected meeting
    ['påsk+1', '2026-04-08', '2026-04-15'], // annandag påsk's week: 6–12 April
    ['påsk', '2026-04-01', '2026-04-08'], // påskveckan: 30 March – 5 April
  ])('påsklov:%s refuses %s; the plan takes %s', (spec, refused, expected) => {
    const settings = planSettingsSchema.parse({ windows: [{ from: '03-25', to: '04-22', label: 'påsk' }], schoolHolidays: rules(`påsklov:${spec}`) });
    expect(validateMeetingDate(refused, settings)).toBe('school-holiday');
    expect(proposeYearPlan(2026, settings)[0]?.date).not.toBe(refused);
    expect(validateMeetingDate(expected, settings)).toBeNull();
  });
});

describe('isoWeekOf', () => {
  it.each([
    ['2026-01-01', 2026, 1], // a Thursday
    ['2027-01-01', 2026, 53], // a Friday: last week of 2026, which has 53
    ['2027-01-04', 2027, 1],
    ['2024-12-30', 2025, 1], // a Monday whose Thursday is in 2025
    ['2027-11-03', 2027, 44],
    ['2027-03-03', 2027, 9],
  ])('%s → %d week %d', (date, year, week) => {
    expect(isoWeekOf(date)).toEqual({ year, week });
  });

  it('week 53 only in years that have one', () => {
    expect(isoWeekDates(2026, 53)).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(isoWeekDates(2027, 53)).toBeNull();
  });
});

describe('parseSchoolHolidayRules (SCHOOL_HOLIDAYS)', () => {
  it.each([
    ['höstlov:44', [{ kind: 'week', week: 44, label: 'höstlov' }]],
    ['påsklov:påsk+1', [{ kind: 'easter', offsetWeeks: 1, label: 'påsklov' }]],
    ['påsklov: PASK', [{ kind: 'easter', offsetWeeks: 0, label: 'påsklov' }]],
    ['Easter break:easter-1', [{ kind: 'easter', offsetWeeks: -1, label: 'Easter break' }]],
    ['jullov:12-20..01-06', [{ kind: 'dates', from: '12-20', to: '01-06', label: 'jullov' }]],
    [' sportlov:9 , höstlov:44 ', [{ kind: 'week', week: 9, label: 'sportlov' }, { kind: 'week', week: 44, label: 'höstlov' }]],
    ['', []],
  ])('%j', (text, expected) => {
    expect(parseSchoolHolidayRules(text)).toEqual({ rules: expected });
  });

  it.each(['höstlov', 'höstlov:54', 'höstlov:0', 'sportlov:v8', 'påsklov:påsk+9', 'jullov:12-20..13-06', ':44'])('refuses %j with a message', (text) => {
    const parsed = parseSchoolHolidayRules(text);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toContain(text.split(',')[0]!.trim());
  });
});

describe('schoolHolidayAt with a municipality’s own läsårstider', () => {
  const defaults = defaultPlanSettings().schoolHolidays;
  const own2027 = schoolCalendarSchema.parse({
    year: 2027,
    periods: [
      { from: '2027-03-01', to: '2027-03-05', label: 'sportlov' }, // week 9, not the rules' week 8
      { from: '2027-12-22', to: '2028-01-07', label: 'jullov' },
    ],
  });

  it.each([
    ['2027-03-03', 'sportlov', '2027-03-01'], // the entered week
    ['2027-02-24', null, null], // the rules' week 8 no longer applies in 2027
    ['2027-11-03', null, null], // nor their höstlov: the entered dates replace the rules for 2027
    ['2028-01-05', 'jullov', '2027-12-22'], // 2027's jullov runs into 2028
    ['2028-02-23', 'sportlov', '2028-02-21'], // 2028 has no entered dates: the rules apply
    // A wrapping rule is decided by the year its occurrence starts: 2026 has no entered dates,
    // so the rules' jullov 2026-12-20…2027-01-06 still covers its January tail.
    ['2027-01-04', 'jullov', '2026-12-20'],
    ['2027-01-07', null, null], // after that tail, 2027's entered dates rule
    ['2027-12-20', null, null], // the rules' jullov starting in 2027 is replaced (the entered one starts 12-22)
  ])('%s → %s', (date, label, from) => {
    const hit = schoolHolidayAt(date, defaults, [own2027]);
    expect(hit?.label ?? null).toBe(label);
    expect(hit?.from ?? null).toBe(from);
  });

  it.each([
    ['a lov starting in another year', { year: 2027, periods: [{ from: '2026-12-22', to: '2027-01-07', label: 'jullov' }] }],
    ['a lov ending before it starts', { year: 2027, periods: [{ from: '2027-03-05', to: '2027-03-01', label: 'sportlov' }] }],
    ['a lov of more than 92 days', { year: 2027, periods: [{ from: '2027-06-01', to: '2027-09-30', label: 'sommarlov' }] }],
    ['no lov at all', { year: 2027, periods: [] }],
    ['a date that does not exist', { year: 2027, periods: [{ from: '2027-02-30', to: '2027-03-05', label: 'sportlov' }] }],
  ])('refuses %s', (_why, input) => {
    expect(schoolCalendarSchema.safeParse(input).success).toBe(false);
  });
});
