// End-to-end scenario of the lägesbild (issue 4) through the real Microsoft 365 Agents
// Playground and Chromium: a chair says `sammanställ` in the personal chat, sees the card
// count the forums in place, gets the chairs' lägesbild with the proposed agenda, moves an
// item, approves the agenda and publishes; the steering channel gets the steering version.
//
// The world: the steering channel "Möten" registered and next year's meetings confirmed
// through the bot; eight forums and six answers (one känslig, one intern) written to the
// store directly (the inspel e2e test answers through the card).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answerId, type StoredAnswer } from '../../src/domain/inputs/storedAnswer.js';
import { Keys } from '../../src/store/keys.js';
import { createGlobalRepositories, createRepositories } from '../../src/store/repositories.js';
import { DEFAULT_PLAYGROUND_CONFIG as PG, useE2EStack, type ExchangeFromBot, type Stack } from './harness.js';
import { homeOrgKeys } from './storeProbe.js';
import { registerSteeringAndConfirmYear } from './chairFlows.js';

const STEERING = PG.team.channels[0]!.name; // "Möten"
const STEP_MS = 20_000;
const YEAR = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date())) + 1;
const MEETING_ID = `${YEAR}-1`;
const MEETING = `Styrgruppsmöte 1/${YEAR}`;
const FORUMS = 8;
const KANSLIG = 'Känslig uppgift om en pågående utredning';
const INTERN = 'Intern bedömning av läget i Ryd';
const DISTRICTS = ['Berga', 'Ryd', 'Skäggetorp'];

const ENV = {
  CHAIR_IDS: PG.currentUser.aadObjectId,
  ALLOWED_TENANTS: PG.tenantId,
  // Slow enough per forum to watch the card count (honoured only with NODE_ENV=test, as the harness runs it).
  COMPILE_TEST_DELAY_MS: '500',
  LINK_SECRET: 'e'.repeat(40),
};

function answer(i: number, forumId: string, at: string): StoredAnswer {
  const sensitivity = i === 0 ? 'kanslig' : i === 1 ? 'intern' : 'oppen';
  return {
    meetingId: MEETING_ID,
    forumId,
    answer: {
      districts: [{ district: DISTRICTS[i % 3]!, trend: (['samre', 'battre', 'oforandrat'] as const)[i % 3]!, situation: i === 0 ? KANSLIG : i === 1 ? INTERN : `Lugnare kvällar i ${DISTRICTS[i % 3]}.` }],
      themes: ['narkotika'],
      questions: [{ text: i === 0 ? `${KANSLIG}?` : i === 1 ? `${INTERN}?` : i % 2 ? 'Hur arbetar polisen mot narkotikaförsäljningen vid centrum?' : 'Kan polisen vara mer synlig vid centrum på kvällarna?', priority: 'hog' }],
      agendaItems: [],
      sensitivity,
    },
    submittedBy: 'e2e-seed',
    submittedByName: 'Seed',
    submittedAt: at,
    firstSubmittedAt: at,
    late: false,
    answeredOnTime: true,
  };
}

/** PUT …/activities/<id>: the bot updating a card in place. */
const updatesOf = (stack: Stack, activityId: string): ExchangeFromBot[] =>
  stack.activitiesFromBot().filter((x) => x.method === 'PUT' && decodeURIComponent(x.path.split('?')[0]!).endsWith(`/activities/${activityId}`) && x.status < 300);

