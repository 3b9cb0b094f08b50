import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerId } from '../../src/domain/inputs/storedAnswer.js';
import { DomainError } from '../../src/domain/errors.js';
import { ownerDigest } from '../../src/domain/regional/ownerDigest.js';
import { compileRegional, latestPublished, type RegionalSourceInput } from '../../src/services/regional/compileRegional.js';
import { RegionalStore } from '../../src/store/regionalPictures.js';
import { UnrecoverableError } from 'bullmq';
import { createRegionalProcessor, regionalJobId, type RegionalJob, type RegionalJobState } from '../../jobs/processors/regionalCompile.js';
import { answerOf, MARK } from '../support/lagesbild.js';
import { approveAndPublish, compileNow, MEETING, seedOrganisation } from '../support/regional.js';
import { makeTestServices, scanKeys, type TestServices } from '../support/services.js';

/**
 * The regional picture on real Redis: two organisations are two Services under different
 * KEY_PREFIX values, each with a lägesbild compiled and published; a third store prefix
 * stands for the person-scoped data (the picture's owner).
 */
const NOW = new Date('2026-12-01T09:00:00Z');
let a: TestServices;
let b: TestServices;
let owner: TestServices;
let store: RegionalStore;

beforeEach(async () => {
  [a, b, owner] = await Promise.all([makeTestServices({ now: NOW }), makeTestServices({ now: NOW }), makeTestServices({ now: NOW })]);
  store = new RegionalStore(owner.redis, owner.platform.keys, owner.clock);
  await seedOrganisation(a.s, { forums: 4, answered: 4 });
  await seedOrganisation(b.s, { forums: 5, answered: 3 });
});
afterEach(async () => {
  await Promise.all([a, b, owner].map((t) => t.cleanup()));
});

const sources = (sharingA = true, sharingB = true): RegionalSourceInput[] => [
  { orgId: 'org-a', orgName: 'Alderby kommun', s: a.s, sharing: sharingA },
  { orgId: 'org-b', orgName: 'Björkvik kommun', s: b.s, sharing: sharingB },
];
const opts = () => ({ ownerKey: 'person-1', run: 'r1', store, ttlSeconds: 3600, clock: owner.clock });

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('compileRegional', () => {
  it('builds the picture from each organisation’s published steering version and stores it for its owner', async () => {
    for (const t of [a, b]) {
      await compileNow(t.s);
      await approveAndPublish(t.s);
    }
    const progress: [number, number][] = [];
    const picture = await compileRegional(sources(), { ...opts(), progress: async (loaded, total) => void progress.push([loaded, total]) });

    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(picture.municipalities.map((m) => [m.orgName, m.meetingId, m.responseRate.answered, m.responseRate.forums])).toEqual([
      ['Alderby kommun', MEETING, 4, 4],
      ['Björkvik kommun', MEETING, 3, 5],
    ]);
    // Both organisations' öppen forums ask the same question: one, tagged with both.
    const drugs = picture.questions.groups.filter((g) => /narkotikaförsäljningen/.test(g.text));
    expect(drugs).toHaveLength(1);
    expect(drugs[0]!.municipalities.map((m) => m.orgName)).toEqual(['Alderby kommun', 'Björkvik kommun']);
    const text = JSON.stringify(picture);
    expect(text).not.toContain(MARK.kanslig);
    expect(text).toContain(MARK.intern);

    const stored = await store.get('person-1', 'r1');
    expect(stored?.picture).toEqual(picture);
    expect((await store.getByDigest(ownerDigest('person-1'), 'r1'))?.picture).toEqual(picture);
    // Filed under the owner's prefix only, with the TTL; nothing written to the organisations.
    const key = `${owner.keyPrefix}:regional:{u:person-1}:r1`;
    expect(await scanKeys(owner.redis, `${owner.keyPrefix}:regional:*`)).toEqual(expect.arrayContaining([key]));
    expect(await owner.redis.ttl(key)).toBeGreaterThan(3500);
    for (const t of [a, b]) expect(await scanKeys(t.redis, `${t.keyPrefix}:regional*`)).toEqual([]);
  });

  it('reads the published snapshot version, not a later recompile', async () => {
    for (const t of [a, b]) {
      await compileNow(t.s);
      await approveAndPublish(t.s);
    }
    // After publishing, a late answer in A and a recompile: the current snapshot has it, the published one not.
    const late = answerOf(MEETING, 'forum-03', 3, a.clock().toISOString(), { questions: [{ text: 'Kan polisen ta fram en EFTER-PUBLICERING-MARKÖR?', priority: 'hog' }] });
    const current = await a.s.repos.answers.require(answerId(MEETING, 'forum-03'));
    await a.s.repos.answers.update(answerId(MEETING, 'forum-03'), current.version, late, 'seed');
    await compileNow(a.s);
    expect(JSON.stringify((await a.s.repos.lagesbilder.require(MEETING)).data.snapshot)).toContain('EFTER-PUBLICERING-MARKÖR');

    const picture = await compileRegional(sources(), opts());
    expect(JSON.stringify(picture)).not.toContain('EFTER-PUBLICERING-MARKÖR');
    const published = (await a.s.repos.agendas.require(MEETING)).data.published!;
    expect(picture.municipalities[0]!.contentHash).toBe(published.contentHash);
  });

  it.each([
    { case: 'sharing off in B', sharing: [true, false] as const, names: ['Björkvik kommun'] },
    { case: 'sharing off in both', sharing: [false, false] as const, names: ['Alderby kommun', 'Björkvik kommun'] },
  ])('refuses with $case, naming the organisations with sharing off, and stores nothing', async ({ sharing, names }) => {
    for (const t of [a, b]) {
      await compileNow(t.s);
      await approveAndPublish(t.s);
    }
    const e = await refusal(compileRegional(sources(...sharing), opts()));
    expect(e.reason).toBe('regional-sharing-off');
    expect(e.details.names).toEqual(names);
    expect(await store.get('person-1', 'r1')).toBeNull();
  });

  it('a lägesbild compiled but not published does not count: refused, naming the organisation', async () => {
    await compileNow(a.s);
    await approveAndPublish(a.s);
    await compileNow(b.s);
    expect(await latestPublished(b.s)).toBeNull();
    const e = await refusal(compileRegional(sources(), opts()));
    expect(e.reason).toBe('regional-not-published');
    expect(e.details.names).toEqual(['Björkvik kommun']);
  });

  it('only meetings of the year asked for', async () => {
    for (const t of [a, b]) {
      await compileNow(t.s);
      await approveAndPublish(t.s);
    }
    expect(await latestPublished(a.s, 2027)).not.toBeNull();
    expect(await latestPublished(a.s, 2028)).toBeNull();
  });
});

