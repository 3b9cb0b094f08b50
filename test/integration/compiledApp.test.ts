import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../../scripts/redis-helper.mjs';
import { buildApp } from '../support/compiledApp.js';
import { freePort } from '../support/freePort.js';

/**
 * Production runs the compiled JavaScript with plain node (`npm start`, the Dockerfile):
 * the build must produce an app that starts and becomes ready without tsx.
 */
let child: ChildProcess | undefined;
let redis: PrivateRedis | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const gone = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  }
  await redis?.stop();
});

describe('the compiled app (npm run build)', () => {
  it('starts with plain node from its output and answers /readyz 200', async () => {
    const entry = await buildApp('test-results/compiled-app');
    expect(existsSync(`${entry}.map`)).toBe(true);
    // Plain JavaScript: no TypeScript syntax left, imports between compiled files.
    expect(readFileSync(entry, 'utf8')).toMatch(/from '\.\/runtime\.js'/);

    // Its own redis-server: the app's queues and records leave nothing in the shared one.
    redis = await startPrivateRedis();
    const port = await freePort();
    const prefix = 'compiled';
    let output = '';
    child = spawn(process.execPath, ['--enable-source-maps', entry], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'development',
        PORT: String(port),
        REDIS_URL: redis.url,
        KEY_PREFIX: prefix,
        QUEUE_PREFIX: `{${prefix}}`,
        LOG_LEVEL: 'warn',
        RECONCILE_CRON: '0 0 1 1 *',
        RETENTION_CRON: '0 0 1 1 *',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    const start = Date.now();
    let status = 0;
    while (Date.now() - start < 60_000 && child.exitCode === null) {
      status = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0);
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status, output.slice(-2000)).toBe(200);
    // Node was not asked to load tsx (it is not a runtime dependency any more).
    expect(child.spawnargs.join(' ')).not.toContain('tsx');
  }, 240_000);
});
