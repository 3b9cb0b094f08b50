import { describe, expect, it } from 'vitest';
import { followUpMeetingId, latestHeldMeetingId } from '../../../../src/domain/promise/followUpMeeting.js';

const m = (id: string, start: string, status = 'confirmed') => ({ id, status, start: new Date(start) });
const meetings = [m('2027-1', '2027-03-10T12:00:00Z'), m('2027-2', '2027-05-19T11:00:00Z', 'cancelled'), m('2027-3', '2027-10-13T11:00:00Z')];

describe('followUpMeetingId', () => {
  it('is the next confirmed meeting (a cancelled one is skipped)', () => {
    expect(followUpMeetingId(meetings, new Date('2027-01-01T00:00:00Z'), '2027-01-01')).toBe('2027-1');
    expect(followUpMeetingId(meetings, new Date('2027-04-01T00:00:00Z'), '2027-04-01')).toBe('2027-3');
  });

  it('falls back to the tertial’s meeting id when none is planned', () => {
    expect(followUpMeetingId([], new Date('2027-04-30T10:00:00Z'), '2027-04-30')).toBe('2027-1');
    expect(followUpMeetingId([], new Date('2027-05-01T10:00:00Z'), '2027-05-01')).toBe('2027-2');
    expect(followUpMeetingId(meetings, new Date('2027-12-01T10:00:00Z'), '2027-12-01')).toBe('2027-3');
  });
});

describe('latestHeldMeetingId', () => {
  it('is the latest confirmed meeting that has started', () => {
    expect(latestHeldMeetingId(meetings, new Date('2027-03-11T00:00:00Z'))).toBe('2027-1');
    expect(latestHeldMeetingId(meetings, new Date('2027-11-01T00:00:00Z'))).toBe('2027-3');
    expect(latestHeldMeetingId(meetings, new Date('2027-01-01T00:00:00Z'))).toBeUndefined();
  });
});
