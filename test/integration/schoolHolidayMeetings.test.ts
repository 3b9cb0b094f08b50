/** Which confirmed meetings fall in an entered lov: "still ahead" is judged on the group's local date. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingsInSchoolHolidays, saveSchoolCalendar } from '../../src/services/schoolCalendars.js';
import { makeTestServices, type TestServices } from '../support/services.js';

let t: TestServices;
beforeEach(async () => {
  t = await makeTestServices({ env: { TIMEZONE: 'Europe/Stockholm' } });
});
afterEach(async () => {
  await t.cleanup();
});

describe('meetingsInSchoolHolidays', () => {
  it('uses the Stockholm date around midnight, not the UTC date', async () => {
    await saveSchoolCalendar(t.s, { year: 2027, periods: [{ from: '2027-03-01', to: '2027-03-05', label: 'sportlov' }] }, 'chair');
    const id = '2027-1';
    await t.s.repos.meetings.create(id, { id, year: 2027, index: 1, date: '2027-03-01', time: '13:00', durationMinutes: 120, status: 'confirmed', sequence: 0, uid: 'u@samverkan' }, 'chair');
    const cases: [string, string[]][] = [
      ['2027-03-01T22:30:00Z', ['2027-03-01']], // 23:30 in Stockholm: the meeting's day, still ahead
      ['2027-03-01T23:30:00Z', []], // 00:30 on 2 March in Stockholm (UTC still says 1 March): past
    ];
    for (const [now, dates] of cases) {
      t.clock.set(now);
      expect((await meetingsInSchoolHolidays(t.s)).map((m) => m.date), now).toEqual(dates);
    }
  });
});
