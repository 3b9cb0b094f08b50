import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { MeetingRecord } from '../meeting.js';
import { graphEventBodySchema } from './graphEvent.js';

/**
 * A meeting's event in the organizer's Outlook/Teams calendar (Microsoft Graph), one
 * record per meeting. `transactionId` is written before Graph is asked to create the
 * event, so a retry after a crash repeats the same create and Graph returns the event it
 * already made instead of a second one.
 */
export const calendarProblemCodes = [
  'credentials',
  'permission',
  'mailbox',
  'attendees-missing',
  'throttled',
  'failed',
] as const;
export type CalendarProblemCode = (typeof calendarProblemCodes)[number];

export const calendarProblemSchema = z.object({
  code: z.enum(calendarProblemCodes),
  /** The meeting sequence it happened at: one notice to the chairs per problem and sequence. */
  sequence: z.number().int().min(0),
  at: z.string(),
  /** A Graph or identity-platform error code (e.g. AADSTS7000222, ErrorAccessDenied); never free text. */
  errorCode: z.string().max(120).optional(),
  httpStatus: z.number().int().optional(),
  /** For 'attendees-missing': display names of members no longer in the directory. */
  names: z.array(z.string().max(200)).max(200).optional(),
});
export type CalendarProblem = z.infer<typeof calendarProblemSchema>;

export const calendarEventRecordSchema = z.object({
  meetingId: z.string(),
  /** 'creating': transactionId chosen, Graph asked (with `pendingCreate`), event id not yet known. */
  state: z.enum(['creating', 'created', 'cancelled']),
  /** Grows when a new event is needed (a cancelled meeting confirmed again, the event deleted in Outlook). */
  generation: z.number().int().min(1),
  transactionId: z.string(),
  /**
   * The create as first sent, while its answer is not stored: a retry sends exactly this
   * again (Graph refuses a reused transaction id with a different body), even if the
   * roster or the meeting changed meanwhile — a later update catches up.
   */
  pendingCreate: z.object({ sequence: z.number().int().min(0), body: graphEventBodySchema }).optional(),
  eventId: z.string().optional(),
  iCalUId: z.string().optional(),
  joinUrl: z.url().optional(),
  webLink: z.string().optional(),
  /** The meeting's sequence the event last matched. */
  syncedSequence: z.number().int().min(-1),
  attendeeCount: z.number().int().min(0).default(0),
  updatedAt: z.string(),
  lastProblem: calendarProblemSchema.optional(),
});
export type CalendarEventRecord = z.infer<typeof calendarEventRecordSchema>;

export type CalendarSyncAction =
  | { kind: 'create'; generation: number }
  | { kind: 'update' }
  | { kind: 'cancel' }
  | { kind: 'none' };

/**
 * What Graph must be asked so the organizer's calendar matches the meeting. Pure, and
 * safe to repeat: every job for a meeting converges on the meeting's current state.
 */
export function calendarSyncAction(meeting: Pick<MeetingRecord, 'status' | 'sequence'>, event: CalendarEventRecord | null): CalendarSyncAction {
  if (meeting.status === 'cancelled') {
    if (event?.state === 'creating' && event.pendingCreate) {
      // The create may have reached Graph: repeat it to learn the event's id, then cancel it.
      return { kind: 'create', generation: event.generation };
    }
    return event && event.state !== 'cancelled' && event.eventId ? { kind: 'cancel' } : { kind: 'none' };
  }
  if (!event) return { kind: 'create', generation: 1 };
  if (event.state === 'cancelled') return { kind: 'create', generation: event.generation + 1 };
  // A create that may or may not have reached Graph: repeat it with the same transaction id.
  if (event.state === 'creating' || !event.eventId) return { kind: 'create', generation: event.generation };
  return event.syncedSequence < meeting.sequence ? { kind: 'update' } : { kind: 'none' };
}

/**
 * Graph's transactionId for creating a meeting's event: the same for every retry of one
 * create, a new one for a new event of the same meeting. Shaped as a GUID (Graph's own
 * examples), derived from the meeting's iCalendar UID.
 */
export function eventTransactionId(meetingUid: string, generation: number): string {
  const hex = createHash('sha256').update(`${meetingUid}#${generation}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
