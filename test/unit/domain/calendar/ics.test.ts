import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors.js';
import { renderIcs, type IcsInput } from '../../../../src/domain/calendar/ics.js';

const base: IcsInput = {
  uid: 'samverkan-2026-1@linkoping.se',
  title: 'Styrgruppsmöte: trygghet i Berga, Ryd och Skäggetorp',
  start: new Date('2026-03-04T12:00:00.000Z'), // 13:00 CET
  durationMinutes: 120,
  timeZone: 'Europe/Stockholm',
  sequence: 0,
  method: 'REQUEST',
  dtstamp: new Date('2026-01-10T08:15:30.123Z'),
};

// 200 characters with å/ä/ö (two octets each), a newline and the characters that need escaping.
const longDescription = ('Lägesbild för Skäggetorp; åtgärder, målbilder och frågor till polisen.\n'.repeat(3)).slice(0, 200);

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

afterEach(() => ICAL.TimezoneService.reset());

describe('renderIcs round-trips through ical.js', () => {
  it.each([
    { name: 'winter time (CET)', input: base, dtstart: 'DTSTART;TZID=Europe/Stockholm:20260304T130000', dtend: 'DTEND;TZID=Europe/Stockholm:20260304T150000' },
    {
      name: 'summer time (CEST)',
      input: { ...base, start: new Date('2026-05-20T11:00:00.000Z') },
      dtstart: 'DTSTART;TZID=Europe/Stockholm:20260520T130000',
      dtend: 'DTEND;TZID=Europe/Stockholm:20260520T150000',
    },
    {
      name: 'the week after spring forward',
      input: { ...base, start: new Date('2026-04-01T11:00:00.000Z') },
      dtstart: 'DTSTART;TZID=Europe/Stockholm:20260401T130000',
      dtend: 'DTEND;TZID=Europe/Stockholm:20260401T150000',
    },
    {
      name: 'across fall back (01:30 CEST to 03:30 CET, three hours)',
      input: { ...base, start: new Date('2026-10-24T23:30:00.000Z'), durationMinutes: 180 },
      dtstart: 'DTSTART;TZID=Europe/Stockholm:20261025T013000',
      dtend: 'DTEND;TZID=Europe/Stockholm:20261025T033000',
    },
    {
      name: 'starting in the repeated autumn hour, written in UTC',
      input: { ...base, start: new Date('2026-10-25T00:30:00.000Z'), durationMinutes: 30 },
      dtstart: 'DTSTART:20261025T003000Z',
      dtend: 'DTEND:20261025T010000Z',
    },
    {
      name: 'ending in the second occurrence of the repeated hour',
      input: { ...base, start: new Date('2026-10-24T23:30:00.000Z'), durationMinutes: 120 },
      dtstart: 'DTSTART;TZID=Europe/Stockholm:20261025T013000',
      dtend: 'DTEND:20261025T013000Z', // 02:30 CET, the second 02:30 of the night
    },
    {
      name: 'a zone without a VTIMEZONE, written in UTC',
      input: { ...base, timeZone: 'Europe/Helsinki' },
      dtstart: 'DTSTART:20260304T120000Z',
      dtend: 'DTEND:20260304T140000Z',
    },
  ])('$name: start, end, uid and sequence survive', ({ input, dtstart, dtend }) => {
    const text = renderIcs({ ...input, sequence: 3 });
    expect(text.split('\r\n')).toEqual(expect.arrayContaining([dtstart, dtend]));
    const { event } = parse(text);
    expect(event.startDate.toJSDate().toISOString()).toBe(input.start.toISOString());
    expect(event.endDate.toJSDate().getTime()).toBe(input.start.getTime() + input.durationMinutes * 60_000);
    expect(event.uid).toBe(base.uid);
    expect(event.sequence).toBe(3);
  });

  it('keeps å/ä/ö, escaped characters and a folded 200-character description', () => {
    expect(longDescription).toHaveLength(200);
    const text = renderIcs({
      ...base,
      title: 'Möte; Berga, Ryd & Skäggetorp \\ åäÅÄÖ',
      description: longDescription,
      location: 'Stadshuset, sal Östgöta',
      url: 'https://samverkan.example/m?id=1,2;3',
      organizer: { name: 'Öberg, Anna "ordf."', email: 'anna.oberg@linkoping.example' },
    });
    const { event, vevent } = parse(text);
    expect(event.summary).toBe('Möte; Berga, Ryd & Skäggetorp \\ åäÅÄÖ');
    expect(event.description).toBe(longDescription);
    expect(event.location).toBe('Stadshuset, sal Östgöta');
    expect(vevent.getFirstPropertyValue('url')).toBe('https://samverkan.example/m?id=1,2;3');
    expect(event.organizer).toBe('mailto:anna.oberg@linkoping.example');
    expect(vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe("Öberg, Anna 'ordf.'");
  });

  it.each([
    ['REQUEST', 'CONFIRMED'],
    ['CANCEL', 'CANCELLED'],
  ] as const)('METHOD:%s → STATUS:%s', (method, status) => {
    const { calendar, vevent } = parse(renderIcs({ ...base, method, sequence: 4 }));
    expect(calendar.getFirstPropertyValue('method')).toBe(method);
    expect(vevent.getFirstPropertyValue('status')).toBe(status);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(4);
  });
});

describe('renderIcs format', () => {
  const text = renderIcs({ ...base, description: longDescription, organizer: { name: 'Åsa Ödman', email: 'asa@example.org' } });
  const lines = text.split('\r\n');

  it('uses CRLF only, ends with CRLF and folds at 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the description was folded
  });

  it('has the calendar header, a Stockholm VTIMEZONE and the event fields', () => {
    expect(lines.slice(0, 5)).toEqual(['BEGIN:VCALENDAR', 'PRODID:-//Samverkan//Styrgrupp//SV', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'METHOD:REQUEST']);
    expect(lines).toEqual(
      expect.arrayContaining([
        'TZID:Europe/Stockholm',
        'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
        'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
        'UID:samverkan-2026-1@linkoping.se',
        'DTSTAMP:20260110T081530Z',
        'DTSTART;TZID=Europe/Stockholm:20260304T130000',
        'DTEND;TZID=Europe/Stockholm:20260304T150000',
        'SEQUENCE:0',
        'STATUS:CONFIRMED',
        'ORGANIZER;CN="Åsa Ödman":mailto:asa@example.org',
      ]),
    );
  });

  it('leaves out optional fields that are not given', () => {
    const minimal = renderIcs(base);
    for (const name of ['DESCRIPTION', 'LOCATION', 'URL', 'ORGANIZER']) expect(minimal).not.toMatch(new RegExp(`^${name}[:;]`, 'm'));
  });

  it('the Stockholm rules place instants right in years other than the event year', () => {
    const vtz = new ICAL.Timezone(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtimezone')!);
    for (const [local, offsetHours] of [
      ['2030-03-30T13:00:00', 1],
      ['2030-03-31T13:00:00', 2], // last Sunday of March 2030
      ['2030-10-27T01:00:00', 2],
      ['2030-10-27T13:00:00', 1], // last Sunday of October 2030
    ] as const) {
      expect(vtz.utcOffset(ICAL.Time.fromDateTimeString(local)), local).toBe(offsetHours * 3600);
    }
  });
});

describe('renderIcs refuses broken input', () => {
  it.each([
    ['an empty uid', { uid: ' ' }, 'uid'],
    ['a negative sequence', { sequence: -1 }, 'sequence'],
    ['a fractional sequence', { sequence: 1.5 }, 'sequence'],
    ['a zero duration', { durationMinutes: 0 }, 'durationMinutes'],
    ['an invalid start', { start: new Date(Number.NaN) }, 'start'],
  ] as const)('%s', (_name, change, field) => {
    let caught: unknown;
    try {
      renderIcs({ ...base, ...change });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(Object.keys((caught as DomainError).details.fieldErrors ?? {})).toEqual([field]);
  });
});
