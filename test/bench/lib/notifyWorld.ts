import type { Platform } from '../../../src/services/platform.js';
import { FakeConnector } from '../../support/fakeConnector.js';
import { freePort } from '../../support/freePort.js';
import { adminRuntime, botEnv } from './env.js';
import { sleep, spawnTsx, waitForHttp, type Child } from './proc.js';

/** Teams' documented global limit per app per tenant, which the fake connector enforces. */
export const TENANT_LIMIT_PER_SECOND = 50;

export const TENANTS = ['11111111-2222-3333-4444-555555555555', '22222222-3333-4444-5555-666666666666', '33333333-4444-5555-6666-777777777777'] as const;

export interface NotifyWorld {
  connector: FakeConnector;
  platform: Platform;
  /** Jobs still waiting, delayed, prioritised or active in the notify queue. */
  pending(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A prefix of its own with one worker process (`src/main.ts --role=worker`, the default
 * NOTIFY_RATE_PER_SECOND of 50 per tenant and Teams' per-conversation windows), a fake
 * connector that allows each tenant 50 requests in any sliding second (429 above), and an
 * in-process admin runtime to seed organisations and enqueue through the services.
 */
export async function startNotifyWorld(redisUrl: string, prefix: string): Promise<NotifyWorld> {
  const connector = await new FakeConnector().start();
  connector.limitTenants(TENANT_LIMIT_PER_SECOND, 1);
  const env = botEnv(redisUrl, prefix, { NOTIFY_RATE_PER_SECOND: String(TENANT_LIMIT_PER_SECOND) });
  const admin = await adminRuntime(redisUrl, prefix, { NOTIFY_RATE_PER_SECOND: String(TENANT_LIMIT_PER_SECOND) });
  const { platform } = admin.runtime;
  let worker: Child | undefined;
  try {
    const port = await freePort();
    worker = spawnTsx('src/main.ts', { args: ['--role=worker'], env: { ...env, PORT: String(port) } });
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, worker);
  } catch (e) {
    await worker?.stop();
    await admin.runtime.close();
    await connector.stop();
    throw e;
  }
  const queue = platform.queues.notify;
  return {
    connector,
    platform,
    async pending() {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      return Object.values(c).reduce((a, b) => a + b, 0);
    },
    async close() {
      await worker?.stop();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await admin.runtime.close();
      await connector.stop();
    },
  };
}

/** Waits until the queue is empty or `budgetMs` passed; true when it emptied. */
export async function drain(world: NotifyWorld, budgetMs: number, log?: (line: string) => void): Promise<boolean> {
  const t0 = Date.now();
  let lastLog = t0;
  for (;;) {
    const pending = await world.pending();
    if (pending === 0) return true;
    if (Date.now() - t0 > budgetMs) return false;
    if (log && Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`    ${world.connector.received.length} sent, ${pending} pending`);
    }
    await sleep(100);
  }
}
