/** Counters per organisation on real Redis: each organisation's own hash, the deployment's totals, gone with the organisation's keys. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMetrics } from '../../src/http/metricsRoute.js';
import { makeTestServices, type TestServices } from '../support/services.js';

let t: TestServices;
beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-01-10T08:00:00Z') });
});
afterEach(async () => {
  await t.cleanup();
});

const sample = (body: string, name: string, labels: string) => Number(new RegExp(`^${name}\\{${labels.replace(/[{}]/g, '\\$&')}\\} ([\\d.e+-]+)$`, 'm').exec(body)?.[1] ?? NaN);

describe('metrics per organisation', () => {
  it('each organisation counts into its own hash and into the totals; /metrics shows both, labelled by id', async () => {
    const metrics = t.platform.repos.metrics;
    const a = metrics.forOrg(t.platform.keys.forOrg('oaaaaaaa'));
    const b = metrics.forOrg(t.platform.keys.forOrg('obbbbbbb'));
    await a.observeDelivery(200);
    await a.observeDelivery(400);
    await b.observeDelivery(1_000);
    await a.incr('connector429');
    await b.incr('failures:notify', 2);
    await metrics.incr('failures:notify');

    const own = await a.read();
    expect(own).toMatchObject({ deliveries: 2, connector429: 1 });
    expect(own['lat:sum']).toBeCloseTo(0.6);
    expect(await t.redis.hgetall(t.platform.keys.forOrg('obbbbbbb').of('metrics'))).toEqual({ deliveries: '1', 'lat:sum': '1', 'failures:notify': '2' });
    const totals = await metrics.read();
    expect(totals).toMatchObject({ deliveries: 3, connector429: 1, 'failures:notify': 3 });

    const body = await renderMetrics(t.platform.queues, metrics, true, undefined, async () => ['oaaaaaaa', 'obbbbbbb', 'occcccc0']);
    expect(sample(body, 'samverkan_org_deliveries_total', 'org="oaaaaaaa"')).toBe(2);
    expect(sample(body, 'samverkan_org_deliveries_total', 'org="obbbbbbb"')).toBe(1);
    expect(sample(body, 'samverkan_org_connector_429_total', 'org="oaaaaaaa"')).toBe(1);
    expect(sample(body, 'samverkan_org_connector_429_total', 'org="obbbbbbb"')).toBe(0);
    expect(sample(body, 'samverkan_org_job_failures_total', 'org="obbbbbbb",queue="notify"')).toBe(2);
    expect(sample(body, 'samverkan_org_delivery_latency_seconds_sum', 'org="oaaaaaaa"')).toBeCloseTo(0.6);
    expect(sample(body, 'samverkan_job_failures_total', 'queue="notify"')).toBe(3);
    // An organisation that counted nothing has no series (no empty rows for hundreds of quiet ones).
    expect(body).not.toContain('occcccc0');
    for (const line of body.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) .+|[a-z_0-9]+(\{[^}]*\})? -?[\d.e+-]+)$/);
  });

  it('an organisation’s hash is one of its own keys (its hash tag), so it leaves with the organisation', () => {
    expect(t.platform.keys.forOrg('oaaaaaaa').of('metrics')).toBe(`${t.config.KEY_PREFIX}:{o:oaaaaaaa}:metrics`);
  });
});
