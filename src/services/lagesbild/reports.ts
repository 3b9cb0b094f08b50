/**
 * The lägesbild's reports at /reports/<meeting>.{html,md,csv,json}, only through a signed,
 * expiring link. The audience is part of what is signed (`?aud=`), so a steering link
 * cannot be turned into a chairs' link: changing it breaks the signature.
 */
import type { Audience } from '../../domain/inputs/sensitivity.js';
import { lagesbildReport, type LagesbildReport } from '../../reports/lagesbild/document.js';
import { meetingCalendarView } from '../calendar/meetingCalendarView.js';
import type { Services } from '../services.js';
import { earlierSnapshots } from './compile.js';

export const lagesbildReportFormats = ['html', 'md', 'csv', 'json'] as const;
export type LagesbildReportFormat = (typeof lagesbildReportFormats)[number];
export const reportAudiences = ['chairs', 'steering', 'open'] as const satisfies readonly Audience[];

export const lagesbildReportPath = (meetingId: string, format: LagesbildReportFormat) => `/reports/${meetingId}.${format}`;

/** What is signed: the path and the audience. */
const signedPart = (path: string, audience: Audience) => `${path}?aud=${audience}`;

export function lagesbildReportLinks(s: Services, meetingId: string, audience: Audience): Record<LagesbildReportFormat, string> {
  const base = s.config.PUBLIC_URL.replace(/\/$/, '');
  const now = s.clock();
  const link = (f: LagesbildReportFormat) => {
    const part = signedPart(lagesbildReportPath(meetingId, f), audience);
    // sign() appends "?exp=…&sig=…" to what it signs; the audience already opened the query.
    return `${base}${part}&${s.links.sign(part, now, s.config.REPORT_LINK_TTL_MINUTES).slice(part.length + 1)}`;
  };
  return { html: link('html'), md: link('md'), csv: link('csv'), json: link('json') };
}

export type LinkCheck = { ok: true; audience: Audience; what: string } | { ok: false; status: 403 | 410 };

export function checkLagesbildLink(s: Services, path: string, query: Record<string, unknown>): LinkCheck {
  const aud = query.aud;
  if (typeof aud !== 'string' || !(reportAudiences as readonly string[]).includes(aud)) return { ok: false, status: 403 };
  const part = signedPart(path, aud as Audience);
  const check = s.links.verify(part, query.exp, query.sig, s.clock());
  if (check === 'ok') return { ok: true, audience: aud as Audience, what: part };
  return { ok: false, status: check === 'expired' ? 410 : 403 };
}

/** The report of the meeting's current snapshot for the audience, or null without one. */
export async function buildLagesbildReport(s: Services, meetingId: string, audience: Audience): Promise<LagesbildReport | null> {
  const [record, agenda] = await Promise.all([s.repos.lagesbilder.get(meetingId), s.repos.agendas.get(meetingId)]);
  if (!record) return null;
  const snapshot = record.data.snapshot;
  const agendaNow = agenda && agenda.data.agenda.contentHash === snapshot.contentHash ? agenda.data.agenda : null;
  const joinUrl = (await meetingCalendarView(s, meetingId))?.joinUrl;
  return lagesbildReport({ snapshot, audience, stale: record.data.stale, agenda: agendaNow, earlier: await earlierSnapshots(s, snapshot.meeting), joinUrl });
}
