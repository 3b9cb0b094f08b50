/**
 * The uppföljning (follow-up) of a promise: which meeting it is for, the report data, and
 * signed, expiring links to its Markdown, HTML, CSV and JSON renderings.
 */
import { followUpMeetingId, latestHeldMeetingId, type MeetingMoment } from '../../domain/promise/followUpMeeting.js';
import type { CitizenPromise } from '../../domain/promise/promise.js';
import { followUpDocument, type FollowUpDocument, type FollowUpScope } from '../../reports/followUp/document.js';
import { meetingStart } from '../meetings.js';
import type { Services } from '../services.js';
import { todayOf } from './today.js';

export async function meetingMoments(s: Services): Promise<MeetingMoment[]> {
  const meetings = await s.repos.meetings.list();
  return meetings.map((m) => ({ id: m.id, status: m.data.status, start: meetingStart(s, m.data).start }));
}

/** The meeting owners write their follow-up for now. */
export async function currentFollowUpMeetingId(s: Services): Promise<string> {
  return followUpMeetingId(await meetingMoments(s), s.clock(), todayOf(s));
}

/** The meeting whose decisions a chair records now (the latest held), else the next one. */
export async function decisionsMeetingId(s: Services): Promise<string> {
  const moments = await meetingMoments(s);
  return latestHeldMeetingId(moments, s.clock()) ?? followUpMeetingId(moments, s.clock(), todayOf(s));
}

export async function buildFollowUp(s: Services, promise: CitizenPromise, meetingId: string, scope: FollowUpScope): Promise<FollowUpDocument> {
  const malbilder = (await s.repos.malbilder.list()).map((m) => m.data);
  return followUpDocument(promise, meetingId, todayOf(s), malbilder, scope);
}

export const reportFormats = ['html', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Path of a report: the whole period, or one meeting's follow-up. */
export function reportPath(promiseId: string, meetingId: string | undefined, format: ReportFormat): string {
  return meetingId ? `/reports/uppfoljning/${promiseId}/${meetingId}.${format}` : `/reports/uppfoljning/${promiseId}.${format}`;
}

export function reportLinks(s: Services, promiseId: string, meetingId: string | undefined, lang?: 'sv' | 'en'): Record<ReportFormat, string> {
  const base = s.config.PUBLIC_URL.replace(/\/$/, '');
  const now = s.clock();
  // The language decides the response: signed with the path, like everything a link decides.
  const params = { lang: lang && lang !== s.config.DEFAULT_LOCALE ? lang : undefined };
  const link = (f: ReportFormat) => `${base}${s.links.sign(reportPath(promiseId, meetingId, f), now, s.config.REPORT_LINK_TTL_MINUTES, params)}`;
  return { html: link('html'), md: link('md'), csv: link('csv'), json: link('json') };
}
