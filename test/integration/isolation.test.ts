import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verbs, type Verb } from '../../cards/verbs.js';
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import type { CommandName } from '../../src/domain/commands.js';
import { conversationKey } from '../../src/domain/conversation.js';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { sv } from '../../src/i18n/sv.js';
import { scanAll } from '../../src/store/redis.js';
import { editAgenda } from '../../src/services/lagesbild/agenda.js';
import { requestCompile } from '../../src/services/lagesbild/compile.js';
import { lagesbildReportLinks } from '../../src/services/lagesbild/reports.js';
import { publishLagesbild } from '../../src/services/lagesbild/publish.js';
import { confirmPlan } from '../../src/services/meetings.js';
import { createOrganisation } from '../../src/services/orgs/createOrganisation.js';
import { saveStatements } from '../../src/services/promise/malbilder.js';
import { actionRevision } from '../../src/services/promise/actions.js';
import { commitmentRevision } from '../../src/services/promise/promises.js';
import type { Services } from '../../src/services/services.js';
import { CHAIR, MEMBER, channel, invokeExecute, mentionMessage, message, type Where } from '../support/activities.js';
import { MARK, answerOf } from '../support/lagesbild.js';
import { chair as promiseChair, seedAction, seedPromise } from '../support/promise.js';
import { diffSnapshots, isQueueBookkeeping, snapshotKeys } from '../support/redisSnapshot.js';
import { answerData, seedCycle, type Seeded } from '../support/seed.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Isolation, proven (docs/plans/organisations.md §5): the chair of organisation A, acting
 * every command and every card verb with organisation B's ids, from A's channel, from B's
 * channel, from their personal chat naming B, and from A's channel naming B, changes
 * nothing of B's, queues no job of B's and sends nothing to B's conversations.
 */
const TENANT_B = '99999999-2222-3333-4444-555555555555';
const TEAM_B = '19:team-b@thread.tacv2';
const CHAIR_B = { id: '29:chair-b-teams-id', aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000001', name: 'Ordförande Bsson' };
const MEMBER_B = { id: '29:member-b-teams-id', aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000002', name: 'Medlem Bpåhittad' };
const B_STEERING = '19:steering-b@thread.tacv2';
const B_TEXT = 'B-SVARSTEXT-NORRBY';
const ADMIN_TOKEN = 'admin-token-for-isolation-0123456789';

let t: TestRuntime;
let a: Seeded;
let bId = '';
let sB: Services;
const b = { forums: [] as { id: string; name: string; channelId: string }[], promiseId: '', commitmentId: '', commitmentRev: '', actionId: '', actionRev: '', itemId: '', agendaVersion: 0 };

const sA = () => t.runtime.services;
const bWhere = (conversationId: string, name = 'Allmänt'): Where => ({ ...channel(t.connector.url, conversationId, name), tenantId: TENANT_B, teamId: TEAM_B });
const aSteering = () => channel(t.connector.url, a.steering, 'Styrgrupp');
const chairAChat = (): Where => ({ conversationId: 'a:chair-personal', conversationType: 'personal', serviceUrl: t.connector.url });

/** Turn state, Teams-retry markers and queue bookkeeping are not stored data. */
const notData = (k: string) => isQueueBookkeeping(k) || /:turnstate:|:done:turn:|:done:export:|:linkcode:/.test(k);
const snapshotB = () => snapshotKeys(t.runtime.redis, [`${sA().config.KEY_PREFIX}:{o:${bId}}`], notData);
const snapshotA = () => snapshotKeys(t.runtime.redis, [`${sA().config.KEY_PREFIX}:{o:${sA().org.id}}`], notData);

/** The last entry of every queue's event stream, to read what was added after it. */
async function eventMarks(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const q of t.runtime.platform.queues.all()) {
    const last = (await t.runtime.redis.xrevrange(q.toKey('events'), '+', '-', 'COUNT', 1))[0];
    out.set(q.toKey('events'), last?.[0] ?? '0-0');
  }
  return out;
}
/** B's jobs, by id prefix or by data, in every state. */
async function bJobs(): Promise<Set<string>> {
  const out = new Set<string>();
  for (const q of t.runtime.platform.queues.all()) {
    for (const job of await q.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'failed', 'completed', 'waiting-children'])) {
      if (job && (String(job.id).startsWith(`${bId}.`) || (job.data as { orgId?: string } | undefined)?.orgId === bId)) out.add(`${q.name} ${job.id} ${job.timestamp}`);
    }
  }
  return out;
}
/** B's jobs added since the marks (the event streams, so a job added and already removed counts too) or now present and new. */
async function bJobsAdded(marks: Map<string, string>, before: Set<string>): Promise<string[]> {
  const found: string[] = [];
  for (const [key, from] of marks) {
    for (const [, fields] of await t.runtime.redis.xrange(key, `(${from}`, '+')) {
      const ev = Object.fromEntries(fields.reduce<[string, string][]>((acc, f, i) => (i % 2 ? acc : [...acc, [f, fields[i + 1]!]]), []));
      if (ev.event === 'added' && String(ev.jobId).startsWith(`${bId}.`)) found.push(`${key} ${ev.jobId}`);
    }
  }
  for (const j of await bJobs()) if (!before.has(j)) found.push(j);
  return found;
}

