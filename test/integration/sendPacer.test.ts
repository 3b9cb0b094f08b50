/** The send pacer on real Redis: slots one interval apart per tenant, whoever asks; no credit after a pause; tenants apart. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATE_MS, PACING_SHARE, SendPacer, type PacerTimer, type Reservation } from '../../src/store/sendPacer.js';
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

  it('a send that oversleeps its slot (the process stalled) takes a new one rather than going out late', async () => {
    // A timer whose clock jumps by `stall` ms during the first sleep; no real waiting.
    const stalled = (stall: number): PacerTimer & { sleeps: number } => {
      let clock = 0;
      const timer = {
        sleeps: 0,
        now: () => clock,
        sleep: async (ms: number) => {
          clock += ms + (timer.sleeps++ === 0 ? stall : 0);
        },
      };
      return timer;
    };
    const slotsTaken = async (stall: number) => {
      const timer = stalled(stall);
      const pacer = new SendPacer(t.redis, t.keys, 1, timer);
      const other = new SendPacer(t.redis, t.keys, 1);
      await other.reserve(TENANT); // the schedule is busy: the next slot is an interval away
      await pacer.pace(TENANT);
      return timer.sleeps;
    };
    const cases: [number, number][] = [
      [0, 1],
      [LATE_MS / 2, 1],
      [LATE_MS * 5, 2],
    ];
    for (const [stall, sleeps] of cases) {
      await t.redis.del(t.keys.of('pacer', 'notify', TENANT));
      expect(await slotsTaken(stall), `stall ${stall} ms`).toBe(sleeps);
    }
  });

  it('a slow round trip to Redis alone does not re-slot the send (lateness counts from the reply)', async () => {
    // The reply arrives `roundTrip` ms (virtual) after the request; the sleep itself is punctual.
    const roundTrip = LATE_MS * 5;
    let clock = 0;
    let sleeps = 0;
    const timer: PacerTimer = {
      now: () => clock,
      sleep: async (ms) => {
        sleeps++;
        clock += ms;
      },
    };
    class SlowReplyPacer extends SendPacer {
      override async reserve(tenant: string, maxWaitMs?: number): Promise<Reservation> {
        const r = await super.reserve(tenant, maxWaitMs);
        clock += roundTrip;
        return r;
      }
    }
    await new SendPacer(t.redis, t.keys, 1).reserve(TENANT); // busy schedule: this send must wait
    await new SlowReplyPacer(t.redis, t.keys, 1, timer).pace(TENANT);
    expect(sleeps).toBe(1);
  });
  it('each tenant has its own budget: three tenants asking at once all go now, then one interval apart each', async () => {
    const pacer = new SendPacer(t.redis, t.keys, 5); // interval ≈ 206 ms
    const tenants = ['tenant-a', 'tenant-b', 'tenant-c'];
    const first = await Promise.all(tenants.map((x) => pacer.reserve(x)));
    expect(first.map((r) => [r.reserved, r.waitMs])).toEqual(tenants.map(() => [true, 0]));
    const second = await Promise.all(tenants.map((x) => pacer.reserve(x)));
    for (const r of second) expect(r.waitMs).toBeGreaterThan(pacer.intervalMs * 0.8);
    for (const x of tenants) expect(await t.redis.exists(t.keys.of('pacer', 'notify', x))).toBe(1);
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

  it('pace with a max wait: returns the distance of a slot too far away instead of sleeping', async () => {
    let sleeps = 0;
    const timer: PacerTimer = { now: () => 0, sleep: async () => void sleeps++ };
    const pacer = new SendPacer(t.redis, t.keys, 5, timer);
    expect(await pacer.pace(TENANT, 250)).toBe(0); // free: now
    expect(await pacer.pace(TENANT, 250)).toBe(0); // ≈ 206 ms: slept for
    expect(sleeps).toBe(1);
    const later = await pacer.pace(TENANT, 250); // ≈ 412 ms: come back then
    expect(later).toBeGreaterThan(250);
    expect(sleeps).toBe(1);
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
});
