/**
 * One meeting as an iCalendar object (RFC 5545, iTIP method REQUEST or CANCEL), for
 * mail invitations and the .ics download. A moved meeting is the same UID with a
 * higher SEQUENCE; a cancelled one is METHOD:CANCEL + STATUS:CANCELLED.
 */
import { invalidInput } from '../errors.js';
import { escapeText, foldLine, quoteParam, sanitizeRaw } from './icsText.js';
import { vtimezoneLines } from './vtimezones.js';
import { utcToZoned, wallTimeOccurrences } from './zonedTime.js';

export interface IcsInput {
  uid: string;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  start: Date;
  durationMinutes: number;
  timeZone: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  organizer?: { name: string; email: string };
  dtstamp: Date;
}

export function renderIcs(input: IcsInput): string {
  assertValid(input);
  const end = new Date(input.start.getTime() + input.durationMinutes * 60_000);
  const vtimezone = vtimezoneLines(input.timeZone);
  // With a known VTIMEZONE, times are local wall-clock (clients show "13:00" even
  // after rule changes); otherwise UTC, which every client places correctly. So is a
  // time in the repeated autumn hour: readers disagree on which occurrence it means.
  const dateTime = (name: string, at: Date) =>
    vtimezone && isUnambiguous(at, input.timeZone)
      ? `${name};TZID=${input.timeZone}:${localStamp(at, input.timeZone)}`
      : `${name}:${utcStamp(at)}`;

  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Samverkan//Styrgrupp//SV',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    ...(vtimezone ?? []),
    'BEGIN:VEVENT',
    `UID:${escapeText(input.uid)}`,
    `DTSTAMP:${utcStamp(input.dtstamp)}`,
    dateTime('DTSTART', input.start),
    dateTime('DTEND', end),
    `SEQUENCE:${input.sequence}`,
    `STATUS:${input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(input.title)}`,
    ...optional('DESCRIPTION', input.description, escapeText),
    ...optional('LOCATION', input.location, escapeText),
    ...optional('URL', input.url, sanitizeRaw),
    ...(input.organizer
      ? [`ORGANIZER;CN=${quoteParam(input.organizer.name)}:mailto:${sanitizeRaw(input.organizer.email)}`]
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function optional(name: string, value: string | undefined, encode: (v: string) => string): string[] {
  return value === undefined || value === '' ? [] : [`${name}:${encode(value)}`];
}

/** 'YYYYMMDDTHHMMSSZ' */
function utcStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}

/** 'YYYYMMDDTHHMMSS' on the wall clock of `timeZone` (zone offsets are whole minutes). */
function localStamp(at: Date, timeZone: string): string {
  const { date, time } = utcToZoned(at, timeZone);
  const seconds = String(at.getUTCSeconds()).padStart(2, '0');
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}${seconds}`;
}

function isUnambiguous(at: Date, timeZone: string): boolean {
  const { date, time } = utcToZoned(at, timeZone);
  return wallTimeOccurrences(date, time, timeZone).length === 1;
}

function assertValid(input: IcsInput): void {
  const errors: Record<string, string> = {};
  if (input.uid.trim() === '') errors.uid = 'required';
  if (!Number.isInteger(input.sequence) || input.sequence < 0) errors.sequence = 'non-negative-integer';
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes <= 0) errors.durationMinutes = 'positive-integer';
  if (Number.isNaN(input.start.getTime())) errors.start = 'invalid-date';
  if (Number.isNaN(input.dtstamp.getTime())) errors.dtstamp = 'invalid-date';
  if (Object.keys(errors).length > 0) throw invalidInput(errors);
}
