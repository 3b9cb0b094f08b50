import { proposeYearPlan } from '../../../src/domain/calendar/yearPlan.js';
import { conversationKey, type ConversationRecord } from '../../../src/domain/conversation.js';
import { forumIdFromName, type ForumRecord } from '../../../src/domain/forum.js';
import type { MeetingRecord } from '../../../src/domain/meeting.js';
import { confirmPlan } from '../../../src/services/meetings.js';
import type { Services } from '../../../src/services/services.js';
import type { Stored } from '../../../src/store/versionedRepository.js';
import { BOT, CHAIR, TENANT, channel, invokeExecute, mentionMessage, post } from '../../support/activities.js';
import { DISTRICTS } from './env.js';

export const STEERING = '19:bench-steering@thread.tacv2';

export interface BenchForum {
  id: string;
  name: string;
  conversationId: string;
  districts: string[];
}

const forumName = (i: number, districts: string[]) => `Trygghetsrådet ${districts[0]} ${i + 1}`;
const forumChannel = (i: number) => `19:bench-forum-${i}@thread.tacv2`;
/** Forum i covers one or two of the ten districts. */
const forumDistricts = (i: number) => (i % 3 === 0 ? [DISTRICTS[i % 10]!] : [DISTRICTS[i % 10]!, DISTRICTS[(i + 3) % 10]!]);

/**
 * The inspel world set up the way a chair does it, through /api/messages: the steering
 * channel registered, `count` forums saved with the forum card in their channels; then
 * the 2027 year plan confirmed through the service (as the plan card's verb does).
 */
export async function setUpOverHttp(botUrl: string, serviceUrl: string, s: Services, count: number): Promise<{ forums: BenchForum[]; meetingId: string }> {
  const steering = await post(botUrl, mentionMessage(channel(serviceUrl, STEERING, 'Styrgrupp'), CHAIR, 'registrera styrgrupp'));
  if (steering.status !== 200) throw new Error(`registrera styrgrupp: ${steering.status}`);
  const forums: BenchForum[] = [];
  for (let i = 0; i < count; i++) {
    const districts = forumDistricts(i);
    const name = forumName(i, districts);
    const res = await post(botUrl, invokeExecute(channel(serviceUrl, forumChannel(i), name), CHAIR, 'forum.save', { name, kind: 'trygghetsrad', districts: districts.join(',') }));
    if (!JSON.stringify(res.body).includes('är registrerat')) throw new Error(`forum.save ${i}: ${JSON.stringify(res.body).slice(0, 400)}`);
    forums.push({ id: forumIdFromName(name), name, conversationId: forumChannel(i), districts });
  }
  const stored = new Set(await s.repos.forums.ids());
  for (const f of forums) if (!stored.has(f.id)) throw new Error(`forum ${f.id} was not stored`);
  const meetingId = await confirmYear(s, 2027);
  return { forums, meetingId };
}

/** Confirms the proposed plan of `year`; returns the first meeting's id. */
export async function confirmYear(s: Services, year: number): Promise<string> {
  const proposal = proposeYearPlan(year, s.planSettings);
  const meetings = await confirmPlan(s, year, proposal.map((p) => ({ index: p.index, date: p.date, time: p.time })), CHAIR.aadObjectId);
  return meetings[0]!.id;
}

/** A Teams channel's conversation reference, as the bot stores it from an activity, pointing at `serviceUrl`. */
export function channelRecord(conversationId: string, serviceUrl: string, now: string, channelName = 'Allmänt'): ConversationRecord {
  return {
    conversationId,
    kind: 'channel',
    tenantId: TENANT,
    teamId: '19:team@thread.tacv2',
    teamName: 'Trygghet Östergötland',
    channelName,
    reference: {
      bot: BOT,
      conversation: { id: conversationId, conversationType: 'channel', tenantId: TENANT, isGroup: true },
      channelId: 'msteams',
      locale: 'sv-SE',
      serviceUrl,
    },
    active: true,
    installedAt: now,
    locale: 'sv-SE',
  };
}

/**
 * `count` forums with their channels' conversation records written straight through the
 * repositories (the shape the bot stores on install), `concurrency` writes at a time.
 */
export async function seedForums(s: Services, serviceUrl: string, count: number, concurrency = 32): Promise<BenchForum[]> {
  const now = s.clock().toISOString();
  const forums: BenchForum[] = Array.from({ length: count }, (_, i) => {
    const districts = forumDistricts(i);
    const name = forumName(i, districts);
    return { id: forumIdFromName(name), name, conversationId: forumChannel(i), districts };
  });
  let next = 0;
  const lane = async () => {
    while (next < forums.length) {
      const f = forums[next++]!;
      const record: ForumRecord = { id: f.id, name: f.name, kind: 'trygghetsrad', districts: f.districts, contacts: [], conversationId: f.conversationId, active: true, memberIds: [] };
      await s.repos.forums.create(f.id, record, CHAIR.aadObjectId, 'create');
      await s.repos.conversations.create(conversationKey(f.conversationId), channelRecord(f.conversationId, serviceUrl, now, f.name), 'system', 'install');
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return forums;
}

export async function meeting(s: Services, id: string): Promise<Stored<MeetingRecord>> {
  return s.repos.meetings.require(id);
}