describe('the regional job processor', () => {
  const job = (data: RegionalJob, attemptsMade = 0) => {
    const progress: unknown[] = [];
    return { progress, job: { data, attemptsMade, opts: { attempts: 3 }, updateProgress: async (p: unknown) => void progress.push(p) } };
  };
  const processor = (states: RegionalJobState['kind'][], resolve: () => Promise<RegionalSourceInput[]>) =>
    createRegionalProcessor({ links: owner.s.links, clock: owner.clock, config: owner.config, store, resolveSources: resolve, onState: async (_job, st) => void states.push(st.kind) });

  it('compiles, reports progress to BullMQ and the card, and stores under the person', async () => {
    for (const t of [a, b]) {
      await compileNow(t.s);
      await approveAndPublish(t.s);
    }
    const states: RegionalJobState['kind'][] = [];
    const { job: j, progress } = job({ pid: 'pid-7', orgIds: ['org-a', 'org-b'], run: 'r3' });
    expect(await processor(states, async () => sources())(j)).toBe('regional 2 organisations');
    expect(progress).toEqual([
      { loaded: 1, total: 2 },
      { loaded: 2, total: 2 },
    ]);
    expect(states).toEqual(['progress', 'progress', 'done']);
    expect((await store.get('pid-7', 'r3'))?.picture.municipalities).toHaveLength(2);
    expect(await owner.redis.ttl(`${owner.keyPrefix}:regional:{u:pid-7}:r3`)).toBeGreaterThan(owner.config.REPORT_LINK_TTL_MINUTES * 60 - 100);
    expect(regionalJobId('pid-7', 'r3')).toBe('u.pid-7.regional-r3');
  });

  it('a refusal is final (no retry) and shown on the card', async () => {
    const states: RegionalJobState['kind'][] = [];
    const { job: j } = job({ pid: 'pid-7', orgIds: ['org-a', 'org-b'], run: 'r4' });
    await expect(processor(states, async () => sources(true, false))(j)).rejects.toBeInstanceOf(UnrecoverableError);
    expect(states).toEqual(['refused']);
  });

  it('another failure is retried; only the last attempt shows it failed', async () => {
    for (const attemptsMade of [0, 2]) {
      const states: RegionalJobState['kind'][] = [];
      const { job: j } = job({ pid: 'pid-7', orgIds: ['org-a'], run: 'r5' }, attemptsMade);
      await expect(processor(states, () => Promise.reject(new Error('redis gone')))(j)).rejects.toThrow('redis gone');
      expect(states).toEqual(attemptsMade === 2 ? ['failed'] : []);
    }
  });

  it('invalid job data is final', async () => {
    const { job: j } = job({ pid: 'pid-7', orgIds: [], run: 'r/6' } as RegionalJob);
    await expect(processor([], async () => sources())(j)).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
