// End-to-end through the Microsoft 365 Agents Playground and Chromium (issue 5): a chair
// creates the medborgarlöfte, a commitment and an action item through cards; its owner
// (the same Playground user) updates it from the update card; the chair sees the update
// in the follow-up (uppföljning).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { homeOrgKeys } from './storeProbe.js';
import { DEFAULT_PLAYGROUND_CONFIG as PG, useE2EStack, type Stack } from './harness.js';

const CHAIR_ENV = { CHAIR_IDS: PG.currentUser.aadObjectId, ALLOWED_TENANTS: PG.tenantId };
const STEP_MS = 20_000;

/** Local dates in Stockholm, so the card's "klart senast" is in the future whatever day the test runs. */
const stockholmDate = (offsetDays: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + offsetDays * 86_400_000));
const YEAR = Number(stockholmDate(0).slice(0, 4));
const DUE = stockholmDate(45);

function useStore(e2e: { readonly stack: Stack }) {
  let redis: Redis | undefined;
  beforeAll(() => {
    redis = new Redis(e2e.stack.redisUrl, { maxRetriesPerRequest: 2 });
  });
  afterAll(() => {
    redis?.disconnect();
  });
  return {
    async promise(id: string): Promise<{ commitments: { actions: { id: string; status: string; ownerAadObjectId: string; followUps: { text: string; count?: number }[] }[] }[] } | null> {
      const raw = await redis!.hget((await homeOrgKeys(redis!, e2e.stack.keyPrefix)).record('promise', id), 'doc');
      return raw ? JSON.parse(raw) : null;
    },
  };
}

describe('medborgarlöfte: chair adds an action item, its owner updates it, the chair sees it in the follow-up', () => {
  const e2e = useE2EStack({ env: CHAIR_ENV });
  const store = useStore(e2e);
  const promiseId = `lofte-${YEAR}-${YEAR + 1}`;

  test('the chair creates the promise and a commitment through cards', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('löfte');
    const none = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Det finns inget medborgarlöfte ännu'), STEP_MS, { since: mark });
    await stack.pressAction('Nytt medborgarlöfte', { message: none });
    await stack.waitForBotMessage((m) => m.id === none.id && m.text.includes('Gäller från'), STEP_MS);
    await stack.fillInput('title', `Medborgarlöfte Linköping ${YEAR}–${YEAR + 1}`, { message: none });
    await stack.fillInput('periodFrom', `${YEAR}-01-01`, { message: none });
    await stack.fillInput('periodTo', `${YEAR + 1}-12-31`, { message: none });
    await stack.pressAction('Spara', { message: none });
    const created = await stack.waitForBotMessage((m) => m.id === none.id && m.text.includes('är skapat som utkast'), STEP_MS);
    expect(created.text).toContain(`Medborgarlöfte: Medborgarlöfte Linköping ${YEAR}–${YEAR + 1}`);
    expect(await store.promise(promiseId)).toMatchObject({ status: 'utkast', commitments: [] });

    await stack.pressAction('Lägg till åtagande', { message: created });
    await stack.waitForBotMessage((m) => m.id === none.id && m.text.includes('Nytt åtagande'), STEP_MS);
    await stack.fillInput('text', 'Fler vuxna ute i Berga på kvällar och helger', { message: created });
    await stack.selectChoice('districts', ['Berga'], { message: created });
    await stack.pressAction('Spara', { message: created });
    const withCommitment = await stack.waitForBotMessage((m) => m.id === none.id && m.text.includes('Åtagandet är sparat.'), STEP_MS);
    expect(withCommitment.text).toContain('Fler vuxna ute i Berga på kvällar och helger');
  });

  test('the chair adds an action item with an owner and a due date', async () => {
    const { stack } = e2e;
    const card = await stack.lastBotMessage();
    await stack.pressAction('Lägg till åtgärd', { message: card });
    await stack.waitForBotMessage((m) => m.id === card.id && m.text.includes('Ny åtgärd'), STEP_MS);
    await stack.fillInput('text', 'Narkotikasök vid skolorna', { message: card });
    await stack.selectChoice('owner', PG.currentUser.name, { message: card });
    await stack.fillInput('due', DUE, { message: card });
    await stack.pressAction('Spara', { message: card });
    const saved = await stack.waitForBotMessage((m) => m.id === card.id && m.text.includes('Åtgärden Narkotikasök vid skolorna är sparad'), STEP_MS);
    expect(saved.text).toContain(`ansvarig ${PG.currentUser.name}, klart senast ${DUE}`);
    const stored = await store.promise(promiseId);
    expect(stored?.commitments[0]?.actions[0]).toMatchObject({ id: 'x1', status: 'ej_paborjad', ownerAadObjectId: PG.currentUser.aadObjectId });
  });

  test('the owner updates status and follow-up from the update card (in place)', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('mina åtgärder');
    const mine = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Mina åtgärder'), STEP_MS, { since: mark });
    expect(mine.text).toContain('Narkotikasök vid skolorna');
    await stack.pressAction('Uppdatera', { message: mine });
    await stack.waitForBotMessage((m) => m.id === mine.id && m.text.includes('Uppdatera åtgärd'), STEP_MS);
    await stack.selectChoice('status', 'Pågår', { message: mine });
    await stack.fillInput('followUp', '6 narkotikasök genomförda', { message: mine });
    await stack.fillInput('count', '6', { message: mine });
    await stack.pressAction('Spara', { message: mine });
    const updated = await stack.waitForBotMessage((m) => m.id === mine.id && m.text.includes('Tack! Din uppdatering är sparad.'), STEP_MS);
    expect(updated.id).toBe(mine.id);
    const item = (await store.promise(promiseId))?.commitments[0]?.actions[0];
    expect(item).toMatchObject({ status: 'pagar', followUps: [{ text: '6 narkotikasök genomförda', count: 6 }] });
  });

  test('the chair sees the update in the follow-up, with links to the printable report', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('uppföljning');
    const report = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Uppföljning: Medborgarlöfte Linköping'), STEP_MS, { since: mark });
    expect(report.text).toContain('Narkotikasök vid skolorna');
    expect(report.text).toContain('6 narkotikasök genomförda (6)');
    expect(report.text).toContain('Pågår');
    expect(report.text).toContain('Utskriftsvänlig rapport');
    // The printable report behind the signed link is served by the bot.
    const content = JSON.stringify(report.raw.attachments?.[0]?.content);
    const url = /"url":"(http[^"]+\.html\?exp=\d+&sig=[^"]+)"/.exec(content)?.[1];
    expect(url).toBeTruthy();
    const res = await fetch(url!.replace(/^https?:\/\/[^/]+/, stack.botUrl));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('6 narkotikasök genomförda');
    expect(html).toContain('<svg');
  });
});
