// End-to-end scenario of the pre-meeting input (inspel, issue 3) through the real Microsoft
// 365 Agents Playground and Chromium: a chair sends the input card, a forum answers it in
// its own conversation, sees it refresh in place, edits it, is refused a phone number, and
// the steering channel's status follows.
//
// The world is set up through the bot's own commands and cards, as a chair would:
//   steering channel = the team channel "Möten"; the forum = the Playground's group chat
//   (registered with its card, districts Berga + Ryd); the meetings = `planera <next year>`
//   confirmed, so "the next meeting" is Styrgruppsmöte 1/<next year> with its deadline far ahead.
// The tests of the describe run in order and build on each other (one stack, one Redis prefix).
import { describe, expect, test } from 'vitest';
import { cardJson, elementsOf } from './cardJson.js';
import { useStoreProbe } from './storeProbe.js';
import { DEFAULT_PLAYGROUND_CONFIG as PG, useE2EStack, type BotMessage, type ExchangeFromBot, type Stack } from './harness.js';
import { TAG_INPUTS } from './pageScripts.js';
import { registerSteeringAndConfirmYear } from './chairFlows.js';

const CHAIR_ENV = { CHAIR_IDS: PG.currentUser.aadObjectId, ALLOWED_TENANTS: PG.tenantId };
const STEERING = PG.team.channels[0]!.name; // "Möten"
const FORUM = 'Trygghetsrådet Berga';
const FORUM_ID = 'trygghetsradet-berga';
const STEP_MS = 20_000;
/** Next calendar year in Stockholm: `planera <year>` must propose dates in the future. */
const YEAR = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date())) + 1;
const MEETING_ID = `${YEAR}-1`;
const MEETING = `Styrgruppsmöte 1/${YEAR}`;
const ANSWER_ID = `${MEETING_ID}.${FORUM_ID}`;

const FIRST_SITUATION = 'Fler klagomål på nedskräpning och skadegörelse vid Berga centrum på kvällarna.';
const QUESTION = 'Kan polisen vara synlig vid Berga centrum på fredagskvällar?';
const PHONE_SITUATION = 'Ring väktaren på 070-123 45 67 om det händer något.';
const THANKS = 'Tack! Ert inspel är sparat.';


/** Polls until `probe` returns a value (not undefined), or fails with `what`. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = STEP_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A connector call the bot made to update activity `activityId` in place (PUT …/activities/<id>). */
const isUpdateOf = (activityId: string) => (x: ExchangeFromBot) =>
  x.method === 'PUT' && decodeURIComponent(x.path.split('?')[0]!).endsWith(`/activities/${activityId}`);

/**
 * Waits for the notify worker's in-place update of a card (after `since` exchanges) to have
 * been accepted by the Playground. The worker re-renders the forum's card after every saved
 * answer; waiting for it keeps that update from landing on top of a form opened later.
 */
async function cardUpdated(stack: Stack, activityId: string, since: number): Promise<ExchangeFromBot> {
  return eventually(`the bot's update of card ${activityId}`, () =>
    stack
      .activitiesFromBot()
      .slice(since)
      .find((x) => isUpdateOf(activityId)(x) && x.status >= 200 && x.status < 300),
  );
}

