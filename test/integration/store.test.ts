import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z, ZodError } from 'zod';
import { DomainError } from '../../src/domain/errors.js';
import { AuditTrail } from '../../src/store/auditTrail.js';
import { RedisBotStorage } from '../../src/store/botStorage.js';
import { Markers } from '../../src/store/markers.js';
import { VersionedRepository } from '../../src/store/versionedRepository.js';
import { makeTestServices, type TestServices } from '../support/services.js';

const widgetSchema = z.object({
  name: z.string().min(1),
  counter: z.number().int().min(0),
  note: z.string().optional(),
});
type Widget = z.infer<typeof widgetSchema>;

/** The rejection of a promise, asserted to be a DomainError. */
async function domainErrorOf(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

let t: TestServices;
let repo: VersionedRepository<Widget>;
let audit: AuditTrail;

beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-01-10T08:00:00Z') });
  repo = new VersionedRepository(t.redis, t.keys, 'widget', widgetSchema, t.clock);
  audit = new AuditTrail(t.redis, t.keys);
});

afterEach(async () => {
  await t.cleanup();
});

describe('VersionedRepository', () => {
  it('creates, gets, lists and updates with versions', async () => {
    const created = await repo.create('w1', { name: 'one', counter: 0 }, 'alice');
    expect(created).toMatchObject({ id: 'w1', version: 1, updatedBy: 'alice', updatedAt: '2027-01-10T08:00:00.000Z', data: { name: 'one', counter: 0 } });
    await repo.create('w2', { name: 'two', counter: 5 }, 'alice');

    expect(await repo.get('w1')).toEqual(created);
    expect(await repo.get('missing')).toBeNull();
    expect(await repo.ids()).toEqual(['w1', 'w2']);
    expect((await repo.list()).map((r) => [r.id, r.version, r.data.name])).toEqual([
      ['w1', 1, 'one'],
      ['w2', 1, 'two'],
    ]);

    t.clock.advance(60_000);
    const updated = await repo.update('w1', 1, { name: 'one!', counter: 1 }, 'bob');
    expect(updated).toMatchObject({ version: 2, updatedBy: 'bob', updatedAt: '2027-01-10T08:01:00.000Z', data: { name: 'one!', counter: 1 } });
    expect(await repo.get('w1')).toEqual(updated);
    expect((await repo.require('w1')).version).toBe(2);
    const notFound = await domainErrorOf(repo.require('missing'));
    expect(notFound.reason).toBe('not-found');
    expect((await domainErrorOf(repo.update('missing', 1, { name: 'x', counter: 0 }, 'bob'))).reason).toBe('not-found');
  });

  it('refuses a second create of the same id (already-exists) and keeps the first', async () => {
    await repo.create('w1', { name: 'first', counter: 0 }, 'alice');
    const e = await domainErrorOf(repo.create('w1', { name: 'second', counter: 9 }, 'mallory'));
    expect(e.reason).toBe('already-exists');
    expect(e.details.currentVersion).toBe(1);
    const stored = await repo.get('w1');
    expect(stored).toMatchObject({ version: 1, updatedBy: 'alice', data: { name: 'first', counter: 0 } });
    expect(await audit.list('widget', 'w1')).toHaveLength(1);
  });

  it('refuses an update based on a stale version and leaves the record unchanged', async () => {
    await repo.create('w1', { name: 'v1', counter: 0 }, 'alice');
    const v2 = await repo.update('w1', 1, { name: 'v2', counter: 1 }, 'alice');
    const e = await domainErrorOf(repo.update('w1', 1, { name: 'stale', counter: 99 }, 'bob'));
    expect(e.reason).toBe('stale-write');
    expect(e.details).toMatchObject({ entity: 'widget', id: 'w1', currentVersion: 2 });
    expect(await repo.get('w1')).toEqual(v2);
    // A version from the future is refused too.
    expect((await domainErrorOf(repo.update('w1', 7, { name: 'future', counter: 1 }, 'bob'))).details.currentVersion).toBe(2);
    expect((await audit.list('widget', 'w1')).map((a) => a.version)).toEqual([1, 2]);
  });

  it('validates on write: an invalid record is refused and nothing is stored', async () => {
    const bad = { name: '', counter: -1 } as unknown as Widget;
    await expect(repo.create('w1', bad, 'alice')).rejects.toBeInstanceOf(ZodError);
    expect(await repo.get('w1')).toBeNull();
    expect(await repo.ids()).toEqual([]);
    expect(await audit.list('widget', 'w1')).toEqual([]);
    expect(await t.listKeys()).not.toContainEqual(expect.stringContaining('widget'));

    await repo.create('w1', { name: 'ok', counter: 0 }, 'alice');
    await expect(repo.update('w1', 1, { name: 'ok', counter: 1.5 } as unknown as Widget, 'alice')).rejects.toBeInstanceOf(ZodError);
    expect(await repo.get('w1')).toMatchObject({ version: 1, data: { name: 'ok', counter: 0 } });
  });

  it('strips unknown fields on write (zod object), so they never reach Redis', async () => {
    await repo.create('w1', { name: 'ok', counter: 0, secret: 'x' } as unknown as Widget, 'alice');
    const raw = await t.redis.hget(t.keys.record('widget', 'w1'), 'doc');
    expect(JSON.parse(raw ?? '{}')).toEqual({ name: 'ok', counter: 0 });
  });

  it('validates on read: corrupt JSON or a record that no longer fits the schema throws', async () => {
    await t.redis.hset(t.keys.record('widget', 'bad-json'), { v: '1', doc: '{"name": "half', at: 'x', by: 'y' });
    await t.redis.sadd(t.keys.index('widget'), 'bad-json');
    await expect(repo.get('bad-json')).rejects.toBeInstanceOf(SyntaxError);
    await expect(repo.list()).rejects.toBeInstanceOf(SyntaxError);

    await t.redis.hset(t.keys.record('widget', 'bad-shape'), { v: '1', doc: JSON.stringify({ name: 'x', counter: 'many' }), at: 'x', by: 'y' });
    await expect(repo.get('bad-shape')).rejects.toBeInstanceOf(ZodError);
  });

  it('mutate retries on concurrent writes: 20 parallel increments all land', async () => {
    await repo.create('c', { name: 'counter', counter: 0 }, 'system');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => repo.mutate('c', `worker-${i}`, 'increment', (cur) => (cur ? { ...cur, counter: cur.counter + 1 } : null))),
    );
    const failures = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as DomainError).reason);
    expect(failures).toEqual([]);
    const final = await repo.require('c');
    expect(final.data.counter).toBe(20);
    expect(final.version).toBe(21);
    expect((await audit.list('widget', 'c')).map((a) => a.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('mutate from several instances (separate connections): 20 increments all land', async () => {
    const instances = Array.from({ length: 4 }, () => new VersionedRepository(t.newStoreConnection(), t.keys, 'widget', widgetSchema, t.clock));
    await repo.create('c', { name: 'counter', counter: 0 }, 'system');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => instances[i % 4]!.mutate('c', `instance-${i % 4}`, 'increment', (cur) => (cur ? { ...cur, counter: cur.counter + 1 } : null))),
    );
    const final = await repo.require('c');
    expect([final.data.counter, final.version]).toEqual([20, 21]);
  });

  it('mutate creates when missing, and a null change writes nothing', async () => {
    const created = await repo.mutate('m', 'system', 'init', (cur) => cur ?? { name: 'new', counter: 0 });
    expect(created).toMatchObject({ version: 1, data: { name: 'new', counter: 0 } });
    const untouched = await repo.mutate('m', 'system', 'noop', () => null);
    expect(untouched?.version).toBe(1);
    expect(await repo.mutate('absent', 'system', 'noop', () => null)).toBeNull();
    expect(await repo.get('absent')).toBeNull();
    expect(await audit.list('widget', 'm')).toHaveLength(1);
  });

  it('20 parallel updates from the same version: exactly one wins, 19 are stale-write', async () => {
    await repo.create('race', { name: 'start', counter: 0 }, 'system');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => repo.update('race', 1, { name: `writer-${i}`, counter: i }, `user-${i}`)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(DomainError);
      expect((l.reason as DomainError).reason).toBe('stale-write');
      expect((l.reason as DomainError).details.currentVersion).toBe(2);
    }
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof repo.update>>>).value;
    const stored = await repo.require('race');
    expect(stored.version).toBe(2);
    expect(stored.data).toEqual(winner.data);
    expect(stored.updatedBy).toBe(winner.updatedBy);
    expect(await audit.list('widget', 'race')).toHaveLength(2);
  });

  it('keeps an append-only audit trail with actor, action, version and changed field names (never values)', async () => {
    await repo.create('w1', { name: 'alpha', counter: 0 }, 'alice');
    t.clock.advance(1000);
    await repo.update('w1', 1, { name: 'alpha', counter: 1, note: 'SECRET-NOTE-VALUE' }, 'bob', 'edit');
    t.clock.advance(1000);
    const firstTwo = await audit.list('widget', 'w1');
    await repo.update('w1', 2, { name: 'beta', counter: 1, note: 'SECRET-NOTE-VALUE' }, 'carol');
    await repo.update('w1', 3, { name: 'beta', counter: 1, note: 'SECRET-NOTE-VALUE' }, 'carol', 'touch');

    const entries = await audit.list('widget', 'w1');
    expect(entries).toEqual([
      { at: '2027-01-10T08:00:00.000Z', actor: 'alice', action: 'create', version: 1, fields: ['counter', 'name'] },
      { at: '2027-01-10T08:00:01.000Z', actor: 'bob', action: 'edit', version: 2, fields: ['counter', 'note'] },
      { at: '2027-01-10T08:00:02.000Z', actor: 'carol', action: 'update', version: 3, fields: ['name'] },
      { at: '2027-01-10T08:00:02.000Z', actor: 'carol', action: 'touch', version: 4, fields: [] },
    ]);
    // Append-only: earlier lines are untouched by later writes.
    expect(entries.slice(0, 2)).toEqual(firstTwo);
    // Field names only: no value, old or new, appears in the raw trail.
    const raw = (await t.redis.lrange(t.keys.audit('widget', 'w1'), 0, -1)).join('\n');
    for (const value of ['SECRET-NOTE-VALUE', 'alpha', 'beta']) expect(raw).not.toContain(value);
  });

  it('delete removes the record and its index entry and records an audit line', async () => {
    await repo.create('w1', { name: 'gone', counter: 0 }, 'alice');
    await repo.create('w2', { name: 'kept', counter: 0 }, 'alice');
    t.clock.advance(5000);
    await repo.delete('w1', 'admin', 'erase');
    expect(await repo.get('w1')).toBeNull();
    expect(await repo.ids()).toEqual(['w2']);
    expect(await audit.list('widget', 'w1')).toEqual([
      { at: '2027-01-10T08:00:00.000Z', actor: 'alice', action: 'create', version: 1, fields: ['counter', 'name'] },
      { at: '2027-01-10T08:00:05.000Z', actor: 'admin', action: 'erase', version: 0, fields: [] },
    ]);
    // The id can be created again afterwards; the trail keeps growing.
    await repo.create('w1', { name: 'again', counter: 0 }, 'alice');
    expect((await audit.list('widget', 'w1')).map((a) => a.action)).toEqual(['create', 'erase', 'create']);
  });
});

