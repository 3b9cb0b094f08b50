import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationKey } from '../../src/domain/conversation.js';
import { sv } from '../../src/i18n/sv.js';
import { createOrganisation } from '../../src/services/orgs/createOrganisation.js';
import type { Services } from '../../src/services/services.js';
import { CHAIR, channel, invokeExecute, mentionMessage, message, type Where } from '../support/activities.js';
import type { CapturedActivity } from '../support/fakeConnector.js';
import { seedAction, seedPromise } from '../support/promise.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Black box, two organisations (the home one, A, and Kinnestad, B): a chair of both, and a
 * person whose two linked accounts (two tenants) each have a role in one of them. Their
 * personal chats ask which organisation a command is about, run it there once chosen,
 * remember the choice for the person, and span both organisations for `mina åtgärder`,
 * `exportera mina data` and the weekly digest.
 */
const TENANT_B = '22222222-bbbb-4000-8000-000000000002';
const ANNA_A = { id: '29:anna-a', aadObjectId: 'aaaaaaaa-1111-4000-8000-0000000000a1', name: 'Anna Påhittad' };
const ANNA_B = { id: '29:anna-b', aadObjectId: 'bbbbbbbb-2222-4000-8000-0000000000b2', name: 'Anna Påhittad' };
const STEERING_A = '19:a-steering@thread.tacv2';
const STEERING_B = '19:b-steering@thread.tacv2';
const TEAM_B = '19:team-b@thread.tacv2';
const B_NAME = 'Kinnestads kommun';

let t: TestRuntime;
let a: Services;
let b: Services;
const personal = (id: string): Where => ({ conversationId: id, conversationType: 'personal', serviceUrl: t.connector.url });
const chairChat = () => personal('a:chair-personal');
const annaAChat = () => personal('a:anna-a-personal');
const annaBChat = () => personal('a:anna-b-personal');

/** The same activity from tenant B (and, in a channel, team B). */
function inB<A extends { conversation: object; channelData: Record<string, unknown> }>(activity: A): A {
  const team = activity.channelData.team ? { team: { id: TEAM_B, name: 'Kinnestad' } } : {};
  return { ...activity, conversation: { ...activity.conversation, tenantId: TENANT_B }, channelData: { ...activity.channelData, ...team, tenant: { id: TENANT_B } } };
}

const contentOf = (r: CapturedActivity) => JSON.stringify(r.activity.attachments?.[0]?.content ?? r.activity.text ?? '');
type Card = { body?: unknown[]; actions?: { data?: Record<string, unknown> }[] };

/** Posts and waits for the next reply in that conversation. */
async function ask(activity: { conversation: { id: string } }): Promise<CapturedActivity> {
  const since = t.connector.received.length;
  await t.post(activity);
  return t.connector.waitFor((r) => t.connector.received.indexOf(r) >= since && r.conversationId === activity.conversation.id);
}

/** Every Action.Execute in a card, wherever it is. */
function executes(node: unknown): { verb: string; data: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap(executes);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'Action.Execute' ? [{ verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown> }] : [];
  return [...own, ...Object.values(o).flatMap(executes)];
}

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-03-01T08:00:00Z'), env: { CHAIR_IDS: `${CHAIR.aadObjectId},${ANNA_A.aadObjectId}` } });
  a = t.runtime.services;
  // A: its steering channel registered while it is the only organisation; Anna (account A) is seen there.
  await ask(mentionMessage(channel(t.connector.url, STEERING_A, 'Styrgrupp'), CHAIR, 'registrera styrgrupp'));
  await ask(mentionMessage(channel(t.connector.url, STEERING_A, 'Styrgrupp'), ANNA_A, 'hjälp'));
  // B: created by the chair in another team; Anna's account B becomes a chair there and is seen in its channel.
  const created = await createOrganisation(t.runtime.platform, { name: B_NAME, actor: CHAIR.aadObjectId, conversationId: STEERING_B, convKey: conversationKey(STEERING_B), teamId: TEAM_B, tenantId: TENANT_B });
  if (!created.ok) throw new Error('B not created');
  b = created.s;
  await b.repos.steering.mutate('styrgrupp', CHAIR.aadObjectId, 'add-chair', (cur) => (cur ? { ...cur, extraChairIds: [ANNA_B.aadObjectId] } : null));
  await ask(inB(mentionMessage(channel(t.connector.url, STEERING_B, 'Styrgrupp'), ANNA_B, 'hjälp')));
  // Anna links her two accounts (a code shown in A's chat, typed in B's).
  const shownCode = contentOf(await ask(message(annaAChat(), ANNA_A, 'länka konto')));
  const code = /\*\*(\d{4} \d{4})\*\*/.exec(shownCode)![1]!;
  await ask(inB(message(annaBChat(), ANNA_B, `länka konto ${code}`)));
  expect((await a.repos.personLinks.accountsOf(ANNA_A.aadObjectId)).accounts).toHaveLength(2);
}, 60_000);

