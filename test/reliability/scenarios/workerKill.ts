import { startPrivateRedis } from '../../../scripts/redis-helper.mjs';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { startRuntime } from '../../../src/runtime.js';
import { promptForums } from '../../../src/services/inputs/prompts.js';
import { FakeConnector } from '../../support/fakeConnector.js';
import { startApp, waitFor, type AppProcess } from '../support/processes.js';
import { seedForumsDirect } from '../support/seedDirect.js';
import type { Figures } from './types.js';

export const FANOUT = 500;

/**
 * A fan-out of 500 input prompts (one card per forum channel) is being sent by a separate
 * worker process when it is killed with SIGKILL, holding jobs; two new worker processes
 * start and take the stalled jobs over. At the
 * fake connector every forum got its card: lost 0, duplicated 0. A send that may have
 * reached Teams just before the kill (no "sent" marker yet) is re-sent and counted as an
 * uncertain resend — the one way at-least-once can show a duplicate.
 */
export async function workerKilledDuringFanout(figures: Figures): Promise<void> {
  const redis = await startPrivateRedis(['--appendonly', 'yes', '--appendfsync', 'everysec']);
  const connector = await new FakeConnector().start();
  const env = { REDIS_URL: redis.url, KEY_PREFIX: 'rel-fanout', QUEUE_PREFIX: '{rel-fanout}', WORKER_LOCK_SECONDS: '4', NOTIFY_RATE_PER_SECOND: '50' };
  const config = loadConfig({ ...env, NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' });
  const web = await startRuntime(config, { role: 'web', log: createLogger('silent') });
  const workers: AppProcess[] = [];
  try {
    const year = new Date().getUTCFullYear() + 1;
    const { meeting, channels } = await seedForumsDirect(web.services!, connector.url, FANOUT, year);
    // One worker process sends; it is killed while it holds jobs; two new ones take over.
    workers.push(await startApp('worker', env));

    const started = Date.now();
    await promptForums(web.services!, meeting, 'reliability');
    // Counted incrementally: the fake connector shares this process, and a slow test would slow it down.
    const posts = new Map<string, number>();
    let seen = 0;
    const delivered = () => {
      for (; seen < connector.received.length; seen++) {
        const r = connector.received[seen]!;
        if (r.method === 'POST') posts.set(r.conversationId, (posts.get(r.conversationId) ?? 0) + 1);
      }
      return channels.reduce((n, id) => n + (posts.has(id) ? 1 : 0), 0);
    };
    const cardsTo = (id: string) => (delivered(), posts.get(id) ?? 0);
    await waitFor(() => delivered() >= FANOUT * 0.3, 'a third of the fan-out delivered', 60_000, 20);
    // Kill while jobs are in progress (the rate limiter sends in bursts).
    let active = 0;
    await waitFor(async () => (active = await web.services!.queues.notify.raw.getActiveCount()) >= 2, 'jobs in progress', 30_000, 5);
    const atKill = delivered();
    await workers[0]!.kill9();
    const killedAt = Date.now();
    workers.push(...(await Promise.all([startApp('worker', env), startApp('worker', env)])));
    await waitFor(() => delivered() >= FANOUT, 'every forum has its card', 120_000, 50);
    const recoveredS = (Date.now() - killedAt) / 1000;
    await waitFor(async () => {
      const c = await web.services!.queues.notify.raw.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(c).every((n) => n === 0);
    }, 'queue drained', 60_000);

    const lost = channels.filter((id) => cardsTo(id) === 0).length;
    const duplicated = channels.reduce((n, id) => n + Math.max(0, cardsTo(id) - 1), 0);
    const failed = await web.services!.queues.notify.raw.getFailedCount();
    const takenOver = (await web.services!.queues.notify.raw.getCompleted(0, -1)).filter((j) => j.stalledCounter > 0).length;
    const uncertain = (await web.services!.repos.metrics.read()).uncertainResends ?? 0;
    figures.push(
      ['prompts in the fan-out', FANOUT],
      ['worker processes', '1 killed, 2 started'],
      ['delivered before SIGKILL', atKill],
      ['jobs active at SIGKILL', active],
      ['jobs taken over (stalled → retried)', takenOver],
      ['all delivered after kill (s)', recoveredS.toFixed(1)],
      ['total send time (s)', ((Date.now() - started) / 1000).toFixed(1)],
      ['lost', lost],
      ['duplicated', duplicated],
      ['uncertain resends (metric)', uncertain],
      ['dead-lettered jobs', failed],
    );
    if (lost !== 0) throw new Error(`${lost} forums got no card`);
    if (failed !== 0) throw new Error(`${failed} jobs failed`);
    if (takenOver === 0) throw new Error('the kill interrupted no job');
    // A duplicate is only possible for a send that was in flight at the kill; it is counted.
    if (duplicated > uncertain) throw new Error(`${duplicated} duplicates, only ${uncertain} uncertain resends`);
  } finally {
    for (const w of workers) await w.stop();
    await web.close();
    await connector.stop();
    await redis.stop();
  }
}
