import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationKey } from '../../src/domain/conversation.js';
import { sv } from '../../src/i18n/sv.js';
import { createOrganisation } from '../../src/services/orgs/createOrganisation.js';
import type { Services } from '../../src/services/services.js';
import { deleteRegionalPicturesOf } from '../../src/services/regional/regionalPlatform.js';
import { requestRegional, resolveRegionalSources } from '../../src/services/regional/regionalRequest.js';
import { STEERING_ID } from '../../src/domain/steering.js';
import { regionalJobId } from '../../jobs/processors/regionalCompile.js';
import { ORG_SETTINGS_ID } from '../../src/store/organisations.js';
import { channel, CHAIR, invokeExecute, mentionMessage, message, TENANT, type Where } from '../support/activities.js';
import { cardOf, isCard, linksOf, MARK, posts, updatesOf } from '../support/lagesbild.js';
import { approveAndPublish, compileNow, seedOrganisation, STEERING_REGIONAL } from '../support/regional.js';
import { scanKeys } from '../support/services.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Black box through /api/messages: a kommunpolis sits in the steering groups of the home
 * organisation (Alderby) and of Björkvik (created later, its own team). Both have a
 * published lägesbild. `regional lägesbild` in her personal chat is refused while
 * Björkvik's chairs have not turned sharing on (naming Björkvik); with sharing on in both
 * (the settings card), the real compile worker builds the picture, her progress card turns
 * into the picture with signed links, the reports hold both municipalities and a question
 * asked in both; Björkvik turning sharing off makes the links answer 410.
 */
const POLIS = { id: '29:polis-teams-id', aadObjectId: 'dddddddd-0000-4000-8000-0000000000d1', name: 'Polis Påhittad' };
const CHAIR_B = { id: '29:chair-b-teams-id', aadObjectId: 'bbbbbbbb-0000-4000-8000-0000000000b1', name: 'Ordförande Björk' };
const ONLY_A = { id: '29:only-a-teams-id', aadObjectId: 'eeeeeeee-0000-4000-8000-0000000000e1', name: 'Medlem Ensam' };
const STEERING_B = '19:steering-bjorkvik@thread.tacv2';
const TEAM_B = '19:team-bjorkvik@thread.tacv2';

let t: TestRuntime;
let a: Services;
let b: Services;

const personal = (id: string): Where => ({ conversationId: id, conversationType: 'personal', serviceUrl: t.connector.url });
const polisChat = () => personal('a:polis-personal');
const inTeamB = <A extends { channelData: Record<string, unknown> }>(activity: A): A => ({ ...activity, channelData: { ...activity.channelData, team: { id: TEAM_B, name: 'Trygghet Björkvik' } } });
const get = (url: string) => fetch(url.replace('https://samverkan.example.se', t.botUrl));

/** A chair saves the settings card in the organisation's steering channel. */
async function saveSettings(s: Services, chair: typeof CHAIR, where: Where, form: Record<string, string>, team?: 'b'): Promise<void> {
  const version = (await s.platform.repos.orgs.settingsRepository(s.org.id).require(ORG_SETTINGS_ID)).version;
  const invoke = invokeExecute(where, chair, 'org.settingsSave', { version, ...form });
  const res = await t.post(team ? inTeamB(invoke) : invoke);
  expect(JSON.stringify(res.body)).toContain('sparade');
}

async function askRegional(text = 'regional lägesbild'): Promise<{ reply: string; at: number }> {
  const before = t.connector.to(polisChat().conversationId).length;
  await t.post(message(polisChat(), POLIS, text));
  await eventually(() => t.connector.to(polisChat().conversationId).length > before, 'a reply in the personal chat');
  const reply = t.connector.to(polisChat().conversationId)[before]!;
  return { reply: cardOf(reply), at: before };
}

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2026-12-01T09:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, LINK_SECRET: 'r'.repeat(40), REPORT_LINK_TTL_MINUTES: '60' } });
  a = t.runtime.services;
  await seedOrganisation(a, { forums: 4, answered: 4 });
  // She acts in Alderby's steering channel (a member there now); so does a colleague who sits only there.
  const steeringA = channel(t.connector.url, STEERING_REGIONAL, 'Styrgrupp');
  await t.post(mentionMessage(steeringA, POLIS, 'hjälp'));
  await t.post(mentionMessage(steeringA, ONLY_A, 'hjälp'));
  await t.post(message(personal('a:only-a-personal'), ONLY_A, 'hjälp'));
  await saveSettings(a, CHAIR, steeringA, { name: 'Alderby kommun' });
}, 60_000);
afterAll(async () => {
  await t?.cleanup();
});

