// End-to-end: two forums ask the same question in different words (the pair,
// *kvällarna* vs *kvällstid*); the chair compiles the lägesbild in the Microsoft 365
// Agents Playground and the card shows it as one question with both forums.
//
// The world: the steering channel "Möten" registered and next year's meetings confirmed
// through the bot; three forums and their answers written to the store directly, as in
// lagesbild.test.ts (the inspel e2e test answers through the card).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answerId, type StoredAnswer } from '../../src/domain/inputs/storedAnswer.js';
import { Keys } from '../../src/store/keys.js';
import { createGlobalRepositories, createRepositories } from '../../src/store/repositories.js';
import { registerSteeringAndConfirmYear } from './chairFlows.js';
import { DEFAULT_PLAYGROUND_CONFIG as PG, useE2EStack } from './harness.js';
import { homeOrgKeys } from './storeProbe.js';

const STEERING = PG.team.channels[0]!.name; // "Möten"
const STEP_MS = 20_000;
const YEAR = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date())) + 1;
const MEETING_ID = `${YEAR}-1`;
const MEETING = `Styrgruppsmöte 1/${YEAR}`;
const KVALLARNA = 'Kan polisen öka närvaron vid Bergaskolan på kvällarna?';
const KVALLSTID = 'Kan polisen öka närvaron vid Bergaskolan kvällstid';
const MORGON = 'Kan polisen öka närvaron vid Bergaskolan på morgnarna?';
const FORUMS = [
  { id: 'e2e-tr-berga', name: 'Trygghetsrådet Berga', question: KVALLARNA },
  { id: 'e2e-skolan-berga', name: 'Skolans trygghetsgrupp Berga', question: KVALLSTID },
  // Shares most words, but another time of day: stays a question of its own.
  { id: 'e2e-fritid-berga', name: 'Fritidsgården Berga', question: MORGON },
];

function answer(forumId: string, question: string, at: string): StoredAnswer {
  return {
    meetingId: MEETING_ID,
    forumId,
    answer: {
      districts: [{ district: 'Berga', trend: 'samre', situation: 'Oroligt kring skolan.' }],
      themes: ['narkotika'],
      questions: [{ text: question, priority: 'hog' }],
      agendaItems: [],
      sensitivity: 'oppen',
    },
    submittedBy: 'e2e-seed',
    submittedByName: 'Seed',
    submittedAt: at,
    firstSubmittedAt: at,
    late: false,
    answeredOnTime: true,
  };
}

describe('question merging: the paraphrase pair is one question with both forums', () => {
  const e2e = useE2EStack({ env: { CHAIR_IDS: PG.currentUser.aadObjectId, ALLOWED_TENANTS: PG.tenantId, LINK_SECRET: 'm'.repeat(40) } });
  let redis: Redis | undefined;
  beforeAll(() => {
    redis = new Redis(e2e.stack.redisUrl, { maxRetriesPerRequest: 2 });
  });
  afterAll(() => {
    redis?.disconnect();
  });
  const repos = async () => createRepositories(redis!, await homeOrgKeys(redis!, e2e.stack.keyPrefix), () => new Date(), createGlobalRepositories(redis!, new Keys(e2e.stack.keyPrefix), () => new Date()));

  test('setup: steering channel, meetings confirmed, three forums answered', async () => {
    await registerSteeringAndConfirmYear(e2e.stack, STEERING, YEAR, STEP_MS);
    const r = await repos();
    const at = new Date().toISOString();
    for (const f of FORUMS) {
      await r.forums.create(f.id, { id: f.id, name: f.name, kind: 'trygghetsrad', districts: ['Berga'], contacts: [], conversationId: `19:${f.id}@thread.tacv2`, active: true, memberIds: [] }, 'e2e-seed');
      await r.answers.create(answerId(MEETING_ID, f.id), answer(f.id, f.question, at), 'e2e-seed');
    }
  });

  test('sammanställ: one question asked by both forums, the morning question apart', async () => {
    const { stack } = e2e;
    await stack.openConversation('personal');
    const mark = await stack.sendMessage('sammanställ');
    // The progress card; with three forums the compile may finish and turn it into the
    // lägesbild before the page shows it, so either state of that one card will do.
    const card = await stack.waitForBotMessage(
      (m) => m.hasCard && (m.text.includes(`Sammanställer lägesbilden inför ${MEETING}`) || m.text.includes(`Lägesbild inför ${MEETING}`)),
      STEP_MS,
      { since: mark },
    );
    const done = await stack.waitForBotMessage((m) => m.id === card.id && m.text.includes(`Lägesbild inför ${MEETING}`), 40_000);
    // Shown once, with the two forums that asked it.
    const shown = [KVALLARNA, KVALLSTID].filter((q) => done.text.includes(q));
    expect(shown).toHaveLength(1);
    expect(done.text).toMatch(/Ställd av (Skolans trygghetsgrupp Berga, Trygghetsrådet Berga|Trygghetsrådet Berga, Skolans trygghetsgrupp Berga)/);
    expect(done.text).toContain('(2 forum,');
    expect(done.text).toContain(MORGON);
    const snapshot = (await (await repos()).lagesbilder.require(MEETING_ID)).data.snapshot;
    const group = snapshot.questions.groups.find((g) => g.members.some((m) => m.text === KVALLSTID))!;
    expect(group.members.map((m) => m.forumId).sort()).toEqual(['e2e-skolan-berga', 'e2e-tr-berga']);
    expect(snapshot.questions.groups).toHaveLength(2);
    await stack.screenshot('lagesbild-merged-question');
  });
});
