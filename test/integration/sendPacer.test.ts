/** The send pacer on real Redis: slots one interval apart, whoever asks; no credit after a pause. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACING_SHARE, SendPacer } from '../../src/store/sendPacer.js';
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
    const rate = 50;
    const a = new SendPacer(t.redis, t.keys, rate);
    const b = new SendPacer(t.newStoreConnection(), t.keys, rate);
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) waits.push(await (i % 2 ? b : a).reserve());
    const interval = 1000 / (rate * PACING_SHARE);
    // Each reservation is one interval later than the previous one (minus the little time the calls took).
    for (let i = 1; i < waits.length; i++) expect(waits[i]! - waits[i - 1]!).toBeGreaterThan(interval - 5);
    expect(waits.at(-1)!).toBeGreaterThan(8 * interval);
  });

  it('no burst after a quiet spell: a free pacer answers "now" once, then spaces again', async () => {
    const pacer = new SendPacer(t.redis, t.keys, 10);
    await pacer.reserve();
    // Three intervals of silence earn no credit: one send now, the next one interval later.
    await new Promise((r) => setTimeout(r, 320));
    expect(await pacer.reserve()).toBe(0);
    expect(await pacer.reserve()).toBeGreaterThan(90);
  });
});
