import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAction } from '../../src/domain/promise/promise.js';
import type { Runtime } from '../../src/runtime.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';
import { FakeConnector } from '../support/fakeConnector.js';
import type { TestClock } from '../support/services.js';
import { CHAIR, MEMBER, channel, invokeExecute, mentionMessage, message, post } from '../support/activities.js';
import { actionData } from '../support/cardData.js';

/**
 * Black box: the real server, Teams-shaped activities to /api/messages, the fake Bot
 * Connector. A chair creates a promise, a commitment and an action item through cards;
 * its owner updates it from a card; the chair sees it in the follow-up and opens the
 * signed report links.
 */
const OTHER = { id: '29:other', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000009', name: 'Annan Person' };
let clock: TestClock;
let t: TestRuntime;
let runtime: Runtime;
let connector: FakeConnector;
let botUrl: string;

type Card = { body: unknown[]; actions?: unknown[] };
const cardOf = (res: { body: unknown }) => (res.body as { value: Card }).value;
const textOf = (res: { body: unknown }) => JSON.stringify(cardOf(res));


beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-03-01T09:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, PUBLIC_URL: 'https://samverkan.example.se', LINK_SECRET: 'x'.repeat(40), REPORT_LINK_TTL_MINUTES: '60' } });
  ({ runtime, connector, botUrl } = t);
  clock = t.clock;
});

afterAll(async () => {
  await t?.cleanup();
});

