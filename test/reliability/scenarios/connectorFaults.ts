import { promptForums } from '../../../src/services/inputs/prompts.js';
import type { Fault } from '../../support/fakeConnector.js';
import { waitFor } from '../support/processes.js';
import { seedForumsDirect } from '../support/seedDirect.js';
import { startStack } from '../support/stack.js';
import type { Figures } from './types.js';

const FORUMS = 60;

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The fake connector fails at random — 429 with Retry-After, 500, 502, hung requests
 * (the client times out) and dropped connections — while 60 input cards go out: every
 * forum gets its card exactly once and no job ends in the dead-letter list.
 */
export async function connectorFailing(figures: Figures): Promise<void> {
  const stack = await startStack({ env: { NOTIFY_ATTEMPTS: '25', CONNECTOR_TIMEOUT_SECONDS: '1' } });
  try {
    const s = stack.runtime.services!;
    const { meeting, channels } = await seedForumsDirect(s, stack.connector.url, FORUMS, new Date().getUTCFullYear() + 1);
    const random = prng(6);
    const counts = { '429': 0, '500': 0, '502': 0, hang: 0, reset: 0 };
    stack.connector.fault = (): Fault | undefined => {
      const r = random();
      if (r < 0.12) return counts['429']++, { status: 429, headers: { 'Retry-After': '1' } };
      if (r < 0.2) return counts['500']++, { status: 500 };
      if (r < 0.25) return counts['502']++, { status: 502 };
      if (r < 0.29) return counts.hang++, { hang: true };
      if (r < 0.33) return counts.reset++, { reset: true };
      return undefined;
    };
    const started = Date.now();
    await promptForums(s, meeting, 'faults');
    const cardsTo = (id: string) => stack.connector.received.filter((r) => r.conversationId === id && r.method === 'POST').length;
    await waitFor(() => channels.every((id) => cardsTo(id) > 0), 'every forum has its card', 120_000, 50);
    await waitFor(async () => {
      const c = await s.queues.notify.raw.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(c).every((n) => n === 0);
    }, 'queue drained', 60_000);
    stack.connector.fault = undefined;
    const lost = channels.filter((id) => cardsTo(id) === 0).length;
    const duplicated = channels.reduce((n, id) => n + Math.max(0, cardsTo(id) - 1), 0);
    const failed = await s.queues.notify.raw.getFailedCount();
    const m = await s.repos.metrics.read();
    const requests = stack.connector.requests.filter((r) => channels.includes(r.conversationId)).length;
    figures.push(
      ['cards to send', FORUMS],
      ['connector requests', requests],
      ['faults: 429 / 500 / 502', `${counts['429']} / ${counts['500']} / ${counts['502']}`],
      ['faults: timeouts / resets', `${counts.hang} / ${counts.reset}`],
      ['429s seen (metric)', m.connector429 ?? 0],
      ['delivered exactly once', FORUMS - lost - channels.filter((id) => cardsTo(id) > 1).length],
      ['lost', lost],
      ['duplicated', duplicated],
      ['dead-lettered jobs', failed],
      ['all delivered in (s)', ((Date.now() - started) / 1000).toFixed(1)],
    );
    if (lost || duplicated || failed) throw new Error(`lost ${lost}, duplicated ${duplicated}, dead-lettered ${failed}`);
    if (!counts['429'] || !counts.hang || !counts.reset) throw new Error('not every kind of fault happened');
  } finally {
    await stack.close();
  }
}
