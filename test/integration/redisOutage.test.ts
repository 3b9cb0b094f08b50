import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../../scripts/redis-helper.mjs';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { FakeConnector } from '../support/fakeConnector.js';
import { MEMBER, message, post } from '../support/activities.js';

/** Redis goes away under a running bot: users are told to retry, /readyz says 503, nothing crashes. */
let redis: PrivateRedis;
let runtime: Runtime;
let connector: FakeConnector;
let botUrl: string;

beforeAll(async () => {
  redis = await startPrivateRedis();
  connector = await new FakeConnector().start();
  runtime = await startRuntime(loadConfig({ PORT: '0', REDIS_URL: redis.url, LOG_LEVEL: 'silent', KEY_PREFIX: 'outage' }), { log: createLogger('silent') });
  botUrl = `http://127.0.0.1:${runtime.port}`;
});

afterAll(async () => {
  await runtime?.close();
  await connector?.stop();
  await redis?.stop();
});

const where = () => ({ conversationId: 'a:outage', conversationType: 'personal' as const, serviceUrl: connector.url });

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a Redis outage', () => {
  it('is reported to users and /readyz, and recovers by itself', async () => {
    await until(async () => (await fetch(`${botUrl}/readyz`)).status === 200);
    const { port, dir } = redis;
    await redis.stop({ keepDir: true });

    await until(async () => (await fetch(`${botUrl}/readyz`)).status === 503);
    const res = await post(botUrl, message(where(), MEMBER, 'hjälp'));
    expect(res.status).toBeLessThan(500);
    const reply = await connector.waitFor((r) => r.conversationId === 'a:outage', 15_000);
    expect(reply.activity.text).toContain('Försök igen om en liten stund');
    expect((await fetch(`${botUrl}/healthz`)).status).toBe(200);

    redis = await startPrivateRedis([], { port, dir });
    await until(async () => (await fetch(`${botUrl}/readyz`)).status === 200);
    connector.received.length = 0;
    await post(botUrl, message(where(), MEMBER, 'hjälp'));
    const after = await connector.waitFor((r) => r.conversationId === 'a:outage', 15_000);
    expect(JSON.stringify(after.activity.attachments?.[0]?.content)).toContain('det här kan du göra');
  }, 60_000);
});
