import { startPrivateRedis, type PrivateRedis } from '../../../scripts/redis-helper.mjs';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { startRuntime, type Runtime } from '../../../src/runtime.js';
import { post } from '../../support/activities.js';
import { FakeConnector } from '../../support/fakeConnector.js';

export const AOF = ['--appendonly', 'yes', '--appendfsync', 'everysec'];

/** The real server in this process against its own redis-server, with a fake connector. */
export interface Stack {
  redis: PrivateRedis;
  connector: FakeConnector;
  runtime: Runtime;
  botUrl: string;
  post(activity: unknown): Promise<{ status: number; body: unknown }>;
  /** Stops Redis (SIGTERM: clean, or SIGKILL) and starts it again on the same port and data dir after `downMs`. */
  restartRedis(signal: 'SIGTERM' | 'SIGKILL', downMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startStack(opts: { env?: Record<string, string>; redisArgs?: string[]; role?: 'all' | 'web' } = {}): Promise<Stack> {
  const redisArgs = opts.redisArgs ?? AOF;
  let redis = await startPrivateRedis(redisArgs);
  const connector = await new FakeConnector().start();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', REDIS_URL: redis.url, KEY_PREFIX: 'rel', QUEUE_PREFIX: '{rel}', LOG_LEVEL: 'silent', RECONCILE_CRON: '0 0 1 1 *', ...opts.env });
  const runtime = await startRuntime(config, { role: opts.role ?? 'all', log: createLogger(process.env.TEST_LOG ?? 'silent') });
  const botUrl = `http://127.0.0.1:${runtime.port}`;
  const stack: Stack = {
    get redis() {
      return redis;
    },
    connector,
    runtime,
    botUrl,
    post: (activity) => post(botUrl, activity),
    async restartRedis(signal, downMs) {
      const { port, dir } = redis;
      await redis.stop({ keepDir: true, signal });
      await new Promise((r) => setTimeout(r, downMs));
      redis = await startPrivateRedis(redisArgs, { port, dir });
    },
    async close() {
      await runtime.close();
      await connector.stop();
      await redis.stop();
    },
  };
  return stack;
}
