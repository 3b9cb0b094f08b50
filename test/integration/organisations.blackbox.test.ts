import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationKey } from '../../src/domain/conversation.js';
import { sv } from '../../src/i18n/sv.js';
import { confirmPlan } from '../../src/services/meetings.js';
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import type { Services } from '../../src/services/services.js';
import { CHAIR, MEMBER, botAdded, channel, invokeExecute, message, mentionMessage, type Where } from '../support/activities.js';
import { actionData } from '../support/cardData.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Issue 12, items 1, 2 and 4 through /api/messages: an operator creates a second
 * municipality's organisation in its own team; its chair edits the settings on a card;
 * each channel belongs to its organisation; a personal chat asks once and remembers.
 */
const OPERATOR = { id: '29:operator', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000op', name: 'Drift Påhittad' };
const KINNESTAD_CHAIR = { id: '29:kinnestad-chair', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000kc', name: 'Karin Påhittad' };
const KINNESTAD_TEAM = '19:kinnestad-team@thread.tacv2';
const KINNESTAD_TENANT = '99999999-2222-3333-4444-555555555555';

let t: TestRuntime;

/** The card an invoke answered with, as text. */
const textOf = (res: { body: unknown }) => JSON.stringify((res.body as { value?: unknown } | undefined)?.value ?? res.body);

/** An activity from another team (and tenant) than the test helpers' default one. */
function inTeam<T extends { channelData: Record<string, unknown>; conversation: Record<string, unknown> }>(a: T, teamId: string, tenantId: string): T {
  return {
    ...a,
    conversation: { ...a.conversation, tenantId },
    channelData: { ...a.channelData, tenant: { id: tenantId }, team: { id: teamId, name: 'Kinnestads kommun' } },
  };
}

const replyIn = async (conversationId: string, since: number) => {
  await t.connector.waitFor((r) => r.conversationId === conversationId && t.connector.received.indexOf(r) >= since, 10_000);
  return t.connector.received.filter((r, i) => i >= since && r.conversationId === conversationId);
};

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-01-12T09:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, OPERATOR_IDS: OPERATOR.aadObjectId } });
});

afterAll(async () => {
  await t?.cleanup();
});

