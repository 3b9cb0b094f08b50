import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { editAgenda } from '../../src/services/lagesbild/agenda.js';
import { COMPILE_ACTOR, requestCompile, runCompile } from '../../src/services/lagesbild/compile.js';
import { confirmPlan } from '../../src/services/meetings.js';
import { addForums, answerOf } from '../support/lagesbild.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/**
 * An approved agenda the chair has not edited, and a recompile whose snapshot has a new
 * content hash for the same inputs (as after a COMPILE_VERSION bump): the same agenda keeps
 * its approval; an agenda that changed needs approving again. Real Redis, the run driven
 * directly (no worker).
 */
const MEETING = '2027-1';
const CHAIR = { id: 'chair-approval', isChair: true };
/** What a compile of the earlier version stored as the content hash. */
const OLD_HASH = 'e'.repeat(64);

let t: TestServices;
let forums: string[];
const s = () => t.s;
const agenda = async () => (await s().repos.agendas.require(MEETING)).data;

async function compile() {
  const { run } = await requestCompile(s(), { meetingId: MEETING, trigger: 'command', actor: CHAIR.id });
  return runCompile(s(), MEETING, run);
}

/** The stored snapshot and agenda as the previous compile version left them. */
async function asCompiledByEarlierVersion() {
  await s().repos.lagesbilder.mutate(MEETING, COMPILE_ACTOR, 'test-old-version', (cur) => ({ ...cur!, snapshot: { ...cur!.snapshot, contentHash: OLD_HASH } }));
  await s().repos.agendas.mutate(MEETING, COMPILE_ACTOR, 'test-old-version', (cur) => ({ ...cur!, agenda: { ...cur!.agenda, contentHash: OLD_HASH } }));
}

async function approve() {
  const cur = await s().repos.agendas.require(MEETING);
  await editAgenda(s(), MEETING, cur.version, { kind: 'approve' }, CHAIR);
}

beforeAll(async () => {
  t = await makeTestServices({ now: new Date('2027-01-10T08:00:00Z') });
  await confirmPlan(s(), 2027, proposeYearPlan(2027, s().planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time })), CHAIR.id);
  forums = await addForums(s(), MEETING, 3, 0);
  await s().repos.answers.create(answerId(MEETING, forums[2]!), answerOf(MEETING, forums[2]!, 2, s().clock().toISOString(), { questions: [{ text: 'Kan polisen öka närvaron vid Bergaskolan på kvällarna?', priority: 'hog' }] }), 'seed');
  await compile();
  await approve();
});

afterAll(async () => {
  await t?.cleanup();
});

describe('an approved agenda and a recompile', () => {
  it('a new content hash for the same agenda: still approved, now of the new snapshot', async () => {
    const approved = await agenda();
    expect(approved.agenda.status).toBe('approved');
    expect(approved.chairEdited).toBe(false);
    await asCompiledByEarlierVersion();
    const outcome = await compile();
    expect(outcome).toMatchObject({ status: 'compiled', changed: true });
    const after = await agenda();
    expect(after.agenda.contentHash).not.toBe(OLD_HASH);
    expect(after.agenda.contentHash).toBe(approved.agenda.contentHash);
    expect(after.agenda.status).toBe('approved');
    expect(after.agenda.items).toEqual(approved.agenda.items);
  });

  it('an agenda that changed (a new question) needs approving again', async () => {
    await s().repos.answers.create(answerId(MEETING, forums[1]!), answerOf(MEETING, forums[1]!, 2, s().clock().toISOString(), { questions: [{ text: 'Vad gör polisen åt narkotikaförsäljningen i Ryds centrum?', priority: 'hog' }] }), 'seed');
    await compile();
    const after = await agenda();
    expect(after.agenda.items.length).toBeGreaterThan(0);
    expect(after.agenda.status).toBe('proposed');
  });
});
