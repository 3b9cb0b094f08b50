import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { questionKey } from '../../src/domain/lagesbild/mergeCorrections.js';
import { messages } from '../../src/i18n/index.js';
import { CHAIR, MEMBER, invokeExecute } from '../support/activities.js';
import { answerOf, CHAIR_CHAT, drained, setUpWorld, type World } from '../support/lagesbild.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * The chairs' corrections of the question groups through the real server, adapter, Redis
 * and BullMQ: two forums' paraphrases merge, a non-chair is refused, a chair splits one
 * out and joins two groups on the card, and a recompile (a new answer came in) keeps
 * both corrections.
 */
const sv = messages('sv');
const KVALLARNA = 'Kan polisen öka närvaron vid Bergaskolan på kvällarna?';
const KVALLSTID = 'Kan polisen öka närvaron vid Bergaskolan kvällstid';
const NARKOTIKA = 'Vad gör polisen åt narkotikaförsäljningen i Berga centrum?';

let t: TestRuntime;
let w: World;
const s = () => t.runtime.services;
const chairChat = () => ({ conversationId: CHAIR_CHAT, conversationType: 'personal' as const, serviceUrl: t.connector.url });
const memberChat = () => ({ conversationId: 'a:member-merge', conversationType: 'personal' as const, serviceUrl: t.connector.url });
const cardText = (res: { body: unknown }) => JSON.stringify((res.body as { value?: unknown }).value ?? res.body);
const chair = (verb: string, data: Record<string, unknown>) => t.post(invokeExecute(chairChat(), CHAIR, verb, { meetingId: w.meetingId, ...data }));

async function snapshot() {
  return (await s().repos.lagesbilder.require(w.meetingId)).data.snapshot;
}
const groupOf = async (text: string) => (await snapshot()).questions.groups.find((g) => g.members.some((m) => m.text === text))!;
const key = (forum: number, text: string) => questionKey({ forumId: w.forumIds[forum]!, text });

async function answer(forum: number, question: string, version: 'create' | 'update' = 'create') {
  const id = answerId(w.meetingId, w.forumIds[forum]!);
  const a = answerOf(w.meetingId, w.forumIds[forum]!, forum, s().clock().toISOString(), { questions: [{ text: question, priority: 'hog' }] });
  if (version === 'create') await s().repos.answers.create(id, a, 'seed');
  else await s().repos.answers.mutate(id, 'seed', 'edit', () => a);
}

async function compile() {
  await chair('lagesbild.compile', {});
  await drained(t);
}

beforeAll(async () => {
  t = await startTestRuntime({ now: new Date('2027-01-10T08:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId, LINK_SECRET: 'l'.repeat(40) } });
  w = await setUpWorld(t, { forums: 5, answered: 0 });
  await answer(2, KVALLARNA);
  await answer(3, KVALLSTID);
  await answer(4, NARKOTIKA);
});

afterAll(async () => {
  await t?.cleanup();
});

describe('correcting the question groups', () => {
  it('the paraphrase pair is one question with both forums, and the card offers the corrections', async () => {
    await compile();
    const g = await groupOf(KVALLARNA);
    expect(g.members.map((m) => m.text).sort()).toEqual([KVALLARNA, KVALLSTID].sort());
    expect(g.forums.map((f) => f.forumId)).toEqual([w.forumIds[2], w.forumIds[3]].sort());
    const card = cardText(await chair('lagesbild.show', {}));
    expect(card).toContain(sv.merge.open);
    expect(card).toContain(key(3, KVALLSTID));
    expect(card).toContain('Ställd av Forum 02');
  });

  it('a non-chair is refused, and nothing is stored', async () => {
    const res = await t.post(invokeExecute(memberChat(), MEMBER, 'lagesbild.split', { meetingId: w.meetingId, mergeSplit: key(3, KVALLSTID) }));
    expect(cardText(res)).toContain(sv.merge.chairsOnly);
    const english = await t.post(invokeExecute(memberChat(), MEMBER, 'lagesbild.join', { meetingId: w.meetingId, mergeJoinA: key(2, KVALLARNA), mergeJoinB: key(4, NARKOTIKA) }, 'en-US'));
    expect(cardText(english)).toContain(messages('en').merge.chairsOnly);
    expect(await s().repos.mergeCorrections.get(w.meetingId)).toBeNull();
  });

  it('nothing chosen, a forged key, or one not in the picture: a clear message on the card, nothing stored', async () => {
    expect(cardText(await chair('lagesbild.split', {}))).toContain(sv.merge.refused.choose);
    expect(cardText(await chair('lagesbild.split', { mergeSplit: 'nope' }))).toContain(sv.merge.refused.choose);
    expect(cardText(await chair('lagesbild.split', { mergeSplit: 'k-000000000000' }))).toContain(sv.merge.refused.unknownQuestion.slice(0, 30));
    expect(cardText(await chair('lagesbild.split', { mergeSplit: key(4, NARKOTIKA) }))).toContain(sv.merge.refused.alone);
    expect(cardText(await chair('lagesbild.join', { mergeJoinA: key(2, KVALLARNA), mergeJoinB: key(3, KVALLSTID) }))).toContain(sv.merge.refused.sameGroup);
    expect(await s().repos.mergeCorrections.get(w.meetingId)).toBeNull();
  });

  it('a chair splits one out: stored, audited, and the lägesbild is compiled again without the merge', async () => {
    const res = await chair('lagesbild.split', { mergeSplit: key(3, KVALLSTID) });
    expect(cardText(res)).toContain('Sammanställ');
    await drained(t);
    expect((await groupOf(KVALLARNA)).members.map((m) => m.text)).toEqual([KVALLARNA]);
    expect((await groupOf(KVALLSTID)).members.map((m) => m.text)).toEqual([KVALLSTID]);
    const stored = await s().repos.mergeCorrections.require(w.meetingId);
    expect(stored.data.corrections).toEqual([expect.objectContaining({ kind: 'split', question: key(3, KVALLSTID), by: CHAIR.aadObjectId })]);
    expect((await s().repos.audit.list('mergecorrections', w.meetingId)).map((e) => e.action)).toEqual(['merge-split']);
  });

  it('a chair joins two groups', async () => {
    await chair('lagesbild.join', { mergeJoinA: key(2, KVALLARNA), mergeJoinB: key(4, NARKOTIKA) });
    await drained(t);
    expect((await groupOf(NARKOTIKA)).members.map((m) => m.text).sort()).toEqual([KVALLARNA, NARKOTIKA].sort());
    expect((await groupOf(KVALLSTID)).members).toHaveLength(1);
  });

  it('a recompile after a new answer came in keeps both corrections', async () => {
    await answer(0, 'Hur många anmälningar om klotter kom in i Ryd?', 'create');
    const before = (await snapshot()).contentHash;
    await compile();
    const after = await snapshot();
    expect(after.contentHash).not.toBe(before);
    expect(after.mergeCorrections).toHaveLength(2);
    expect((await groupOf(KVALLSTID)).members.map((m) => m.text)).toEqual([KVALLSTID]);
    expect((await groupOf(NARKOTIKA)).members.map((m) => m.text).sort()).toEqual([KVALLARNA, NARKOTIKA].sort());
  });
});
