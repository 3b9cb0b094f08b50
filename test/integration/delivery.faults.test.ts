import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNotice } from '../../src/services/notices.js';
import { CHAIR, channel, message } from '../support/activities.js';
import type { CapturedActivity } from '../support/fakeConnector.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * The fake connector answers 429 with Retry-After and 500 at random: every message still
 * arrives exactly once, and no conversation gets more than Teams' per-conversation limit.
 */
const CONVERSATIONS = ['19:a@thread.tacv2', '19:b@thread.tacv2', '19:c@thread.tacv2'];
const PER_CONVERSATION = 12;
let t: TestRuntime;

// A deterministic PRNG so a failure can be replayed.
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

beforeAll(async () => {
  t = await startTestRuntime({ env: { CHAIR_IDS: CHAIR.aadObjectId, NOTIFY_ATTEMPTS: '20' } });
  for (const id of CONVERSATIONS) await t.post(message(channel(t.connector.url, id), CHAIR, 'hjälp'));
  await eventually(() => t.connector.received.length >= CONVERSATIONS.length, 'help replies');
  t.connector.received.length = 0;
  t.connector.requests.length = 0;
});

afterAll(async () => {
  await t?.cleanup();
});

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

describe('reliable delivery through a failing connector', () => {
  it('delivers every message exactly once within the per-conversation limits', async () => {
    let faults = 0;
    t.connector.fault = () => {
      const r = random();
      if (r < 0.15) {
        faults++;
        return { status: 429, headers: { 'Retry-After': '1' } };
      }
      if (r < 0.3) {
        faults++;
        return { status: 500 };
      }
      return undefined;
    };
    const s = t.runtime.services;
    // Welcome notices carry no meeting; distinct occasions make distinct messages.
    for (const id of CONVERSATIONS) {
      for (let i = 0; i < PER_CONVERSATION; i++) await enqueueNotice(s, id, 'text.welcome', { occasion: `fault-${i}` });
    }
    const expected = CONVERSATIONS.length * PER_CONVERSATION;
    await eventually(async () => (await s.queues.notify.raw.getCompletedCount()) >= expected, 'all notices completed', 60_000).catch(async (e) => {
      console.log(await s.queues.notify.raw.getJobCounts(), t.connector.received.length, faults);
      throw e;
    });
    t.connector.fault = undefined;

    const byConversation = new Map<string, CapturedActivity[]>();
    for (const r of t.connector.received) byConversation.set(r.conversationId, [...(byConversation.get(r.conversationId) ?? []), r]);
    for (const id of CONVERSATIONS) {
      const got = byConversation.get(id) ?? [];
      expect(got, `messages to ${id}`).toHaveLength(PER_CONVERSATION);
      const times = got.map((r) => r.at);
      expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(7);
      expect(maxInWindow(times, 2_000)).toBeLessThanOrEqual(8);
      expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(60);
      // Every request counts against Teams' limit, failed ones included.
      const attempts = t.connector.requests.filter((r) => r.conversationId === id).map((r) => r.at);
      expect(maxInWindow(attempts, 1_000)).toBeLessThanOrEqual(7);
      expect(maxInWindow(attempts, 2_000)).toBeLessThanOrEqual(8);
    }
    expect(faults).toBeGreaterThan(0);
    expect(await s.queues.notify.raw.getFailedCount()).toBe(0);
  }, 90_000);
});
