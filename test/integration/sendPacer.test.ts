/** The send pacer on real Redis: slots one interval apart, whoever asks; no credit after a pause. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATE_MS, PACING_SHARE, SendPacer, type PacerTimer } from '../../src/store/sendPacer.js';
import { makeTestServices, type TestServices } from '../support/services.js';

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
      const wait = await (i % 2 ? b : a).reserve();
      slots.push((asked + performance.now()) / 2 + wait);
    }
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThan(interval * 0.9);
    expect(slots.at(-1)! - slots[0]!).toBeGreaterThan(9 * interval * 0.95);
    expect(slots.at(-1)! - slots[0]!).toBeLessThan(9 * interval * 1.05);
  });

  it('no burst after a quiet spell: a free pacer answers "now" once, then spaces again', async () => {
    const pacer = new SendPacer(t.redis, t.keys, 10);
    await pacer.reserve();
    // Three intervals of silence earn no credit: one send now, the next one interval later.
    await new Promise((r) => setTimeout(r, 320));
    expect(await pacer.reserve()).toBe(0);
    expect(await pacer.reserve()).toBeGreaterThan(90);
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
      await other.reserve(); // the schedule is busy: the next slot is an interval away
      await pacer.pace();
      return timer.sleeps;
    };
    const cases: [number, number][] = [
      [0, 1],
      [LATE_MS / 2, 1],
      [LATE_MS * 5, 2],
    ];
    for (const [stall, sleeps] of cases) {
      await t.redis.del(t.keys.of('pacer', 'notify'));
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
      override async reserve(): Promise<number> {
        const ms = await super.reserve();
        clock += roundTrip;
        return ms;
      }
    }
    await new SendPacer(t.redis, t.keys, 1).reserve(); // busy schedule: this send must wait
    await new SlowReplyPacer(t.redis, t.keys, 1, timer).pace();
    expect(sleeps).toBe(1);
  });
});
