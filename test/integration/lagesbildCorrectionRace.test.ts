import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { questionKey } from '../../src/domain/lagesbild/mergeCorrections.js';
import { correctMerge } from '../../src/services/lagesbild/corrections.js';
import { requestCompile, runCompile, type CompileHooks } from '../../src/services/lagesbild/compile.js';
import { confirmPlan } from '../../src/services/meetings.js';
import { addForums, answerOf } from '../support/lagesbild.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/**
 * A chair's split or join whose compile request joins a run already running: the run read
 * the corrections before the chair saved one, so its snapshot lacks it — and must then be
 * marked stale (as for an answer that came in late), never silently stored as current.
 * Real Redis; the run is driven directly (no worker) so the correction lands between the
 * compile and the store.
 */
const KVALLARNA = 'Kan polisen öka närvaron vid Bergaskolan på kvällarna?';
const KVALLSTID = 'Kan polisen öka närvaron vid Bergaskolan kvällstid';
const MEETING = '2027-1';
const CHAIR = { id: 'chair-race', isChair: true };

let t: TestServices;
let forums: string[];
const s = () => t.s;
const record = async () => (await s().repos.lagesbilder.require(MEETING)).data;

async function compile(hooks: CompileHooks = {}) {
  const { run } = await requestCompile(s(), { meetingId: MEETING, trigger: 'command', actor: CHAIR.id });
  return runCompile(s(), MEETING, run, hooks);
}

beforeAll(async () => {
  t = await makeTestServices({ now: new Date('2027-01-10T08:00:00Z') });
  await confirmPlan(s(), 2027, proposeYearPlan(2027, s().planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time })), CHAIR.id);
  forums = await addForums(s(), MEETING, 3, 0);
  for (const [i, text] of [KVALLARNA, KVALLSTID].entries()) {
    await s().repos.answers.create(answerId(MEETING, forums[i]!), answerOf(MEETING, forums[i]!, i + 2, s().clock().toISOString(), { questions: [{ text, priority: 'hog' }] }), 'seed');
  }
});

afterAll(async () => {
  await t?.cleanup();
});

describe('a correction saved while a compile runs', () => {
  it('the paraphrases are one group to begin with', async () => {
    await compile();
    const { snapshot, stale } = await record();
    expect(snapshot.questions.groups).toHaveLength(1);
    expect(stale).toBe(false);
  });

  it('saved after the run read the corrections: the stored snapshot is stale, not silently current', async () => {
    const split = { kind: 'split' as const, question: questionKey({ forumId: forums[1]!, text: KVALLSTID }) };
    await compile({ beforeStore: async () => expect(await correctMerge(s(), MEETING, split, CHAIR)).toEqual({ ok: true }) });
    const { snapshot, stale } = await record();
    expect(snapshot.mergeCorrections).toEqual([]);
    expect(stale).toBe(true);
  });

  it('the next run applies it and the snapshot is current again', async () => {
    await compile();
    const { snapshot, stale } = await record();
    expect(snapshot.questions.groups).toHaveLength(2);
    expect(snapshot.mergeCorrections).toHaveLength(1);
    expect(stale).toBe(false);
  });
});
