import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNotice } from '../../src/services/notices.js';
import { CHAIR, channel, message } from '../support/activities.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * A connector that never answers (timeout) or drops the connection (reset): the send is
 * abandoned after CONNECTOR_TIMEOUT_SECONDS, retried, and the message arrives once.
 */
const CONVERSATIONS = ['19:t1@thread.tacv2', '19:t2@thread.tacv2', '19:t3@thread.tacv2'];
let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime({ env: { CHAIR_IDS: CHAIR.aadObjectId, CONNECTOR_TIMEOUT_SECONDS: '1' } });
  for (const id of CONVERSATIONS) await t.post(message(channel(t.connector.url, id), CHAIR, 'hjälp'));
  await eventually(() => t.connector.received.length >= CONVERSATIONS.length, 'help replies');
  t.connector.received.length = 0;
});

afterAll(async () => {
  await t?.cleanup();
});

describe('hung and dropped connections', () => {
  it('are timed out or failed, retried, and delivered exactly once', async () => {
    t.connector.fault = ({ conversationId, attempt }) => {
      if (conversationId === CONVERSATIONS[0] && attempt === 1) return { hang: true };
      if (conversationId === CONVERSATIONS[1] && attempt === 1) return { reset: true };
      if (conversationId === CONVERSATIONS[2] && attempt <= 2) return attempt === 1 ? { hang: true } : { reset: true };
      return undefined;
    };
    const s = t.runtime.services;
    for (const id of CONVERSATIONS) await enqueueNotice(s, id, 'text.welcome', { occasion: 'timeouts' });
    await eventually(async () => (await s.queues.notify.raw.getCompletedCount()) >= CONVERSATIONS.length, 'all delivered', 30_000);
    t.connector.fault = undefined;
    for (const id of CONVERSATIONS) expect(t.connector.to(id), id).toHaveLength(1);
    expect(await s.queues.notify.raw.getFailedCount()).toBe(0);
    // Each abandoned attempt is a possible duplicate, and counted as such for /metrics.
    expect((await s.repos.metrics.read()).uncertainResends).toBe(4);
  }, 45_000);
});