describe('lägesbild: a chair compiles, sees progress, approves the agenda and publishes', () => {
  const e2e = useE2EStack({ env: ENV });
  let redis: Redis | undefined;
  beforeAll(() => {
    redis = new Redis(e2e.stack.redisUrl, { maxRetriesPerRequest: 2 });
  });
  afterAll(() => {
    redis?.disconnect();
  });
  const repos = async () => createRepositories(redis!, await homeOrgKeys(redis!, e2e.stack.keyPrefix), () => new Date(), createGlobalRepositories(redis!, new Keys(e2e.stack.keyPrefix), () => new Date()));
  let cardId = '';

  test(`setup: steering channel "${STEERING}", meetings ${YEAR} confirmed, ${FORUMS} forums of which 6 answered`, async () => {
    const { stack } = e2e;
    await registerSteeringAndConfirmYear(stack, STEERING, YEAR, STEP_MS);

    const r = await repos();
    const at = new Date().toISOString();
    for (let i = 0; i < FORUMS; i++) {
      const id = `e2e-forum-${i}`;
      await r.forums.create(id, { id, name: `Trygghetsrådet ${DISTRICTS[i % 3]} ${i}`, kind: 'trygghetsrad', districts: [DISTRICTS[i % 3]!], contacts: [], conversationId: `19:e2e-forum-${i}@thread.tacv2`, active: true, memberIds: [] }, 'e2e-seed');
      if (i < 6) await r.answers.create(answerId(MEETING_ID, id), answer(i, id, at), 'e2e-seed');
    }
  });

  test('sammanställ in the personal chat: the card counts the forums in place, then shows the chairs version and the agenda', async () => {
    const { stack } = e2e;
    await stack.openConversation('personal');
    const mark = await stack.sendMessage('sammanställ');
    const card = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes(`Sammanställer lägesbilden inför ${MEETING}`), STEP_MS, { since: mark });
    cardId = card.id;
    const done = await stack.waitForBotMessage((m) => m.id === cardId && m.text.includes(`Lägesbild inför ${MEETING}`), 40_000);
    // The progress the chair saw on that card before the result (updates in place, same message).
    const progress = updatesOf(stack, cardId)
      .map((x) => JSON.stringify(x.activity?.attachments?.[0]?.content ?? ''))
      .filter((t) => /Sammanställer … \d+ av 8 forum/.test(t));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(done.text).toContain('6 av 8 forum har svarat');
    expect(done.text).toContain('Ordförandenas version');
    expect(done.text).toContain(KANSLIG);
    expect(done.text).toContain('Dagordning (förslag – inte godkänd)');
    expect(done.text).toContain('1. Lägesbild – 20 min');
    // One message for it: the progress card became the lägesbild.
    expect((await stack.botMessages({ since: mark })).filter((m) => m.text.includes(MEETING))).toHaveLength(1);
    await stack.screenshot('lagesbild-chairs-card');
  });

  test('the chair moves an item down and approves the agenda, in place', async () => {
    const { stack } = e2e;
    const card = (await stack.botMessages()).find((m) => m.id === cardId)!;
    await stack.pressAction('↓', { message: card });
    const moved = await stack.waitForBotMessage((m) => m.id === cardId && m.text.includes('Ändringen är sparad'), STEP_MS);
    expect(moved.text).toContain('1. Uppföljning av medborgarlöftet – 15 min');
    expect(moved.text).toContain('2. Lägesbild – 20 min');
    await stack.pressAction('Godkänn dagordningen', { message: moved });
    const approved = await stack.waitForBotMessage((m) => m.id === cardId && m.text.includes('Dagordningen är godkänd'), STEP_MS);
    expect(approved.text).toContain('Dagordning (godkänd)');
    const agenda = await (await repos()).agendas.require(MEETING_ID);
    expect(agenda.data.agenda.status).toBe('approved');
    expect(agenda.data.agenda.items[0]!.id).toBe('fixed-medborgarlofte');
  });

  test('publish: the steering channel gets the steering version and the approved agenda', async () => {
    const { stack } = e2e;
    const card = (await stack.botMessages()).find((m) => m.id === cardId)!;
    await stack.pressAction('Publicera i styrgruppens kanal', { message: card });
    // The invoke answer says it is being published; the card's refresh a moment later says when it was.
    await stack.waitForBotMessage((m) => m.id === cardId && /publiceras i styrgruppens kanal|Publicerad i styrgruppens kanal/.test(m.text), STEP_MS);
    await stack.openConversation(STEERING);
    const published = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes(`Lägesbild och dagordning inför ${MEETING}`), STEP_MS);
    expect(published.text).toContain('Styrgruppens version');
    expect(published.text).toContain('1. Uppföljning av medborgarlöftet – 15 min');
    expect(published.text).toContain(INTERN);
    expect(published.text).not.toContain(KANSLIG);
    expect((await (await repos()).agendas.require(MEETING_ID)).data.published).toMatchObject({ by: PG.currentUser.aadObjectId });
    // The printable report behind the card's link is the steering version too.
    const url = /"url":"(http[^"]+\.html\?aud=steering&exp=\d+&sig=[^"]+)"/.exec(JSON.stringify(published.raw.attachments?.[0]?.content))?.[1];
    expect(url).toBeTruthy();
    const res = await fetch(url!.replace(/^https?:\/\/[^/]+/, stack.botUrl));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<svg');
    expect(html).not.toContain(KANSLIG);
    await stack.screenshot('lagesbild-published');
  });
});
