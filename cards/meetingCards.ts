import type { FieldErrors } from '../src/domain/errors.js';
import type { MeetingRecord } from '../src/domain/meeting.js';
import { meetingTitle } from '../src/domain/meeting.js';
import type { Catalog, Lang } from '../src/i18n/index.js';
import type { MeetingCalendarView } from '../src/services/calendar/meetingCalendarView.js';
import { fieldMessages } from './fieldMessages.js';
import { actionSet, card, execute, fieldError, note, openUrl, text, title, type AdaptiveCard } from './kit.js';

export interface MeetingView {
  meeting: MeetingRecord;
  version: number;
  icsUrl: string;
  /** The Outlook/Teams event (Graph on only). */
  calendar?: MeetingCalendarView;
}

export const when = (m: Catalog, meeting: Pick<MeetingRecord, 'date' | 'time'>) => m.meetings.at(meeting.date, meeting.time);

export function meetingsCard(m: Catalog, lang: Lang, meetings: MeetingView[], canChange: boolean, lead?: string): AdaptiveCard {
  if (meetings.length === 0) return card([lead ? text(lead) : null, title(m.meetings.listTitle), text(m.meetings.listEmpty)]);
  return card([
    lead ? text(lead) : null,
    title(m.meetings.listTitle),
    ...meetings.map(({ meeting, icsUrl, calendar }) => {
      const cancelled = meeting.status === 'cancelled';
      const name = meetingTitle(meeting, lang);
      return {
        type: 'Container',
        separator: true,
        items: [
          text(cancelled ? `~~${name}~~ · ${m.meetings.cancelled}` : `**${name}**`),
          note(when(m, meeting)),
          cancelled || !calendar ? null : note(calendarStatus(m, calendar)),
          ...(cancelled
            ? []
            : [
                actionSet([
                  ...(calendar?.joinUrl ? [openUrl(m.calendar.join, calendar.joinUrl)] : []),
                  openUrl(m.meetings.calendar, icsUrl),
                  ...(canChange
                    ? [execute(m.meetings.move, 'meeting.moveOpen', { meetingId: meeting.id }), execute(m.meetings.cancel, 'meeting.cancelAsk', { meetingId: meeting.id })]
                    : []),
                ]),
              ]),
        ],
      };
    }),
  ]);
}

export function moveMeetingCard(m: Catalog, lang: Lang, view: MeetingView, opts: { errors?: FieldErrors; values?: { date?: string; time?: string }; banner?: string } = {}): AdaptiveCard {
  const e = fieldMessages(m, opts.errors);
  const { meeting, version } = view;
  const i = meeting.index;
  return card(
    [
      opts.banner ? text(opts.banner, { color: 'Attention' }) : null,
      title(m.meetings.moveTitle(meetingTitle(meeting, lang))),
      note(when(m, meeting)),
      { type: 'Input.Date', id: `date${i}`, label: m.plan.date, value: opts.values?.date ?? meeting.date, isRequired: true, errorMessage: m.fieldErrors.date },
      fieldError(e[`date${i}`]),
      { type: 'Input.Time', id: `time${i}`, label: m.plan.time, value: opts.values?.time ?? meeting.time, isRequired: true, errorMessage: m.fieldErrors.time },
      fieldError(e[`time${i}`]),
    ],
    [execute(m.meetings.saveMove, 'meeting.moveSave', { meetingId: meeting.id, version }, { style: 'positive' }), execute(m.meetings.keep, 'meetings.show', {})],
  );
}

export function cancelMeetingCard(m: Catalog, lang: Lang, view: MeetingView): AdaptiveCard {
  const { meeting, version } = view;
  return card(
    [title(`${m.meetings.cancel}: ${meetingTitle(meeting, lang)}`), note(when(m, meeting))],
    [execute(m.meetings.confirmCancel, 'meeting.cancelConfirm', { meetingId: meeting.id, version }, { style: 'destructive' }), execute(m.meetings.keep, 'meetings.show', {})],
  );
}

/** A proactive notice about a meeting, with its Teams join link (Graph on) and its .ics link. */
export function meetingNoticeCard(m: Catalog, message: string, icsUrl?: string, joinUrl?: string): AdaptiveCard {
  return card([text(message)], [...(joinUrl ? [openUrl(m.calendar.join, joinUrl)] : []), ...(icsUrl ? [openUrl(m.meetings.calendar, icsUrl)] : [])]);
}

function calendarStatus(m: Catalog, c: MeetingCalendarView): string {
  if (c.status === 'problem') return m.calendar.status.problem;
  return c.status === 'in-calendar' ? m.calendar.status.inCalendar(c.attendeeCount) : m.calendar.status.pending;
}
