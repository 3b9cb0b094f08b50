import { describe, expect, it } from 'vitest';
import { calendarSyncAction, eventTransactionId, type CalendarEventRecord } from '../../../../src/domain/calendar/calendarEvent.js';
import { graphEventBody } from '../../../../src/domain/calendar/graphEvent.js';

const record = (over: Partial<CalendarEventRecord> = {}): CalendarEventRecord => ({
  meetingId: '2027-1',
  state: 'created',
  generation: 1,
  transactionId: 'tx',
  eventId: 'AAMk-1',
  syncedSequence: 0,
  attendeeCount: 3,
  updatedAt: '2026-11-25T10:00:00.000Z',
  ...over,
});

const pendingBody = graphEventBody({ year: 2027, index: 1 }, { start: new Date('2027-03-03T12:00:00Z'), end: new Date('2027-03-03T14:00:00Z') }, [], {
  timeZone: 'Europe/Stockholm',
  lang: 'sv',
  texts: { body: 'x' },
  transactionId: 'tx',
});

describe('calendarSyncAction: what Graph must be asked', () => {
  const cases: [string, { status: 'confirmed' | 'cancelled'; sequence: number }, CalendarEventRecord | null, ReturnType<typeof calendarSyncAction>][] = [
    ['new meeting, no event', { status: 'confirmed', sequence: 0 }, null, { kind: 'create', generation: 1 }],
    ['event matches the meeting', { status: 'confirmed', sequence: 0 }, record(), { kind: 'none' }],
    ['meeting moved since', { status: 'confirmed', sequence: 2 }, record({ syncedSequence: 1 }), { kind: 'update' }],
    ['an older job after a newer sync', { status: 'confirmed', sequence: 1 }, record({ syncedSequence: 2 }), { kind: 'none' }],
    ['create interrupted (no event id yet): same generation again', { status: 'confirmed', sequence: 0 }, record({ state: 'creating', eventId: undefined, syncedSequence: -1 }), { kind: 'create', generation: 1 }],
    ['cancelled meeting with an event', { status: 'cancelled', sequence: 1 }, record(), { kind: 'cancel' }],
    ['cancelled meeting, event already cancelled', { status: 'cancelled', sequence: 1 }, record({ state: 'cancelled', syncedSequence: 1 }), { kind: 'none' }],
    ['cancelled meeting that never got an event', { status: 'cancelled', sequence: 1 }, null, { kind: 'none' }],
    ['cancelled before the create was sent', { status: 'cancelled', sequence: 1 }, record({ state: 'creating', eventId: undefined }), { kind: 'none' }],
    [
      'cancelled while a sent create had no answer: repeat it (to learn the id), then cancel',
      { status: 'cancelled', sequence: 1 },
      record({ state: 'creating', eventId: undefined, pendingCreate: { sequence: 0, body: pendingBody } }),
      { kind: 'create', generation: 1 },
    ],
    ['confirmed again after a cancel: a new event', { status: 'confirmed', sequence: 2 }, record({ state: 'cancelled', generation: 1, syncedSequence: 1 }), { kind: 'create', generation: 2 }],
  ];
  it.each(cases)('%s', (_label, meeting, event, expected) => {
    expect(calendarSyncAction(meeting, event)).toEqual(expected);
  });
});

describe('eventTransactionId', () => {
  it('is a GUID-shaped id, the same for every retry of one create', () => {
    const a = eventTransactionId('samverkan-2027-1-ab12cd34@samverkan', 1);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(eventTransactionId('samverkan-2027-1-ab12cd34@samverkan', 1)).toBe(a);
  });
  it('differs per generation and per meeting', () => {
    const ids = new Set([eventTransactionId('u1', 1), eventTransactionId('u1', 2), eventTransactionId('u2', 1)]);
    expect(ids.size).toBe(3);
  });
});
