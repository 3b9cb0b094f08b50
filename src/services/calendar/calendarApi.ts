import type { GraphEventBody } from '../../domain/calendar/graphEvent.js';

/**
 * The organizer's calendar, as the calendar use-cases need it. src/graph implements it
 * with Microsoft Graph; nothing outside src/graph knows Graph's client or its errors.
 */
export interface CalendarApi {
  /** The organizer mailbox (for messages to the chairs). */
  readonly organizer: string;
  /** Directory users by Entra object id; ids that no longer exist are simply absent. */
  findUsers(ids: readonly string[]): Promise<DirectoryUser[]>;
  createEvent(body: GraphEventBody): Promise<CalendarEventRef>;
  updateEvent(eventId: string, body: GraphEventBody): Promise<CalendarEventRef>;
  /** Cancels the event; Outlook sends the attendees a cancellation with the comment. */
  cancelEvent(eventId: string, comment: string): Promise<void>;
}

export interface DirectoryUser {
  id: string;
  displayName: string;
  /** The address to invite: mail, or the user principal name when there is no mail. */
  address: string;
}

export interface CalendarEventRef {
  id: string;
  iCalUId?: string;
  joinUrl?: string;
  webLink?: string;
}

/**
 * Why a calendar call failed, decided by the adapter from Graph's or the identity
 * platform's answer:
 * - throttled: 429/503 with Retry-After — wait that long, no attempt spent;
 * - transient: network, 5xx — retried with backoff, the chairs are told after the last attempt;
 * - event-gone: the event no longer exists (deleted in Outlook) — a new one is created;
 * - credentials / permission / mailbox: an admin must fix the set-up — no retry, chairs told now;
 * - rejected: Graph refused the request itself (400) — a bug; no retry, chairs told.
 */
export type CalendarFailureKind = 'throttled' | 'transient' | 'event-gone' | 'credentials' | 'permission' | 'mailbox' | 'rejected';

export class CalendarCallError extends Error {
  constructor(
    readonly kind: CalendarFailureKind,
    readonly detail: { retryAfterMs?: number; errorCode?: string; httpStatus?: number } = {},
  ) {
    super(`calendar call failed: ${kind}${detail.errorCode ? ` (${detail.errorCode})` : ''}${detail.httpStatus ? ` HTTP ${detail.httpStatus}` : ''}`);
    this.name = 'CalendarCallError';
  }
}
