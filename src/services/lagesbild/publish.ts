/**
 * Publishing: the steering version of the lägesbild and the approved agenda go to the
 * steering channel (one card per meeting, updated in place when published again). Never
 * the chairs' version: the card and its links are cut for the steering audience.
 */
import { notAllowed, staleWrite } from '../../domain/errors.js';
import { canonicalJson } from '../../domain/lagesbild/hash.js';
import { latestCardPerConversation } from '../../domain/lagesbild/records.js';
import type { MeetingRecord } from '../../domain/meeting.js';
import { STEERING_ID } from '../../domain/steering.js';
import { chairConversations } from '../inputs/chairs.js';
import { enqueueNotice } from '../notices.js';
import type { Services } from '../services.js';
import { cardTag, requestCompile } from './compile.js';

export const publishedCardKey = (meetingId: string) => `lagesbild.published.${meetingId}`;

/** The audience of what is posted in the steering channel (see README, "Lägesbild"). */
export const STEERING_CHANNEL_AUDIENCE = 'steering' as const;

export type PublishResult = { ok: true; republished: boolean } | { ok: false; reason: 'noSteering' | 'noSnapshot' | 'notApproved' };

export async function publishLagesbild(s: Services, meetingId: string, actor: { id: string; isChair: boolean }, expectedAgendaVersion?: number): Promise<PublishResult> {
  if (!actor.isChair) throw notAllowed('publish');
  const [steering, record, agenda] = await Promise.all([s.repos.steering.get(STEERING_ID), s.repos.lagesbilder.get(meetingId), s.repos.agendas.get(meetingId)]);
  if (!steering) return { ok: false, reason: 'noSteering' };
  if (!record || !agenda) return { ok: false, reason: 'noSnapshot' };
  if (expectedAgendaVersion !== undefined && agenda.version !== expectedAgendaVersion) throw staleWrite('agenda', meetingId, agenda.version);
  const hash = record.data.snapshot.contentHash;
  if (agenda.data.agenda.status !== 'approved' || agenda.data.agenda.contentHash !== hash) return { ok: false, reason: 'notApproved' };

  const prior = agenda.data.published;
  const same = !!prior && prior.contentHash === hash && canonicalJson(prior.agenda) === canonicalJson(agenda.data.agenda);
  const stored = same
    ? agenda
    : await s.repos.agendas.update(
        meetingId,
        agenda.version,
        { ...agenda.data, published: { at: s.clock().toISOString(), by: actor.id, snapshotVersion: record.version, contentHash: hash, agenda: agenda.data.agenda } },
        actor.id,
        'publish',
      );
  // Keyed by what is published: publishing the same twice sends nothing new.
  await enqueueNotice(s, steering.data.conversationId, 'lagesbild.published', { meetingId, cardKey: publishedCardKey(meetingId), occasion: `h${hash.slice(0, 16)}-a${stored.version}` });
  // The chairs' cards show that it is published.
  const run = await s.repos.compileRuns.get(meetingId);
  for (const c of latestCardPerConversation(run?.data.cards ?? [])) await enqueueNotice(s, c.conversationId, 'lagesbild.card', { meetingId, cardKey: c.cardKey, occasion: `pub-a${stored.version}-${cardTag(c.cardKey)}` });
  return { ok: true, republished: !!prior };
}

/**
 * The lägesbild's part of a meeting's timeline: the compile at the input deadline, and at
 * T−1 the approved lägesbild and agenda published to the steering channel — or, when the
 * agenda is not approved, a reminder to the chairs.
 */
export async function lagesbildTimelineStep(s: Services, meeting: MeetingRecord, kind: string): Promise<void> {
  switch (kind) {
    case 'deadline':
      await requestCompile(s, { meetingId: meeting.id, trigger: 'deadline', actor: 'system' });
      return;
    case 'publish': {
      const result = await publishLagesbild(s, meeting.id, { id: 'system', isChair: true });
      if (result.ok || result.reason === 'noSteering') return;
      for (const conversationId of await chairConversations(s)) {
        await enqueueNotice(s, conversationId, 'lagesbild.publishReminder', { meetingId: meeting.id, occasion: `s${meeting.sequence}` });
      }
      return;
    }
    default:
      return;
  }
}
