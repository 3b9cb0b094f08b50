import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachOrg } from '../../jobs/forEachOrg.js';
import { jobBelongsTo, orgQueues } from '../../jobs/orgQueues.js';
import { createOrganisation } from '../../src/services/orgs/createOrganisation.js';
import type { Services } from '../../src/services/services.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/** One organisation's view of the shared queues, the sweep over organisations, an organisation's people. */
let t: TestServices;
let other: Services;

beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-01-12T09:00:00Z') });
  const created = await createOrganisation(t.platform, { name: 'Kinnestads kommun', actor: 'creator-1', conversationId: '19:k@thread.tacv2', convKey: 'ck', teamId: '19:kteam', tenantId: 'tenant-k' });
  if (!created.ok) throw new Error('not created');
  other = created.s;
});

afterEach(async () => {
  await t.cleanup();
});

describe('an organisation’s queues', () => {
  it('prefix job ids and deduplication ids with the organisation, and put it in the data', async () => {
    const a = t.s.queues;
    const b = other.queues;
    await a.compile.add('compile', { meetingId: '2027-1', run: 1 }, { jobId: 'compile-2027-1-r1', deduplication: { id: 'compile-2027-1' } });
    // The same meeting id in another organisation is another job, not a duplicate.
    await b.compile.add('compile', { meetingId: '2027-1', run: 1 }, { jobId: 'compile-2027-1-r1', deduplication: { id: 'compile-2027-1' } });
    const ids = (await t.queues.compile.getJobs(['waiting', 'prioritized'])).map((j) => j.id).sort();
    expect(ids).toEqual([`${t.s.org.id}.compile-2027-1-r1`, `${other.org.id}.compile-2027-1-r1`].sort());
    expect((await a.compile.getJob('compile-2027-1-r1'))!.data).toEqual({ meetingId: '2027-1', run: 1, orgId: t.s.org.id });
    expect((await b.compile.getJob('compile-2027-1-r1'))!.data.orgId).toBe(other.org.id);
  });

  it('find only their own jobs; jobs queued before the upgrade belong to the upgraded organisation', async () => {
    const raw = t.queues.notify;
    await raw.add('x', { conversationId: 'c', template: 'text.welcome' }, { jobId: 'n-legacy' });
    await raw.add('x', { conversationId: 'c', template: 'text.welcome', orgId: other.org.id }, { jobId: `${other.org.id}.n-new` });
    const legacyView = orgQueues(t.queues, t.s.org.id, true);
    const newView = orgQueues(t.queues, other.org.id, false);
    expect(jobBelongsTo({ id: 'n-legacy', data: {} }, t.s.org.id, true)).toBe(true);
    expect(jobBelongsTo({ id: 'n-legacy', data: {} }, other.org.id, false)).toBe(false);
    expect(jobBelongsTo({ id: `${other.org.id}.n-new`, data: { orgId: other.org.id } }, t.s.org.id, true)).toBe(false);
    // getJob of the upgraded organisation also finds an id queued before the upgrade.
    expect((await legacyView.notify.getJob('n-legacy'))?.id).toBe('n-legacy');
    expect(await newView.notify.getJob('n-legacy')).toBeUndefined();
    expect((await newView.notify.getJob('n-new'))?.id).toBe(`${other.org.id}.n-new`);
  });
});

describe('the sweep over organisations', () => {
  it('runs the work once per active organisation', async () => {
    const seen: string[] = [];
    const sweep = await forEachOrg(t.platform, 'test', async (s) => seen.push(s.org.id));
    expect(seen.sort()).toEqual([t.s.org.id, other.org.id].sort());
    expect(sweep).toMatchObject({ orgs: 2, done: 2, failed: 0, left: 0 });
  });

  it('a failing organisation is logged and skipped, never the others', async () => {
    const sweep = await forEachOrg(t.platform, 'test', async (s) => {
      if (s.org.id === other.org.id) throw new Error('boom');
      return s.org.id;
    });
    expect(sweep).toMatchObject({ done: 1, failed: 1 });
    expect(sweep.results).toEqual([t.s.org.id]);
  });

  it('out of time, the next tick starts where this one stopped', async () => {
    const first: string[] = [];
    const slow = await forEachOrg(
      t.platform,
      'budget',
      async (s) => {
        first.push(s.org.id);
        await new Promise((r) => setTimeout(r, 30));
      },
      { concurrency: 1, budgetMs: 10 },
    );
    expect(slow.left).toBe(1);
    const second: string[] = [];
    const rest = await forEachOrg(t.platform, 'budget', async (s) => second.push(s.org.id), { concurrency: 1 });
    expect(rest.left).toBe(0);
    // The organisation left over runs first next time.
    expect(second[0]).not.toBe(first[0]);
  });
});

describe('an organisation’s people', () => {
  it('the owner picker lists only people seen in the organisation; a name is kept once', async () => {
    await t.s.repos.people.seen('aad-a', 'Alva Påhittad');
    await other.repos.people.seen('aad-b', 'Bo Påhittad');
    await other.repos.people.seen('aad-a', 'Alva Påhittad');
    expect((await t.s.repos.people.list()).map((p) => p.name)).toEqual(['Alva Påhittad']);
    expect((await other.repos.people.list()).map((p) => p.name).sort()).toEqual(['Alva Påhittad', 'Bo Påhittad']);
    expect((await t.platform.repos.people.list()).length).toBe(2);
  });
});
