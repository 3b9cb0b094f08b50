import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPersonalData } from '../../src/services/privacy/exportData.js';
import { sv } from '../../src/i18n/sv.js';
import { channel, invokeExecute, mentionMessage, message, type Where } from '../support/activities.js';
import { captureLogs } from '../support/logCapture.js';
import { scanKeys } from '../support/services.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Black box: one person with two accounts in two tenants (a municipality where she is a
 * guest, and the police), each with its own personal chat, links them with a one-time
 * code through /api/messages, is told in both chats, and unlinks through the card.
 */
const KOMMUN = '11111111-aaaa-4000-8000-000000000001';
const POLIS = '22222222-bbbb-4000-8000-000000000002';
const ANNA_KOMMUN = { id: '29:anna-kommun', aadObjectId: 'aaaaaaaa-1111-4000-8000-0000000000a1', name: 'Anna Påhittad' };
const ANNA_POLIS = { id: '29:anna-polis', aadObjectId: 'bbbbbbbb-2222-4000-8000-0000000000b2', name: 'Anna Påhittad' };
const GISSARE = { id: '29:gissare', aadObjectId: 'cccccccc-3333-4000-8000-0000000000c3', name: 'Gissare Påhittad' };

let t: TestRuntime;
let lines: string[];
beforeAll(async () => {
  const logs = captureLogs('debug');
  lines = logs.lines;
  t = await startTestRuntime({ now: new Date('2027-01-10T08:00:00Z'), log: logs.log });
});
afterAll(async () => {
  await t?.cleanup();
});

const personal = (id: string): Where => ({ conversationId: id, conversationType: 'personal', serviceUrl: t.connector.url });
const chatKommun = () => personal('a:anna-kommun-personal');
const chatPolis = () => personal('a:anna-polis-personal');
const chatGissare = () => personal('a:gissare-personal');

/** The same activity as Teams sends it from another tenant. */
function inTenant<A extends { conversation: object; channelData: object }>(activity: A, tenant: string): A {
  return { ...activity, conversation: { ...activity.conversation, tenantId: tenant }, channelData: { ...activity.channelData, tenant: { id: tenant } } };
}

const shown = (c: { activity: { attachments?: { content: unknown }[]; text?: string } }) => JSON.stringify(c.activity.attachments?.[0]?.content ?? c.activity.text ?? '');
const replies = (conversationId: string) => t.connector.to(conversationId).map(shown);
const s = () => t.runtime.services;
const linkCodeKeys = async () => (await scanKeys(t.runtime.redis, `${s().config.KEY_PREFIX}:linkcode:*`)).filter((k) => !k.endsWith(':issued'));

let code = '';

