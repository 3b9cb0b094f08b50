/**
 * VTIMEZONE definitions for the zones the ics renderer can name by TZID. Clients need
 * the rules inside the file to place a local DTSTART; Outlook in particular does not
 * trust bare TZIDs. Stockholm follows the EU rule since 1996: CEST from the last Sunday
 * of March 02:00, CET from the last Sunday of October 03:00.
 */
const stockholm = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Stockholm',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
] as const;

const known: Readonly<Record<string, readonly string[]>> = { 'Europe/Stockholm': stockholm };

/** The VTIMEZONE lines for `timeZone`, or null when unknown (the caller then writes UTC times). */
export function vtimezoneLines(timeZone: string): readonly string[] | null {
  return known[timeZone] ?? null;
}