describe('Markers', () => {
  it('setOnce succeeds for exactly one of 10 parallel callers', async () => {
    const m = t.s.repos.markers;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => m.setOnce('step', 'meeting-1.remind7', `caller-${i}`)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await m.get('step', 'meeting-1.remind7')).toBe(`caller-${winner}`);
    expect(await m.setOnce('step', 'meeting-1.remind7')).toBe(false);
    expect(await m.get('step', 'other')).toBeNull();
    const ttl = await t.redis.ttl(t.keys.of('done', 'step', 'meeting-1.remind7'));
    expect(ttl).toBeGreaterThan(300 * 24 * 3600);
  });

  it('setOnce with 10 parallel callers on separate connections (separate instances)', async () => {
    const instances = Array.from({ length: 10 }, () => new Markers(t.newStoreConnection(), t.keys));
    const results = await Promise.all(instances.map((m, i) => m.setOnce('sent', 'job-1', `i${i}`)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('set overwrites and get reads back', async () => {
    const m = t.s.repos.markers;
    await m.set('timeline', 'x', 'first');
    await m.set('timeline', 'x', 'second', 60);
    expect(await m.get('timeline', 'x')).toBe('second');
    const ttl = await t.redis.ttl(t.keys.of('done', 'timeline', 'x'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });
});

describe('RedisBotStorage', () => {
  it('reads, writes and deletes items; missing keys are absent', async () => {
    const storage = new RedisBotStorage(t.redis, t.keys);
    expect(await storage.read([])).toEqual({});
    expect(await storage.read(['conv/1'])).toEqual({});
    await storage.write({ 'conv/1': { count: 1 }, 'user/1': { name: 'A' } });
    const read = await storage.read(['conv/1', 'user/1', 'nope']);
    expect(Object.keys(read).sort()).toEqual(['conv/1', 'user/1']);
    expect(read['conv/1']).toMatchObject({ count: 1, eTag: expect.any(String) });
    expect(read['user/1']).toMatchObject({ name: 'A' });
    const ttl = await t.redis.ttl(t.keys.of('turnstate', 'conv/1'));
    expect(ttl).toBeGreaterThan(0);

    await storage.delete(['conv/1']);
    expect(await storage.read(['conv/1', 'user/1'])).toEqual({ 'user/1': read['user/1'] });
    await storage.delete([]);
  });

  it('refuses a write whose eTag is stale, accepts the current eTag and "*"', async () => {
    const storage = new RedisBotStorage(t.redis, t.keys);
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(['k']))['k'] as { v: number; eTag: string };
    await storage.write({ k: { ...first, v: 2 } });
    const second = (await storage.read(['k']))['k'] as { v: number; eTag: string };
    expect(second.v).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);

    await expect(storage.write({ k: { ...first, v: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['k']))['k']).toEqual(second);

    await storage.write({ k: { v: 4, eTag: '*' } });
    expect((await storage.read(['k']))['k']).toMatchObject({ v: 4 });
  });

  // Regression: write() used to GET then SET, so writers holding the same eTag all won.
  it('concurrent writes based on the same eTag: only one succeeds', async () => {
    const storage = new RedisBotStorage(t.redis, t.keys);
    await storage.write({ k: { v: 0 } });
    const base = (await storage.read(['k']))['k'] as { v: number; eTag: string };
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => storage.write({ k: { ...base, v: i + 1 } })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
