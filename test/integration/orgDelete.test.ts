import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgJobs } from '../../jobs/orgJobs.js';
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import { conversationKey } from '../../src/domain/conversation.js';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { orgExportSchema } from '../../src/domain/organisation/orgExport.js';
import type { OrgId } from '../../src/domain/organisation/organisation.js';
import { createOrganisation } from '../../src/services/orgs/createOrganisation.js';
import { deleteOrganisation } from '../../src/services/orgs/deleteOrganisation.js';
import { confirmPlan } from '../../src/services/meetings.js';
import type { Platform } from '../../src/services/platform.js';
import type { Services } from '../../src/services/services.js';
import { scanAll } from '../../src/store/redis.js';
import { CHAIR, TENANT, channel, invokeExecute, mentionMessage } from '../support/activities.js';
import { addForums, linksOf } from '../support/lagesbild.js';
import { seedAction, seedPromise } from '../support/promise.js';
import { snapshotKeys } from '../support/redisSnapshot.js';
import { seedCycle } from '../support/seed.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Two organisations on one deployment: A (the home one, seeded through the bot) and B
 * (created like an operator would, seeded through its own Services, with delayed jobs).
 * B exports everything it holds, then leaves; A is untouched, byte for byte, and works.
 */
const TEAM_B = '19:team-b@thread.tacv2';
const STEERING_B = '19:steering-b@thread.tacv2';
const CHAIR_B = { id: '29:chair-b-teams-id', aadObjectId: 'bbbbbbbb-0000-0000-0000-00000000000b', name: 'Ordförande Påhittadsson' };
const NAME_B = 'Kinnestads kommun';

/** An activity in B's team (the shared helpers use A's). */
function inTeamB<T extends { channelData: Record<string, unknown> }>(activity: T): T {
  return { ...activity, channelData: { ...activity.channelData, team: { id: TEAM_B, name: 'Trygghet Kinnestad' } } };
}
const steeringB = (t: TestRuntime) => channel(t.connector.url, STEERING_B, 'Styrgrupp Kinnestad');

async function jobIdsOf(p: Platform, orgId: OrgId, legacy: boolean): Promise<string[]> {
  const out: string[] = [];
  for await (const { queue, job, state } of orgJobs(p.queues, orgId, legacy)) out.push(`${queue.name}:${job.id}:${job.name}:${state}:${JSON.stringify(job.data)}`);
  return out.sort();
}

async function prefixedJobs(p: Platform, orgId: string): Promise<string[]> {
  const out: string[] = [];
  for (const q of p.queues.all()) {
    for (const j of await q.getJobs(['active', 'waiting', 'waiting-children', 'prioritized', 'delayed', 'completed', 'failed'])) if (j?.id?.startsWith(`${orgId}.`)) out.push(`${q.name}:${j.id}`);
  }
  return out;
}