describe('linking two accounts of one person', () => {
  it('länka konto in a channel is refused and shows no code', async () => {
    const where = channel(t.connector.url, '19:forum@thread.tacv2', 'Trygghetsrådet');
    await t.post(inTenant(mentionMessage(where, ANNA_KOMMUN, 'länka konto'), KOMMUN));
    const reply = await t.connector.waitFor((r) => r.conversationId === '19:forum@thread.tacv2');
    expect(shown(reply)).toContain(sv.links.refusals['not-personal-chat']);
    expect(shown(reply)).not.toMatch(/\d{4} \d{4}/);
    expect(await linkCodeKeys()).toEqual([]);
  });

  it('länka konto in the personal chat shows the code there, and nowhere else', async () => {
    await t.post(inTenant(message(chatKommun(), ANNA_KOMMUN, 'länka konto'), KOMMUN));
    const reply = await t.connector.waitFor((r) => r.conversationId === chatKommun().conversationId);
    const m = /\*\*(\d{4} \d{4})\*\*/.exec(shown(reply));
    expect(m).not.toBeNull();
    code = m![1]!;
    expect(shown(reply)).toContain('länka konto');
    expect(t.connector.received.filter((r) => r.conversationId !== chatKommun().conversationId && shown(r).includes(code))).toEqual([]);
    expect(await linkCodeKeys()).toHaveLength(1);
  });

  it('the code typed in the other account’s chat links them; a Teams retry of it has no second effect; both chats are told', async () => {
    const redeem = inTenant(message(chatPolis(), ANNA_POLIS, `länka konto ${code}`), POLIS);
    // Teams re-sends the same activity (same id) when the first delivery looked slow.
    const [first, retry] = await Promise.all([t.post(redeem), t.post(redeem)]);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    await t.connector.waitFor((r) => r.conversationId === chatPolis().conversationId);
    await t.connector.waitFor((r) => r.conversationId === chatKommun().conversationId && shown(r).includes('länkades just'));
    await t.post(inTenant(message(chatPolis(), ANNA_POLIS, `länka konto ${code}`), POLIS)); // a new message, not a retry
    await t.connector.waitFor((r) => r.conversationId === chatPolis().conversationId && shown(r).includes('gått ut'));

    const polis = replies(chatPolis().conversationId);
    expect(polis.filter((r) => r.includes('Klart: det här kontot är nu länkat'))).toHaveLength(1);
    expect(polis.filter((r) => r.includes('…000000a1') && r.includes(KOMMUN))).toHaveLength(1);
    // The retry was dropped, not run: the only "expired or used" is the answer to the later, new message.
    expect(polis.filter((r) => r.includes('gått ut'))).toHaveLength(1);
    expect(polis.some((r) => r.includes('Något gick fel') || r.includes('redan länkade'))).toBe(false);
    expect(lines.some((l) => l.includes('duplicate activity (Teams retry); dropped'))).toBe(true);
    const kommun = replies(chatKommun().conversationId);
    expect(kommun.filter((r) => r.includes('länkades just med') && r.includes('…000000b2') && r.includes(POLIS))).toHaveLength(1);

    const person = await s().repos.personLinks.accountsOf(ANNA_KOMMUN.aadObjectId);
    expect(person.accounts).toEqual([
      { aad: ANNA_KOMMUN.aadObjectId, tenant: KOMMUN },
      { aad: ANNA_POLIS.aadObjectId, tenant: POLIS },
    ]);
    expect((await s().repos.personLinks.accountsOf(ANNA_POLIS.aadObjectId)).pid).toBe(person.pid);
    expect(await s().repos.personLinks.audit(person.pid)).toEqual([
      { at: '2027-01-10T08:00:00.000Z', action: 'link', accounts: [{ aad: ANNA_KOMMUN.aadObjectId, tenant: KOMMUN }, { aad: ANNA_POLIS.aadObjectId, tenant: POLIS }], by: ANNA_POLIS.aadObjectId },
    ]);
  });

  it('six wrong codes: the sixth is refused as too many attempts', async () => {
    const wrong = code === '0000 0000' ? '0000 0001' : '0000 0000';
    for (let i = 0; i < 6; i++) await t.post(inTenant(message(chatGissare(), GISSARE, `link account ${wrong}`, 'en-US'), KOMMUN));
    const got = replies(chatGissare().conversationId);
    expect(got).toHaveLength(6);
    expect(got.slice(0, 5).every((r) => r.includes('That code is not right'))).toBe(true);
    expect(got[5]).toContain('Too many wrong codes');
    expect((await s().repos.personLinks.accountsOf(GISSARE.aadObjectId)).accounts).toHaveLength(1);
  });

  it('avlänka konto lists the accounts with a button each; the card verb unlinks; the other chat is told; audited', async () => {
    await t.post(inTenant(message(chatPolis(), ANNA_POLIS, 'avlänka konto'), POLIS));
    const list = await t.connector.waitFor((r) => r.conversationId === chatPolis().conversationId && shown(r).includes('Dina länkade konton'));
    expect(shown(list)).toContain('"verb":"link.unlink"');
    expect(shown(list)).toContain(`"account":"${ANNA_KOMMUN.aadObjectId}"`);
    expect(shown(list)).toContain(`…000000a1 · organisation ${KOMMUN}`);

    t.clock.advance(60_000);
    const res = await t.post(inTenant(invokeExecute(chatPolis(), ANNA_POLIS, 'link.unlink', { account: ANNA_KOMMUN.aadObjectId }), POLIS));
    expect(JSON.stringify(res.body)).toContain('Kontot …000000a1 är avlänkat');
    expect(JSON.stringify(res.body)).toContain(sv.links.unlinkNone.slice(0, 30));
    await t.connector.waitFor((r) => r.conversationId === chatKommun().conversationId && shown(r).includes('Länken till'));

    const links = s().repos.personLinks;
    expect(await links.accountsOf(ANNA_KOMMUN.aadObjectId)).toEqual({ pid: ANNA_KOMMUN.aadObjectId, accounts: [{ aad: ANNA_KOMMUN.aadObjectId }] });
    expect(await links.accountsOf(ANNA_POLIS.aadObjectId)).toEqual({ pid: ANNA_POLIS.aadObjectId, accounts: [{ aad: ANNA_POLIS.aadObjectId }] });
    const own = await links.audit(ANNA_KOMMUN.aadObjectId);
    expect(own.map((e) => [e.action, e.by, e.at])).toEqual([
      ['link', ANNA_POLIS.aadObjectId, '2027-01-10T08:00:00.000Z'],
      ['unlink', ANNA_POLIS.aadObjectId, '2027-01-10T08:01:00.000Z'],
    ]);

    // Pressing the button again: refused, nothing changes.
    const again = await t.post(inTenant(invokeExecute(chatPolis(), ANNA_POLIS, 'link.unlink', { account: ANNA_KOMMUN.aadObjectId }), POLIS));
    expect(JSON.stringify(again.body)).toContain(sv.links.refusals['not-linked']);
  });

  it('a code typed in a channel is refused and spent: nobody can use it afterwards', async () => {
    const before = t.connector.to(chatKommun().conversationId).length;
    await t.post(inTenant(message(chatKommun(), ANNA_KOMMUN, 'länka konto'), KOMMUN));
    await t.connector.waitFor(() => t.connector.to(chatKommun().conversationId).length > before);
    const fresh = /\*\*(\d{4} \d{4})\*\*/.exec(replies(chatKommun().conversationId).at(-1)!)![1]!;
    const where = channel(t.connector.url, '19:polis-team@thread.tacv2', 'Lokalpolisområdet');
    await t.post(inTenant(mentionMessage(where, ANNA_POLIS, `länka konto ${fresh}`), POLIS));
    const refused = await t.connector.waitFor((r) => r.conversationId === '19:polis-team@thread.tacv2');
    expect(shown(refused)).toContain(sv.links.codeDiscarded.slice(0, 40));
    await t.post(inTenant(message(chatPolis(), ANNA_POLIS, `länka konto ${fresh}`), POLIS));
    await t.connector.waitFor((r) => r.conversationId === chatPolis().conversationId && replies(chatPolis().conversationId).filter((x) => x.includes('gått ut')).length === 2);
    expect((await s().repos.personLinks.accountsOf(ANNA_POLIS.aadObjectId)).accounts).toHaveLength(1);
  });

  it('exportera mina data has the links section', async () => {
    const data = await collectPersonalData(s().platform, { aadObjectId: ANNA_KOMMUN.aadObjectId });
    expect(data.links.pid).toBe(ANNA_KOMMUN.aadObjectId);
    expect(data.links.audit.map((e) => e.action)).toEqual(['link', 'unlink']);
  });

  it('no code and no message text is logged', () => {
    expect(lines.length).toBeGreaterThan(10);
    const all = lines.join('\n');
    expect(all).not.toContain(code);
    expect(all).not.toContain(code.replace(' ', ''));
    expect(all).not.toContain('länka konto');
  });
});

