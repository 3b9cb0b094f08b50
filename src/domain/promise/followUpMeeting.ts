/**
 * Which steering meeting an owner's follow-up entry belongs to: the next confirmed
 * meeting (the one the follow-up is reported at). With none planned, the tertial's
 * meeting id ("2027-2" for May–August) stands in, so entries written before the year is
 * planned land on the meeting that will carry that id (meetings are numbered per year).
 */
import { parseIsoDate, type IsoDate } from '../calendar/localDate.js';

export interface MeetingMoment {
  id: string;
  status: string;
  start: Date;
}

export function followUpMeetingId(meetings: readonly MeetingMoment[], now: Date, today: IsoDate): string {
  const next = meetings
    .filter((m) => m.status === 'confirmed' && m.start.getTime() >= now.getTime())
    .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
  if (next) return next.id;
  const { year, month } = parseIsoDate(today);
  return `${year}-${Math.ceil(month / 4)}`;
}

/** The meeting whose decisions are recorded now: the latest confirmed one that has started. */
export function latestHeldMeetingId(meetings: readonly MeetingMoment[], now: Date): string | undefined {
  return meetings
    .filter((m) => m.status === 'confirmed' && m.start.getTime() <= now.getTime())
    .sort((a, b) => b.start.getTime() - a.start.getTime())[0]?.id;
}
