import { afterEach, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../../scripts/redis-helper.mjs';
import { loadConfig } from '../../src/config.js';
import { startRuntime } from '../../src/runtime.js';
import { createStoreRedis } from '../../src/store/redis.js';
import { checkRedisSettings } from '../../src/store/redisSettings.js';
import { captureLogs } from '../support/logCapture.js';
import { closeConnection } from '../support/services.js';

/** Start-up reads maxmemory-policy, appendonly and appendfsync and warns when data could be lost. */
let redis: PrivateRedis | undefined;

afterEach(async () => {
  await redis?.stop();
  redis = undefined;
});

async function settingsOf(args: string[]) {
  redis = await startPrivateRedis(args);
  const c = createStoreRedis(redis.url);
  try {
    return (await checkRedisSettings(c))[0]!;
  } finally {
    await closeConnection(c);
  }
}

describe('Redis settings check', () => {
  it('noeviction + AOF everysec: no warnings', async () => {
    const r = await settingsOf(['--appendonly', 'yes', '--appendfsync', 'everysec']);
    expect(r).toMatchObject({ maxmemoryPolicy: 'noeviction', appendonly: 'yes', appendfsync: 'everysec', warnings: [] });
  });

  it('an evicting policy and AOF off are warned about', async () => {
    const r = await settingsOf(['--maxmemory-policy', 'allkeys-lru']);
    expect(r.warnings.join('\n')).toMatch(/maxmemory-policy is allkeys-lru/);
    expect(r.warnings.join('\n')).toMatch(/appendonly is off/);
  });

  it('a managed Redis without CONFIG: one warning to check the provider, no failure', async () => {
    const r = await settingsOf(['--rename-command', 'CONFIG', '']);
    expect(r.maxmemoryPolicy).toBeNull();
    expect(r.warnings).toEqual([expect.stringMatching(/CONFIG GET is not allowed/)]);
  });

  it('the process logs the warnings at start-up and starts anyway', async () => {
    redis = await startPrivateRedis(['--maxmemory-policy', 'volatile-lru']);
    const { log, lines } = captureLogs('warn');
    const runtime = await startRuntime(loadConfig({ PORT: '0', REDIS_URL: redis.url, KEY_PREFIX: 'settings', LOG_LEVEL: 'warn' }), { log, role: 'web' });
    try {
      expect((await fetch(`http://127.0.0.1:${runtime.port}/healthz`)).status).toBe(200);
      const warnings = lines.filter((l) => l.includes('redis settings'));
      expect(warnings.map((l) => JSON.parse(l).msg)).toEqual([
        expect.stringMatching(/maxmemory-policy is volatile-lru/),
        expect.stringMatching(/appendonly is off/),
      ]);
    } finally {
      await runtime.close();
    }
  });
});
