import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, listen } from '../../src/http/server.js';
import { enqueueNotice } from '../../src/services/notices.js';
import { CHAIR, MEMBER, message } from '../support/activities.js';
import { makeTestServices, type TestServices } from '../support/services.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Every HTTP route — found, not found, refused, failed — carries the security headers;
 * bodies are size-limited; malformed input is a 4xx; the admin surfaces (/metrics, Bull
 * Board) need ADMIN_TOKEN.
 */
const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime({ env: { ADMIN_TOKEN, CHAIR_IDS: CHAIR.aadObjectId } });
});

afterAll(async () => {
  await t?.cleanup();
});

function expectSecurityHeaders(res: Response, what: string): void {
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(res.headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
  expect(res.headers.get('strict-transport-security'), what).toContain('max-age=');
  expect(res.headers.get('cache-control'), what).toBe('no-store');
  expect(res.headers.get('x-powered-by'), what).toBeNull();
}

describe('security headers on every route', () => {
  const json = { 'content-type': 'application/json' };
  const cases: [string, () => Promise<Response>, number][] = [
    ['GET /healthz', () => fetch(`${t.botUrl}/healthz`), 200],
    ['GET /readyz', () => fetch(`${t.botUrl}/readyz`), 200],
    ['GET an unknown path (404)', () => fetch(`${t.botUrl}/nope`), 404],
    ['GET /api/messages (404: POST only)', () => fetch(`${t.botUrl}/api/messages`), 404],
    ['GET /meetings/unknown.ics (404)', () => fetch(`${t.botUrl}/meetings/2099-1.ics`), 404],
    ['GET a report without signature (404/403)', () => fetch(`${t.botUrl}/reports/uppfoljning/x.html`), 403],
    ['GET an export with a bad signature (403)', () => fetch(`${t.botUrl}/exports/${'a'.repeat(24)}.json?exp=99999999999&sig=forged`), 403],
    ['GET /metrics without a token (401)', () => fetch(`${t.botUrl}/metrics`), 401],
    ['GET /admin/queues without a token (401)', () => fetch(`${t.botUrl}/admin/queues`), 401],
    ['POST malformed JSON (400)', () => fetch(`${t.botUrl}/api/messages`, { method: 'POST', headers: json, body: '{"type":' }), 400],
    ['POST a body over 256 kB (413)', () => fetch(`${t.botUrl}/api/messages`, { method: 'POST', headers: json, body: JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }) }), 413],
    ['POST an activity without a type (400)', () => fetch(`${t.botUrl}/api/messages`, { method: 'POST', headers: json, body: JSON.stringify({ text: 'hej' }) }), 400],
    ['POST an activity whose fields have wrong types (400)', () => fetch(`${t.botUrl}/api/messages`, { method: 'POST', headers: json, body: JSON.stringify({ type: 'message', from: 'x', conversation: 42 }) }), 400],
    ['POST a JSON array (400)', () => fetch(`${t.botUrl}/api/messages`, { method: 'POST', headers: json, body: '[1,2]' }), 400],
  ];
  it.each(cases)('%s', async (what, request, status) => {
    const res = await request();
    expect(res.status, what).toBe(status);
    expectSecurityHeaders(res, what);
  });

  it('also on a 500 from an unexpected failure, which says nothing about the cause', async () => {
    const ts: TestServices = await makeTestServices();
    let server: Server | undefined;
    try {
      const app = createHttpApp({
        platform: ts.platform,
        ready: async () => ({ ok: true, checks: {} }),
        messages: async () => {
          throw new Error('secret internal detail');
        },
      });
      server = await listen(app, 0);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: json, body: JSON.stringify({ type: 'message' }) });
      expect(res.status).toBe(500);
      expectSecurityHeaders(res, '500');
      expect(await res.text()).not.toContain('secret internal detail');
    } finally {
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      await ts.cleanup();
    }
  });
});

describe('admin surfaces', () => {
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

  it('/metrics: Prometheus text behind ADMIN_TOKEN, with queue depths, failures, 429s and delivery latency', async () => {
    expect((await fetch(`${t.botUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    // One delivered message, so the latency histogram has a sample.
    const where = { conversationId: 'a:metrics', conversationType: 'personal' as const, serviceUrl: t.connector.url };
    await t.post(message(where, MEMBER, 'hjälp'));
    await t.connector.waitFor((r) => r.conversationId === 'a:metrics');
    await enqueueNotice(t.runtime.services, 'a:metrics', 'text.welcome', { occasion: 'metrics' });
    await eventually(async () => (await t.runtime.services.queues.notify.raw.getCompletedCount()) >= 1, 'notice sent');

    const res = await fetch(`${t.botUrl}/metrics`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expectSecurityHeaders(res, '/metrics');
    const body = await res.text();
    expect(body).toContain('samverkan_up 1');
    expect(body).toContain('samverkan_redis_up 1');
    for (const q of ['timeline', 'notify', 'actions']) expect(body).toMatch(new RegExp(`samverkan_queue_jobs\\{queue="${q}",state="waiting"\\} \\d+`));
    expect(body).toMatch(/samverkan_queue_jobs\{queue="notify",state="completed"\} [1-9]/);
    expect(body).toMatch(/samverkan_job_failures_total\{queue="notify"\} \d+/);
    expect(body).toMatch(/samverkan_connector_429_total \d+/);
    expect(body).toMatch(/samverkan_delivery_latency_seconds_bucket\{le="\+Inf"\} [1-9]/);
    expect(body).toMatch(/samverkan_delivery_latency_seconds_count [1-9]/);
    // The same figures per organisation: the delivery is the home organisation's.
    const org = t.runtime.services.org.id;
    expect(body).toMatch(new RegExp(`samverkan_org_deliveries_total\\{org="${org}"\\} [1-9]`));
    expect(body).toMatch(new RegExp(`samverkan_org_job_failures_total\\{org="${org}",queue="notify"\\} \\d+`));
    // Every line is a comment or `name{labels} number`.
    for (const line of body.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) .+|[a-z_0-9]+(\{[^}]*\})? -?[\d.e+-]+)$/);
  });

  it('Bull Board needs the token (bearer, or ?token= once, which sets an HttpOnly cookie)', async () => {
    expect((await fetch(`${t.botUrl}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${t.botUrl}/admin/queues`, { headers: auth })).status).toBe(200);
    const viaQuery = await fetch(`${t.botUrl}/admin/queues?token=${ADMIN_TOKEN}`, { redirect: 'manual' });
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.headers.get('set-cookie')).toMatch(/HttpOnly/i);
  });

  it('without ADMIN_TOKEN configured, the admin surfaces do not exist', async () => {
    const bare = await startTestRuntime();
    try {
      expect((await fetch(`${bare.botUrl}/metrics`)).status).toBe(404);
      expect((await fetch(`${bare.botUrl}/admin/queues`)).status).toBe(404);
    } finally {
      await bare.cleanup();
    }
  });
});