async function settled(): Promise<void> {
  await eventually(async () => {
    for (const q of t.runtime.platform.queues.all()) {
      const c = await q.getJobCounts('waiting', 'active', 'prioritized');
      if (Object.values(c).some((n) => n > 0)) return false;
    }
    return true;
  }, 'queues drained', 30_000);
}

const bConversations = () => new Set([B_STEERING, ...b.forums.map((f) => f.channelId), 'a:chair-b-personal', 'a:member-b-personal']);

/** What a refusal says (authorisation.test.ts's list, plus the organisation's own). */
const refusals = [
  sv.errors.notAllowed,
  sv.errors.notAllowedChair,
  sv.errors.badCard,
  sv.errors.notFound,
  sv.inputs.notMember,
  sv.promise.ownerOnly,
  sv.promise.readingNotAllowed,
  sv.links.refusals['not-linked'],
  sv.organisations.none,
  sv.organisations.otherOrgCard,
  sv.organisations.createNotOperator,
  sv.organisations.tenants.notOperator,
  sv.lagesbild.chairsOnly,
  sv.merge.chairsOnly,
  sv.links.refusals['not-personal-chat'],
  sv.regional.notPersonal,
].map((r) => JSON.stringify(r).slice(1, 40));

/** Acts, then proves B untouched: stored data, jobs, messages. Returns the reply's text. */
async function proveBUntouched(activity: unknown): Promise<string> {
  await settled();
  const before = await snapshotB();
  const marks = await eventMarks();
  const jobsBefore = await bJobs();
  const sentBefore = t.connector.received.length;
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  await new Promise((r) => setTimeout(r, 60));
  await settled();
  expect(diffSnapshots(before, await snapshotB())).toEqual([]);
  expect(await bJobsAdded(marks, jobsBefore)).toEqual([]);
  // The reply to the turn itself (in B's channel, for (b)) is not a message sent to B.
  const turnId = (activity as { id?: string }).id;
  const toB = t.connector.received.slice(sentBefore).filter((r) => bConversations().has(r.conversationId) && r.replyToId !== turnId);
  expect(toB.map((r) => `${r.method} ${r.conversationId}`)).toEqual([]);
  // The reply (invoke body, or messages sent back into the conversation of the turn).
  const replies = t.connector.received.slice(sentBefore).map((r) => JSON.stringify(r.activity));
  return `${JSON.stringify(res.body)}\n${replies.join('\n')}`;
}

