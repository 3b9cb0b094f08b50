/**
 * Forums stored by the previous version (no lookup terms) are found on a turn only once
 * filed under their terms. If the start-up backfill fails, the reconcile tick files them
 * (and keeps trying until every forum is filed), instead of waiting for a restart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reconcileLookups } from '../../jobs/reconcile.js';
import { startScheduler } from '../../jobs/scheduler.js';
import { forumOfConversationTerm, forumRecordSchema, forumsOfPersonTerm, type ForumRecord } from '../../src/domain/forum.js';
import { VersionedRepository } from '../../src/store/versionedRepository.js';
import { makeTestServices, type TestServices } from '../support/services.js';

let t: TestServices;
beforeEach(async () => {
  t = await makeTestServices();
});
afterEach(async () => {
  await t.cleanup();
});

const forum = (id: string, member: string): ForumRecord => ({
  id,
  name: `Trygghetsråd ${id}`,
  kind: 'trygghetsrad',
  districts: ['Berga'],
  contacts: [],
  conversationId: `19:${id}@thread.tacv2`,
  active: true,
  memberIds: [member],
});
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);
const builtMarker = () => t.redis.get(t.keys.of('lookups-built', 'forum'));

/** Writes forums as the previous version did: the same records, no lookup terms. */
async function writeLegacy(...forums: ForumRecord[]): Promise<void> {
  const legacy = new VersionedRepository(t.redis, t.keys, 'forum', forumRecordSchema);
  for (const f of forums) await legacy.create(f.id, f, 'chair');
}

describe('forum lookup terms after an upgrade', () => {
  it('a failed start-up backfill is made good by the next reconcile tick', async () => {
    await writeLegacy(forum('f1', 'aad-a'), forum('f2', 'aad-a'));
    // Start-up: filing fails (here the terms cannot be computed; a connection that drops
    // does the same, but a Cluster client queues its commands instead of failing them).
    const startUp = new VersionedRepository(t.redis, t.keys, 'forum', forumRecordSchema, undefined, {
      lookupTerms: () => {
        throw new Error('filing failed');
      },
    });
    await expect(startUp.ensureLookups()).rejects.toThrow();
    expect(await t.s.repos.forums.findBy(forumOfConversationTerm('19:f1@thread.tacv2'))).toEqual([]);
    expect(await builtMarker()).toBeNull();

    const scheduler = startScheduler(t.platform, t.redis);
    t.onCleanup(() => scheduler.stop());
    expect(await scheduler.reconcileNow()).toMatchObject({ forumsFiled: 2 });
    expect(ids(await t.s.repos.forums.findBy(forumOfConversationTerm('19:f1@thread.tacv2')))).toEqual(['f1']);
    expect(ids(await t.s.repos.forums.findBy(forumsOfPersonTerm('aad-a')))).toEqual(['f1', 'f2']);
    // Done once: later ticks only read the marker; the records themselves are unchanged.
    expect(await builtMarker()).toBe('1');
    expect(await scheduler.reconcileNow()).toMatchObject({ forumsFiled: 0 });
    expect((await t.s.repos.forums.require('f1')).version).toBe(1);
  });

  it('a record that cannot be read does not hide the others, and filing is retried until it succeeds', async () => {
    await writeLegacy(forum('f1', 'aad-a'), forum('f2', 'aad-b'));
    // 'f0' sorts first: a record the schema refuses (e.g. written by a newer version).
    await t.redis.hset(t.keys.record('forum', 'f0'), { v: '1', doc: '{"id":"f0"}', at: '2026-12-01T00:00:00Z', by: 'chair' });
    await t.redis.sadd(t.keys.index('forum'), 'f0');

    await expect(reconcileLookups(t.s)).rejects.toThrow(/1 forum record/);
    expect(ids(await t.s.repos.forums.findBy(forumsOfPersonTerm('aad-a')))).toEqual(['f1']);
    expect(ids(await t.s.repos.forums.findBy(forumsOfPersonTerm('aad-b')))).toEqual(['f2']);
    expect(await builtMarker()).toBeNull();

    await t.redis.hset(t.keys.record('forum', 'f0'), { doc: JSON.stringify(forum('f0', 'aad-c')) });
    expect(await reconcileLookups(t.s)).toBe(3);
    expect(ids(await t.s.repos.forums.findBy(forumsOfPersonTerm('aad-c')))).toEqual(['f0']);
    expect(await builtMarker()).toBe('1');
  });
});
