import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/log.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import type { Services } from '../../src/services/services.js';
import { post } from './activities.js';
import { FakeConnector } from './fakeConnector.js';
import { clusterEnv, createTestClock, deleteKeysUnder, testRedis, type TestClock } from './services.js';

/**
 * The real server (adapter, routes, workers) on a free port with a controllable clock,
 * a local fake Bot Connector, and its own key/queue prefixes, removed by `cleanup()`.
 */
/** The runtime; `services` is its home organisation's (the default one of a single-municipality deployment). */
export type TestRuntimeHandle = Omit<Runtime, 'services'> & { services: Services };

export interface TestRuntime {
  runtime: TestRuntimeHandle;
  connector: FakeConnector;
  clock: TestClock;
  botUrl: string;
  post(activity: unknown): Promise<{ status: number; body: unknown }>;
  cleanup(): Promise<void>;
}

export async function startTestRuntime(opts: { now?: Date; env?: Record<string, string>; role?: 'all' | 'web'; log?: Logger } = {}): Promise<TestRuntime> {
  const id = randomBytes(5).toString('hex');
  const keyPrefix = `rt-${id}`;
  const queuePrefix = `{rt-${id}}`;
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const connector = await new FakeConnector().start();
  const clock = createTestClock(opts.now ?? new Date());
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    REDIS_URL: url,
    ...clusterEnv(),
    KEY_PREFIX: keyPrefix,
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'https://samverkan.example.se',
    // Reconcile would re-add promoted test steps on its own schedule; tests drive steps explicitly.
    RECONCILE_CRON: '0 0 1 1 *',
    ...opts.env,
  });
  // TEST_LOG=debug shows the server's logs while debugging a test.
  const started = await startRuntime(config, { clock, log: opts.log ?? createLogger(process.env.TEST_LOG ?? 'silent'), role: opts.role ?? 'all' });
  const runtime = new Proxy(started, {
    get(target, prop, receiver) {
      if (prop === 'services' && !target.services) throw new Error('this runtime has no home organisation (OPERATOR_IDS set): use runtime.platform.orgs');
      return Reflect.get(target, prop, receiver) as unknown;
    },
  }) as TestRuntimeHandle;
  const botUrl = `http://127.0.0.1:${runtime.port}`;
  return {
    runtime,
    connector,
    clock,
    botUrl,
    post: (activity) => post(botUrl, activity),
    async cleanup() {
      await runtime.close();
      await connector.stop();
      const redis = testRedis();
      await deleteKeysUnder(redis, [keyPrefix, queuePrefix]);
      await redis.quit();
    },
  };
}

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
