import { conversationKey } from '../../../src/domain/conversation.js';
import { forumIdFromName, type ForumRecord } from '../../../src/domain/forum.js';
import { submitAnswer } from '../../../src/services/inputs/answers.js';
import { createOrganisation } from '../../../src/services/orgs/createOrganisation.js';
import type { Platform } from '../../../src/services/platform.js';
import type { Services } from '../../../src/services/services.js';
import type { Stored } from '../../../src/store/versionedRepository.js';
import { CHAIR, MEMBER, TENANT } from '../../support/activities.js';
import { rng } from '../../unit/domain/lagesbild/generators.js';
import { inspelData } from './answers.js';
import { DISTRICTS } from './env.js';
import { channelRecord, confirmYear, meeting, type BenchForum } from './world.js';

/** One organisation of a benchmark: its services, team, tenant, forums and the first meeting of its 2027 plan. */
export interface BenchOrg {
  s: Services;
  id: string;
  teamId: string;
  tenantId: string;
  forums: BenchForum[];
  meetingId: string;
}

export interface SeedOrgOptions {
  /** Makes the team, channels and name unique in the deployment. */
  label: string;
  forums: number;
  tenantId?: string;
  /** Answers stored for the first meeting (the first `answers` forums), through `submitAnswer`. */
  answers?: number;
}

const forumDistricts = (i: number) => (i % 3 === 0 ? [DISTRICTS[i % 10]!] : [DISTRICTS[i % 10]!, DISTRICTS[(i + 3) % 10]!]);

/**
 * An organisation as an operator makes one (`createOrganisation` in its team's steering
 * channel), its forums and their channels written through its repositories (the channels'
 * references carry its team and tenant, as the bot stores them on install), the 2027 plan
 * confirmed (`confirmPlan`), and optionally answers for the first meeting (`submitAnswer`).
 */
export async function seedOrg(platform: Platform, serviceUrl: string, o: SeedOrgOptions): Promise<BenchOrg> {
  const tenantId = o.tenantId ?? TENANT;
  const teamId = `19:bench-${o.label}-team@thread.tacv2`;
  const steering = `19:bench-${o.label}-steering@thread.tacv2`;
  const created = await createOrganisation(platform, { name: `Bench ${o.label}`, actor: CHAIR.aadObjectId, conversationId: steering, convKey: conversationKey(steering), teamId, tenantId });
  if (!created.ok) throw new Error(`createOrganisation ${o.label}: ${created.reason}`);
  const s = created.s;
  const now = s.clock().toISOString();
  const forums: BenchForum[] = Array.from({ length: o.forums }, (_, i) => {
    const districts = forumDistricts(i);
    const name = `Trygghetsrådet ${districts[0]} ${i + 1}`;
    return { id: forumIdFromName(name), name, conversationId: `19:bench-${o.label}-forum-${i}@thread.tacv2`, districts };
  });
  const records = new Map<string, Stored<ForumRecord>>();
  let next = 0;
  const lane = async () => {
    while (next < forums.length) {
      const f = forums[next++]!;
      const record: ForumRecord = { id: f.id, name: f.name, kind: 'trygghetsrad', districts: f.districts, contacts: [], conversationId: f.conversationId, active: true, memberIds: [] };
      records.set(f.id, await s.repos.forums.create(f.id, record, CHAIR.aadObjectId, 'create'));
      const conv = channelRecord(f.conversationId, serviceUrl, now, f.name);
      conv.teamId = teamId;
      conv.tenantId = tenantId;
      conv.reference = { ...conv.reference, conversation: { ...conv.reference.conversation!, tenantId } };
      await s.repos.conversations.create(conversationKey(f.conversationId), conv, 'system', 'install');
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, forums.length) }, lane));
  const meetingId = await confirmYear(s, 2027);
  if (o.answers) {
    const m = await meeting(s, meetingId);
    const r = rng(o.answers);
    let a = 0;
    const answerLane = async () => {
      while (a < Math.min(o.answers!, forums.length)) {
        const f = forums[a++]!;
        await submitAnswer(s, { meeting: m, forum: records.get(f.id)!, raw: inspelData(r, f.districts), basedOnVersion: undefined, actor: { id: MEMBER.aadObjectId, name: MEMBER.name } });
      }
    };
    await Promise.all(Array.from({ length: 8 }, answerLane));
  }
  return { s, id: s.org.id, teamId, tenantId, forums, meetingId };
}

/** `count` organisations of `forums` forums each, `concurrency` seeded at a time. */
export async function seedOrgs(platform: Platform, serviceUrl: string, count: number, each: Omit<SeedOrgOptions, 'label'> & { label: string }, concurrency = 4): Promise<BenchOrg[]> {
  const out: BenchOrg[] = new Array(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      out[i] = await seedOrg(platform, serviceUrl, { ...each, label: `${each.label}${i}` });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return out;
}
