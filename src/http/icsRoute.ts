import type { Request, Response } from 'express';
import { renderIcs } from '../domain/calendar/ics.js';
import { meetingTitle } from '../domain/meeting.js';
import { meetingStart } from '../services/meetings.js';
import type { Services } from '../services/services.js';

/** GET /meetings/:id.ics — the invitation; CANCEL once the meeting is cancelled. */
export function icsRoute(s: Services) {
  return async (req: Request, res: Response): Promise<void> => {
    const file = String(req.params.file ?? '');
    const match = /^(\d{4}-[1-9])\.ics$/.exec(file);
    if (!match) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    const meeting = await s.repos.meetings.get(match[1]!);
    if (!meeting) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    const m = meeting.data;
    const ics = renderIcs({
      uid: m.uid,
      title: meetingTitle(m, s.config.DEFAULT_LOCALE),
      description: s.config.DEFAULT_LOCALE === 'en' ? 'Steering group for community safety (kommun + polis).' : 'Styrgruppen för trygghet och brottsförebyggande arbete (kommun + polis).',
      url: s.config.PUBLIC_URL,
      start: meetingStart(s, m).start,
      durationMinutes: m.durationMinutes,
      timeZone: s.planSettings.timeZone,
      sequence: m.sequence,
      method: m.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
      dtstamp: new Date(meeting.updatedAt),
    });
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${m.id}.ics"`);
    res.send(ics);
  };
}