afterAll(async () => {
  await t?.cleanup();
});

describe('a personal chat of someone in two organisations', () => {
  it('asks which organisation, with the command waiting on the card', async () => {
    const reply = await ask(message(chairChat(), CHAIR, 'inställningar'));
    const card = reply.activity.attachments![0]!.content as Card;
    expect(contentOf(reply)).toContain(sv.organisations.chooseTitle);
    expect(executes(card).map((e) => e.data).sort((x, y) => String(x.choice).localeCompare(String(y.choice)))).toEqual(
      [a.org.id, b.org.id].sort().map((id) => expect.objectContaining({ choice: id, cmd: 'inställningar' })),
    );
  });

  it('choosing runs the waiting command in the chosen organisation', async () => {
    const since = t.connector.received.length;
    const res = await t.post(invokeExecute(chairChat(), CHAIR, 'org.choose', { choice: b.org.id, cmd: 'inställningar' }));
    expect(JSON.stringify(res.body)).toContain(`Nu gäller den här chatten **${B_NAME}**`);
    const settings = await t.connector.waitFor((r) => t.connector.received.indexOf(r) >= since && r.conversationId === chairChat().conversationId);
    expect(contentOf(settings)).toContain(sv.organisations.settingsTitle(B_NAME));
    // Its buttons act in B.
    expect(executes(settings.activity.attachments![0]!.content).every((e) => e.data.org === b.org.id)).toBe(true);
  });

  it('the choice is remembered; byt organisation asks again', async () => {
    expect(contentOf(await ask(message(chairChat(), CHAIR, 'inställningar')))).toContain(sv.organisations.settingsTitle(B_NAME));
    expect(contentOf(await ask(message(chairChat(), CHAIR, 'byt organisation')))).toContain(sv.organisations.chooseTitle);
  });

  it('status waits for the choice too, and runs once chosen', async () => {
    expect(contentOf(await ask(message(chairChat(), CHAIR, 'byt organisation')))).toContain(sv.organisations.chooseTitle);
    await t.post(invokeExecute(chairChat(), CHAIR, 'org.choose', { choice: a.org.id }));
    // Chosen without a command: nothing else is sent; then status runs in A.
    const before = t.connector.to(chairChat().conversationId).length;
    const res = await t.post(invokeExecute(chairChat(), CHAIR, 'org.choose', { choice: a.org.id, cmd: 'status' }));
    expect(JSON.stringify(res.body)).toContain('Nu gäller den här chatten');
    await t.connector.waitFor(() => t.connector.to(chairChat().conversationId).length > before);
    expect(contentOf(t.connector.to(chairChat().conversationId).at(-1)!)).not.toContain(sv.organisations.chooseTitle);
  });
});

describe('a person with linked accounts in two tenants', () => {
  it('gets the choice in either chat; choosing B acts as the account that has the role there', async () => {
    const reply = await ask(message(annaAChat(), ANNA_A, 'inställningar'));
    expect(contentOf(reply)).toContain(sv.organisations.chooseTitle);
    expect(executes(reply.activity.attachments![0]!.content).map((e) => e.data.choice).sort()).toEqual([a.org.id, b.org.id].sort());
    const since = t.connector.received.length;
    await t.post(invokeExecute(annaAChat(), ANNA_A, 'org.choose', { choice: b.org.id, cmd: 'inställningar' }));
    // Account A is no chair of B: only account B's role lets this through.
    const settings = await t.connector.waitFor((r) => t.connector.received.indexOf(r) >= since && r.conversationId === annaAChat().conversationId);
    expect(contentOf(settings)).toContain(sv.organisations.settingsTitle(B_NAME));
  });

  it('the choice holds in the other account’s chat (remembered per person)', async () => {
    expect(contentOf(await ask(inB(message(annaBChat(), ANNA_B, 'inställningar'))))).toContain(sv.organisations.settingsTitle(B_NAME));
  });
});

