import type { Request, Response } from 'express';
import type { Queues } from '../../jobs/queues.js';
import { LATENCY_BUCKETS, type MetricsStore } from '../store/metrics.js';
import type { OrgJobCounter } from './orgJobCounts.js';

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'waiting-children'] as const;

/** One metric family in Prometheus' text exposition format (0.0.4). */
function family(name: string, type: 'gauge' | 'counter' | 'histogram', help: string, samples: [string, number][]): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
  for (const [labels, value] of samples) lines.push(`${name}${labels} ${Number.isFinite(value) ? value : 0}`);
  return lines.join('\n');
}

const label = (pairs: Record<string, string>) => `{${Object.entries(pairs).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',')}}`;

/** The numbers an operator watches: up, queue depths per state, failures, 429s, delivery latency. */
export async function renderMetrics(queues: Queues, metrics: MetricsStore, redisUp: boolean, perOrg?: OrgJobCounter, orgIds?: () => Promise<string[]>): Promise<string> {
  const out: string[] = [family('samverkan_up', 'gauge', 'The process answers.', [['', 1]]), family('samverkan_redis_up', 'gauge', 'Redis answers PING.', [['', redisUp ? 1 : 0]])];
  if (!redisUp) return `${out.join('\n')}\n`;
  const depth: [string, number][] = [];
  for (const q of queues.all()) {
    const counts = await q.getJobCounts(...JOB_STATES);
    for (const state of JOB_STATES) depth.push([label({ queue: q.name, state }), counts[state] ?? 0]);
  }
  out.push(family('samverkan_queue_jobs', 'gauge', 'Jobs per queue and state (failed = the dead-letter list).', depth));
  if (perOrg) {
    const rows = await perOrg.counts();
    out.push(
      family(
        'samverkan_org_queue_jobs',
        'gauge',
        'Jobs per organisation, queue and state, from job ids (refreshed every 15 s; states with no job are left out).',
        rows.map((r) => [label({ org: r.org, queue: r.queue, state: r.state }), r.count]),
      ),
    );
  }
  const m = await metrics.read();
  out.push(
    family(
      'samverkan_job_failures_total',
      'counter',
      'Failed job attempts (each retry counts).',
      queues.all().map((q) => [label({ queue: q.name }), m[`failures:${q.name}`] ?? 0]),
    ),
  );
  out.push(family('samverkan_connector_429_total', 'counter', 'HTTP 429 (throttled) answers from the Bot Connector.', [['', m.connector429 ?? 0]]));
  out.push(
    family('samverkan_uncertain_resends_total', 'counter', 'Messages re-sent after a worker died mid-send (a duplicate is possible).', [['', m.uncertainResends ?? 0]]),
  );
  const calendarKinds = ['throttled', 'transient', 'credentials', 'permission', 'mailbox', 'rejected'];
  out.push(
    family(
      'samverkan_calendar_failures_total',
      'counter',
      'Failed Microsoft Graph calendar calls by kind (throttled = 429/503 with Retry-After).',
      calendarKinds.map((kind) => [label({ kind }), m[`calendar:${kind}`] ?? 0]),
    ),
  );
  let cumulative = 0;
  const buckets: [string, number][] = LATENCY_BUCKETS.map((b) => {
    cumulative += m[`lat:${b}`] ?? 0;
    return [label({ le: String(b) }), cumulative];
  });
  const count = cumulative + (m['lat:+Inf'] ?? 0);
  const hist = family('samverkan_delivery_latency_seconds', 'histogram', 'From enqueue to the connector accepting the message.', [
    ...buckets.map(([l, v]) => [l, v] as [string, number]),
    [label({ le: '+Inf' }), count],
  ])
    .replace(/samverkan_delivery_latency_seconds\{le/g, 'samverkan_delivery_latency_seconds_bucket{le')
    .concat(`\nsamverkan_delivery_latency_seconds_sum ${m['lat:sum'] ?? 0}\nsamverkan_delivery_latency_seconds_count ${count}`);
  out.push(hist);
  if (orgIds) out.push(...(await orgFamilies(queues, metrics, await orgIds())));
  return `${out.join('\n')}\n`;
}

/** The same counters per organisation (ids only: an organisation's name is its chairs' to show). */
async function orgFamilies(queues: Queues, metrics: MetricsStore, ids: string[]): Promise<string[]> {
  const byOrg = [...(await metrics.readOrgs(ids))];
  const per = (field: string): [string, number][] => byOrg.map(([org, m]) => [label({ org }), m[field] ?? 0]);
  return [
    family('samverkan_org_deliveries_total', 'counter', 'Messages the connector accepted, per organisation.', per('deliveries')),
    family('samverkan_org_delivery_latency_seconds_sum', 'counter', 'Sum of enqueue-to-accepted seconds per organisation (÷ deliveries = mean).', per('lat:sum')),
    family(
      'samverkan_org_job_failures_total',
      'counter',
      'Failed job attempts per organisation and queue (each retry counts).',
      byOrg.flatMap(([org, m]) => queues.all().map((q): [string, number] => [label({ org, queue: q.name }), m[`failures:${q.name}`] ?? 0])),
    ),
    family('samverkan_org_connector_429_total', 'counter', 'HTTP 429 answers from the Bot Connector, per organisation.', per('connector429')),
    family('samverkan_org_uncertain_resends_total', 'counter', 'Messages re-sent after a worker died mid-send, per organisation.', per('uncertainResends')),
  ];
}

export function metricsRoute(queues: Queues, metrics: MetricsStore, redisUp: () => Promise<boolean>, perOrg?: OrgJobCounter, orgIds?: () => Promise<string[]>) {
  return async (_req: Request, res: Response): Promise<void> => {
    const body = await renderMetrics(queues, metrics, await redisUp(), perOrg, orgIds).catch(async () => renderMetrics(queues, metrics, false));
    res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    res.send(body);
  };
}
