import { loadConfig, type Config } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { startRuntime, type Runtime } from '../../../src/runtime.js';
import { CHAIR } from '../../support/activities.js';
import { districtNames } from '../../unit/domain/lagesbild/generators.js';

/** Ten districts, as in the compile scenario. */
export const DISTRICTS = districtNames(10);

/**
 * The environment of a bot process in the benchmark: a private Redis, a prefix of its
 * own per scenario, no credentials (local mode, as `npm run demo`), quiet logs, no
 * reconcile tick during a run.
 */
export function botEnv(redisUrl: string, prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'development',
    REDIS_URL: redisUrl,
    KEY_PREFIX: prefix,
    QUEUE_PREFIX: `{${prefix}}`,
    LOG_LEVEL: 'error',
    CHAIR_IDS: CHAIR.aadObjectId,
    DISTRICTS: DISTRICTS.join(','),
    PUBLIC_URL: 'https://samverkan.example.se',
    RECONCILE_CRON: '0 0 1 1 *',
    RETENTION_CRON: '0 0 1 1 *',
    ...extra,
  };
}

/**
 * An in-process handle on the same Redis and prefix (a web-role runtime on a free port,
 * no workers), used to set up data through the services and repositories and to check
 * results. It is not the process being measured.
 */
export async function adminRuntime(redisUrl: string, prefix: string, extra: Record<string, string> = {}): Promise<{ runtime: Runtime; config: Config }> {
  const config = loadConfig({ ...botEnv(redisUrl, prefix, extra), PORT: '0' });
  const runtime = await startRuntime(config, { role: 'web', log: createLogger('silent') });
  return { runtime, config };
}