describe('linking is the person’s: no organisation needed, no choice asked', () => {
  const OLLE_A = { id: '29:olle-a', aadObjectId: 'dddddddd-4444-4000-8000-0000000000d4', name: 'Olle Påhittad' };
  const OLLE_B = { id: '29:olle-b', aadObjectId: 'eeeeeeee-5555-4000-8000-0000000000e5', name: 'Olle Påhittad' };
  const chatA = () => personal('a:olle-a-personal');
  const chatB = () => personal('a:olle-b-personal');

  it('with two organisations in the deployment, someone in neither gets a code, links, and the other chat is told', async () => {
    // A second organisation: a personal chat no longer resolves to the only one.
    const { createOrganisation } = await import('../../src/services/orgs/createOrganisation.js');
    const { conversationKey } = await import('../../src/domain/conversation.js');
    const second = await createOrganisation(t.runtime.platform, { name: 'Påhittsby kommun', actor: GISSARE.aadObjectId, conversationId: '19:steering-p@thread.tacv2', convKey: conversationKey('19:steering-p@thread.tacv2'), teamId: '19:team-p@thread.tacv2', tenantId: KOMMUN });
    expect(second.ok).toBe(true);
    // Olle's second chat is known to the bot (installed there) before the code is typed.
    await t.post(inTenant(message(chatB(), OLLE_B, 'hjälp'), POLIS));
    await t.connector.waitFor((r) => r.conversationId === chatB().conversationId);
    expect(replies(chatB().conversationId).at(-1)).toContain(sv.organisations.none.slice(0, 30));

    await t.post(inTenant(message(chatA(), OLLE_A, 'länka konto'), KOMMUN));
    const shownCode = await t.connector.waitFor((r) => r.conversationId === chatA().conversationId);
    const fresh = /\*\*(\d{4} \d{4})\*\*/.exec(shown(shownCode))?.[1];
    expect(fresh, shown(shownCode)).toBeDefined();

    await t.post(inTenant(message(chatB(), OLLE_B, `länka konto ${fresh}`), POLIS));
    await t.connector.waitFor((r) => r.conversationId === chatB().conversationId && shown(r).includes('är nu länkat'));
    await t.connector.waitFor((r) => r.conversationId === chatA().conversationId && shown(r).includes('länkades just'));
    expect((await s().repos.personLinks.accountsOf(OLLE_A.aadObjectId)).accounts.map((a) => a.aad)).toEqual([OLLE_A.aadObjectId, OLLE_B.aadObjectId]);

    // avlänka konto and its button work there too, without a choice card.
    await t.post(inTenant(message(chatB(), OLLE_B, 'avlänka konto'), POLIS));
    await t.connector.waitFor((r) => r.conversationId === chatB().conversationId && shown(r).includes('Dina länkade konton'));
    const res = await t.post(inTenant(invokeExecute(chatB(), OLLE_B, 'link.unlink', { account: OLLE_A.aadObjectId }), POLIS));
    expect(JSON.stringify(res.body)).toContain('är avlänkat');
    expect((await s().repos.personLinks.accountsOf(OLLE_A.aadObjectId)).accounts).toHaveLength(1);
  });
});
