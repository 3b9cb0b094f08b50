// End-to-end scenarios of the foundation (issue 2), through the real Microsoft 365 Agents
// Playground and Chromium: help, unknown commands, registering the steering channel and a
// forum through its card (including a refused empty form), and planning the year.
//
// Each describe starts its own stack (bot + Playground + Chromium, ~5 s) with its own Redis
// key prefix, so one failing scenario does not leave state or a broken page for the next.
import { describe, expect, test } from 'vitest';
import { cardJson, elementsOf } from './cardJson.js';
import { useStoreProbe } from './storeProbe.js';
import { DEFAULT_PLAYGROUND_CONFIG as PG, useE2EStack, type BotMessage } from './harness.js';

const CHAIR_ENV = { CHAIR_IDS: PG.currentUser.aadObjectId, ALLOWED_TENANTS: PG.tenantId };
const CHANNEL = PG.team.channels[0]!.name; // "Möten"
const STEP_MS = 20_000;


describe('help and unknown commands (personal chat)', () => {
  const e2e = useE2EStack({ env: CHAIR_ENV });

  test('hjälp shows the help card with what a chair may do', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('hjälp');
    const reply = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Samverkan – det här kan du göra här'), STEP_MS, { since: mark });
    expect(reply.text).toContain('Du är ordförande i styrgruppen.');
    for (const cmd of ['hjälp', 'registrera styrgrupp', 'registrera forum', 'forum', 'planera 2027', 'möten']) expect(reply.text).toContain(cmd);
    expect(await reply.element.locator('.ac-adaptiveCard').isVisible()).toBe(true);
  });

  test('an unknown command ("hjälo") gets "Menade du hjälp?" and the help card', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('hjälo');
    const reply = await stack.waitForBotMessage(/Menade du hjälp\?/, STEP_MS, { since: mark });
    expect(reply.text).toContain('Jag förstod inte det.');
    expect(reply.text).toContain('Samverkan – det här kan du göra här');
    // Markdown as sent: the suggestion is bold.
    expect(JSON.stringify(cardJson(reply))).toContain('Menade du **hjälp**?');
  });

  test('something that resembles nothing gets the help card without a suggestion', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('vad är klockan');
    const reply = await stack.waitForBotMessage(/Jag förstod inte det\. Här är vad du kan göra/, STEP_MS, { since: mark });
    expect(reply.text).not.toContain('Menade du');
    expect(reply.hasCard).toBe(true);
  });
});