const expectRefusal = (reply: string) => expect(refusals.some((r) => reply.includes(r)), reply.slice(0, 500)).toBe(true);
const bIdOf = (name: string) => b.forums.find((f) => f.name === name)!.id;

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-01-10T08:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, DISTRICTS: 'Berga,Ryd,Norrby', ADMIN_TOKEN } });
  // A: the home organisation, through the bot.
  a = await seedCycle(t, ['Berga', 'Ryd']);
  const okA = await t.post(invokeExecute(channel(t.connector.url, a.forums[0]!.channelId), MEMBER, 'input.submit', answerData(a.meetingId, a.forums[0]!.id, 'A-svar om Berga.')));
  expect(JSON.stringify(okA.body)).toContain('Tack!');
  const pA = await seedPromise(sA());
  await seedAction(sA(), pA.promiseId, pA.commitmentId, MEMBER, '2027-05-01');
  await saveStatements(sA(), 'Berga', undefined, ['A:s målbild för Berga'], promiseChair);

  // B: another team and tenant, its creator its chair.
  const created = await createOrganisation(t.runtime.platform, { name: 'Polisområde Norr', actor: CHAIR_B.aadObjectId, conversationId: B_STEERING, convKey: conversationKey(B_STEERING), teamId: TEAM_B, tenantId: TENANT_B });
  if (!created.ok) throw new Error('B not created');
  bId = created.s.org.id;
  sB = await t.runtime.platform.orgs.require(bId);
  await t.post(mentionMessage(bWhere(B_STEERING, 'Styrgrupp'), CHAIR_B, 'hjälp'));
  await t.post(message({ conversationId: 'a:chair-b-personal', conversationType: 'personal', serviceUrl: t.connector.url, tenantId: TENANT_B }, CHAIR_B, 'hjälp'));
  for (const [i, district] of ['Berga', 'Norrby'].entries()) {
    const name = `Trygghetsrådet ${district}`;
    const channelId = `19:forum-b-${i}@thread.tacv2`;
    const res = await t.post(invokeExecute(bWhere(channelId, name), CHAIR_B, 'forum.save', { name, kind: 'trygghetsrad', districts: district, members: MEMBER_B.aadObjectId }));
    expect(JSON.stringify(res.body)).toContain('registrerat');
    const f = (await sB.repos.forums.list()).find((x) => x.data.conversationId === channelId)!;
    b.forums.push({ id: f.id, name, channelId });
  }
  for (const year of [2027, 2028]) await confirmPlan(sB, year, proposeYearPlan(year, sB.planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time })), CHAIR_B.aadObjectId);
  const norrby = bIdOf('Trygghetsrådet Norrby');
  await sB.repos.answers.create(answerId('2027-1', norrby), answerOf('2027-1', norrby, 2, sB.clock().toISOString(), { needs: B_TEXT }), 'seed');
  await requestCompile(sB, { meetingId: '2027-1', trigger: 'command', actor: CHAIR_B.aadObjectId });
  await eventually(async () => (await sB.repos.compileRuns.get('2027-1'))?.data.state === 'done', 'B compiled', 30_000);
  const agenda = await sB.repos.agendas.require('2027-1');
  await editAgenda(sB, '2027-1', agenda.version, { kind: 'approve' }, { id: CHAIR_B.aadObjectId, isChair: true });
  const published = await publishLagesbild(sB, '2027-1', { id: CHAIR_B.aadObjectId, isChair: true });
  expect(published.ok).toBe(true);
  const agendaNow = await sB.repos.agendas.require('2027-1');
  b.agendaVersion = agendaNow.version;
  b.itemId = (agendaNow.data.agenda as unknown as { items: { id: string }[] }).items[0]?.id ?? 'item-1';
  const pB = await seedPromise(sB);
  const actB = await seedAction(sB, pB.promiseId, pB.commitmentId, MEMBER_B, '2027-06-01', 'B:s trygghetsvandring');
  Object.assign(b, { promiseId: pB.promiseId, commitmentId: pB.commitmentId, actionId: actB.action.id, actionRev: actionRevision(actB.action), commitmentRev: commitmentRevision(actB.commitment) });
  await saveStatements(sB, 'Berga', undefined, ['B:s målbild för Berga'], promiseChair);
  await saveStatements(sB, 'Norrby', undefined, ['B:s målbild för Norrby'], promiseChair);
  await settled();
}, 120_000);

afterAll(async () => {
  await t?.cleanup();
});

describe('the setup', () => {
  it('has two organisations with the same forum id and meeting id, and B-only ones', async () => {
    expect(bId).not.toBe(sA().org.id);
    expect(bIdOf('Trygghetsrådet Berga')).toBe(a.forums[0]!.id);
    expect(await sA().repos.meetings.get('2027-1')).not.toBeNull();
    expect(await sB.repos.meetings.get('2028-2')).not.toBeNull();
    expect(await sA().repos.meetings.get('2028-2')).toBeNull();
    expect((await snapshotB()).size).toBeGreaterThan(20);
  });
});

