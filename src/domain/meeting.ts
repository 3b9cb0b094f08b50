import { z } from 'zod';

/** One of the styrgrupp's three yearly meetings. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
export const hhmmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');

export const meetingRecordSchema = z.object({
  id: z.string().regex(/^\d{4}-[1-9]$/),
  year: z.number().int().min(2000).max(2100),
  /** 1, 2 or 3: the meeting's place in the year. */
  index: z.number().int().min(1).max(9),
  date: isoDateSchema,
  time: hhmmSchema,
  durationMinutes: z.number().int().min(15).max(480),
  status: z.enum(['confirmed', 'cancelled']),
  /** iCalendar SEQUENCE: grows on every move and on cancel. */
  sequence: z.number().int().min(0),
  /** Stable iCalendar UID. */
  uid: z.string(),
});
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

export const meetingId = (year: number, index: number) => `${year}-${index}`;

export function meetingTitle(m: Pick<MeetingRecord, 'year' | 'index'>, locale: 'sv' | 'en'): string {
  return locale === 'en' ? `Steering group meeting ${m.index}/${m.year}` : `Styrgruppsmöte ${m.index}/${m.year}`;
}

/** The next confirmed meeting at or after `now` (by start instant). */
export function nextMeeting<M extends { status: string; start: Date }>(meetings: M[], now: Date): M | undefined {
  return meetings
    .filter((m) => m.status === 'confirmed' && m.start.getTime() >= now.getTime())
    .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
}
