/**
 * A refresh of a posted card (updateOnly, e.g. the Teams join link added to an invitation)
 * never posts a second message: it waits for the card, then updates it in place; a card
 * that never appears is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNotice, noticeJobId } from '../../src/services/notices.js';
import { CHAIR, channel, message } from '../support/activities.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

const CHAT = '19:refresh@thread.tacv2';
let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime({ env: { CHAIR_IDS: CHAIR.aadObjectId } });
  await t.post(message(channel(t.connector.url, CHAT), CHAIR, 'hjälp'));
  await eventually(() => t.connector.to(CHAT).length === 1, 'help reply');
});

afterAll(async () => {
  await t?.cleanup();
});

describe('notify: updateOnly', () => {
  it('a refresh queued before its card is posted waits, then updates that card in place', async () => {
    const s = t.runtime.services;
    await enqueueNotice(s, CHAT, 'text.welcome', { occasion: 'refresh', cardKey: 'card-a', updateOnly: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(t.connector.to(CHAT)).toHaveLength(1);
    await enqueueNotice(s, CHAT, 'text.welcome', { occasion: 'first', cardKey: 'card-a' });
    await eventually(() => t.connector.to(CHAT).some((r) => r.method === 'PUT'), 'the card updated in place', 15_000);
    const posts = t.connector.to(CHAT).filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2); // the help reply and the card, once
  });

  it('a refresh whose card never appeared is skipped after the wait, sending nothing', async () => {
    const s = t.runtime.services;
    const jobId = noticeJobId('text.welcome', { occasion: 'stale' }, CHAT);
    const before = t.connector.to(CHAT).length;
    await s.queues.notify.add('text.welcome', { conversationId: CHAT, template: 'text.welcome', cardKey: 'card-never', updateOnly: true }, { jobId, timestamp: Date.now() - 11 * 60_000 });
    await eventually(async () => (await (await s.queues.notify.getJob(jobId))?.getState()) === 'completed', 'job completed');
    expect((await s.queues.notify.getJob(jobId))!.returnvalue).toBe('skipped: card never posted');
    expect(t.connector.to(CHAT)).toHaveLength(before);
  });
});