describe('HTTP', () => {
  const get = (url: string) => fetch(url.replace('https://samverkan.example.se', t.botUrl));
  const bHtml = () => lagesbildReportLinks(sB, '2027-1', 'chairs').html;

  it('B’s report link works under B’s path (the control case)', async () => {
    expect(bHtml()).toContain(`/o/${bId}/reports/2027-1.html`);
    expect((await get(bHtml())).status).toBe(200);
  });

  it('B’s signed query under A’s path is refused', async () => {
    const url = bHtml().replace(`/o/${bId}/`, `/o/${sA().org.id}/`);
    expect((await get(url)).status).toBe(403);
    expect((await get(bHtml().replace(`/o/${bId}/`, '/'))).status).toBe(403);
  });

  it('A’s signed query under B’s path is refused', async () => {
    const aHtml = lagesbildReportLinks(sA(), '2027-1', 'chairs').html;
    const url = aHtml.replace('https://samverkan.example.se/', `https://samverkan.example.se/o/${bId}/`);
    expect([403, 404]).toContain((await get(url)).status);
  });

  it('a person’s data export link is the deployment’s (their data in every organisation), never under an organisation’s path', async () => {
    const since = t.connector.received.length;
    await t.post(message({ conversationId: 'a:chair-b-personal', conversationType: 'personal', serviceUrl: t.connector.url, tenantId: TENANT_B }, CHAIR_B, 'exportera mina data'));
    const reply = await t.connector.waitFor((r) => t.connector.received.indexOf(r) >= since && r.conversationId === 'a:chair-b-personal' && JSON.stringify(r.activity).includes('/exports/'));
    const link = /"url":"([^"]+)"/.exec(JSON.stringify(reply.activity.attachments?.[0]?.content))![1]!;
    expect(link).toContain('https://samverkan.example.se/exports/');
    expect((await get(link)).status).toBe(200);
    expect([403, 404]).toContain((await get(link.replace('/exports/', `/o/${sA().org.id}/exports/`))).status);
    expect([403, 404]).toContain((await get(link.replace('/exports/', `/o/${bId}/exports/`))).status);
    // A forged token is refused.
    expect([403, 404]).toContain((await get(link.replace(/exports\/[^.]+\.json/, 'exports/AAAAAAAAAAAAAAAAAAAAAA.json'))).status);
  });

  it('a meeting of B only is not found under A, nor under the legacy path', async () => {
    expect((await get(`https://samverkan.example.se/o/${bId}/meetings/2028-2.ics`)).status).toBe(200);
    expect((await get(`https://samverkan.example.se/o/${sA().org.id}/meetings/2028-2.ics`)).status).toBe(404);
    expect((await get('https://samverkan.example.se/meetings/2028-2.ics')).status).toBe(404);
  });
});