describe('many organisations through /api/messages', () => {
  const linkopingSteering = (): Where => channel(t.connector.url, '19:lkpg-steering@thread.tacv2', 'Styrgrupp');
  const kinnestadSteering = (): Where => channel(t.connector.url, '19:kinnestad-steering@thread.tacv2', 'Styrgrupp');
  let kinnestad: Services;

  it('a fresh deployment with operators has no organisation; the upgraded/default one exists without', async () => {
    // OPERATOR_IDS set on a fresh deployment: organisations are created in Teams.
    expect(await t.runtime.platform.orgs.activeIds()).toEqual([]);
  });

  it('installed in a team of no organisation: the installer is told how one is made (the operator: by them, here)', async () => {
    const where = (id: string) => inTeam(botAdded(channel(t.connector.url, id, 'Allmänt'), OPERATOR), KINNESTAD_TEAM, KINNESTAD_TENANT);
    let n = t.connector.received.length;
    await t.post(where('19:kinnestad-general@thread.tacv2'));
    expect(JSON.stringify(await replyIn('19:kinnestad-general@thread.tacv2', n))).toContain(sv.organisations.welcomeOperator.slice(0, 60));
    n = t.connector.received.length;
    await t.post({ ...where('19:kinnestad-other@thread.tacv2'), from: { id: MEMBER.id, aadObjectId: MEMBER.aadObjectId, name: MEMBER.name } });
    const told = JSON.stringify(await replyIn('19:kinnestad-other@thread.tacv2', n));
    expect(told).toContain(sv.organisations.welcomeUnbound.slice(0, 60));
    expect(told).not.toContain('Du är operatör');
  });

  it('only an operator creates an organisation, only in a team channel, with a name', async () => {
    const n = t.connector.received.length;
    await t.post(inTeam(mentionMessage(kinnestadSteering(), MEMBER, 'skapa organisation Kinnestads kommun'), KINNESTAD_TEAM, KINNESTAD_TENANT));
    expect(JSON.stringify(await replyIn('19:kinnestad-steering@thread.tacv2', n))).toContain('Bara en operatör');
    const personal = { conversationId: 'a:operator-chat', conversationType: 'personal' as const, serviceUrl: t.connector.url };
    const m = t.connector.received.length;
    await t.post(message(personal, OPERATOR, 'skapa organisation Kinnestads kommun'));
    expect(JSON.stringify(await replyIn('a:operator-chat', m))).toContain('Skapa organisationen i en kanal');
    expect(await t.runtime.platform.orgs.activeIds()).toEqual([]);
  });

  it('creates Linköping and Kinnestad in their own teams; the creator is the chair; the same team is refused', async () => {
    let n = t.connector.received.length;
    await t.post(mentionMessage(linkopingSteering(), OPERATOR, 'skapa organisation Linköpings kommun'));
    expect(JSON.stringify(await replyIn('19:lkpg-steering@thread.tacv2', n))).toContain('Linköpings kommun** är skapad');
    n = t.connector.received.length;
    await t.post(inTeam(mentionMessage(kinnestadSteering(), KINNESTAD_CHAIR, 'skapa organisation Kinnestads kommun'), KINNESTAD_TEAM, KINNESTAD_TENANT));
    expect(JSON.stringify(await replyIn('19:kinnestad-steering@thread.tacv2', n))).toContain('Bara en operatör');
    // The operator creates it; then makes the municipality's own chair a chair (lägg till ordförande needs a mention: the settings suffice here).
    n = t.connector.received.length;
    await t.post(inTeam(mentionMessage(kinnestadSteering(), OPERATOR, 'skapa organisation Kinnestads kommun'), KINNESTAD_TEAM, KINNESTAD_TENANT));
    const replies = JSON.stringify(await replyIn('19:kinnestad-steering@thread.tacv2', n));
    expect(replies).toContain('Kinnestads kommun** är skapad');
    // The settings card follows, stamped with the new organisation.
    expect(replies).toContain('org.settingsSave');
    const ids = await t.runtime.platform.orgs.activeIds();
    expect(ids).toHaveLength(2);
    const all = await Promise.all(ids.map((id) => t.runtime.platform.orgs.require(id)));
    kinnestad = all.find((s) => s.org.settings.data.name === 'Kinnestads kommun')!;
    expect(kinnestad.config.CHAIR_IDS).toEqual([OPERATOR.aadObjectId]);
    expect(kinnestad.org.entry).toMatchObject({ teamId: KINNESTAD_TEAM, tenantId: KINNESTAD_TENANT, legacy: false });
    // A second organisation in a team that has one is refused.
    n = t.connector.received.length;
    await t.post(inTeam(mentionMessage(channel(t.connector.url, '19:kinnestad-other@thread.tacv2'), OPERATOR, 'skapa organisation Något annat'), KINNESTAD_TEAM, KINNESTAD_TENANT));
    expect(JSON.stringify(await replyIn('19:kinnestad-other@thread.tacv2', n))).toContain('hör redan till **Kinnestads kommun**');
    expect(await t.runtime.platform.orgs.activeIds()).toHaveLength(2);
    const audit = await t.runtime.platform.repos.orgs.auditLines();
    expect(audit.filter((a) => a.action === 'created')).toHaveLength(2);
  });

  it('installed in another channel of a bound team: the welcome names its organisation', async () => {
    const n = t.connector.received.length;
    await t.post(inTeam(botAdded(channel(t.connector.url, '19:kinnestad-ryd@thread.tacv2', 'Ryd'), MEMBER), KINNESTAD_TEAM, KINNESTAD_TENANT));
    expect(JSON.stringify(await replyIn('19:kinnestad-ryd@thread.tacv2', n))).toContain(sv.organisations.welcomeBound('Kinnestads kommun'));
  });

  it('each team’s channels belong to their organisation: `forum` lists only its own forums', async () => {
    await kinnestad.repos.forums.create(
      'trygghetsradet-norrby',
      { id: 'trygghetsradet-norrby', name: 'Trygghetsrådet Norrby', kind: 'trygghetsrad', districts: ['Norrby'], contacts: [], conversationId: '19:kinnestad-norrby@thread.tacv2', active: true, memberIds: [] },
      OPERATOR.aadObjectId,
    );
    let n = t.connector.received.length;
    await t.post(inTeam(mentionMessage(kinnestadSteering(), OPERATOR, 'forum'), KINNESTAD_TEAM, KINNESTAD_TENANT));
    expect(JSON.stringify(await replyIn('19:kinnestad-steering@thread.tacv2', n))).toContain('Trygghetsrådet Norrby');
    n = t.connector.received.length;
    await t.post(mentionMessage(linkopingSteering(), OPERATOR, 'forum'));
    expect(JSON.stringify(await replyIn('19:lkpg-steering@thread.tacv2', n))).not.toContain('Norrby');
  });

  it('a card of one organisation pressed in the other’s channel is refused, nothing written', async () => {
    const before = (await kinnestad.repos.forums.require('trygghetsradet-norrby')).version;
    const res = await t.post(mentionMessage(linkopingSteering(), OPERATOR, 'x'));
    expect(res.status).toBe(200);
    const forged = await t.post(invokeExecute(linkopingSteering(), OPERATOR, 'forum.deactivate', { forumId: 'trygghetsradet-norrby', version: before, org: kinnestad.org.id }));
    expect(textOf(forged)).toContain(sv.organisations.otherOrgCard);
    expect((await kinnestad.repos.forums.require('trygghetsradet-norrby')).version).toBe(before);
  });

  it('the chair edits the settings on a card: field errors, a stale card, a district in use, then saved', async () => {
    const n = t.connector.received.length;
    await t.post(inTeam(mentionMessage(kinnestadSteering(), OPERATOR, 'inställningar'), KINNESTAD_TEAM, KINNESTAD_TENANT));
    const [reply] = await replyIn('19:kinnestad-steering@thread.tacv2', n);
    const card = reply!.activity.attachments![0]!.content as Record<string, unknown>;
    const data = actionData(card, 'org.settingsSave');
    expect(data).toMatchObject({ org: kinnestad.org.id, version: 1 });
    const post = (form: Record<string, unknown>) => t.post(inTeam(invokeExecute(kinnestadSteering(), OPERATOR, 'org.settingsSave', { ...data, ...form }), KINNESTAD_TEAM, KINNESTAD_TENANT));

    const bad = await post({ name: 'K', time: '25:00', districts: 'Norrby, norrby', timeZone: 'Mars/Olympus' });
    for (const message of [sv.organisations.errors.name, sv.organisations.errors.time, sv.organisations.errors.districts, sv.organisations.errors.timeZone]) expect(textOf(bad)).toContain(message);
    const inUse = await post({ districts: 'Söderby, Västerby' });
    expect(textOf(inUse)).toContain('Trygghetsrådet Norrby');
    const saved = await post({ name: 'Kinnestads kommun', districts: 'Norrby, Söderby', time: '09:30', weekday: '2', sharing: 'true' });
    expect(textOf(saved)).toContain(sv.organisations.settingsSaved('Kinnestads kommun'));
    const stale = await post({ name: 'Kinnestad igen' });
    expect(textOf(stale)).toContain(sv.organisations.settingsStale);

    const fresh = await t.runtime.platform.orgs.require(kinnestad.org.id);
    expect(fresh.config.DISTRICTS).toEqual(['Norrby', 'Söderby']);
    expect(fresh.config.MEETING_TIME).toBe('09:30');
    expect(fresh.config.MEETING_WEEKDAY).toBe(2);
    expect(fresh.org.settings.data.regionalSharing).toBe(true);
    expect((await t.runtime.platform.repos.orgs.auditLines()).some((a) => a.action === 'sharing-on' && a.org === kinnestad.org.id)).toBe(true);
    // The other organisation's settings did not move.
    const other = (await t.runtime.platform.orgs.activeIds()).find((id) => id !== kinnestad.org.id)!;
    expect((await t.runtime.platform.orgs.require(other)).config.MEETING_TIME).toBe('13:00');
    kinnestad = fresh;
  });

  it('a new time zone moves every future meeting to its new instant (timeline follows); others keep theirs', async () => {
    const choices = proposeYearPlan(2027, kinnestad.planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time }));
    const meetings = await confirmPlan(kinnestad, 2027, choices, OPERATOR.aadObjectId);
    const delayBefore = (await kinnestad.queues.timeline.getJob(`tl-${meetings[0]!.id}-prompt`))!.opts.delay!;
    await t.post(inTeam(mentionMessage(kinnestadSteering(), OPERATOR, 'inställningar'), KINNESTAD_TEAM, KINNESTAD_TENANT));
    // The invitations of the plan arrive in the same channel: pick the settings card.
    const reply = await t.connector.waitFor((r) => r.conversationId === '19:kinnestad-steering@thread.tacv2' && JSON.stringify(r.activity).includes('org.settingsSave') && JSON.stringify(r.activity).includes('"version":2'));
    const data = actionData(reply.activity.attachments![0]!.content as Record<string, unknown>, 'org.settingsSave');
    const saved = await t.post(inTeam(invokeExecute(kinnestadSteering(), OPERATOR, 'org.settingsSave', { ...data, timeZone: 'Europe/Helsinki' }), KINNESTAD_TEAM, KINNESTAD_TENANT));
    expect(textOf(saved)).toContain(sv.organisations.rescheduled(3));
    const fresh = await t.runtime.platform.orgs.require(kinnestad.org.id);
    const m1 = await fresh.repos.meetings.require(meetings[0]!.id);
    expect(m1.data.sequence).toBe(1);
    const prompt = await fresh.queues.timeline.getJob(`tl-${m1.id}-prompt`);
    // Helsinki is an hour ahead of Stockholm: the same wall-clock time is an hour earlier.
    expect(prompt!.data.sequence).toBe(1);
    expect(delayBefore - prompt!.opts.delay!).toBe(3600_000);
  });

  it('in a personal chat, someone in both organisations is asked once and the choice is remembered', async () => {
    const home = (await t.runtime.platform.orgs.activeIds()).find((id) => id !== kinnestad.org.id)!;
    const linkoping = await t.runtime.platform.orgs.require(home);
    // The operator is the creator and chair of both; their personal chat:
    const personal = { conversationId: 'a:operator-chat', conversationType: 'personal' as const, serviceUrl: t.connector.url };
    await t.runtime.platform.repos.orgs.addMember(OPERATOR.aadObjectId, linkoping.org.id);
    await t.runtime.platform.repos.orgs.addMember(OPERATOR.aadObjectId, kinnestad.org.id);
    let n = t.connector.received.length;
    await t.post(message(personal, OPERATOR, 'möten'));
    const ask = JSON.stringify(await replyIn('a:operator-chat', n));
    expect(ask).toContain(sv.organisations.chooseTitle);
    expect(ask).toContain('Linköpings kommun');
    expect(ask).toContain('Kinnestads kommun');
    const chosen = await t.post(invokeExecute(personal, OPERATOR, 'org.choose', { choice: kinnestad.org.id, cmd: 'möten' }));
    expect(textOf(chosen)).toContain(sv.organisations.chosen('Kinnestads kommun'));
    n = t.connector.received.length;
    await t.post(message(personal, OPERATOR, 'möten'));
    const listed = JSON.stringify(await replyIn('a:operator-chat', n));
    expect(listed).not.toContain(sv.organisations.chooseTitle);
    expect(listed).toContain('2027');
    // Someone who is not in that organisation cannot choose it.
    const forged = await t.post(invokeExecute({ ...personal, conversationId: 'a:member-chat' }, MEMBER, 'org.choose', { choice: kinnestad.org.id }));
    expect(textOf(forged)).toContain(sv.errors.notAllowed.slice(0, 30));
    n = t.connector.received.length;
    await t.post(message(personal, OPERATOR, 'byt organisation'));
    expect(JSON.stringify(await replyIn('a:operator-chat', n))).toContain(sv.organisations.chooseTitle);
    // In a channel, switching does not apply.
    n = t.connector.received.length;
    await t.post(mentionMessage(linkopingSteering(), OPERATOR, 'byt organisation'));
    expect(JSON.stringify(await replyIn('19:lkpg-steering@thread.tacv2', n))).toContain('bara din personliga chatt');
  });

  it('the bindings are recorded: each steering channel and team maps to its organisation', async () => {
    const reg = t.runtime.platform.repos.orgs;
    expect(await reg.boundOrg(conversationKey('19:kinnestad-steering@thread.tacv2'), undefined)).toBe(kinnestad.org.id);
    expect(await reg.boundOrg('unknown', KINNESTAD_TEAM)).toBe(kinnestad.org.id);
    expect(await reg.boundOrg(conversationKey('19:lkpg-steering@thread.tacv2'), undefined)).not.toBe(kinnestad.org.id);
  });
});