describe('person-wide commands', () => {
  let actionB = '';

  beforeAll(async () => {
    const pa = await seedPromise(a);
    const pb = await seedPromise(b);
    await seedAction(a, pa.promiseId, pa.commitmentId, { aadObjectId: CHAIR.aadObjectId, name: CHAIR.name }, '2027-03-05', 'Åtgärd i A');
    actionB = (await seedAction(b, pb.promiseId, pb.commitmentId, { aadObjectId: CHAIR.aadObjectId, name: CHAIR.name }, '2027-03-12', 'Åtgärd i B')).action.id;
    await seedAction(a, pa.promiseId, pa.commitmentId, { aadObjectId: ANNA_A.aadObjectId, name: ANNA_A.name }, '2027-03-10', 'Annas åtgärd i A');
    await seedAction(b, pb.promiseId, pb.commitmentId, { aadObjectId: ANNA_B.aadObjectId, name: ANNA_B.name }, '2027-03-11', 'Annas åtgärd i B');
  });

  it('mina åtgärder lists both organisations’ items, grouped by name; an update button acts in B', async () => {
    const reply = await ask(message(chairChat(), CHAIR, 'mina åtgärder'));
    const text = contentOf(reply);
    const aName = a.org.settings.data.name;
    expect(text).toContain(`**${aName}**`);
    expect(text).toContain(`**${B_NAME}**`);
    expect(text.indexOf('Åtgärd i A')).toBeGreaterThan(text.indexOf(`**${aName}**`));
    expect(text.indexOf('Åtgärd i B')).toBeGreaterThan(text.indexOf(`**${B_NAME}**`));
    const buttons = executes(reply.activity.attachments![0]!.content);
    const inB = buttons.find((x) => x.data.actionId === actionB)!;
    expect(inB.data.org).toBe(b.org.id);
    expect(buttons.filter((x) => x.data.org === a.org.id)).toHaveLength(1);
    // The chat is about A now; the button still opens B's item.
    const res = await t.post(invokeExecute(chairChat(), CHAIR, inB.verb, inB.data));
    expect(JSON.stringify(res.body)).toContain('Åtgärd i B');
  });

  it('mina åtgärder spans linked accounts', async () => {
    const text = contentOf(await ask(message(annaAChat(), ANNA_A, 'mina åtgärder')));
    expect(text).toContain('Annas åtgärd i A');
    expect(text).toContain('Annas åtgärd i B');
  });

  it('exportera mina data holds both organisations (and, for a linked person, both accounts)', async () => {
    for (const [who, where, accounts] of [
      [CHAIR, chairChat(), 1],
      [ANNA_A, annaAChat(), 2],
    ] as const) {
      const card = contentOf(await ask(message(where, who, 'exportera mina data')));
      expect(card).toContain(B_NAME);
      const link = /"url":"([^"]+)"/.exec(card)![1]!;
      expect(link).toMatch(/^https:\/\/samverkan\.example\.se\/exports\/[A-Za-z0-9_-]+\.json\?exp=\d+&sig=/);
      const res = await fetch(link.replace('https://samverkan.example.se', t.botUrl));
      expect(res.status).toBe(200);
      const data = (await res.json()) as { orgs: { org: string; name: string; actionItems: { text: string }[] }[]; links: { accounts: unknown[] } };
      expect(data.orgs.map((o) => o.org).sort()).toEqual([a.org.id, b.org.id].sort());
      expect(data.orgs.find((o) => o.org === b.org.id)!.name).toBe(B_NAME);
      expect(data.orgs.flatMap((o) => o.actionItems).length).toBe(2);
      expect(data.links.accounts).toHaveLength(accounts);
    }
  });

  it('the weekly digest: one per person, with a section per organisation', async () => {
    t.clock.set('2027-03-08T07:00:00Z');
    const since = t.connector.received.length;
    expect(await t.runtime.scheduler!.promise.digest()).toBe(true);
    const digests = () => t.connector.received.filter((r, i) => i >= since && contentOf(r).includes('Veckans läge'));
    await t.connector.waitFor((r) => t.connector.received.indexOf(r) >= since && r.conversationId === chairChat().conversationId && contentOf(r).includes('Veckans läge'));
    await t.connector.waitFor((r) => t.connector.received.indexOf(r) >= since && r.conversationId === annaAChat().conversationId && contentOf(r).includes('Veckans läge'));
    await new Promise((r) => setTimeout(r, 1000));
    // The chair, and Anna in the chat of her first account; no steering channel (every chair has a personal chat).
    expect(digests().map((d) => d.conversationId).sort()).toEqual([annaAChat().conversationId, chairChat().conversationId].sort());
    for (const d of digests()) {
      const text = contentOf(d);
      expect(text).toContain(a.org.settings.data.name);
      expect(text).toContain(B_NAME);
      expect(text).toContain('Åtgärd i A');
      expect(text).toContain('Åtgärd i B');
      const orgs = executes(d.activity.attachments![0]!.content).map((e) => e.data.org);
      expect(orgs.sort()).toEqual([a.org.id, b.org.id].sort());
    }
    const jobs = await t.runtime.platform.queues.notify.getJobs(['completed', 'waiting', 'active', 'delayed', 'prioritized']);
    expect(jobs.filter((j) => j.name === 'promise.digest').map((j) => j.id).every((id) => /^u\..+\.digest-2027-W10$/.test(String(id)))).toBe(true);
  });
});
