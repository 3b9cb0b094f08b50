import { z } from 'zod';
import { meetingTitle, type MeetingRecord } from '../meeting.js';
import { utcToZoned } from './zonedTime.js';

/** An invitee: Graph invites by e-mail address; the name is what Outlook shows. */
export interface Attendee {
  address: string;
  name: string;
}

/** Graph's dateTimeTimeZone: a wall-clock time (no offset) and the zone it is in. */
export const graphDateTimeSchema = z.object({ dateTime: z.string(), timeZone: z.string() });
export type GraphDateTime = z.infer<typeof graphDateTimeSchema>;

/**
 * The writable properties of Graph's event resource that the bot sets (documented names).
 * A schema because a pending create's body is stored and sent again unchanged on retry.
 */
export const graphEventBodySchema = z.object({
  subject: z.string(),
  body: z.object({ contentType: z.literal('text'), content: z.string() }),
  start: graphDateTimeSchema,
  end: graphDateTimeSchema,
  attendees: z.array(z.object({ emailAddress: z.object({ address: z.string(), name: z.string() }), type: z.literal('required') })),
  isOnlineMeeting: z.literal(true),
  onlineMeetingProvider: z.literal('teamsForBusiness'),
  allowNewTimeProposals: z.literal(false),
  transactionId: z.string().optional(),
});
export type GraphEventBody = z.infer<typeof graphEventBodySchema>;

/**
 * Windows time-zone names Exchange uses for the zones a Swedish municipality might be
 * configured with. Outlook then shows the meeting in the organizer's own zone; any other
 * IANA zone is sent as UTC instants, which Graph always accepts.
 */
const windowsZones: Record<string, string> = {
  'Europe/Stockholm': 'W. Europe Standard Time',
  'Europe/Oslo': 'W. Europe Standard Time',
  'Europe/Copenhagen': 'Romance Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  'Europe/Helsinki': 'FLE Standard Time',
  'Europe/London': 'GMT Standard Time',
  UTC: 'UTC',
};

export function graphDateTime(instant: Date, timeZone: string): GraphDateTime {
  const windows = windowsZones[timeZone];
  if (!windows || windows === 'UTC') return { dateTime: instant.toISOString().slice(0, 19), timeZone: 'UTC' };
  const wall = utcToZoned(instant, timeZone);
  const seconds = instant.toISOString().slice(16, 19);
  return { dateTime: `${wall.date}T${wall.time}${seconds}`, timeZone: windows };
}

export interface EventTexts {
  /** The invitation's body: what the meeting is for and where its material is. */
  body: string;
}

/**
 * The event for a meeting. Without `transactionId` it is an update (PATCH): Graph
 * refuses a changed transaction id, and attendees get Outlook's own update mail.
 */
export function graphEventBody(
  meeting: Pick<MeetingRecord, 'year' | 'index'>,
  interval: { start: Date; end: Date },
  attendees: readonly Attendee[],
  opts: { timeZone: string; lang: 'sv' | 'en'; texts: EventTexts; transactionId?: string },
): GraphEventBody {
  return {
    subject: meetingTitle(meeting, opts.lang),
    body: { contentType: 'text', content: opts.texts.body },
    start: graphDateTime(interval.start, opts.timeZone),
    end: graphDateTime(interval.end, opts.timeZone),
    attendees: uniqueByAddress(attendees).map((a) => ({ emailAddress: { address: a.address, name: a.name }, type: 'required' as const })),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    allowNewTimeProposals: false,
    ...(opts.transactionId ? { transactionId: opts.transactionId } : {}),
  };
}

function uniqueByAddress(attendees: readonly Attendee[]): Attendee[] {
  const seen = new Set<string>();
  return attendees
    .filter((a) => {
      const key = a.address.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.address.localeCompare(b.address));
}
