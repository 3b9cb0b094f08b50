import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors.js';
import { easterSunday, isSwedishHoliday, swedishHolidays } from '../../../../src/domain/calendar/holidays.js';
import { weekdayOf } from '../../../../src/domain/calendar/localDate.js';

// Published dates (Svenska kyrkan / almanackan), checked against dateutil's easter().
const published = [
  {
    year: 2025,
    easter: '2025-04-20',
    langfredagen: '2025-04-18',
    annandagPask: '2025-04-21',
    himmelsfard: '2025-05-29',
    pingst: '2025-06-08',
    midsommarafton: '2025-06-20',
    midsommardagen: '2025-06-21',
    allaHelgon: '2025-11-01',
  },
  {
    year: 2026,
    easter: '2026-04-05',
    langfredagen: '2026-04-03',
    annandagPask: '2026-04-06',
    himmelsfard: '2026-05-14',
    pingst: '2026-05-24',
    midsommarafton: '2026-06-19',
    midsommardagen: '2026-06-20',
    allaHelgon: '2026-10-31',
  },
  {
    year: 2027,
    easter: '2027-03-28',
    langfredagen: '2027-03-26',
    annandagPask: '2027-03-29',
    himmelsfard: '2027-05-06',
    pingst: '2027-05-16',
    midsommarafton: '2027-06-25',
    midsommardagen: '2027-06-26',
    allaHelgon: '2027-11-06',
  },
  {
    year: 2028,
    easter: '2028-04-16',
    langfredagen: '2028-04-14',
    annandagPask: '2028-04-17',
    himmelsfard: '2028-05-25',
    pingst: '2028-06-04',
    midsommarafton: '2028-06-23',
    midsommardagen: '2028-06-24',
    allaHelgon: '2028-11-04',
  },
  {
    year: 2029,
    easter: '2029-04-01',
    langfredagen: '2029-03-30',
    annandagPask: '2029-04-02',
    himmelsfard: '2029-05-10',
    pingst: '2029-05-20',
    midsommarafton: '2029-06-22',
    midsommardagen: '2029-06-23',
    allaHelgon: '2029-11-03',
  },
  {
    year: 2030,
    easter: '2030-04-21',
    langfredagen: '2030-04-19',
    annandagPask: '2030-04-22',
    himmelsfard: '2030-05-30',
    pingst: '2030-06-09',
    midsommarafton: '2030-06-21',
    midsommardagen: '2030-06-22',
    allaHelgon: '2030-11-02',
  },
];

describe('easterSunday', () => {
  it.each(published.map((p) => [p.year, p.easter]))('%d → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([
    [1818, '1818-03-22'], // earliest possible date
    [2285, '2285-03-22'],
    [1943, '1943-04-25'], // latest possible date
    [2038, '2038-04-25'],
    [1583, '1583-04-10'], // first full Gregorian year
  ])('edge year %d → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('swedishHolidays', () => {
  it.each(published)('$year matches the published calendar', (p) => {
    const y = p.year;
    expect(swedishHolidays(y)).toEqual([
      { date: `${y}-01-01`, name: 'nyårsdagen' },
      { date: `${y}-01-06`, name: 'trettondedag jul' },
      { date: p.langfredagen, name: 'långfredagen' },
      { date: p.easter, name: 'påskdagen' },
      { date: p.annandagPask, name: 'annandag påsk' },
      { date: `${y}-05-01`, name: 'första maj' },
      { date: p.himmelsfard, name: 'Kristi himmelsfärdsdag' },
      ...[
        { date: `${y}-06-06`, name: 'nationaldagen' },
        { date: p.pingst, name: 'pingstdagen' },
      ].sort((a, b) => a.date.localeCompare(b.date)), // pingstdagen falls before 6 June in some years (2026, 2028), after in others
      { date: p.midsommarafton, name: 'midsommarafton' },
      { date: p.midsommardagen, name: 'midsommardagen' },
      { date: p.allaHelgon, name: 'alla helgons dag' },
      { date: `${y}-12-24`, name: 'julafton' },
      { date: `${y}-12-25`, name: 'juldagen' },
      { date: `${y}-12-26`, name: 'annandag jul' },
      { date: `${y}-12-31`, name: 'nyårsafton' },
    ]);
  });

  it('keeps the movable days on their weekdays and in their ranges for 1900–2200', () => {
    for (let year = 1900; year <= 2200; year++) {
      const byName = new Map(swedishHolidays(year).map((h) => [h.name, h.date]));
      const check = (name: string, weekday: number, from: string, to: string) => {
        const date = byName.get(name)!;
        expect(weekdayOf(date), `${name} ${year}`).toBe(weekday);
        expect(date >= `${year}-${from}` && date <= `${year}-${to}`, `${name} ${year}: ${date}`).toBe(true);
      };
      check('påskdagen', 7, '03-22', '04-25');
      check('långfredagen', 5, '03-20', '04-23');
      check('Kristi himmelsfärdsdag', 4, '04-30', '06-03');
      check('pingstdagen', 7, '05-10', '06-13');
      check('midsommarafton', 5, '06-19', '06-25');
      check('midsommardagen', 6, '06-20', '06-26');
      check('alla helgons dag', 6, '10-31', '11-06');
    }
  });

  it('lists both names when pingstdagen falls on nationaldagen (2049)', () => {
    expect(swedishHolidays(2049).filter((h) => h.date === '2049-06-06').map((h) => h.name)).toEqual(['nationaldagen', 'pingstdagen']);
  });

  it.each([1582, 2026.5, Number.NaN, 10_000])('refuses year %s', (year) => {
    expect(() => swedishHolidays(year)).toThrow(DomainError);
  });
});

describe('isSwedishHoliday', () => {
  it.each([
    ['2026-01-01', 'nyårsdagen'],
    ['2026-01-06', 'trettondedag jul'],
    ['2026-04-03', 'långfredagen'],
    ['2026-04-06', 'annandag påsk'],
    ['2026-05-01', 'första maj'],
    ['2026-05-14', 'Kristi himmelsfärdsdag'],
    ['2026-06-06', 'nationaldagen'],
    ['2026-06-19', 'midsommarafton'],
    ['2026-10-31', 'alla helgons dag'],
    ['2026-12-24', 'julafton'],
    ['2026-12-31', 'nyårsafton'],
    ['2049-06-06', 'nationaldagen'], // shared with pingstdagen: the first listed
    ['2026-04-04', null], // påskafton is not a holiday
    ['2026-05-23', null], // nor pingstafton
    ['2026-03-04', null],
    ['2026-06-18', null],
  ])('%s → %s', (date, expected) => {
    expect(isSwedishHoliday(date)).toBe(expected);
  });
});
