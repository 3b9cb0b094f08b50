/**
 * The lägesbild's reports at /reports/<meeting>.{html,md,csv,json}, only through a signed,
 * expiring link. The audience (`?aud=`) and the language (`&lang=`) are part of what is
 * signed, so a steering link cannot be turned into a chairs' link, nor its language
 * changed: that breaks the signature.
 */
import type { Audience } from '../../domain/inputs/sensitivity.js';
import { lagesbildReport, type LagesbildReport } from '../../reports/lagesbild/document.js';
import { meetingCalendarView } from '../calendar/meetingCalendarView.js';
import { withQuery } from '../../http/signedLink.js';
import type { Lang } from '../../i18n/index.js';
import type { Services } from '../services.js';
import { earlierSnapshots } from './compile.js';

export const lagesbildReportFormats = ['html', 'md', 'csv', 'json'] as const;
export type LagesbildReportFormat = (typeof lagesbildReportFormats)[number];
export const reportAudiences = ['chairs', 'steering', 'open'] as const satisfies readonly Audience[];

export const lagesbildReportPath = (meetingId: string, format: LagesbildReportFormat) => `/reports/${meetingId}.${format}`;

/** What a link decides besides its path, all signed: the audience and (when not the default) the language. */
const SIGNED_KEYS = ['aud', 'lang'] as const;

export function lagesbildReportLinks(s: Services, meetingId: string, audience: Audience, lang?: Lang): Record<LagesbildReportFormat, string> {
  const base = s.config.PUBLIC_URL.replace(/\/$/, '');
  const now = s.clock();
  const params = { aud: audience, lang: lang && lang !== s.config.DEFAULT_LOCALE ? lang : undefined };
  const link = (f: LagesbildReportFormat) => `${base}${s.links.sign(lagesbildReportPath(meetingId, f), now, s.config.REPORT_LINK_TTL_MINUTES, params)}`;
  return { html: link('html'), md: link('md'), csv: link('csv'), json: link('json') };
}

export type LinkCheck = { ok: true; audience: Audience; lang: Lang | undefined; what: string } | { ok: false; status: 403 | 410 };

export function checkLagesbildLink(s: Services, path: string, query: Record<string, unknown>): LinkCheck {
  const { aud, lang } = query;
  if (typeof aud !== 'string' || !(reportAudiences as readonly string[]).includes(aud)) return { ok: false, status: 403 };
  if (lang !== undefined && lang !== 'sv' && lang !== 'en') return { ok: false, status: 403 };
  const check = s.links.verify(path, query, s.clock(), SIGNED_KEYS);
  if (check === 'ok') return { ok: true, audience: aud as Audience, lang, what: withQuery(path, { aud, lang }) };
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
