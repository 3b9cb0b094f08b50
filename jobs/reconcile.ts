import { calendarSyncAction } from '../src/domain/calendar/calendarEvent.js';
import { enqueueCalendarSync } from '../src/services/calendar/enqueueCalendarSync.js';
import type { MeetingRecord } from '../src/domain/meeting.js';
import { ensureTimeline, meetingStart } from '../src/services/meetings.js';
import type { Services } from '../src/services/services.js';

/**
 * Files forums stored by the previous version under their lookup terms until that has
 * completed once (a turn finds forums only through those terms): a start-up backfill that
 * failed partway is retried here rather than waiting for a restart. One GET once done.
 */
export async function reconcileLookups(s: Services): Promise<number> {
  return s.repos.forums.ensureLookups();
}

/** Re-creates any timeline job that is missing (lost Redis data, a bug, a manual delete). */
export async function reconcileTimelines(s: Services): Promise<{ meetings: number; added: number; calendar: number }> {
  let added = 0;
  const meetings = await s.repos.meetings.list();
  for (const m of meetings) {
    if (m.data.status !== 'confirmed') continue;
    const r = await ensureTimeline(s, m.data);
    added += r.added.length;
  }
  return { meetings: meetings.length, added, calendar: await reconcileCalendar(s, meetings.map((m) => m.data)) };
}

/**
 * Graph on: a meeting whose calendar event lags behind it (a lost job, a failure the
 * chairs were told about and an admin has since fixed) gets a new sync, at most hourly.
 */
async function reconcileCalendar(s: Services, meetings: MeetingRecord[]): Promise<number> {
  if (!s.config.GRAPH_ENABLED) return 0;
  const hour = s.clock().toISOString().slice(0, 13);
  let queued = 0;
  for (const m of meetings) {
    // Past meetings are left as they are; only what is still ahead is worth fixing.
    if (meetingStart(s, m).end.getTime() < s.clock().getTime()) continue;
    const event = await s.repos.calendarEvents.get(m.id);
    if (calendarSyncAction(m, event?.data ?? null).kind === 'none') continue;
    if (await enqueueCalendarSync(s, m, { occasion: `r${hour}` })) queued++;
  }
  return queued;
}
