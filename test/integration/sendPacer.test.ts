/**
 * The send pacer on real Redis: slots one interval apart per tenant; no credit after a pause;
 * tenants apart; within a short horizon, the next slots go to the best turns that claimed them;
 * the gate right before a request counts the moments of sending.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACING_SHARE, SEND_JITTER_MS, SendPacer, type PacerTimer } from '../../src/store/sendPacer.js';
import { makeTestServices, type TestServices } from '../support/services.js';

const TENANT = 'tenant-a';
let t: TestServices;
beforeEach(async () => {
  t = await makeTestServices();
});
afterEach(async () => {
  await t.cleanup();
});

describe('SendPacer', () => {
  it('reservations from two "workers" are spaced one interval apart, in order', async () => {
    // A slow rate, so the calls' own round trips (a few ms, more in a Cluster) are small beside the interval.
    const rate = 5;
    const a = new SendPacer(t.redis, t.keys, rate);
    const b = new SendPacer(t.newStoreConnection(), t.keys, rate);
    const interval = 1000 / (rate * PACING_SHARE);
    const slots: number[] = [];
    for (let i = 0; i < 10; i++) {
      // The slot is on Redis' clock: estimate when Redis ran the script as the middle of the
      // round trip, so a slow request (a loaded machine, a Cluster hop) does not look like a
      // short interval.
      const asked = performance.now();
      const { waitMs: wait } = await (i % 2 ? b : a).reserve(TENANT);
      slots.push((asked + performance.now()) / 2 + wait);
    }
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThan(interval * 0.9);
    expect(slots.at(-1)! - slots[0]!).toBeGreaterThan(9 * interval * 0.95);
    expect(slots.at(-1)! - slots[0]!).toBeLessThan(9 * interval * 1.05);
  });

  it('no burst after a quiet spell: a free pacer answers "now" once, then spaces again', async () => {
    const pacer = new SendPacer(t.redis, t.keys, 10);
    await pacer.reserve(TENANT);
    // Three intervals of silence earn no credit: one send now, the next one interval later.
    await new Promise((r) => setTimeout(r, 320));
    expect((await pacer.reserve(TENANT)).waitMs).toBe(0);
    expect((await pacer.reserve(TENANT)).waitMs).toBeGreaterThan(90);
  });

  it('each tenant has its own budget: three tenants asking at once all go now, then one interval apart each', async () => {
    const pacer = new SendPacer(t.redis, t.keys, 5); // interval ≈ 206 ms
    const tenants = ['tenant-a', 'tenant-b', 'tenant-c'];
    const first = await Promise.all(tenants.map((x) => pacer.reserve(x)));
    expect(first.map((r) => [r.reserved, r.waitMs])).toEqual(tenants.map(() => [true, 0]));
    const second = await Promise.all(tenants.map((x) => pacer.reserve(x)));
    for (const r of second) expect(r.waitMs).toBeGreaterThan(pacer.intervalMs * 0.8);
    for (const x of tenants) expect(await t.redis.exists(pacer.keysOf(x).next)).toBe(1);
  });

  it('reserve with a max wait: a slot within it is taken, one beyond it is only reported', async () => {
    const pacer = new SendPacer(t.redis, t.keys, 5); // interval ≈ 206 ms
    const cases: [string, number, boolean][] = [
      ['free schedule, no wait allowed', 0, true],
      ['next slot ≈ 206 ms away, 100 allowed', 100, false],
      ['still ≈ 206 ms away (nothing was taken), 400 allowed', 400, true],
      ['now ≈ 412 ms away, 300 allowed', 300, false],
    ];
    for (const [what, maxWait, reserved] of cases) expect((await pacer.reserve(TENANT, maxWait)).reserved, what).toBe(reserved);
    // Not taking a slot leaves the schedule as it was: the refused ask did not move it.
    const next = await pacer.reserve(TENANT);
    expect(next.waitMs).toBeGreaterThan(pacer.intervalMs * 1.8);
    expect(next.waitMs).toBeLessThan(pacer.intervalMs * 2.2);
  });

  it('with a max wait: a slot too far away is not taken; the answer is when it comes within the max wait', async () => {
    const pacer = new SendPacer(t.redis, t.keys, 5);
    expect((await pacer.reserve(TENANT, 250)).waitMs).toBe(0); // free: now
    const second = await pacer.reserve(TENANT, 250); // ≈ 206 ms: taken, the sender waits for it
    expect(second.reserved).toBe(true);
    expect(second.waitMs).toBeGreaterThan(0);
    const later = await pacer.reserve(TENANT, 250); // ≈ 412 ms: come back when it is 250 ms away
    expect(later.reserved).toBe(false);
    expect(later.waitMs).toBeGreaterThan(0);
    expect(later.waitMs).toBeLessThanOrEqual(2 * pacer.intervalMs - 250);
  });

  it("pushBack after a 429 moves only that tenant's next slot, never earlier than it was", async () => {
    const pacer = new SendPacer(t.redis, t.keys, 50);
    await pacer.pushBack('tenant-a', 2_000);
    const a = await pacer.reserve('tenant-a', 250);
    expect(a.reserved).toBe(false);
    expect(a.waitMs).toBeGreaterThan(1_500);
    expect(a.waitMs).toBeLessThanOrEqual(2_000);
    expect(await pacer.reserve('tenant-b', 250)).toEqual({ reserved: true, waitMs: 0 });
    // A shorter Retry-After does not pull the slot in.
    await pacer.pushBack('tenant-a', 100);
    expect((await pacer.reserve('tenant-a')).waitMs).toBeGreaterThan(1_500);
  });

  describe('within one tenant, the next slots go by turn, not by who asks first', () => {
    // At 1/s (≈ 1,031 ms apart) with a 2,500 ms horizon: wide margins, so a slow machine
    // between two calls does not change how many slots are free.
    const RATE = 1;
    const HORIZON = 2_500;
    /** The tenant's next free slot `ms` from now on Redis' clock: the slots before it are taken. */
    const nextSlotIn = async (pacer: SendPacer, ms: number) => {
      const [sec, micro] = await t.redis.time();
      await t.redis.set(pacer.keysOf(TENANT).next, String(Number(sec) * 1e6 + Number(micro) + ms * 1000), 'PX', '60000');
    };

    it('a backlog asking again cannot take the slot that a better turn waiting in the queue claimed', async () => {
      const pacer = new SendPacer(t.redis, t.keys, RATE);
      // Organisation A's sends took the horizon's slots; B's two (turns 1, 2) find none and
      // claim; A's next (turn 300) claims behind them.
      await nextSlotIn(pacer, 4_000);
      const b1 = await pacer.reserve(TENANT, HORIZON, { id: 'b1', turn: 1 });
      const b2 = await pacer.reserve(TENANT, HORIZON, { id: 'b2', turn: 2 });
      const a3 = await pacer.reserve(TENANT, HORIZON, { id: 'a3', turn: 300 });
      expect([b1.reserved, b2.reserved, a3.reserved]).toEqual([false, false, false]);
      // Each is told to come back shortly before the slot its turn would get: B's first.
      expect(b1.waitMs).toBeLessThan(b2.waitMs);
      expect(b2.waitMs).toBeLessThan(a3.waitMs);

      // One slot is free again: A, asking first, does not get it; B's first does.
      await nextSlotIn(pacer, 2_000);
      expect((await pacer.reserve(TENANT, HORIZON, { id: 'a3', turn: 300 })).reserved, 'A, third in line').toBe(false);
      expect((await pacer.reserve(TENANT, HORIZON, { id: 'b2', turn: 2 })).reserved, 'B’s second, second in line').toBe(false);
      expect((await pacer.reserve(TENANT, HORIZON, { id: 'b1', turn: 1 })).reserved, 'B’s first').toBe(true);
      // Two free slots: whichever of the two left asks first gets one, as each is within them.
      await nextSlotIn(pacer, 1_000);
      expect((await pacer.reserve(TENANT, HORIZON, { id: 'a3', turn: 300 })).reserved).toBe(true);
      expect((await pacer.reserve(TENANT, HORIZON, { id: 'b2', turn: 2 })).reserved).toBe(true);
      // A slot taken removes its claim: nothing is left waiting.
      expect(await t.redis.zcard(pacer.keysOf(TENANT).claims)).toBe(0);
    });

    it('a claim whose job did not come back within its lease no longer holds a slot', async () => {
      const pacer = new SendPacer(t.redis, t.keys, RATE);
      await nextSlotIn(pacer, 4_000);
      expect((await pacer.reserve(TENANT, HORIZON, { id: 'gone', turn: 1 })).reserved).toBe(false);
      await nextSlotIn(pacer, 2_000);
      expect((await pacer.reserve(TENANT, HORIZON, { id: 'a', turn: 50 })).reserved, 'the claim is live').toBe(false);
      await t.redis.hset(pacer.keysOf(TENANT).leases, 'gone', '0'); // its lease has passed
      expect((await pacer.reserve(TENANT, HORIZON, { id: 'a', turn: 50 })).reserved, 'the claim lapsed').toBe(true);
      expect(await t.redis.zrange(pacer.keysOf(TENANT).claims, '0', '-1')).toEqual([]);
    });

    it('without a turn, or without a max wait, a reservation is first come, first served as before', async () => {
      const pacer = new SendPacer(t.redis, t.keys, RATE);
      await nextSlotIn(pacer, 4_000);
      expect((await pacer.reserve(TENANT, HORIZON, { id: 'b', turn: 1 })).reserved).toBe(false);
      await nextSlotIn(pacer, 2_000);
      expect((await pacer.reserve(TENANT, HORIZON)).reserved).toBe(true);
      expect((await pacer.reserve(TENANT, Infinity, { id: 'a', turn: 50 })).reserved).toBe(true);
    });
  });

  it('the gate before a request holds a send while the window already has the rate’s worth of sends', async () => {
    const sleeps: number[] = [];
    const timer: PacerTimer = {
      sleep: async (ms) => {
        sleeps.push(ms);
        await new Promise((r) => setTimeout(r, ms));
      },
    };
    const pacer = new SendPacer(t.redis, t.keys, 3, timer);
    const sent = async () => (await t.redis.lrange(pacer.keysOf(TENANT).sent, 0, -1)).map(Number); // newest first, Redis' clock (µs)
    for (let i = 0; i < 3; i++) expect(await pacer.admit(TENANT)).toBe(0);
    expect(sleeps).toEqual([]);
    const first = (await sent()).at(-1)!;
    // The fourth, at once: held until the first send is a second (plus the jitter margin) old.
    expect(await pacer.admit(TENANT)).toBeGreaterThan(0);
    expect(sleeps.length).toBeGreaterThan(0);
    const log = await sent();
    expect(log).toHaveLength(3); // the last rate's worth
    expect(log[0]! - first).toBeGreaterThanOrEqual((1000 + SEND_JITTER_MS) * 1000);
  });
});