describe('an organisation leaves: export, then delete (two organisations, real worker)', () => {
  let t: TestRuntime;
  let p: Platform;
  let a: Services;
  let b: Services;
  let bId: OrgId;

  beforeAll(async () => {
    t = await startTestRuntime({ now: new Date('2026-12-01T09:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, DISTRICTS: 'Norrby,Berga,Ryd,Skäggetorp' } });
    p = t.runtime.platform;
    a = t.runtime.services;
    await seedCycle(t, ['Norrby']);
    const aPromise = await seedPromise(a);
    await seedAction(a, aPromise.promiseId, aPromise.commitmentId, { aadObjectId: CHAIR.aadObjectId, name: CHAIR.name }, '2027-03-01');

    const created = await createOrganisation(p, { name: NAME_B, actor: CHAIR_B.aadObjectId, conversationId: STEERING_B, convKey: conversationKey(STEERING_B), teamId: TEAM_B, tenantId: TENANT });
    if (!created.ok) throw new Error('B not created');
    b = created.s;
    bId = b.org.id;
    const proposal = proposeYearPlan(2027, b.planSettings);
    await confirmPlan(b, 2027, proposal.map((x) => ({ index: x.index, date: x.date, time: x.time })), CHAIR_B.aadObjectId);
    await addForums(b, '2027-1', 3, 2);
    // A second kept version of one answer.
    const first = await b.repos.answers.require(answerId('2027-1', 'forum-00'));
    await b.repos.answers.update(first.id, first.version, { ...first.data, answer: { ...first.data.answer, themes: ['narkotika'] } }, 'seed');
    const bPromise = await seedPromise(b);
    await seedAction(b, bPromise.promiseId, bPromise.commitmentId, { aadObjectId: CHAIR_B.aadObjectId, name: CHAIR_B.name }, '2027-04-01');
  }, 60_000);

  afterAll(async () => {
    await t?.cleanup();
  });

  it('exports: a signed link to JSON with B’s records, versions and audit lines, nothing of A; tampered → 403; the read is logged', async () => {
    await t.post(inTeamB(mentionMessage(steeringB(t), CHAIR_B, 'exportera organisation')));
    const reply = await t.connector.waitFor((r) => r.conversationId === STEERING_B && JSON.stringify(r.activity).includes('export.json'));
    const link = linksOf(reply.activity.attachments?.[0]?.content).find((u) => u.includes('export.json'))!;
    expect(link).toContain(`https://samverkan.example.se/o/${bId}/export.json?`);
    const local = link.replace('https://samverkan.example.se', t.botUrl);

    const res = await fetch(local);
    expect(res.status).toBe(200);
    const raw = await res.text();
    const doc = orgExportSchema.parse(JSON.parse(raw));
    expect(doc.org).toMatchObject({ id: bId, name: NAME_B, status: 'active' });
    expect(doc.settings?.data).toMatchObject({ name: NAME_B });
    expect(doc.collections.forum?.map((f) => f.id).sort()).toEqual(['forum-00', 'forum-01', 'forum-02']);
    expect(doc.collections.meeting?.length).toBeGreaterThan(0);
    const answers = doc.collections.answer ?? [];
    expect(answers).toHaveLength(2);
    expect(answers.every((x) => x.versions.length >= 1 && x.audit.length >= 1)).toBe(true);
    expect(answers.find((x) => x.id === answerId('2027-1', 'forum-00'))?.versions).toHaveLength(2);
    expect(doc.collections.promise?.[0]?.audit.length).toBeGreaterThan(0);
    expect(doc.jobs.length).toBeGreaterThan(0);
    expect(doc.jobs.every((j) => j.id.startsWith(`${bId}.`))).toBe(true);
    expect(Object.keys(doc.jobs[0]!).sort()).toEqual(['id', 'name', 'queue', 'state']);
    // Nothing of A: its id, its forum, its steering channel.
    expect(raw).not.toContain(a.org.id);
    expect(raw).not.toContain('Trygghetsrådet Norrby');
    expect(raw).not.toContain('19:steering@thread.tacv2');

    const reads = await b.repos.reportReads.list();
    expect(reads.some((r) => r.what === '/export.json')).toBe(true);

    const url = new URL(local);
    const sig = url.searchParams.get('sig')!;
    url.searchParams.set('sig', `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`);
    expect((await fetch(url)).status).toBe(403);
    // B's link under A's path: signed for B only.
    expect((await fetch(local.replace(`/o/${bId}/`, `/o/${a.org.id}/`))).status).toBe(403);
    expect((await fetch(`${t.botUrl}/o/${bId}/export.json`)).status).toBe(403);
  });

  it('deletes B only: wrong name refused (nothing changed), right name → the worker removes every key, job, binding and registry entry of B', async () => {
    const bBase = b.org.keys.base;
    const aKeysBefore = await snapshotKeys(p.redis, [a.org.keys.base]);
    const aJobsBefore = await jobIdsOf(p, a.org.id, a.org.legacy);
    expect(aKeysBefore.size).toBeGreaterThan(10);
    expect(aJobsBefore.length).toBeGreaterThan(0);
    expect((await prefixedJobs(p, bId)).some((j) => j.startsWith('timeline:'))).toBe(true);
    expect((await scanAll(p.redis, `${bBase}:*`)).length).toBeGreaterThan(10);

    await t.post(inTeamB(mentionMessage(steeringB(t), CHAIR_B, 'radera organisation')));
    const cardReply = await t.connector.waitFor((r) => r.conversationId === STEERING_B && JSON.stringify(r.activity).includes('org.deleteConfirm'));
    const cardJson = JSON.stringify(cardReply.activity.attachments?.[0]?.content);
    expect(cardJson).toContain(NAME_B);
    expect(cardJson).toContain('"Forum","value":"3"');
    const version = b.org.settings.version;

    const bKeysBefore = await snapshotKeys(p.redis, [bBase]);
    const wrong = await t.post(inTeamB(invokeExecute(steeringB(t), CHAIR_B, 'org.deleteConfirm', { version, name: 'Linköpings kommun', org: bId })));
    expect(JSON.stringify(wrong.body)).toContain('Namnet stämmer inte');
    expect((await p.repos.orgs.get(bId))?.status).toBe('active');
    expect(await snapshotKeys(p.redis, [bBase])).toEqual(bKeysBefore);

    // Someone not a chair of B cannot confirm.
    const notChair = await t.post(inTeamB(invokeExecute(steeringB(t), CHAIR, 'org.deleteConfirm', { version, name: NAME_B, org: bId })));
    expect(JSON.stringify(notChair.body)).not.toContain('Raderingen');
    expect((await p.repos.orgs.get(bId))?.status).toBe('active');

    expect((await scanAll(p.redis, p.keys.of('done', 'turn', `${conversationKey(STEERING_B)}.*`))).length).toBeGreaterThan(0);
    const right = await t.post(inTeamB(invokeExecute(steeringB(t), CHAIR_B, 'org.deleteConfirm', { version, name: ' kinnestads  KOMMUN ', org: bId })));
    expect(JSON.stringify(right.body)).toContain('Raderingen av **Kinnestads kommun** har börjat');
    // While it waits for the job (every process sees `deleting` first): no turn, link or job of B is served.
    expect((await p.repos.orgs.get(bId))?.status).toBe('deleting');
    const sent = t.connector.received.length;
    await t.post(inTeamB(mentionMessage(steeringB(t), CHAIR_B, 'exportera organisation')));
    expect(JSON.stringify(t.connector.received.slice(sent))).not.toContain('export.json');
    expect((await fetch(`${t.botUrl}/o/${bId}/export.json`)).status).toBe(404);

    await eventually(async () => (await p.repos.orgs.get(bId)) === null, 'B removed from the registry', 30_000);
    await eventually(async () => (await p.repos.orgs.auditLines()).some((l) => l.org === bId && l.action === 'deleted'), 'deleted audit line', 10_000);

    expect(await scanAll(p.redis, `${bBase}:*`)).toEqual([]);
    expect(await prefixedJobs(p, bId)).toEqual([]);
    expect(await p.repos.orgs.ids()).not.toContain(bId);
    expect(await p.repos.orgs.boundOrg(conversationKey(STEERING_B), TEAM_B)).toBeNull();
    expect(await p.repos.orgs.orgOfSlug(b.config.PUBLIC_SLUG)).toBeNull();
    expect(await scanAll(p.redis, p.keys.of('done', 'turn', `${conversationKey(STEERING_B)}.*`))).toEqual([]);
    const lines = (await p.repos.orgs.auditLines()).filter((l) => l.org === bId);
    expect(lines.map((l) => l.action)).toEqual(['created', 'delete-requested', 'deleted']);
    expect(lines[1]!.actor).toBe(CHAIR_B.aadObjectId);
    expect(lines[1]!.counts).toMatchObject({ forum: 3, answer: 2, promise: 1 });
    expect(lines[2]!.counts!.keys).toBeGreaterThan(10);
    expect(lines[2]!.counts!.jobs).toBeGreaterThan(0);
    expect(lines[2]!.counts).toMatchObject({ conversations: 1, teams: 1, slugs: 1 });

    // A: every key and job byte-identical, its bindings kept, and it still answers.
    expect(await snapshotKeys(p.redis, [a.org.keys.base])).toEqual(aKeysBefore);
    expect(await jobIdsOf(p, a.org.id, a.org.legacy)).toEqual(aJobsBefore);
    expect(await p.repos.orgs.boundOrg(conversationKey('19:steering@thread.tacv2'), '19:team@thread.tacv2')).toBe(a.org.id);
    const before = t.connector.to('19:steering@thread.tacv2').length;
    await t.post(mentionMessage(channel(t.connector.url, '19:steering@thread.tacv2', 'Styrgrupp'), CHAIR, 'möten'));
    await eventually(() => t.connector.to('19:steering@thread.tacv2').length > before, 'A answers');
    expect(JSON.stringify(t.connector.to('19:steering@thread.tacv2').at(-1)!.activity)).toContain('2027');

    // B's steering channel is no organisation's now: the bot no longer serves B there.
    const after = await t.post(inTeamB(invokeExecute(steeringB(t), CHAIR_B, 'org.deleteConfirm', { version, name: NAME_B, org: bId })));
    expect(JSON.stringify(after.body)).not.toContain('Raderingen');
  }, 60_000);

  it('deletion refuses an organisation that did not ask to leave, and runs again safely from any step', async () => {
    await expect(deleteOrganisation(p, { orgId: a.org.id, actor: 'x', step: 0, counts: {} })).rejects.toThrow('not leaving');
    expect(await p.repos.orgs.get(a.org.id)).not.toBeNull();

    const created = await createOrganisation(p, { name: 'Påhittsta kommun', actor: CHAIR_B.aadObjectId, conversationId: '19:steering-c@thread.tacv2', convKey: conversationKey('19:steering-c@thread.tacv2'), teamId: '19:team-c@thread.tacv2', tenantId: TENANT });
    if (!created.ok) throw new Error('C not created');
    const c = created.s;
    await addForums(c, '2027-1', 2, 2);
    await p.repos.orgs.setStatus(c.org.id, 'deleting');
    // A retry after the keys went (step 3 done, steps 4–5 not) and then once more after all was done.
    await deleteOrganisation(p, { orgId: c.org.id, actor: CHAIR_B.aadObjectId, step: 0, counts: {} });
    expect(await scanAll(p.redis, `${c.org.keys.base}:*`)).toEqual([]);
    await deleteOrganisation(p, { orgId: c.org.id, actor: CHAIR_B.aadObjectId, step: 2, counts: {} });
    const lines = (await p.repos.orgs.auditLines()).filter((l) => l.org === c.org.id);
    expect(lines.map((l) => l.action)).toEqual(['created', 'deleted']);
    expect(await p.repos.orgs.get(a.org.id)).not.toBeNull();
    expect(await p.repos.orgs.ids()).toEqual([a.org.id]);
  });
});
