import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src/domain/commands.js';
import { parseSchoolCalendarArg } from '../../../../src/domain/calendar/schoolCalendarText.js';
import { defaultPlanSettings } from '../../../../src/domain/calendar/planSettings.js';
import { schoolHolidaysOfYear } from '../../../../src/domain/calendar/schoolHolidays.js';

describe('the läsårstider command', () => {
  it.each([
    ['läsårstider', { name: 'schoolCalendar', arg: undefined }],
    ['Läsårstider 2027', { name: 'schoolCalendar', arg: '2027' }],
    ['skollov 2027 höstlov 2027-11-01–2027-11-05', { name: 'schoolCalendar', arg: '2027 höstlov 2027-11-01–2027-11-05' }],
    ['school holidays 2028 remove', { name: 'schoolCalendar', arg: '2028 remove' }],
    // One lov a line: the line breaks reach the parser (only spaces are collapsed).
    ['läsårstider  2027\n sportlov\t2027-03-01–2027-03-05 \r\nhöstlov 2027-11-01–2027-11-05', { name: 'schoolCalendar', arg: '2027\nsportlov 2027-03-01–2027-03-05\nhöstlov 2027-11-01–2027-11-05' }],
  ])('%j → %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});

describe('parseSchoolCalendarArg', () => {
  it.each([
    [undefined, { kind: 'show', year: undefined }],
    ['2027', { kind: 'show', year: 2027 }],
    ['2027 ta bort', { kind: 'remove', year: 2027 }],
    ['2027 REMOVE', { kind: 'remove', year: 2027 }],
    [
      '2027 sportlov 2027-03-01–2027-03-05, påsklov 2027-03-29 .. 2027-04-01; studiedag 2027-10-15\njullov 2027-12-22 till 2028-01-07',
      {
        kind: 'set',
        calendar: {
          year: 2027,
          periods: [
            { label: 'sportlov', from: '2027-03-01', to: '2027-03-05' },
            { label: 'påsklov', from: '2027-03-29', to: '2027-04-01' },
            { label: 'studiedag', from: '2027-10-15', to: '2027-10-15' },
            { label: 'jullov', from: '2027-12-22', to: '2028-01-07' },
          ],
        },
      },
    ],
    // No comma: a date (range) ends a lov, so the next name starts the next one.
    [
      '2027 sportlov 2027-03-01–2027-03-05 höstlov 2027-11-01–2027-11-05 studiedag 2027-10-15 jullov 2027-12-22 till 2028-01-07',
      {
        kind: 'set',
        calendar: {
          year: 2027,
          periods: [
            { label: 'sportlov', from: '2027-03-01', to: '2027-03-05' },
            { label: 'höstlov', from: '2027-11-01', to: '2027-11-05' },
            { label: 'studiedag', from: '2027-10-15', to: '2027-10-15' },
            { label: 'jullov', from: '2027-12-22', to: '2028-01-07' },
          ],
        },
      },
    ],
    // A date inside a name is refused, not stored as a name.
    ['2027 sportlov 2027-03-01x höstlov 2027-11-01', { kind: 'invalid', problem: { code: 'format', item: 'sportlov 2027-03-01x höstlov 2027-11-01' } }],
    ['2027 höstlov 2027-11-01 2027-11-05', { kind: 'invalid', problem: { code: 'format', item: 'höstlov 2027-11-01 2027-11-05' } }],
    ['2027 höstlov v44', { kind: 'invalid', problem: { code: 'format', item: 'höstlov v44' } }],
    ['2027 höstlov 2027-02-30', { kind: 'invalid', problem: { code: 'format', item: 'höstlov 2027-02-30' } }],
    ['2027 höstlov 2027-11-05-2027-11-01', { kind: 'invalid', problem: { code: 'endsBeforeStart', item: 'höstlov 2027-11-05-2027-11-01' } }],
    ['2027 jullov 2026-12-21–2027-01-08', { kind: 'invalid', problem: { code: 'otherYear', item: 'jullov 2026-12-21–2027-01-08', year: 2027 } }],
    ['2027 sommarlov 2027-06-01–2027-09-30', { kind: 'invalid', problem: { code: 'tooLong', item: 'sommarlov 2027-06-01–2027-09-30', maxDays: 92 } }],
    ['1999', { kind: 'invalid', problem: { code: 'year' } }],
    ['nästa år', { kind: 'invalid', problem: { code: 'year' } }],
    [`2027 ${Array.from({ length: 13 }, (_, i) => `lov${i} 2027-01-${String(i + 10)}`).join(', ')}`, { kind: 'invalid', problem: { code: 'tooMany', max: 12 } }],
  ])('%j', (arg, expected) => {
    expect(parseSchoolCalendarArg(arg)).toEqual(expected);
  });
});

describe('schoolHolidaysOfYear', () => {
  const rules = defaultPlanSettings().schoolHolidays;

  it('the default rules as 2027’s dates, in date order', () => {
    expect(schoolHolidaysOfYear(2027, rules)).toEqual([
      { label: 'sportlov', from: '2027-02-22', to: '2027-02-28' },
      { label: 'påsklov', from: '2027-03-29', to: '2027-04-04' }, // the week of annandag påsk (Easter 28 March)
      { label: 'sommarlov', from: '2027-06-11', to: '2027-08-15' },
      { label: 'höstlov', from: '2027-11-01', to: '2027-11-07' },
      { label: 'jullov', from: '2027-12-20', to: '2028-01-06' },
    ]);
  });

  it('the entered läsårstider instead, for their year only', () => {
    const own = { year: 2027, periods: [{ label: 'höstlov', from: '2027-11-08', to: '2027-11-12' }] };
    expect(schoolHolidaysOfYear(2027, rules, [own])).toEqual([{ label: 'höstlov', from: '2027-11-08', to: '2027-11-12' }]);
    expect(schoolHolidaysOfYear(2028, rules, [own]).find((h) => h.label === 'höstlov')).toEqual({ label: 'höstlov', from: '2028-10-30', to: '2028-11-05' });
  });
});