describe('operations: per organisation, never answer text', () => {
  const answerTexts = () => [B_TEXT, 'A-svar om Berga.', MARK.oppen];

  it('/metrics counts both organisations’ jobs by id, and holds no answer text', async () => {
    const res = await fetch(`${t.botUrl}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    const body = await res.text();
    const delayed = (org: string) => Number(new RegExp(`samverkan_org_queue_jobs\\{org="${org}",queue="timeline",state="delayed"\\} (\\d+)`).exec(body)?.[1] ?? 0);
    // Both have a confirmed 2027 (B also 2028): their timeline steps wait, each under its own label.
    expect(delayed(sA().org.id)).toBeGreaterThan(0);
    expect(delayed(bId)).toBeGreaterThan(delayed(sA().org.id));
    for (const text of answerTexts()) expect(body).not.toContain(text);
  });

  it('every job of an organisation shows it in its id (what Bull Board lists), and no BullMQ key holds answer text', async () => {
    for (const q of t.runtime.platform.queues.all()) {
      for (const job of await q.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'failed', 'completed'])) {
        const org = (job?.data as { orgId?: string } | undefined)?.orgId;
        if (job && org) expect(String(job.id).startsWith(`${org}.`), `${q.name} ${job.id}`).toBe(true);
      }
    }
    expect((await scanAll(t.runtime.redis, `${sA().config.QUEUE_PREFIX}:*:${bId}.*`)).length).toBeGreaterThan(0);
    const everything = [...(await snapshotKeys(t.runtime.redis, [sA().config.QUEUE_PREFIX], () => false)).values()].join('\n');
    expect(everything).toContain(bId);
    for (const text of answerTexts()) expect(everything).not.toContain(text);
  });
});

/** Plausible card data for each verb with B's ids (B-only where B has one), and a claim to be B's chair. */
function bData(verb: Verb): Record<string, unknown> {
  const claim = { aadObjectId: CHAIR_B.aadObjectId, from: CHAIR_B, userId: CHAIR_B.aadObjectId, isChair: true, roles: ['chair'] };
  const norrby = bIdOf('Trygghetsrådet Norrby');
  const byPrefix: Record<string, Record<string, unknown>> = {
    forum: { forumId: norrby, version: 1, name: 'Kapad', kind: 'annat', districts: 'Norrby' },
    plan: { year: 2028, date1: '2028-02-16', time1: '13:00', date2: '2028-05-17', time2: '13:00', date3: '2028-10-11', time3: '13:00' },
    meetings: {},
    meeting: { meetingId: '2028-2', version: 1, date1: '2028-05-24', time1: '10:00' },
    input: answerData('2027-1', norrby, 'Förfalskat svar', { version: 1 }),
    lagesbild: { meetingId: '2027-1', version: b.agendaVersion, agendaVersion: b.agendaVersion, itemId: b.itemId },
    agenda: { meetingId: '2027-1', version: b.agendaVersion, itemId: b.itemId, title: 'Kapad', minutes: '10', position: '0' },
    promise: { promiseId: b.promiseId, version: 1, title: 'Kapat', periodFrom: '2027-01-01', periodTo: '2028-12-31', commitmentId: b.commitmentId, rev: b.commitmentRev, text: 'Kapat', responsible: 'polisen', districts: 'Norrby', meetingId: '2027-1' },
    action: { promiseId: b.promiseId, actionId: b.actionId, rev: b.actionRev, meetingId: '2027-1', commitmentId: b.commitmentId, text: 'Kapat', owner: CHAIR.aadObjectId, due: '2027-06-01', commitment: b.commitmentId, status: 'klar', followUp: 'Klart', count: '3' },
    public: { promiseId: b.promiseId, basedOn: 0, previewed: 'v-000000000000', hidden: '' },
    link: { account: CHAIR_B.aadObjectId },
    malbild: { district: 'Norrby', version: 1, statements: 'Kapat', name: 'x', unit: 'st', direction: 'lower', baselineValue: '1', baselineDate: '2026-01-01', targetValue: '0', targetDate: '2028-01-01', indicator: 'i1', value: '1', date: '2027-01-05' },
    org: { version: 1, choice: bId, name: 'Kapad', districts: 'Norrby' },
  };
  const [prefix] = verb.split('.');
  if (!byPrefix[prefix!]) throw new Error(`no B data for the verb family of ${verb}: add one`);
  return { ...byPrefix[prefix!], ...claim };
}

describe('every card verb, as chair A, aimed at B', () => {
  const rows = verbs.flatMap((v) => (['a', 'c', 'd'] as const).map((where) => [v, where] as const));
  it.each(rows)('%s (%s)', async (verb, where) => {
    const data = bData(verb);
    const activity =
      where === 'a'
        ? invokeExecute(aSteering(), CHAIR, verb, data)
        : where === 'c'
          ? invokeExecute(chairAChat(), CHAIR, verb, { ...data, org: bId })
          : invokeExecute(aSteering(), CHAIR, verb, { ...data, org: bId });
    const reply = await proveBUntouched(activity);
    expect(reply).not.toContain(B_TEXT);
    expect(reply).not.toContain('B:s');
    // `action.mine` lists only the presser's own items there (none): harmless, like for a guest.
    if (where !== 'a' && verb !== 'action.mine') expectRefusal(reply);
  });
});

/** One case per command (a new command without one does not compile). */
const commandCases: Record<CommandName, string[]> = {
  help: ['hjälp'],
  registerSteering: ['registrera styrgrupp'],
  registerForum: ['registrera forum'],
  listForums: ['forum'],
  plan: ['planera 2028'],
  meetings: ['möten'],
  schoolCalendar: ['läsårstider 2027'],
  addChair: ['lägg till ordförande'],
  iAmContact: ['jag är kontaktperson'],
  sendPrompts: ['skicka inspel'],
  remind: ['påminn'],
  status: ['status'],
  retryFailed: ['skicka om'],
  compile: ['sammanställ'],
  publish: ['publicera'],
  promise: ['löfte'],
  myActions: ['mina åtgärder'],
  decisions: ['beslut'],
  goals: ['målbild Norrby', 'målbild Berga'],
  followUp: ['uppföljning'],
  exportMyData: ['exportera mina data'],
  switchOrg: ['byt organisation'],
  createOrg: ['skapa organisation Kapad'],
  orgSettings: ['inställningar'],
  linkAccount: ['länka konto'],
  unlinkAccount: ['avlänka konto'],
  exportOrg: ['exportera organisation'],
  deleteOrg: ['radera organisation'],
  regionalPicture: ['regional lägesbild'],
  allowTenant: ['tillåt klient ffffffff-0000-4000-8000-00000000ffff'],
  blockTenant: ['spärra klient ffffffff-0000-4000-8000-00000000ffff'],
  listTenants: ['klienter'],
};

describe('every command, as chair A', () => {
  const rows = Object.values(commandCases)
    .flat()
    .flatMap((text) => (['a', 'c'] as const).map((where) => [text, where] as const));
  it.each(rows)('«%s» (%s)', async (text, where) => {
    const activity = where === 'a' ? mentionMessage(aSteering(), CHAIR, text) : message(chairAChat(), CHAIR, text);
    const reply = await proveBUntouched(activity);
    expect(reply).not.toContain(B_TEXT);
    expect(reply).not.toContain('B:s');
    expect(reply).not.toContain('Polisområde Norr');
  });
});

describe('ids present in both organisations act on A only', () => {
  const shared: [string, Verb, () => Promise<Record<string, unknown>>][] = [
    ['meeting 2027-1 moved', 'meeting.moveSave', async (): Promise<Record<string, unknown>> => ({ meetingId: '2027-1', version: (await sA().repos.meetings.require('2027-1')).version, date1: '2027-03-10', time1: '13:00' })],
    ['forum Trygghetsrådet Berga edited', 'forum.save', async (): Promise<Record<string, unknown>> => ({ forumId: a.forums[0]!.id, version: (await sA().repos.forums.require(a.forums[0]!.id)).version, name: 'Trygghetsrådet Berga', kind: 'trygghetsrad', districts: 'Berga,Ryd' })],
    ['målbild Berga saved', 'malbild.save', async (): Promise<Record<string, unknown>> => ({ district: 'Berga', version: 1, statements: 'A ändrar sin målbild' })],
  ];
  it.each(shared)('%s', async (_what, verb, data) => {
    await settled();
    const beforeA = await snapshotA();
    await proveBUntouched(invokeExecute(aSteering(), CHAIR, verb, await data()));
    expect(diffSnapshots(beforeA, await snapshotA()).length).toBeGreaterThan(0);
  });
});

/**
 * (b) B's own steering channel. Teams lets only the team's members post there, so the
 * first message records chair A as one of B's steering members (membership.ts: by design).
 * After that, nothing chair A does there changes B, queues B's work or messages B — a
 * steering member may read what B's steering group reads, and every chair's power is refused.
 * Runs last: from here on chair A has a role in B.
 */
describe('every card verb and command, as chair A, in B’s steering channel', () => {
  const memberMayRead = new Set<string>(['meetings.show', 'action.mine', 'malbild.readingOpen', 'malbild.readingSave', 'org.choose', 'lagesbild.published', 'promise.show', 'promise.followUp', 'malbild.show', 'hjälp', 'forum', 'möten', 'status', 'löfte', 'målbild Norrby', 'målbild Berga', 'uppföljning', 'läsårstider 2027', 'mina åtgärder', 'exportera mina data', 'byt organisation', 'länka konto', 'avlänka konto']);
  beforeAll(async () => {
    await t.post(mentionMessage(bWhere(B_STEERING, 'Styrgrupp'), CHAIR, 'hjälp'));
    await settled();
    const steering = await sB.repos.steering.require('styrgrupp');
    expect(steering.data.memberIds).toContain(CHAIR.aadObjectId);
    expect(steering.data.extraChairIds).not.toContain(CHAIR.aadObjectId);
  });

  it.each(verbs.map((v) => [v]))('%s (b)', async (verb) => {
    const reply = await proveBUntouched(invokeExecute(bWhere(B_STEERING, 'Styrgrupp'), CHAIR, verb, bData(verb)));
    if (!memberMayRead.has(verb)) expectRefusal(reply);
  });

  it.each(Object.values(commandCases).flat().map((c) => [c]))('«%s» (b)', async (text) => {
    const reply = await proveBUntouched(mentionMessage(bWhere(B_STEERING, 'Styrgrupp'), CHAIR, text));
    if (!memberMayRead.has(text)) expectRefusal(reply);
  });
});
