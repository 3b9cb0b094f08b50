/**
 * The lägesbild cards as they should look now, built from the store: used by the notice
 * renderers (the compile job's updates) and by the card handlers (Action.Execute answers).
 * Which version a card shows is decided here, from where it is shown: a chair's personal
 * chat gets the chairs' version, every other conversation the steering version.
 */
import { compileFailedCard, compileProgressCard, lagesbildCard, lagesbildMessageCard, publishedCard } from '../../cards/lagesbild/lagesbildCard.js';
import type { AdaptiveCard } from '../../cards/kit.js';
import { conversationKey } from '../domain/conversation.js';
import type { Audience } from '../domain/inputs/sensitivity.js';
import { canonicalJson } from '../domain/lagesbild/hash.js';
import { viewFor } from '../domain/lagesbild/view.js';
import { meetingTitle } from '../domain/meeting.js';
import { STEERING_ID } from '../domain/steering.js';
import type { Catalog, Lang } from '../i18n/index.js';
import { meetingCalendarView } from '../services/calendar/meetingCalendarView.js';
import { compileProgressOf } from '../services/lagesbild/compile.js';
import { STEERING_CHANNEL_AUDIENCE } from '../services/lagesbild/publish.js';
import { lagesbildReportLinks } from '../services/lagesbild/reports.js';
import { localDateTime } from '../services/inputs/meetingContext.js';
import type { Services } from '../services/services.js';

export type Banner = { text: string; tone: 'good' | 'attention' };

/** The chairs' version only in a chair's personal chat; anywhere else the steering version. */
export async function audienceOfConversation(s: Services, conversationId: string): Promise<Audience> {
  const conv = await s.repos.conversations.get(conversationKey(conversationId));
  if (!conv || conv.data.kind !== 'personal' || !conv.data.userAadObjectId) return STEERING_CHANNEL_AUDIENCE;
  return (await isChair(s, conv.data.userAadObjectId)) ? 'chairs' : STEERING_CHANNEL_AUDIENCE;
}

/** A chair per configuration or added by a chair (as in roles.ts). */
export async function isChair(s: Services, aadObjectId: string): Promise<boolean> {
  const steering = await s.repos.steering.get(STEERING_ID);
  const ids = [...s.config.CHAIR_IDS, ...(steering?.data.extraChairIds ?? [])].map((id) => id.toLowerCase());
  return ids.includes(aadObjectId.toLowerCase());
}

const localText = (s: Services, m: Catalog, iso: string) => {
  const d = localDateTime(s, new Date(iso));
  return m.meetings.at(d.date, d.time);
};

/** The meeting's Teams join link (Graph on and the event created). */
async function joinUrlOf(s: Services, meetingId: string): Promise<string | undefined> {
  return (await meetingCalendarView(s, meetingId))?.joinUrl;
}

const linkHours = (s: Services) => Math.round((s.config.REPORT_LINK_TTL_MINUTES / 60) * 10) / 10;

/**
 * The card of a meeting's lägesbild now: progress while a compile runs, the lägesbild with
 * its agenda when there is one, or a message. Null when the meeting does not exist.
 */
export async function currentLagesbildCard(s: Services, m: Catalog, lang: Lang, meetingId: string, audience: Audience, banner?: Banner): Promise<AdaptiveCard | null> {
  const [meeting, run, record, agenda] = await Promise.all([s.repos.meetings.get(meetingId), s.repos.compileRuns.get(meetingId), s.repos.lagesbilder.get(meetingId), s.repos.agendas.get(meetingId)]);
  if (!meeting) return null;
  const title = meetingTitle(meeting.data, lang);
  const state = run?.data.state;
  if (state === 'queued' || state === 'running') {
    const p = await compileProgressOf(s, meetingId);
    return compileProgressCard(m, title, p && p.run === run!.data.run ? p : null);
  }
  if (!record) {
    if (state === 'failed') return compileFailedCard(m, meetingId, title);
    return lagesbildMessageCard(m.lagesbild.noSnapshot(title));
  }
  const snapshot = record.data.snapshot;
  const currentAgenda = agenda && agenda.data.agenda.contentHash === snapshot.contentHash ? agenda : null;
  const published = agenda?.data.published ?? null;
  return lagesbildCard(m, lang, {
    meetingId,
    meetingTitle: title,
    view: viewFor(snapshot, audience),
    stale: record.data.stale,
    compiledAt: localText(s, m, snapshot.compiledAt),
    agenda: currentAgenda ? { version: currentAgenda.version, agenda: currentAgenda.data.agenda } : null,
    published: published
      ? { at: localText(s, m, published.at), current: !!currentAgenda && published.contentHash === snapshot.contentHash && canonicalJson(published.agenda) === canonicalJson(currentAgenda.data.agenda) }
      : null,
    links: lagesbildReportLinks(s, meetingId, audience, lang),
    linkHours: linkHours(s),
    joinUrl: await joinUrlOf(s, meetingId),
    ...(banner ? { banner } : state === 'failed' ? { banner: { text: m.lagesbild.failed, tone: 'attention' } } : {}),
  });
}

/** The card in the steering channel: what was published (the snapshot version and agenda of the publication). */
export async function currentPublishedCard(s: Services, m: Catalog, lang: Lang, meetingId: string): Promise<AdaptiveCard | null> {
  const [meeting, agenda] = await Promise.all([s.repos.meetings.get(meetingId), s.repos.agendas.get(meetingId)]);
  const publication = agenda?.data.published;
  if (!meeting || !publication) return null;
  const versions = await s.repos.lagesbilder.history(meetingId);
  const snapshot = [...versions].reverse().find((v) => v.data.snapshot.contentHash === publication.contentHash)?.data.snapshot;
  if (!snapshot) return null;
  return publishedCard(m, lang, {
    meetingId,
    meetingTitle: meetingTitle(meeting.data, lang),
    view: viewFor(snapshot, STEERING_CHANNEL_AUDIENCE),
    agenda: publication.agenda,
    publishedAt: localText(s, m, publication.at),
    links: lagesbildReportLinks(s, meetingId, STEERING_CHANNEL_AUDIENCE, lang),
    linkHours: linkHours(s),
    joinUrl: await joinUrlOf(s, meetingId),
  });
}