describe('a chair registers the steering channel and a forum', () => {
  const e2e = useE2EStack({ env: CHAIR_ENV });
  const store = useStoreProbe(e2e);

  test('registrera styrgrupp in a team channel is confirmed and stored', async () => {
    const { stack } = e2e;
    await stack.openConversation(CHANNEL);
    const mark = await stack.sendMessage('registrera styrgrupp');
    await stack.waitForBotMessage('Den här kanalen är nu styrgruppens kanal.', STEP_MS, { since: mark });
    expect(await store.doc('steering', 'styrgrupp')).toMatchObject({ conversationId: PG.team.channels[0]!.id, registeredBy: PG.currentUser.aadObjectId });

    const again = await stack.sendMessage('registrera styrgrupp');
    await stack.waitForBotMessage('Den här kanalen är redan styrgruppens kanal.', STEP_MS, { since: again });
  });

  test('registrera styrgrupp in the personal chat is refused', async () => {
    const { stack } = e2e;
    await stack.openConversation('personal');
    const mark = await stack.sendMessage('registrera styrgrupp');
    await stack.waitForBotMessage('Det här görs i en kanal eller gruppchatt', STEP_MS, { since: mark });
  });

  test('the forum card refuses an empty name: the error is shown next to the field and nothing is stored', async () => {
    const { stack } = e2e;
    await stack.openConversation('General');
    const mark = await stack.sendMessage('registrera forum');
    const form = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Registrera forum'), STEP_MS, { since: mark });
    await stack.selectChoice('districts', ['Berga'], { message: form });
    const invokesBefore = stack.activitiesToBot().filter((x) => x.activity?.name === 'adaptiveCard/action').length;
    await stack.pressAction('Spara', { message: form });

    // Either the client refuses (the input is isRequired) or the bot answers with the form
    // and the field's error; both show "Obligatoriskt." right under the name field.
    const nameField = form.element.locator('[data-e2e-input-id="name"]').first();
    const error = form.element.getByText('Obligatoriskt.', { exact: true }).first();
    await error.waitFor({ state: 'visible', timeout: STEP_MS });
    const [fieldBox, errorBox] = await Promise.all([nameField.boundingBox(), error.boundingBox()]);
    expect(fieldBox && errorBox).toBeTruthy();
    expect(errorBox!.y).toBeGreaterThanOrEqual(fieldBox!.y);
    expect(errorBox!.y - (fieldBox!.y + fieldBox!.height)).toBeLessThan(80);
    await new Promise((r) => setTimeout(r, 1000)); // give a (wrong) save time to land
    const invokes = stack.activitiesToBot().filter((x) => x.activity?.name === 'adaptiveCard/action').slice(invokesBefore);
    for (const x of invokes) expect(x.response).toContain('Obligatoriskt.'); // if the client sent it at all
    expect(await store.ids('forum')).toEqual([]);
    expect(form.text).not.toContain('är registrerat');
  });

  test('a one-letter name is refused by the bot: the card comes back with the error and the values kept', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('registrera forum');
    const form = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Registrera forum'), STEP_MS, { since: mark });
    await stack.fillInput('name', 'B', { message: form });
    await stack.selectChoice('districts', ['Berga', 'Ryd'], { message: form });
    await stack.pressAction('Spara', { message: form });
    const refused = await stack.waitForBotMessage((m) => m.id === form.id && m.text.includes('För kort.'), STEP_MS);
    expect(refused.text).toContain('Registrera forum');
    const invoke = stack.activitiesToBot().filter((x) => x.activity?.name === 'adaptiveCard/action').at(-1)!;
    expect(invoke.status).toBe(200);
    expect(invoke.response).toContain('För kort.');
    expect(invoke.response).toContain('"value":"Berga,Ryd"');
    expect(await store.ids('forum')).toEqual([]);
  });

  test('registrera forum: name + district, Spara → the card is replaced by the summary; forum lists it', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('registrera forum');
    const form = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Registrera forum'), STEP_MS, { since: mark });
    const inputs = elementsOf(cardJson(form)).filter((e) => String(e.type).startsWith('Input.'));
    expect(inputs.map((e) => e.id)).toEqual(['name', 'kind', 'districts', 'contacts']);

    await stack.fillInput('name', 'Trygghetsrådet Berga', { message: form });
    await stack.selectChoice('districts', ['Berga'], { message: form });
    await stack.fillInput('contacts', 'Lina Ström, Olle Vik', { message: form });
    await stack.pressAction('Spara', { message: form });

    const summary = await stack.waitForBotMessage((m) => m.id === form.id && m.text.includes('är registrerat'), STEP_MS);
    expect(summary.text).toContain('Forumet Trygghetsrådet Berga är registrerat för den här kanalen.');
    expect(summary.text).toContain('Trygghetsråd'); // kind, the card's default
    expect(summary.text).toContain('Lina Ström, Olle Vik');

    expect(await store.ids('forum')).toEqual(['trygghetsradet-berga']);
    expect(await store.doc('forum', 'trygghetsradet-berga')).toMatchObject({
      name: 'Trygghetsrådet Berga',
      kind: 'trygghetsrad',
      districts: ['Berga'],
      conversationId: PG.team.id,
      active: true,
    });

    const list = await stack.sendMessage('forum');
    const listed = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Trygghetsrådet Berga'), STEP_MS, { since: list });
    expect(listed.text).toMatch(/Trygghetsrådet Berga · Trygghetsråd · Aktivt/);
    // The channel column: Teams (and the Playground) put no channel name on channel messages,
    // and this channel got no install event with the team's name (the Playground sends one
    // per team, for the first channel opened), so the bot may only know the id here: "–".
    expect(listed.text).toMatch(/Berga · Kanal: \S/);
  });

  test('the forum list is also available in the steering channel', async () => {
    const { stack } = e2e;
    await stack.openConversation(CHANNEL);
    const mark = await stack.sendMessage('forum');
    const listed = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Forum'), STEP_MS, { since: mark });
    expect(listed.text).toContain('Trygghetsrådet Berga');
  });
});

