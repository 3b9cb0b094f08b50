import { Queue } from 'bullmq';
import { startPrivateRedis } from '../../../scripts/redis-helper.mjs';
import { createQueueRedis, createStoreRedis } from '../../../src/store/redis.js';
import { sv } from '../../../src/i18n/sv.js';
import { MEMBER, invokeExecute, message, post } from '../../support/activities.js';
import { FakeConnector } from '../../support/fakeConnector.js';
import { closeConnection } from '../../support/services.js';
import { httpStatus, startApp, waitFor, type AppProcess } from '../support/processes.js';
import type { Figures } from './types.js';

export const OUTAGE_MS = 30_000;

/**
 * A web process and a worker process (separate `npx tsx src/main.ts` processes) lose
 * Redis for 30 seconds. Users are told to try again shortly (messages and card actions),
 * /readyz answers 503 on both, no process exits, and when Redis is back everything
 * recovers by itself: /readyz 200, commands answered, queued notices delivered.
 */
export async function redisUnreachable(figures: Figures): Promise<void> {
  let redis = await startPrivateRedis(['--appendonly', 'yes', '--appendfsync', 'everysec']);
  const connector = await new FakeConnector().start();
  const env = { REDIS_URL: redis.url, KEY_PREFIX: 'rel-outage', QUEUE_PREFIX: '{rel-outage}' };
  const apps: AppProcess[] = [];
  try {
    const web = await startApp('web', env);
    const worker = await startApp('worker', env);
    apps.push(web, worker);
    await waitFor(async () => (await httpStatus(`${web.url}/readyz`)) === 200 && (await httpStatus(`${worker.url}/readyz`)) === 200, 'both ready', 30_000);
    const chat = { conversationId: 'a:outage-user', conversationType: 'personal' as const, serviceUrl: connector.url };
    await post(web.url, message(chat, MEMBER, 'hjälp'));
    await connector.waitFor((r) => r.conversationId === 'a:outage-user', 15_000);

    const { port, dir } = redis;
    await redis.stop({ keepDir: true });
    const downAt = Date.now();
    let messages = 0;
    let toldToRetry = 0;
    let invokes = 0;
    let invokesToldToRetry = 0;
    let serverErrors = 0;
    let readyWhileDown = 0;
    let readyChecks = 0;
    let slowestMs = 0;
    const retry = JSON.stringify(sv.errors.tryAgainShortly).slice(1, 30);
    while (Date.now() - downAt < OUTAGE_MS) {
      const since = connector.received.length;
      const t0 = Date.now();
      const res = await post(web.url, message(chat, MEMBER, 'hjälp'));
      messages++;
      if (res.status >= 500) serverErrors++;
      const reply = await connector.waitFor((r) => connector.received.indexOf(r) >= since && r.conversationId === 'a:outage-user' && r.activity.type === 'message', 15_000).catch(() => null);
      if (reply && String(reply.activity.text).includes(sv.errors.tryAgainShortly.slice(0, 30))) toldToRetry++;
      slowestMs = Math.max(slowestMs, Date.now() - t0);
      const t1 = Date.now();
      const inv = await post(web.url, invokeExecute(chat, MEMBER, 'meetings.show', {}));
      slowestMs = Math.max(slowestMs, Date.now() - t1);
      invokes++;
      if (inv.status >= 500) serverErrors++;
      if (JSON.stringify(inv.body).includes(retry)) invokesToldToRetry++;
      for (const app of apps) {
        readyChecks++;
        if ((await httpStatus(`${app.url}/readyz`)) !== 503) readyWhileDown++;
      }
      await new Promise((r) => setTimeout(r, 1_500));
    }
    const exitedDuringOutage = apps.filter((a) => a.exited()).length;

    redis = await startPrivateRedis(['--appendonly', 'yes', '--appendfsync', 'everysec'], { port, dir });
    const upAt = Date.now();
    const webBack = await waitFor(async () => (await httpStatus(`${web.url}/readyz`)) === 200, 'web ready again', 60_000, 100);
    const workerBack = await waitFor(async () => (await httpStatus(`${worker.url}/readyz`)) === 200, 'worker ready again', 60_000, 100);
    // A command works again, and a notice queued now is delivered by the (same) worker process.
    const since = connector.received.length;
    await post(web.url, message(chat, MEMBER, 'hjälp'));
    const help = await connector.waitFor((r) => connector.received.indexOf(r) >= since && JSON.stringify(r.activity.attachments ?? '').includes('det här kan du göra'), 20_000);
    const store = createStoreRedis(redis.url);
    const queueConn = createQueueRedis(redis.url);
    const notify = new Queue('notify', { connection: queueConn, prefix: '{rel-outage}' });
    await notify.add('text.welcome', { conversationId: 'a:outage-user', template: 'text.welcome' }, { jobId: 'after-outage' });
    await connector.waitFor((r) => connector.received.indexOf(r) > connector.received.indexOf(help) && r.conversationId === 'a:outage-user' && r.activity.type === 'message', 30_000);
    const recoveredS = (Date.now() - upAt) / 1000;
    await notify.close();
    await closeConnection(store);
    await closeConnection(queueConn);

    figures.push(
      ['Redis unreachable (s)', (OUTAGE_MS / 1000).toFixed(0)],
      ['processes', 'web + worker'],
      ['messages during outage', messages],
      ['… answered "try again shortly"', toldToRetry],
      ['card actions during outage', invokes],
      ['… answered "try again shortly"', invokesToldToRetry],
      ['slowest answer during outage (s)', (slowestMs / 1000).toFixed(1)],
      ['HTTP 5xx', serverErrors],
      ['/readyz checks not 503', `${readyWhileDown} of ${readyChecks}`],
      ['processes exited', exitedDuringOutage + apps.filter((a) => a.exited()).length],
      ['web ready after Redis (s)', (webBack / 1000).toFixed(1)],
      ['worker ready after Redis (s)', ((webBack + workerBack) / 1000).toFixed(1)],
      ['command + notice work again (s)', recoveredS.toFixed(1)],
    );
    if (toldToRetry !== messages || invokesToldToRetry !== invokes) throw new Error('not every user was told to try again shortly');
    if (serverErrors !== 0 || readyWhileDown !== 0) throw new Error('5xx answers or /readyz not 503 during the outage');
    if (apps.some((a) => a.exited())) throw new Error('a process exited');
  } finally {
    for (const a of apps) await a.stop();
    await connector.stop();
    await redis.stop();
  }
}