/** The response (card JSON as text) of the newest `adaptiveCard/action` invoke with this verb. */
async function lastInvoke(stack: Stack, verb: string, since: number) {
  return eventually(`an answered ${verb} invoke`, () =>
    stack
      .activitiesToBot()
      .slice(since)
      .filter((x) => x.activity?.name === 'adaptiveCard/action' && (x.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb === verb && x.status > 0)
      .at(-1),
  );
}

/** The current value of a rendered card input (an <input>/<textarea> inside the tagged node, or the node itself). */
async function inputValue(stack: Stack, message: BotMessage, id: string): Promise<string> {
  await stack.page.evaluate(`(${TAG_INPUTS})()`);
  const tagged = message.element.locator(`[data-e2e-input-id=${JSON.stringify(id)}]`).first();
  const tag = await tagged.evaluate((n) => n.tagName.toLowerCase());
  const field = tag === 'input' || tag === 'textarea' ? tagged : tagged.locator('input, textarea').first();
  return field.inputValue();
}

/** Asserts that `text` is shown right under card input `id` (within 80 px below it). */
async function expectErrorUnder(message: BotMessage, id: string, text: string): Promise<void> {
  const field = message.element.locator(`[data-e2e-input-id=${JSON.stringify(id)}]`).first();
  const error = message.element.getByText(text, { exact: true }).first();
  await error.waitFor({ state: 'visible', timeout: STEP_MS });
  const [fieldBox, errorBox] = await Promise.all([field.boundingBox(), error.boundingBox()]);
  expect(fieldBox && errorBox, `boxes of ${id} and its error`).toBeTruthy();
  expect(errorBox!.y).toBeGreaterThanOrEqual(fieldBox!.y + fieldBox!.height - 1);
  expect(errorBox!.y - (fieldBox!.y + fieldBox!.height)).toBeLessThan(80);
}

/**
 * Starts recording, in the page, each message in which a card showing `text` is drawn. The
 * Action.Execute response is drawn in place by the client, and the notify worker's update
 * of the same card may replace it a moment later, so a poll could miss it; a
 * MutationObserver does not. The message id is read from React props, as TAG_MESSAGES does.
 * Returns a function that yields the ids of the messages seen so far.
 */
async function watchFor(stack: Stack, text: string): Promise<() => Promise<string[]>> {
  const key = `__e2eSeen_${Math.random().toString(36).slice(2)}`;
  await stack.page.evaluate(
    String.raw`((key, text) => {
      const seen = (window[key] = []);
      const messageIdOf = (el) => {
        const k = Object.keys(el).find((x) => x.startsWith('__reactFiber$'));
        for (let f = k ? el[k] : null; f; f = f.return) {
          const p = f.memoizedProps;
          if (p && typeof p === 'object') {
            if (p.message && typeof p.message.id === 'string' && p.message.from) return p.message.id;
            if (typeof p.messageId === 'string') return p.messageId;
          }
        }
        return '';
      };
      const check = () => {
        for (const c of document.querySelectorAll('.ac-adaptiveCard')) {
          if (!(c.textContent || '').includes(text)) continue;
          const id = messageIdOf(c);
          if (!seen.includes(id)) seen.push(id);
        }
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
      check();
    })(${JSON.stringify(key)}, ${JSON.stringify(text)})`,
  );
  return async () => (await stack.page.evaluate(`window[${JSON.stringify(key)}]`)) as string[];
}

describe('a forum answers its inspel card in place, edits it, and the status follows', () => {
  const e2e = useE2EStack({ env: CHAIR_ENV });
  const store = useStoreProbe(e2e);
  /** The input card in the forum's conversation (its Playground message id is the activity id the bot stored). */
  let inputCard: BotMessage | undefined;
  /** The progress card posted to the steering channel by `skicka inspel`. */
  let progressCardId: string | undefined;

  test(`setup by a chair: steering channel "${STEERING}", forum "${FORUM}" in the group chat, meetings ${YEAR} confirmed`, async () => {
    const { stack } = e2e;
    const { sincePlan: plan } = await registerSteeringAndConfirmYear(stack, STEERING, YEAR, STEP_MS);
    // The three invitations are proactive (notify queue); wait for them so later proactive
    // messages in this channel are not confused with them.
    await eventually('three invitations in the steering channel', async () => {
      const n = (await stack.botMessages({ since: plan })).filter((m) => m.text.includes('Kallelse:')).length;
      return n >= 3 ? n : undefined;
    });
    expect((await store.get('meeting', MEETING_ID))?.doc).toMatchObject({ status: 'confirmed' });

    // The forum registers in its own conversation (the group chat), with its card.
    await stack.openConversation('group');
    const mark = await stack.sendMessage('registrera forum');
    const form = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Registrera forum'), STEP_MS, { since: mark });
    await stack.fillInput('name', FORUM, { message: form });
    await stack.selectChoice('districts', ['Berga', 'Ryd'], { message: form });
    await stack.pressAction('Spara', { message: form });
    await stack.waitForBotMessage((m) => m.id === form.id && m.text.includes(`Forumet ${FORUM} är registrerat`), STEP_MS);
    expect((await store.get('forum', FORUM_ID))?.doc).toMatchObject({ districts: ['Berga', 'Ryd'], conversationId: PG.groupChat.id, active: true });
  });

  test('before anything is sent, status in the steering channel lists the forum as missing', async () => {
    const { stack } = e2e;
    await stack.openConversation(STEERING);
    const mark = await stack.sendMessage('status');
    const status = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes(`Inspel inför ${MEETING}`), STEP_MS, { since: mark });
    expect(status.text).toContain('0 har svarat, 0 sent, 1 saknas.');
    expect(elementsOf(cardJson(status)).find((e) => e.type === 'FactSet')?.facts).toEqual([
      { title: 'Har svarat', value: '–' },
      { title: 'Svarade sent', value: '–' },
      { title: 'Saknas', value: FORUM },
    ]);
  });

  test('skicka inspel: the chair is told, the steering channel gets the notice and a progress card', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('skicka inspel');
    await stack.waitForBotMessage(`Inspelskortet skickas till 1 aktiva forum inför ${MEETING}.`, STEP_MS, { since: mark });
    await stack.waitForBotMessage(`Inspelskort har skickats till 1 forum inför ${MEETING}.`, STEP_MS, { since: mark });
    const progress = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes(`Inspel inför ${MEETING}`), STEP_MS, { since: mark });
    expect(progress.text).toContain('0 har svarat, 0 sent, 1 saknas.');
    progressCardId = progress.id;
  });

  test('the input card appears in the forum conversation, with one section per district', async () => {
    const { stack } = e2e;
    await stack.openConversation('group');
    inputCard = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes(`Inspel från ${FORUM} inför ${MEETING}`), STEP_MS);
    expect(inputCard.text).toContain('Stadsdel: Berga');
    expect(inputCard.text).toContain('Stadsdel: Ryd');
    const ids = elementsOf(cardJson(inputCard))
      .filter((e) => String(e.type).startsWith('Input.'))
      .map((e) => e.id);
    expect(ids).toEqual(['trend_0', 'situation_0', 'trend_1', 'situation_1', 'themes', 'otherTheme', 'q1', 'q1prio', 'q2', 'q2prio', 'q3', 'q3prio', 'q4', 'q4prio', 'q5', 'q5prio', 'agenda', 'needs', 'sensitivity']);
    // Exactly one card for this forum (a re-run would update it, not post another).
    const cards = (await stack.botMessages()).filter((m) => m.text.includes(`Inspel från ${FORUM}`));
    expect(cards.map((m) => m.id)).toEqual([inputCard.id]);
    expect(await store.get('answer', ANSWER_ID)).toBeNull();
  });

  test('jag är kontaktperson in the forum conversation; påminn reaches the forum and its contact person 1:1', async () => {
    const { stack } = e2e;
    const contact = await stack.sendMessage('jag är kontaktperson');
    const added = await stack.waitForBotMessage(`${PG.currentUser.name} är nu kontaktperson för ${FORUM}`, STEP_MS, { since: contact });
    expect(added.text).not.toContain('Tips: öppna en personlig chatt'); // the Playground installed the personal chat at start
    expect((await store.get('forum', FORUM_ID))?.doc.contacts).toEqual([{ name: PG.currentUser.name, aadObjectId: PG.currentUser.aadObjectId }]);

    await stack.openConversation(STEERING);
    const mark = await stack.sendMessage('påminn');
    await stack.waitForBotMessage(`Påminnelse skickas till 1 forum som inte har svarat inför ${MEETING}.`, STEP_MS, { since: mark });
    const reminder = `Påminnelse: ${FORUM} har inte lämnat inspel inför ${MEETING}.`;
    await stack.openConversation('group');
    await stack.waitForBotMessage(reminder, STEP_MS, { since: mark });
    await stack.openConversation('personal');
    await stack.waitForBotMessage(reminder, STEP_MS, { since: mark });
    await stack.openConversation('group');
  });

  test('the forum fills trend, situation, a question and the sensitivity → "Skicka inspel" → the card turns into the summary in place', async () => {
    const { stack } = e2e;
    const card = inputCard!;
    await stack.selectChoice('trend_0', 'samre', { message: card });
    await stack.fillInput('situation_0', FIRST_SITUATION, { message: card });
    await stack.fillInput('q1', QUESTION, { message: card });
    await stack.selectChoice('q1prio', 'hog', { message: card });
    await stack.selectChoice('sensitivity', 'intern', { message: card });
    const toBot = stack.activitiesToBot().length;
    const fromBot = stack.activitiesFromBot().length;
    const thanksSeen = await watchFor(stack, THANKS);
    await stack.pressAction('Skicka inspel', { message: card });

    // The bot answers the invoke with the summary, thanks on top, and the client draws it in
    // place of the form. The notify worker then re-renders the card for everyone (keeping
    // the thanks, which speaks to the forum): wait for that, then read the summary that stays.
    const invoke = await lastInvoke(stack, 'input.submit', toBot);
    expect(invoke.status).toBe(200);
    expect(invoke.response).toContain(THANKS);
    await eventually('the thanks drawn in the card itself', async () => ((await thanksSeen()).includes(card.id) ? true : undefined));
    await cardUpdated(stack, card.id, fromBot);
    const summary = await stack.waitForBotMessage((m) => m.id === card.id && m.text.includes(`${FORUM}: inspel inför ${MEETING}`), STEP_MS);
    expect(summary.text).toContain(`${FORUM}: inspel inför ${MEETING}`);
    expect(summary.text).toContain(THANKS);
    expect(summary.text).toContain(`Svar från ${PG.currentUser.name},`);
    expect(summary.text).toContain('Berga · Sämre');
    expect(summary.text).toContain(FIRST_SITUATION);
    expect(summary.text).toContain(`${QUESTION} (Hög)`); // "1. " is drawn as a Markdown list marker
    expect(summary.text).toContain('Intern – bara styrgruppens ledamöter');
    expect(summary.text).not.toContain('Ryd ·'); // nothing said about Ryd
    expect(summary.text).not.toContain('markerat som sent');
    expect(await summary.element.getByRole('button', { name: 'Ändra', exact: true }).isVisible()).toBe(true);
    expect(await summary.element.getByRole('button', { name: 'Skicka inspel', exact: true }).count()).toBe(0);
    expect(await summary.element.locator('input, textarea').count()).toBe(0); // read-only

    // Who answered comes from the Teams user, not from the card.
    const stored = await store.get('answer', ANSWER_ID);
    expect(stored?.version).toBe(1);
    expect(stored?.doc).toMatchObject({
      meetingId: MEETING_ID,
      forumId: FORUM_ID,
      submittedBy: PG.currentUser.aadObjectId,
      submittedByName: PG.currentUser.name,
      late: false,
      answer: {
        districts: [{ district: 'Berga', trend: 'samre', situation: FIRST_SITUATION }],
        themes: [],
        questions: [{ text: QUESTION, priority: 'hog' }],
        agendaItems: [],
        sensitivity: 'intern',
      },
    });
    expect(await store.historyLength('answer', ANSWER_ID)).toBe(1);
    // Still one message for this forum's inspel: updated in place, nothing new posted.
    expect((await stack.botMessages()).filter((m) => m.text.includes(`${FORUM}: inspel inför ${MEETING}`) || m.text.includes(`Inspel från ${FORUM}`)).map((m) => m.id)).toEqual([card.id]);
  });

  test('"Ändra" shows the form prefilled; a new trend, resubmitted, gives the new summary', async () => {
    const { stack } = e2e;
    const card = inputCard!;
    const toBot = stack.activitiesToBot().length;
    await stack.pressAction('Ändra', { message: card });
    const form = await stack.waitForBotMessage((m) => m.id === card.id && m.text.includes(`Inspel från ${FORUM} inför ${MEETING}`) && m.text.includes('Skicka inspel'), STEP_MS);
    expect(form.text).not.toContain('Tack! Ert inspel är sparat.');

    // Prefilled as stored: in the card the bot sent, and in what the user sees.
    const edit = await lastInvoke(stack, 'input.edit', toBot);
    expect(edit.status).toBe(200);
    const editCard = (JSON.parse(edit.response) as { value?: unknown }).value;
    const byId = new Map(elementsOf(editCard).map((e) => [e.id, e]));
    expect(byId.get('trend_0')?.value).toBe('samre');
    expect(byId.get('situation_0')?.value).toBe(FIRST_SITUATION);
    expect(byId.get('q1')?.value).toBe(QUESTION);
    expect(byId.get('q1prio')?.value).toBe('hog');
    expect(byId.get('sensitivity')?.value).toBe('intern');
    expect(elementsOf(editCard).find((e) => e.type === 'Action.Execute')?.data).toEqual({ org: expect.stringMatching(/^o[0-9a-z]{7}$/), meetingId: MEETING_ID, forumId: FORUM_ID, version: 1 });
    expect(await inputValue(stack, form, 'situation_0')).toBe(FIRST_SITUATION);
    expect(await inputValue(stack, form, 'q1')).toBe(QUESTION);
    expect(await inputValue(stack, form, 'trend_0')).toBe('Sämre');

    await stack.selectChoice('trend_0', 'battre', { message: form });
    const fromBot = stack.activitiesFromBot().length;
    const submitMark = stack.activitiesToBot().length;
    const thanksSeen = await watchFor(stack, THANKS);
    await stack.pressAction('Skicka inspel', { message: form });
    expect((await lastInvoke(stack, 'input.submit', submitMark)).response).toContain(THANKS);
    await eventually('the thanks drawn in the card itself', async () => ((await thanksSeen()).includes(card.id) ? true : undefined));
    await cardUpdated(stack, card.id, fromBot);
    const summary = await stack.waitForBotMessage((m) => m.id === card.id && m.text.includes(`${FORUM}: inspel inför ${MEETING}`) && m.text.includes('Berga · Bättre'), STEP_MS);
    expect(summary.text).not.toContain('Sämre');
    expect(summary.text).toContain(FIRST_SITUATION);
    expect(summary.text).toContain(`${QUESTION} (Hög)`); // "1. " is drawn as a Markdown list marker

    const stored = await store.get('answer', ANSWER_ID);
    expect(stored?.version).toBe(2);
    expect(stored?.doc).toMatchObject({ answer: { districts: [{ district: 'Berga', trend: 'battre', situation: FIRST_SITUATION }], sensitivity: 'intern' } });
    expect(await store.historyLength('answer', ANSWER_ID)).toBe(2); // every version is kept
  });

  test('a situation with a phone number is refused: the error is shown next to the field and nothing is stored', async () => {
    const { stack } = e2e;
    const card = inputCard!;
    await stack.pressAction('Ändra', { message: card });
    const form = await stack.waitForBotMessage((m) => m.id === card.id && m.text.includes('Skicka inspel'), STEP_MS);
    await stack.fillInput('situation_0', PHONE_SITUATION, { message: form });
    const toBot = stack.activitiesToBot().length;
    const fromBot = stack.activitiesFromBot().length;
    await stack.pressAction('Skicka inspel', { message: form });

    const error = 'Texten verkar innehålla ett telefonnummer. Ta bort det – texten får inte peka ut enskilda personer.';
    const refused = await stack.waitForBotMessage((m) => m.id === card.id && m.text.includes(error), STEP_MS);
    expect(refused.text).not.toContain('Tack! Ert inspel är sparat.');
    await expectErrorUnder(refused, 'situation_0', error);
    // The form comes back as the user left it (so the number can be removed), still based on version 2.
    expect(await inputValue(stack, refused, 'situation_0')).toBe(PHONE_SITUATION);
    const invoke = await lastInvoke(stack, 'input.submit', toBot);
    expect(invoke.status).toBe(200);
    expect(invoke.response).toContain(error);
    expect(invoke.response).toContain('"version":2');
    // Nothing stored, and no card refresh for anyone else.
    const stored = await store.get('answer', ANSWER_ID);
    expect(stored?.version).toBe(2);
    expect(JSON.stringify(stored?.doc)).not.toContain('070-123');
    await new Promise((r) => setTimeout(r, 1000));
    expect(stack.activitiesFromBot().slice(fromBot).filter(isUpdateOf(card.id))).toEqual([]);
  });

  test('status in the steering channel shows the forum as answered; the progress card was updated in place', async () => {
    const { stack } = e2e;
    await stack.openConversation(STEERING);
    const mark = await stack.sendMessage('status');
    const status = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes(`Inspel inför ${MEETING}`), STEP_MS, { since: mark });
    expect(status.text).toContain('1 har svarat, 0 sent, 0 saknas.');
    expect(status.text.toLowerCase()).toContain('har svarat');
    expect(elementsOf(cardJson(status)).find((e) => e.type === 'FactSet')?.facts).toEqual([
      { title: 'Har svarat', value: FORUM },
      { title: 'Svarade sent', value: '–' },
      { title: 'Saknas', value: '–' },
    ]);

    // The progress card from `skicka inspel` now says the same: one card, updated, not one per answer.
    const progress = await eventually('the progress card to show the answer', async () => {
      const [m] = (await stack.botMessages()).filter((x) => x.id === progressCardId);
      return m?.text.includes('1 har svarat, 0 sent, 0 saknas.') ? m : undefined;
    });
    expect(progress.text).toContain(FORUM);
    const progressPosts = stack
      .activitiesFromBot()
      .filter((x) => x.method === 'POST' && !x.activity?.replyToId && JSON.stringify(x.activity ?? {}).includes(`Inspel inför ${MEETING}`));
    expect(progressPosts).toHaveLength(1);
    expect(stack.activitiesFromBot().filter(isUpdateOf(progressCardId!)).length).toBeGreaterThanOrEqual(1);
  });

  test('påminn after the forum answered reminds nobody', async () => {
    const { stack } = e2e;
    const fromBot = stack.activitiesFromBot().length;
    const mark = await stack.sendMessage('påminn');
    await stack.waitForBotMessage(`Alla forum har redan svarat inför ${MEETING}.`, STEP_MS, { since: mark });
    await new Promise((r) => setTimeout(r, 1500)); // room for a (wrong) reminder job to run
    const reminders = stack.activitiesFromBot().slice(fromBot).filter((x) => JSON.stringify(x.activity ?? {}).includes('Påminnelse:'));
    expect(reminders).toEqual([]);
  });
});
