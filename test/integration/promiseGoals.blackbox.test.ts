import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';
import { FakeConnector } from '../support/fakeConnector.js';
import { CHAIR, MEMBER, channel, invokeExecute, mentionMessage, message, post } from '../support/activities.js';

/**
 * Black box, part two: målbilder (a chair writes the goal and an indicator, a steering
 * member enters readings, bad readings are refused next to the fields, a guest may not),
 * the chair's "Beslut och åtgärder" card, and the follow-up of the whole period.
 */
const GUEST = { id: '29:guest', aadObjectId: 'aaaaaaaa-0000-0000-0000-00000000000g', name: 'Gäst Gästsson' };
let t: TestRuntime;
let runtime: Runtime;
let connector: FakeConnector;
let botUrl: string;

const textOf = (res: { body: unknown }) => JSON.stringify((res.body as { value: unknown }).value);

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-03-01T09:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId } });
  ({ runtime, connector, botUrl } = t);
});

afterAll(async () => {
  await t?.cleanup();
});

describe('målbilder, decisions and the period follow-up through /api/messages', () => {
  const steering = () => channel(connector.url, '19:steering-g@thread.tacv2', 'Styrgrupp');
  const guestChat = () => ({ conversationId: 'a:guest', conversationType: 'personal' as const, serviceUrl: connector.url });

  it('målbild Skäggetorp: a chair writes statements and an indicator; a steering member enters readings; progress shows', async () => {
    await post(botUrl, mentionMessage(steering(), CHAIR, 'registrera styrgrupp'));
    await connector.waitFor((r) => r.conversationId === '19:steering-g@thread.tacv2');

    await post(botUrl, mentionMessage(steering(), CHAIR, 'målbild skaggetorp'));
    const empty = await connector.waitFor((r) => JSON.stringify(r.activity).includes('Skäggetorp har ingen målbild ännu'));
    expect(JSON.stringify(empty.activity)).toContain('malbild.edit');

    const saved = await post(botUrl, invokeExecute(steering(), CHAIR, 'malbild.save', { district: 'Skäggetorp', statements: '- Boende känner sig trygga på kvällen\n- Fler vuxna i centrum' }));
    expect(textOf(saved)).toContain('Målbilden är sparad.');
    expect(textOf(saved)).toContain('• Fler vuxna i centrum');

    const badIndicator = await post(botUrl, invokeExecute(steering(), CHAIR, 'malbild.indicatorSave', { district: 'Skäggetorp', name: 'Andel trygga', unit: '%', direction: 'increase', baselineValue: '52', baselineDate: '2026-10-01', targetValue: '40', targetDate: '2028-10-01' }));
    expect(textOf(badIndicator)).toContain('Målvärdet ligger åt fel håll');
    const indicator = await post(botUrl, invokeExecute(steering(), CHAIR, 'malbild.indicatorSave', { district: 'Skäggetorp', name: 'Andel trygga', unit: '%', direction: 'increase', baselineValue: '52', baselineDate: '2026-10-01', targetValue: '70', targetDate: '2028-10-01' }));
    expect(textOf(indicator)).toContain('Andel trygga');

    // A steering member (acting in the steering channel) enters readings.
    const missing = await post(botUrl, invokeExecute(steering(), MEMBER, 'malbild.readingSave', { district: 'Skäggetorp', indicator: 'i1', value: '', date: '2027-02-01' }));
    expect(textOf(missing)).toContain('Obligatoriskt.');
    const future = await post(botUrl, invokeExecute(steering(), MEMBER, 'malbild.readingSave', { district: 'Skäggetorp', indicator: 'i1', value: '55', date: '2027-12-01' }));
    expect(textOf(future)).toContain('Datumet ligger i framtiden');
    const nan = await post(botUrl, invokeExecute(steering(), MEMBER, 'malbild.readingSave', { district: 'Skäggetorp', indicator: 'i1', value: 'femtio', date: '2027-01-01' }));
    expect(textOf(nan)).toContain('Ange ett tal');
    const stored = await runtime.services!.repos.malbilder.require('malbild-skaggetorp');
    expect(stored.data.indicators[0]!.readings).toEqual([]);

    await post(botUrl, invokeExecute(steering(), MEMBER, 'malbild.readingSave', { district: 'Skäggetorp', indicator: 'i1', value: '55,5', date: '2026-12-01' }));
    const second = await post(botUrl, invokeExecute(steering(), MEMBER, 'malbild.readingSave', { district: 'Skäggetorp', indicator: 'i1', value: '61', date: '2027-02-01' }));
    expect(textOf(second)).toContain('Mätvärdet är sparat.');
    expect(textOf(second)).toContain('Senast: 61 % (2027-02-01) · förbättras');
    expect(textOf(second)).toContain('50 % av vägen till målet');

    // A guest (no role) may neither see nor enter readings.
    await post(botUrl, message(guestChat(), GUEST, 'målbild Skäggetorp'));
    const refused = await connector.waitFor((r) => r.conversationId === 'a:guest');
    expect(refused.activity.text).toContain('Det får du inte göra här');
    const forged = await post(botUrl, invokeExecute(guestChat(), GUEST, 'malbild.readingSave', { district: 'Skäggetorp', indicator: 'i1', value: '99', date: '2027-02-01' }));
    expect(textOf(forged)).toContain('Mätvärden rapporteras av');
    expect((await runtime.services!.repos.malbilder.require('malbild-skaggetorp')).data.indicators[0]!.readings).toHaveLength(2);
  });

  it('beslut: the chair records decisions one after another on the "Beslut och åtgärder" card', async () => {
    await post(botUrl, invokeExecute(steering(), CHAIR, 'promise.save', { title: 'Löfte 2027–2028', periodFrom: '2027-01-01', periodTo: '2028-12-31' }));
    await post(botUrl, invokeExecute(steering(), CHAIR, 'promise.commitmentSave', { promiseId: 'lofte-2027-2028', text: 'Tryggare centrum', responsible: 'kommunen', districts: 'Skäggetorp', malbild: 'malbild-skaggetorp' }));
    await post(botUrl, mentionMessage(steering(), CHAIR, 'beslut 2027-1'));
    const card = await connector.waitFor((r) => JSON.stringify(r.activity).includes('Beslut och åtgärder – Styrgruppsmöte 1/2027'));
    expect(JSON.stringify(card.activity)).toContain('"verb":"action.create"');

    for (const [i, text] of ['Belysning i gångtunneln', 'Fältassistenter fredagskvällar'].entries()) {
      const res = await post(botUrl, invokeExecute(steering(), CHAIR, 'action.create', { promiseId: 'lofte-2027-2028', meetingId: '2027-1', text, owner: MEMBER.aadObjectId, due: `2027-0${4 + i}-30`, commitment: 'c1' }));
      expect(textOf(res)).toContain('Beslut och åtgärder – Styrgruppsmöte 1/2027'); // the form again, for the next decision
      expect(textOf(res)).toContain(`Åtgärden **${text}** är sparad`);
      expect(textOf(res)).toContain('"value":""'); // emptied text input
    }
    const p = await runtime.services!.repos.promises.require('lofte-2027-2028');
    expect(p.data.commitments[0]!.actions.map((a) => a.text)).toEqual(['Belysning i gångtunneln', 'Fältassistenter fredagskvällar']);
  });

  it('uppföljning perioden: the whole period, with the målbild’s indicator progress', async () => {
    await post(botUrl, mentionMessage(steering(), CHAIR, 'uppföljning perioden'));
    const reply = await connector.waitFor((r) => JSON.stringify(r.activity).includes('hela perioden'));
    const text = JSON.stringify(reply.activity);
    expect(text).toContain('Uppföljning: Löfte 2027–2028 – hela perioden');
    expect(text).toContain('Belysning i gångtunneln');
    expect(text).toMatch(/reports\/uppfoljning\/lofte-2027-2028\.html\?exp=\d+&sig=/);
    const url = /"url":"(http[^"]+\.md\?exp=\d+&sig=[^"]+)"/.exec(text)![1]!.replace(/^https?:\/\/[^/]+/, botUrl);
    const md = await (await fetch(url)).text();
    expect(md).toContain('### Målbild Skäggetorp');
    expect(md).toContain('Senast: 61 % (2027-02-01) · förbättras');
  });
});
