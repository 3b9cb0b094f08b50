import type { CalendarEventRecord } from '../../domain/calendar/calendarEvent.js';
import type { Services } from '../services.js';

/** What cards and reports show about a meeting's Outlook/Teams event. */
export interface MeetingCalendarView {
  status: 'in-calendar' | 'pending' | 'problem';
  joinUrl?: string;
  webLink?: string;
  attendeeCount: number;
}

/** undefined when Graph is off or the meeting is cancelled: cards then show the .ics link only. */
export function calendarViewOf(record: CalendarEventRecord | null | undefined, graphEnabled: boolean): MeetingCalendarView | undefined {
  if (!graphEnabled || record?.state === 'cancelled') return undefined;
  if (!record) return { status: 'pending', attendeeCount: 0 };
  const blocking = record.lastProblem && record.lastProblem.code !== 'attendees-missing';
  return {
    status: blocking ? 'problem' : record.state === 'created' ? 'in-calendar' : 'pending',
    joinUrl: record.state === 'created' ? record.joinUrl : undefined,
    webLink: record.state === 'created' ? record.webLink : undefined,
    attendeeCount: record.attendeeCount,
  };
}

export async function meetingCalendarView(s: Services, meetingId: string): Promise<MeetingCalendarView | undefined> {
  if (!s.config.GRAPH_ENABLED) return undefined;
  return calendarViewOf((await s.repos.calendarEvents.get(meetingId))?.data, true);
}
