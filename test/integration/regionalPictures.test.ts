import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { ownerDigest } from '../../src/domain/regional/ownerDigest.js';
import { buildRegionalPicture } from '../../src/domain/regional/regionalPicture.js';
import { RegionalStore } from '../../src/store/regionalPictures.js';
import { makeTestServices, scanKeys, type TestServices } from '../support/services.js';
import { ALDERBY, BJORKVIK, CEDERSTAD, sourceOf } from '../unit/domain/regional/fixture.js';

/** RegionalStore on real Redis: keys, TTLs, the digest lookup, validation, deletion with a source organisation. */
let t: TestServices;
let store: RegionalStore;
const ab = buildRegionalPicture([sourceOf(ALDERBY), sourceOf(BJORKVIK)], { compiledAt: '2027-05-20T08:00:00.000Z' });
const bc = buildRegionalPicture([sourceOf(BJORKVIK), sourceOf(CEDERSTAD)], { compiledAt: '2027-05-20T08:00:00.000Z' });

beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-05-20T08:00:00Z') });
  store = new RegionalStore(t.redis, t.platform.keys, t.clock);
});
afterEach(async () => {
  await t.cleanup();
});

describe('RegionalStore', () => {
  it('files a picture under {u:<owner>} with its TTL, readable by owner or by digest', async () => {
    await store.save('pid-1', 'r1', ab, 600);
    const key = `${t.keyPrefix}:regional:{u:pid-1}:r1`;
    expect(store.key('pid-1', 'r1')).toBe(key);
    const ttl = await t.redis.ttl(key);
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(600);
    expect(await store.get('pid-1', 'r1')).toEqual({ ownerKey: 'pid-1', run: 'r1', savedAt: '2027-05-20T08:00:00.000Z', picture: ab });
    expect((await store.getByDigest(ownerDigest('pid-1'), 'r1'))?.picture).toEqual(ab);
    expect(await store.get('pid-1', 'r2')).toBeNull();
    expect(await store.get('pid-2', 'r1')).toBeNull();
    expect(await store.getByDigest(ownerDigest('pid-2'), 'r1')).toBeNull();
    expect(await store.getByDigest('not-a-digest', 'r1')).toBeNull();
  });

  it.each([
    ['an owner key with a brace', 'pid}x', 'r1', 60, 'ownerKey'],
    ['a run with a slash', 'pid-1', 'r/1', 60, 'run'],
    ['no TTL', 'pid-1', 'r1', 0, 'ttlSeconds'],
  ])('refuses %s and writes nothing', async (_what, ownerKey, run, ttl, field) => {
    const e = await store.save(ownerKey, run, ab, ttl).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DomainError);
    expect(Object.keys((e as DomainError).details.fieldErrors ?? {})).toEqual([field]);
    expect(await scanKeys(t.redis, `${t.keyPrefix}:regional:*`)).toEqual([]);
  });

  it('deleting a source organisation deletes every picture drawn from it, and only those', async () => {
    await store.save('pid-1', 'r1', ab, 600);
    await store.save('pid-2', 'r1', bc, 600);
    expect(await store.deleteForOrganisation(ALDERBY.orgId)).toBe(1);
    expect(await store.get('pid-1', 'r1')).toBeNull();
    expect(await store.get('pid-2', 'r1')).not.toBeNull();
    expect(await store.deleteForOrganisation(CEDERSTAD.orgId)).toBe(1);
    expect(await store.get('pid-2', 'r1')).toBeNull();
    expect(await store.deleteForOrganisation(BJORKVIK.orgId)).toBe(0);
    expect((await scanKeys(t.redis, `${t.keyPrefix}:regional:src:*`)).length).toBe(0);
  });
});