describe('regional lägesbild through the bot', () => {
  it('a steering member of one organisation only is told so, and no job is queued', async () => {
    const { reply } = await askRegional();
    expect(reply).toContain(sv.regional.onlyOne('Alderby kommun'));
    const before = t.connector.to('a:only-a-personal').length;
    await t.post(message(personal('a:only-a-personal'), ONLY_A, 'regional lägesbild'));
    await eventually(() => t.connector.to('a:only-a-personal').length > before, 'reply to the colleague');
    expect(cardOf(t.connector.to('a:only-a-personal')[before]!)).toContain(sv.regional.onlyOne('Alderby kommun'));
    expect(await t.runtime.platform.queues.compile.getJobCounts('waiting', 'active', 'completed', 'failed')).toEqual({ waiting: 0, active: 0, completed: 0, failed: 0 });
  });

  it('in a channel it is refused: the picture is for the personal chat', async () => {
    await t.post(mentionMessage(channel(t.connector.url, STEERING_REGIONAL, 'Styrgrupp'), POLIS, 'regional lägesbild'));
    const reply = await t.connector.waitFor((r) => r.conversationId === STEERING_REGIONAL && cardOf(r).includes(sv.regional.notPersonal.slice(0, 30)));
    expect(cardOf(reply)).toContain(sv.regional.notPersonal);
  });

  it('with Björkvik created and published but its sharing off: refused, naming Björkvik only', async () => {
    const created = await createOrganisation(t.runtime.platform, { name: 'Björkvik kommun', actor: CHAIR_B.aadObjectId, conversationId: STEERING_B, convKey: conversationKey(STEERING_B), teamId: TEAM_B, tenantId: TENANT });
    if (!created.ok) throw new Error('Björkvik not created');
    b = created.s;
    await seedOrganisation(b, { forums: 5, answered: 3 });
    await t.post(inTeamB(mentionMessage(channel(t.connector.url, STEERING_B, 'Styrgrupp'), POLIS, 'hjälp')));
    expect((await b.repos.steering.require('styrgrupp')).data.memberIds).toContain(POLIS.aadObjectId);
    for (const s of [a, b]) {
      await compileNow(s);
      await approveAndPublish(s);
    }
    await saveSettings(a, CHAIR, channel(t.connector.url, STEERING_REGIONAL, 'Styrgrupp'), { sharing: 'true' });

    const { reply } = await askRegional();
    expect(reply).toContain(sv.regional.sharingOff('Björkvik kommun'));
    expect(reply).not.toContain('Alderby');
    expect(await t.runtime.platform.queues.compile.getJobCounts('waiting', 'active', 'completed', 'failed')).toMatchObject({ waiting: 0, active: 0 });
  }, 60_000);

  let htmlLink = '';
  let jsonLink = '';

  it('sharing on in both: the job runs, the progress card becomes the picture with signed links that open', async () => {
    await saveSettings(b, CHAIR_B, channel(t.connector.url, STEERING_B, 'Styrgrupp'), { sharing: 'true' }, 'b');
    const { reply, at } = await askRegional('regional lägesbild 2027');
    expect(reply).toContain(sv.regional.queued);
    const chat = polisChat().conversationId;
    const postedCards = posts(t, chat).filter(isCard);
    expect(postedCards).toHaveLength(1);
    expect(t.connector.to(chat).length).toBe(at + 1);

    // The card posted under the anchor (Alderby: first by name) is the one updated in place.
    const cardKeys = (await scanKeys(t.runtime.redis, `${t.runtime.platform.config.KEY_PREFIX}:done:regional-card:*`)).map((k) => k.split(':done:regional-card:')[1]!);
    expect(cardKeys).toHaveLength(1);
    const posted = await a.repos.markers.getCard(cardKeys[0]!);
    expect(posted).not.toBeNull();
    await eventually(() => updatesOf(t, chat, posted!.activityId).some((u) => cardOf(u).includes('Regional lägesbild: Alderby kommun, Björkvik kommun')), 'the card updated with the picture', 30_000);
    const done = updatesOf(t, chat, posted!.activityId).find((u) => cardOf(u).includes('Regional lägesbild: Alderby kommun'))!;
    // No second message: only updates.
    expect(posts(t, chat).filter(isCard)).toHaveLength(1);
    const links = linksOf(done.activity.attachments![0]!.content);
    expect(links).toHaveLength(4);
    for (const l of links) expect(l).toMatch(/^https:\/\/samverkan\.example\.se\/reports\/regional\/[0-9a-f]{32}\/[A-Za-z0-9-]+\.(html|md|csv|json)\?/);
    htmlLink = links.find((l) => l.includes('.html'))!;
    jsonLink = links.find((l) => l.includes('.json'))!;

    const html = await get(htmlLink);
    expect(html.status).toBe(200);
    const page = await html.text();
    expect(page).toContain('Alderby kommun');
    expect(page).toContain('Björkvik kommun');
    expect(page).not.toContain(MARK.kanslig);

    const json = await get(jsonLink);
    expect(json.status).toBe(200);
    const body = (await json.json()) as { regional: { municipalities: { orgName: string }[]; questions: { groups: { text: string; municipalities: { orgName: string }[] }[] } } };
    expect(body.regional.municipalities.map((m) => m.orgName)).toEqual(['Alderby kommun', 'Björkvik kommun']);
    const merged = body.regional.questions.groups.filter((g) => g.municipalities.length === 2);
    expect(merged.length).toBeGreaterThan(0);
    expect(merged[0]!.municipalities.map((m) => m.orgName)).toEqual(['Alderby kommun', 'Björkvik kommun']);
    expect(JSON.stringify(body)).not.toContain(MARK.kanslig);

    // A tampered link is refused.
    expect((await get(jsonLink.replace(/sig=[^&]+/, 'sig=AAAA'))).status).toBe(403);
    // Each read is in each source's report reads.
    for (const s of [a, b]) {
      const reads = await s.repos.reportReads.list();
      expect(reads.filter((r) => r.what.startsWith('/reports/regional/')).map((r) => r.what.split('.').pop()!.split('?')[0])).toEqual(expect.arrayContaining(['html', 'json']));
    }
  }, 60_000);

  it('the job checks membership again: an organisation whose steering group she left since asking is no source', async () => {
    const p = t.runtime.platform;
    const both = [a.org.id, b.org.id];
    expect((await resolveRegionalSources(p, POLIS.aadObjectId, both)).map((x) => x.orgName)).toEqual(['Alderby kommun', 'Björkvik kommun']);
    // Someone who sits in neither (a forged or stale job) gets nothing from either.
    expect(await resolveRegionalSources(p, ONLY_A.aadObjectId.replace('e', 'f'), both)).toEqual([]);
    expect((await resolveRegionalSources(p, ONLY_A.aadObjectId, both)).map((x) => x.orgName)).toEqual(['Alderby kommun']);

    const steering = await b.repos.steering.require(STEERING_ID);
    await b.repos.steering.update(STEERING_ID, steering.version, { ...steering.data, memberIds: steering.data.memberIds.filter((id) => id !== POLIS.aadObjectId) }, CHAIR_B.aadObjectId);
    try {
      expect((await resolveRegionalSources(p, POLIS.aadObjectId, both)).map((x) => x.orgName)).toEqual(['Alderby kommun']);
    } finally {
      const now = await b.repos.steering.require(STEERING_ID);
      await b.repos.steering.update(STEERING_ID, now.version, steering.data, CHAIR_B.aadObjectId);
    }
  });

  it('Björkvik turns sharing off: the links answer 410', async () => {
    await saveSettings(b, CHAIR_B, channel(t.connector.url, STEERING_B, 'Styrgrupp'), { sharing: 'false' }, 'b');
    expect((await get(jsonLink)).status).toBe(410);
    expect((await get(htmlLink)).status).toBe(410);
  });

  it('a job that finds sharing turned off since the command is refused once (no retry), and the card says why', async () => {
    const chat = polisChat().conversationId;
    const before = posts(t, chat).length;
    // As if Björkvik's chair turned sharing off between the command and the job: no card posted yet, so the refusal is posted.
    await requestRegional(t.runtime.platform, { pid: POLIS.aadObjectId, run: 'refused-1', orgIds: [a.org.id, b.org.id], conversationId: chat });
    await eventually(() => posts(t, chat).length > before, 'the refusal card', 30_000);
    const refused = posts(t, chat).slice(before);
    expect(refused).toHaveLength(1);
    expect(isCard(refused[0]!)).toBe(true);
    expect(cardOf(refused[0]!)).toContain(sv.regional.sharingOff('Björkvik kommun'));
    const job = await t.runtime.platform.queues.compile.getJob(regionalJobId(POLIS.aadObjectId, 'refused-1'));
    expect(job?.attemptsMade).toBe(1);
    expect(await job?.getState()).toBe('failed');
  }, 40_000);

  it('a year that cannot be one is refused before anything is queued', async () => {
    const { reply } = await askRegional('regional lägesbild 1999');
    expect(reply).toContain(sv.regional.badYear);
  });

  it('deleting an organisation can delete the pictures drawn from it', async () => {
    expect(await deleteRegionalPicturesOf(t.runtime.platform, b.org.id)).toBe(1);
    await saveSettings(b, CHAIR_B, channel(t.connector.url, STEERING_B, 'Styrgrupp'), { sharing: 'true' }, 'b');
    expect((await get(jsonLink)).status).toBe(404);
  });
});
