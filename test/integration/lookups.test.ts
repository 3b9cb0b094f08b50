import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VersionedRepository } from '../../src/store/versionedRepository.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/**
 * Lookup terms: a record is found by what it is about (a forum by its channel or a person
 * it gives a role) without listing the collection, so a turn's cost does not grow with it.
 */
let t: TestServices;
const schema = z.object({ room: z.string(), people: z.array(z.string()) });
type Thing = z.infer<typeof schema>;
const terms = (x: Thing) => [`room:${x.room}`, ...x.people.map((p) => `person:${p}`)];
const names = (rs: { id: string }[]) => rs.map((r) => r.id);

beforeEach(async () => {
  t = await makeTestServices();
});
afterEach(async () => {
  await t.cleanup();
});

describe('VersionedRepository lookup terms', () => {
  it('finds records by term after create, update and mutate, from another process too', async () => {
    const here = new VersionedRepository(t.redis, t.keys, 'thing', schema, undefined, { lookupTerms: terms });
    const elsewhere = new VersionedRepository(t.newStoreConnection(), t.keys, 'thing', schema, undefined, { lookupTerms: terms });
    await here.create('a', { room: 'r1', people: ['p1'] }, 'x');
    await elsewhere.create('b', { room: 'r2', people: ['p1', 'p2'] }, 'x');
    expect(names(await here.findBy('room:r1'))).toEqual(['a']);
    expect(names(await here.findBy('person:p1'))).toEqual(['a', 'b']);
    expect(names(await here.findBy('person:p3'))).toEqual([]);

    const a = await here.require('a');
    await elsewhere.updateFrom(a, { room: 'r1', people: ['p1', 'p3'] }, 'x');
    await elsewhere.mutate('b', 'x', 'move', (cur) => (cur ? { ...cur, room: 'r3' } : null));
    expect(names(await here.findBy('person:p3'))).toEqual(['a']);
    expect(names(await here.findBy('room:r3'))).toEqual(['b']);
    // A term that stopped being true stays a candidate; the record tells (callers check it).
    expect((await here.findBy('room:r2')).map((r) => r.data.room)).toEqual(['r3']);
  });

  it('delete takes the record out of its terms', async () => {
    const repo = new VersionedRepository(t.redis, t.keys, 'thing', schema, undefined, { lookupTerms: terms });
    await repo.create('a', { room: 'r1', people: ['p1'] }, 'x');
    await repo.delete('a', 'x');
    // One key per EXISTS: the terms live in different Cluster slots.
    expect([await t.redis.exists(t.keys.lookup('thing', 'room:r1')), await t.redis.exists(t.keys.lookup('thing', 'person:p1'))]).toEqual([0, 0]);
  });

  it('a refused write still leaves its record findable under the terms it has', async () => {
    const repo = new VersionedRepository(t.redis, t.keys, 'thing', schema, undefined, { lookupTerms: terms });
    const first = await repo.create('a', { room: 'r1', people: [] }, 'x');
    await repo.updateFrom(first, { room: 'r1', people: ['p1'] }, 'x');
    await expect(repo.updateFrom(first, { room: 'r9', people: [] }, 'x')).rejects.toMatchObject({ reason: 'stale-write' });
    expect((await repo.findBy('room:r1')).map((r) => r.version)).toEqual([2]);
    expect((await repo.findBy('room:r9')).map((r) => r.data.room)).toEqual(['r1']);
  });

  it('ensureLookups files records stored before the collection had terms, once', async () => {
    const before = new VersionedRepository(t.redis, t.keys, 'thing', schema);
    await before.create('a', { room: 'r1', people: ['p1'] }, 'x');
    await before.create('b', { room: 'r2', people: ['p1'] }, 'x');
    const after = new VersionedRepository(t.redis, t.keys, 'thing', schema, undefined, { lookupTerms: terms });
    expect(await after.findBy('person:p1')).toEqual([]);
    expect(await after.ensureLookups()).toBe(2);
    expect(names(await after.findBy('person:p1'))).toEqual(['a', 'b']);
    expect(names(await after.findBy('room:r2'))).toEqual(['b']);
    // Nothing stored was changed by the upgrade, and it runs once.
    expect((await after.require('a')).version).toBe(1);
    expect(await after.ensureLookups()).toBe(0);
  });
});
