import { stepInstant } from '../../domain/calendar/timeline.js';
import { utcToZoned } from '../../domain/calendar/zonedTime.js';
import { DomainError } from '../../domain/errors.js';
import type { MeetingRecord } from '../../domain/meeting.js';
import type { Stored } from '../../store/versionedRepository.js';
import { meetingStart } from '../meetings.js';
import type { Services } from '../services.js';

/** The input deadline of a meeting: its timeline's 'deadline' step (T−2 12:00 by default). */
export function deadlineOf(s: Services, m: Pick<MeetingRecord, 'date' | 'time'>): Date {
  return stepInstant({ date: m.date, time: m.time }, s.planSettings, 'deadline');
}

/** "2027-03-01 kl. 12:00" style wall-clock text in the plan's time zone, language-neutral parts. */
export function localDateTime(s: Services, at: Date): { date: string; time: string } {
  return utcToZoned(at, s.planSettings.timeZone);
}

/**
 * The meeting a command is about: the id the user gave ("2027-1"), or the next
 * confirmed meeting that has not started yet.
 */
export async function resolveMeeting(s: Services, arg: string | undefined): Promise<Stored<MeetingRecord>> {
  const wanted = arg?.trim().replace(/\s+/g, '-');
  if (wanted && /^\d{4}-[1-9]$/.test(wanted)) {
    const m = await s.repos.meetings.get(wanted);
    if (!m || m.data.status !== 'confirmed') throw new DomainError('not-found', 'meeting', { entity: 'meeting', id: wanted });
    return m;
  }
  if (wanted) throw new DomainError('not-found', 'meeting', { entity: 'meeting', id: wanted });
  const now = s.clock().getTime();
  const upcoming = (await s.repos.meetings.list())
    .filter((m) => m.data.status === 'confirmed' && meetingStart(s, m.data).end.getTime() > now)
    .sort((a, b) => meetingStart(s, a.data).start.getTime() - meetingStart(s, b.data).start.getTime());
  if (!upcoming[0]) throw new DomainError('not-found', 'no upcoming meeting', { entity: 'meeting', id: '' });
  return upcoming[0];
}
