import { describe, expect, it } from 'vitest';
import { isValidTimeZone, utcToZoned, wallTimeOccurrences, zonedToUtc } from '../../../../src/domain/calendar/zonedTime.js';

const STHLM = 'Europe/Stockholm';

describe('zonedToUtc', () => {
  it.each([
    // date, time, zone, expected instant
    ['2026-01-15', '13:00', STHLM, '2026-01-15T12:00:00.000Z'], // CET, +01
    ['2026-07-15', '13:00', STHLM, '2026-07-15T11:00:00.000Z'], // CEST, +02
    ['2026-03-28', '13:00', STHLM, '2026-03-28T12:00:00.000Z'], // day before spring forward
    ['2026-03-29', '13:00', STHLM, '2026-03-29T11:00:00.000Z'], // day of spring forward
    ['2026-03-29', '01:59', STHLM, '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '03:00', STHLM, '2026-03-29T01:00:00.000Z'],
    ['2026-10-24', '13:00', STHLM, '2026-10-24T11:00:00.000Z'],
    ['2026-10-25', '13:00', STHLM, '2026-10-25T12:00:00.000Z'], // day of fall back
    ['2026-12-31', '23:30', STHLM, '2026-12-31T22:30:00.000Z'],
    ['2026-01-01', '00:00', STHLM, '2025-12-31T23:00:00.000Z'],
    ['2026-07-15', '09:00', 'UTC', '2026-07-15T09:00:00.000Z'],
    ['2026-07-15', '09:00', 'America/New_York', '2026-07-15T13:00:00.000Z'],
    ['2026-07-15', '09:00', 'Asia/Kolkata', '2026-07-15T03:30:00.000Z'], // half-hour offset
  ])('%s %s %s → %s', (date, time, zone, expected) => {
    expect(zonedToUtc(date, time, zone).toISOString()).toBe(expected);
  });

  it.each([
    // a local time that never happens moves forward to the moment of the change
    ['2026-03-29', '02:00', STHLM, '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', '02:30', STHLM, '2026-03-29T01:00:00.000Z'],
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:00:00.000Z'],
    ['2026-10-04', '02:15', 'Australia/Lord_Howe', '2026-10-03T15:30:00.000Z'], // 30-minute DST step
  ])('spring-forward gap %s %s %s → %s', (date, time, zone, expected) => {
    expect(zonedToUtc(date, time, zone).toISOString()).toBe(expected);
  });

  it.each([
    // a local time that happens twice resolves to its first occurrence (still summer time)
    ['2026-10-25', '02:00', STHLM, '2026-10-25T00:00:00.000Z'],
    ['2026-10-25', '02:30', STHLM, '2026-10-25T00:30:00.000Z'],
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-04-05', '01:45', 'Australia/Lord_Howe', '2026-04-04T14:45:00.000Z'],
  ])('fall-back overlap %s %s %s → %s', (date, time, zone, expected) => {
    expect(zonedToUtc(date, time, zone).toISOString()).toBe(expected);
  });

  it.each([
    ['2026-02-30', '13:00'],
    ['2026-02-01', '24:00'],
    ['2026-02-01', '9:00'],
  ])('rejects %s %s', (date, time) => {
    expect(() => zonedToUtc(date, time, STHLM)).toThrow(RangeError);
  });
});

describe('utcToZoned', () => {
  it.each([
    ['2026-01-15T12:00:00.000Z', STHLM, { date: '2026-01-15', time: '13:00' }],
    ['2026-07-15T11:00:00.000Z', STHLM, { date: '2026-07-15', time: '13:00' }],
    ['2026-03-29T00:59:59.000Z', STHLM, { date: '2026-03-29', time: '01:59' }],
    ['2026-03-29T01:00:00.000Z', STHLM, { date: '2026-03-29', time: '03:00' }],
    ['2026-10-25T00:30:00.000Z', STHLM, { date: '2026-10-25', time: '02:30' }],
    ['2026-10-25T01:30:00.000Z', STHLM, { date: '2026-10-25', time: '02:30' }], // second occurrence
    ['2026-12-31T23:00:00.000Z', STHLM, { date: '2027-01-01', time: '00:00' }],
    ['2026-07-15T22:30:00.000Z', 'Asia/Kolkata', { date: '2026-07-16', time: '04:00' }],
  ])('%s in %s → %j', (iso, zone, expected) => {
    expect(utcToZoned(new Date(iso), zone)).toEqual(expected);
  });

  it('round-trips every quarter hour across both 2026 DST days in Stockholm', () => {
    for (const date of ['2026-03-29', '2026-10-25']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const inGap = date === '2026-03-29' && time >= '02:00' && time < '03:00';
        const back = utcToZoned(zonedToUtc(date, time, STHLM), STHLM);
        expect(back).toEqual(inGap ? { date, time: '03:00' } : { date, time });
      }
    }
  });
});

describe('wallTimeOccurrences', () => {
  it.each([
    ['2026-03-04', '13:00', ['2026-03-04T12:00:00.000Z']],
    ['2026-03-29', '02:30', []], // skipped by spring forward
    ['2026-10-25', '02:30', ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']], // lived twice
    ['2026-10-25', '03:00', ['2026-10-25T02:00:00.000Z']],
  ])('%s %s in Stockholm → %j', (date, time, expected) => {
    expect(wallTimeOccurrences(date, time, STHLM).map((d) => d.toISOString())).toEqual(expected);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    [STHLM, true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('%j → %s', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });

  it('answers the same when asked again (valid zones are remembered, unknown ones are not)', () => {
    for (let i = 0; i < 3; i++) {
      expect(isValidTimeZone(STHLM)).toBe(true);
      expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    }
  });
});
