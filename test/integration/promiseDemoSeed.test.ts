import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedPromiseDemo } from '../../scripts/demo-seed-promise.js';
import { followUpReport } from '../../src/domain/promise/followUpReport.js';
import { todayOf } from '../../src/services/promise/today.js';
import { makeTestServices, type TestServices } from '../support/services.js';

let t: TestServices;

beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-04-01T08:00:00Z') });
});

afterEach(async () => {
  await t.cleanup();
});

describe('demo data of the medborgarlöfte', () => {
  it('is an agreed promise with items in every state and a målbild with readings; a re-run keeps it', async () => {
    const lines: string[] = [];
    await seedPromiseDemo(t.s, { aadObjectId: 'aad-demo', name: 'Anna Lind' }, lines);
    const [promise] = await t.s.repos.promises.list();
    expect(promise!.data.status).toBe('faststallt');
    const report = followUpReport(promise!.data, '2027-2', todayOf(t.s), (await t.s.repos.malbilder.list()).map((m) => m.data));
    expect(report.summary.counts).toMatchObject({ total: 4, late: 1, onTime: 2, done: 1 });
    expect(report.commitments[0]!.malbild?.indicators.map((i) => i.progress.trend)).toEqual(['improving', 'improving']);
    expect((await t.s.repos.people.get('aad-demo'))?.name).toBe('Anna Lind');
    const version = promise!.version;
    await seedPromiseDemo(t.s, { aadObjectId: 'aad-demo', name: 'Anna Lind' }, lines);
    expect((await t.s.repos.promises.list()).map((p) => p.version)).toEqual([version]);
    expect(lines.at(-1)).toBe('medborgarlöfte: (kept)');
  });
});

describe('the lägesbild input', () => {
  it('is the summary of the agreed promise for the meeting, or null without one', async () => {
    const { promiseInputForLagesbild } = await import('../../src/services/promise/lagesbildInput.js');
    expect(await promiseInputForLagesbild(t.s, '2027-2')).toBeNull();
    await seedPromiseDemo(t.s, { aadObjectId: 'aad-demo', name: 'Anna Lind' }, []);
    const summary = await promiseInputForLagesbild(t.s, '2027-2');
    expect(summary).toMatchObject({ meetingId: '2027-2', status: 'faststallt', counts: { total: 4, late: 1 } });
    expect(summary!.late[0]!.text).toBe('Trygghetsvandring med boende och fastighetsägare');
    expect(summary!.indicators).toHaveLength(2);
  });
});

describe('demo inspel', () => {
  it('gives four forums an answer for the first meeting (Berga left to the user); a re-run keeps them', async () => {
    const { seedDemoAnswers } = await import('../../scripts/demo-seed-answers.js');
    const { forumIdFromName } = await import('../../src/domain/forum.js');
    const names = ['Trygghetsrådet Berga', 'Trygghetsrådet Ryd', 'Trygghetsrådet Skäggetorp', 'Sociala insatsgruppen', 'Säkerhetsenheten/kommunpolis'];
    for (const name of names) {
      const id = forumIdFromName(name);
      await t.s.repos.forums.create(id, { id, name, kind: 'annat', districts: ['Berga', 'Ryd', 'Skäggetorp'], contacts: [], conversationId: `19:${id}`, active: true, memberIds: [] }, 'test');
    }
    const lines: string[] = [];
    await seedDemoAnswers(t.s, '2027-1', lines);
    await seedDemoAnswers(t.s, '2027-1', lines);
    const answers = await t.s.repos.answers.listByPrefix('2027-1.');
    expect(answers.map((a) => a.data.forumId).sort()).toEqual(names.slice(1).map(forumIdFromName).sort());
    expect(answers.every((a) => a.version === 1)).toBe(true);
    expect(new Set(answers.map((a) => a.data.answer.sensitivity))).toEqual(new Set(['oppen', 'intern', 'kanslig']));
    expect(lines).toEqual(['inspel for 2027-1: 4 forums (4 new)', 'inspel for 2027-1: 4 forums (0 new)']);
  });
});