describe('medborgarlöfte through /api/messages', () => {
  const steering = () => channel(connector.url, '19:steering-p@thread.tacv2', 'Styrgrupp');
  const memberChat = () => ({ conversationId: 'a:member-personal', conversationType: 'personal' as const, serviceUrl: connector.url });
  const otherChat = () => ({ conversationId: 'a:other-personal', conversationType: 'personal' as const, serviceUrl: connector.url });
  let promiseId = '';
  let actionId = '';

  it('chair: löfte without a promise offers the form; the card creates the promise and a commitment', async () => {
    await post(botUrl, mentionMessage(steering(), CHAIR, 'registrera styrgrupp'));
    await connector.waitFor((r) => r.conversationId === '19:steering-p@thread.tacv2' && String(r.activity.text).includes('styrgruppens kanal'));
    // The owner-to-be talks to the bot once (1:1), so the bot knows them.
    await post(botUrl, message(memberChat(), MEMBER, 'mina åtgärder'));
    const mine = await connector.waitFor((r) => r.conversationId === 'a:member-personal');
    expect(JSON.stringify(mine.activity)).toContain('Du har inga åtgärder');

    await post(botUrl, mentionMessage(steering(), CHAIR, 'löfte'));
    const none = await connector.waitFor((r) => r.conversationId === '19:steering-p@thread.tacv2' && JSON.stringify(r.activity).includes('promise.new'));
    expect(JSON.stringify(none.activity)).toContain('Det finns inget medborgarlöfte ännu');

    const bad = await post(botUrl, invokeExecute(steering(), CHAIR, 'promise.save', { title: '', periodFrom: '2028-01-01', periodTo: '2027-01-01' }));
    expect(textOf(bad)).toContain('Obligatoriskt.');
    expect(textOf(bad)).toContain('Slutdatumet måste ligga efter startdatumet.');
    expect(await runtime.services!.repos.promises.ids()).toEqual([]);

    const created = await post(botUrl, invokeExecute(steering(), CHAIR, 'promise.save', { title: 'Medborgarlöfte Linköping 2027–2028', periodFrom: '2027-01-01', periodTo: '2028-12-31' }));
    expect(textOf(created)).toContain('är skapat som utkast');
    promiseId = (await runtime.services!.repos.promises.ids())[0]!;
    expect(promiseId).toBe('lofte-2027-2028');

    const commitment = await post(botUrl, invokeExecute(steering(), CHAIR, 'promise.commitmentSave', { promiseId, text: 'Fler vuxna ute i Berga på kvällar', responsible: 'bada', districts: 'Berga' }));
    expect(textOf(commitment)).toContain('Åtagandet är sparat.');
    expect(textOf(commitment)).toContain('Fler vuxna ute i Berga på kvällar');
  });

  it('chair adds an action item from the card: bad input is refused next to the fields, then saved with reminders', async () => {
    const form = await post(botUrl, invokeExecute(steering(), CHAIR, 'action.new', { promiseId, commitmentId: 'c1' }));
    expect(textOf(form)).toContain(`"value":"${MEMBER.aadObjectId}"`); // the owner is in the list

    const bad = await post(botUrl, invokeExecute(steering(), CHAIR, 'action.create', { promiseId, text: ' ', owner: 'someone-unknown', due: '2027-02-01', commitment: 'c1' }));
    for (const msg of ['Obligatoriskt.', 'Välj en ansvarig i listan.', 'Datumet har redan passerat']) expect(textOf(bad)).toContain(msg);
    expect((await runtime.services!.repos.promises.require(promiseId)).data.commitments[0]!.actions).toEqual([]);

    const ok = await post(botUrl, invokeExecute(steering(), CHAIR, 'action.create', { promiseId, text: 'Narkotikasök vid skolorna', owner: MEMBER.aadObjectId, due: '2027-05-31', commitment: 'c1' }));
    expect(textOf(ok)).toContain('Åtgärden **Narkotikasök vid skolorna** är sparad – ansvarig Medlem Påhittad, klart senast 2027-05-31');
    const p = (await runtime.services!.repos.promises.require(promiseId)).data;
    actionId = p.commitments[0]!.actions[0]!.id;
    expect(p.commitments[0]!.actions[0]).toMatchObject({ ownerAadObjectId: MEMBER.aadObjectId, ownerName: 'Medlem Påhittad', status: 'ej_paborjad' });
    expect(await runtime.services!.queues.actions.raw.getDelayedCount()).toBe(2);
  });

  it('someone who is neither owner nor chair cannot change it and is told so', async () => {
    await post(botUrl, message(otherChat(), OTHER, 'hjälp'));
    const p = (await runtime.services!.repos.promises.require(promiseId));
    const open = await post(botUrl, invokeExecute(otherChat(), OTHER, 'action.open', { promiseId, actionId }));
    expect(textOf(open)).toContain('Bara åtgärdens ansvariga eller en ordförande kan ändra den');
    const forged = await post(botUrl, invokeExecute(otherChat(), OTHER, 'action.update', { promiseId, actionId, rev: 'whatever', meetingId: '2027-1', status: 'klar', followUp: 'Klart!' }));
    expect(textOf(forged)).toContain('Bara åtgärdens ansvariga eller en ordförande kan ändra den');
    const forgedChair = await post(botUrl, invokeExecute(otherChat(), OTHER, 'action.create', { promiseId, text: 'x', owner: OTHER.aadObjectId, due: '2027-06-01', commitment: 'c1' }));
    expect(textOf(forgedChair)).toContain('Det får du inte göra här');
    expect((await runtime.services!.repos.promises.require(promiseId)).version).toBe(p.version);
  });

  it('the owner updates status and follow-up from the card (in place); a stale card is refused', async () => {
    const open = await post(botUrl, invokeExecute(memberChat(), MEMBER, 'action.open', { promiseId, actionId }));
    expect(textOf(open)).toContain('Uppföljning inför Styrgruppsmöte 1/2027');
    const data = actionData(cardOf(open), 'action.update');

    const notANumber = await post(botUrl, invokeExecute(memberChat(), MEMBER, 'action.update', { ...data, status: 'pagar', followUp: '6 narkotikasök genomförda', count: 'sex' }));
    expect(textOf(notANumber)).toContain('Ange ett tal');

    const saved = await post(botUrl, invokeExecute(memberChat(), MEMBER, 'action.update', { ...data, status: 'pagar', followUp: '6 narkotikasök genomförda', count: '6' }));
    expect(textOf(saved)).toContain('Tack! Din uppdatering är sparad.');
    const item = findAction((await runtime.services!.repos.promises.require(promiseId)).data, actionId)!.action;
    expect(item.status).toBe('pagar');
    expect(item.followUps).toEqual([{ meetingId: '2027-1', text: '6 narkotikasök genomförda', count: 6, by: MEMBER.aadObjectId, at: clock().toISOString() }]);

    const stale = await post(botUrl, invokeExecute(memberChat(), MEMBER, 'action.update', { ...data, status: 'klar', followUp: 'Klart' }));
    expect(textOf(stale)).toContain('Någon annan har ändrat detta');
    expect(findAction((await runtime.services!.repos.promises.require(promiseId)).data, actionId)!.action.status).toBe('pagar');
    const audit = await runtime.services!.repos.audit.list('promise', promiseId);
    expect(audit.at(-1)).toMatchObject({ actor: MEMBER.aadObjectId, action: `action.update ${actionId}` });
  });

  it('the chair sees it in the follow-up; the signed report links work, tampered or expired ones do not', async () => {
    await post(botUrl, mentionMessage(steering(), CHAIR, 'uppföljning'));
    const reply = await connector.waitFor((r) => r.conversationId === '19:steering-p@thread.tacv2' && JSON.stringify(r.activity).includes('Uppföljning: Medborgarlöfte'));
    const card = JSON.stringify(reply.activity);
    expect(card).toContain('6 narkotikasök genomförda (6)');
    expect(card).toContain('Medlem Påhittad');

    const urls = [...card.matchAll(/"url":"(https:\/\/samverkan\.example\.se[^"]+)"/g)].map((m) => m[1]!.replace('https://samverkan.example.se', botUrl));
    expect(urls).toHaveLength(4);
    const html = await fetch(urls[0]!);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain('<svg');
    expect(page).toContain('6 narkotikasök genomförda');
    const md = await (await fetch(urls[1]!)).text();
    expect(md).toContain('# Uppföljning: Medborgarlöfte Linköping 2027–2028 – Styrgruppsmöte 1/2027');
    const csv = Buffer.from(await (await fetch(urls[2]!)).arrayBuffer());
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const json = (await (await fetch(urls[3]!)).json()) as { report: { promiseId: string } };
    expect(json.report.promiseId).toBe(promiseId);

    expect((await fetch(urls[0]!.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    expect((await fetch(`${botUrl}/reports/uppfoljning/${promiseId}.html`)).status).toBe(403);
    expect((await fetch(urls[0]!.replace('/2027-1.html', '/2027-2.html'))).status).toBe(403);
    const reads = await runtime.services!.repos.reportReads.list();
    expect(reads).toHaveLength(4);
    expect(reads[0]).toMatchObject({ who: 'link', what: `/reports/uppfoljning/${promiseId}/2027-1.json` });

    // English users get English reports; the language is signed like the rest of the link.
    await post(botUrl, { ...mentionMessage(steering(), CHAIR, 'follow up'), locale: 'en-US' });
    const en = await connector.waitFor((r) => JSON.stringify(r.activity).includes('Follow-up: Medborgarlöfte'));
    const enUrl = /"url":"(https:\/\/samverkan\.example\.se[^"]+\.md\?[^"]+)"/.exec(JSON.stringify(en.activity))![1]!.replace('https://samverkan.example.se', botUrl);
    expect(enUrl).toContain('?lang=en&');
    expect(await (await fetch(enUrl)).text()).toContain('# Follow-up: Medborgarlöfte Linköping 2027–2028 – Steering group meeting 1/2027');
    expect((await runtime.services!.repos.reportReads.list()).length).toBe(5);
    expect((await fetch(enUrl.replace('lang=en', 'lang=sv'))).status).toBe(403);
    expect((await fetch(enUrl.replace('lang=en&', ''))).status).toBe(403);
    expect((await fetch(`${urls[1]!}&lang=en`)).status).toBe(403);
    expect((await runtime.services!.repos.reportReads.list()).length).toBe(5);

    clock.advance(61 * 60_000);
    expect((await fetch(urls[0]!)).status).toBe(410);
  });

  it('a member who is not in the steering group cannot see the follow-up', async () => {
    await post(botUrl, message(otherChat(), OTHER, 'uppföljning'));
    const reply = await connector.waitFor((r) => r.conversationId === 'a:other-personal' && String(r.activity.text ?? '').includes('annan roll'));
    expect(reply.activity.text).toContain('Det får du inte göra här');
  });
});
