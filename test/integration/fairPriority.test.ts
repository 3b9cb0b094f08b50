/** Virtual-time priorities on real Redis, with the clock passed in: small when idle, large behind a backlog, decaying with time. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fairPriorities, fairPriority, MAX_PRIORITY } from '../../src/store/fairPriority.js';
import { makeTestServices, type TestServices } from '../support/services.js';

const I = 20; // ms per job in virtual time
const T0 = Date.parse('2027-03-01T08:00:00Z');
let t: TestServices;
const key = (org: string) => t.keys.of('fair', 'notify', org);

beforeEach(async () => {
  t = await makeTestServices();
});
afterEach(async () => {
  await t.cleanup();
});

describe('fairPriority', () => {
  it('an idle key gets 1, 2, 3…; a key with a deep backlog gets large priorities; another key is not affected', async () => {
    const idle = [];
    for (let i = 0; i < 3; i++) idle.push(await fairPriority(t.redis, key('a'), I, T0));
    expect(idle).toEqual([1, 2, 3]);
    const backlog = await fairPriorities(t.redis, key('a'), I, T0, 5_000);
    expect(backlog[0]).toBe(4);
    expect(backlog.at(-1)).toBe(5_003);
    expect(await fairPriority(t.redis, key('b'), I, T0)).toBe(1);
  });

  it('decays with the clock: the backlog "drains" at one job per interval; an idle spell earns no credit', async () => {
    await fairPriorities(t.redis, key('a'), I, T0, 100); // virtual time T0 + 100 I
    // Each ask also queues one more job (virtual time + 1 interval).
    const cases: [string, number, number][] = [
      ['no time passed', 0, 101],
      ['40 intervals later', 40 * I, 62], // 102 queued, 40 drained
      ['half an interval after that', 40 * I + I / 2, 63], // 103 queued, 40.5 drained: rounded up
      ['long after the backlog drained', 10_000 * I, 1],
      ['and right after that', 10_000 * I, 2],
    ];
    for (const [what, after, expected] of cases) expect(await fairPriority(t.redis, key('a'), I, T0 + after), what).toBe(expected);
  });

  it('priorities never pass BullMQ’s maximum', async () => {
    const out = await fairPriorities(t.redis, key('a'), 1, T0, 3);
    expect(out).toEqual([1, 2, 3]);
    await t.redis.set(key('a'), String(T0 + MAX_PRIORITY * 10));
    expect(await fairPriority(t.redis, key('a'), 1, T0)).toBe(MAX_PRIORITY);
  });

  it('a fractional interval does not round a step up (1000 / (0.97 × 50) ms)', async () => {
    const interval = 1000 / (0.97 * 50);
    const out = [...(await fairPriorities(t.redis, key('a'), interval, T0, 1_000)), ...(await fairPriorities(t.redis, key('a'), interval, T0, 1_000))];
    expect(out).toEqual(Array.from({ length: 2_000 }, (_, i) => i + 1));
  });

  it('the key expires once its virtual time is well past', async () => {
    await fairPriority(t.redis, key('a'), I, Date.now());
    const ttl = await t.redis.pttl(key('a'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000 + I);
  });
});
