import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VersionedRepository } from '../../src/store/versionedRepository.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/** The per-process copy of a small collection (forums, read on every turn) follows writes made anywhere. */
let t: TestServices;
const schema = z.object({ name: z.string() });

beforeEach(async () => {
  t = await makeTestServices();
});
afterEach(async () => {
  await t.cleanup();
});

describe('listCached', () => {
  it('serves the same list until any process writes, then reads again', async () => {
    const here = new VersionedRepository(t.redis, t.keys, 'thing', schema);
    const elsewhere = new VersionedRepository(t.newStoreConnection(), t.keys, 'thing', schema);
    await here.create('a', { name: 'A' }, 'x');
    const first = await here.listCached();
    expect(first.map((r) => r.data.name)).toEqual(['A']);
    expect(await here.listCached()).toBe(first);

    await elsewhere.create('b', { name: 'B' }, 'x');
    expect((await here.listCached()).map((r) => r.data.name)).toEqual(['A', 'B']);

    await elsewhere.mutate('a', 'x', 'rename', () => ({ name: 'A2' }));
    expect((await here.listCached()).map((r) => r.data.name)).toEqual(['A2', 'B']);

    await elsewhere.delete('b', 'x');
    expect((await here.listCached()).map((r) => r.data.name)).toEqual(['A2']);
  });

  it('never serves a copy older than maxAgeMs', async () => {
    const repo = new VersionedRepository(t.redis, t.keys, 'thing', schema);
    await repo.create('a', { name: 'A' }, 'x');
    const first = await repo.listCached(0);
    expect(await repo.listCached(0)).not.toBe(first);
  });
});