/** Next calendar year in Stockholm: `planera <year>` must propose dates in the future. */
const YEAR = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date())) + 1;

describe('a chair plans the year', () => {
  const e2e = useE2EStack({ env: CHAIR_ENV });
  const store = useStoreProbe(e2e);
  const titles = [1, 2, 3].map((i) => `Styrgruppsmöte ${i}/${YEAR}`);
  const ids = [1, 2, 3].map((i) => `${YEAR}-${i}`);

  test(`planera ${YEAR} → proposal with three dates → Bekräfta mötena → three meetings in place; möten lists them`, async () => {
    const { stack } = e2e;
    // The steering channel first, so the invitations have somewhere to go.
    await stack.openConversation(CHANNEL);
    const reg = await stack.sendMessage('registrera styrgrupp');
    await stack.waitForBotMessage('Den här kanalen är nu styrgruppens kanal.', STEP_MS, { since: reg });

    const mark = await stack.sendMessage(`planera ${YEAR}`);
    const proposal = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes(`Förslag: styrgruppens möten ${YEAR}`), STEP_MS, { since: mark });
    const dates = elementsOf(cardJson(proposal)).filter((e) => e.type === 'Input.Date');
    expect(dates.map((d) => d.id)).toEqual(['date1', 'date2', 'date3']);
    for (const d of dates) expect(String(d.value)).toMatch(new RegExp(`^${YEAR}-\\d{2}-\\d{2}$`));
    const times = elementsOf(cardJson(proposal)).filter((e) => e.type === 'Input.Time');
    expect(times.map((t) => t.id)).toEqual(['time1', 'time2', 'time3']);
    expect(proposal.text).toMatch(/Möte 1 .*Möte 2 .*Möte 3/);

    await stack.pressAction('Bekräfta mötena', { message: proposal });
    const confirmed = await stack.waitForBotMessage((m) => m.id === proposal.id && m.text.includes('Styrgruppens möten'), STEP_MS);
    expect(confirmed.text).toContain(`Styrgruppens möten ${YEAR} är bekräftade.`);
    for (const t of titles) expect(confirmed.text).toContain(t);
    const proposedDates = dates.map((d) => String(d.value));
    for (const d of proposedDates) expect(confirmed.text).toContain(d);

    expect(await store.ids('meeting')).toEqual(ids);
    for (const [i, id] of ids.entries()) {
      expect(await store.doc('meeting', id)).toMatchObject({ year: YEAR, index: i + 1, date: proposedDates[i], status: 'confirmed', sequence: 0 });
    }

    const list = await stack.sendMessage('möten');
    const listed = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Styrgruppens möten') && m.id !== proposal.id, STEP_MS, { since: list });
    const order = titles.map((t) => listed.text.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(listed.text).toContain('Flytta');
    expect(listed.text).toContain('Avboka');
  });

  test('the steering channel gets one invitation per meeting (proactive, through the notify queue)', async () => {
    const { stack } = e2e;
    const deadline = Date.now() + 30_000;
    let invitations: BotMessage[] = [];
    while (Date.now() < deadline) {
      invitations = (await stack.botMessages()).filter((m) => m.text.includes('Kallelse:'));
      if (invitations.length >= 3) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    for (const t of titles) expect(invitations.some((m) => m.text.includes(t)), `invitation for ${t}`).toBe(true);
    expect(invitations).toHaveLength(3);
  });

  test(`planera ${YEAR} again shows the confirmed dates and says so`, async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage(`planera ${YEAR}`);
    const again = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes(`Förslag: styrgruppens möten ${YEAR}`), STEP_MS, { since: mark });
    expect(again.text).toContain(`Det finns redan bekräftade möten ${YEAR}.`);
  });
});
