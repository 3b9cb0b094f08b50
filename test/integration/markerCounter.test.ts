import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Markers } from '../../src/store/markers.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/** Card-update generations: one command per step, and the counter still expires. */
let t: TestServices;
beforeEach(async () => {
  t = await makeTestServices();
});
afterEach(async () => {
  await t.cleanup();
});

describe('Markers.incr', () => {
  it('counts up from 1, sets the expiry when the counter starts, and parallel callers get distinct values', async () => {
    const markers = new Markers(t.redis, t.keys);
    expect(await markers.incr('promptgen', 'm1.f1')).toBe(1);
    const key = t.keys.of('done', 'promptgen', 'm1.f1');
    expect(await t.redis.ttl(key)).toBeGreaterThan(300 * 24 * 3600);
    const values = await Promise.all(Array.from({ length: 20 }, () => markers.incr('promptgen', 'm1.f1')));
    expect(new Set(values).size).toBe(20);
    expect(Math.max(...values)).toBe(21);
    expect(await t.redis.ttl(key)).toBeGreaterThan(300 * 24 * 3600);
  });
});
