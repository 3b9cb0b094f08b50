import http from 'node:http';
import { percentile } from './stats.js';

export interface LoadRequest {
  body: string;
  /** Checks the response; a false makes the request count as an error. */
  ok(status: number, body: string): boolean;
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * A closed-loop load generator: `concurrency` lanes each send one request, wait for the
 * answer, and send the next, until `count` requests are done or `maxMs` passed. Lane `l`
 * asks `next(l)` for its next request, so a lane can own its forums and their versions.
 * Keep-alive sockets, one per lane, as Teams' front end keeps connections open.
 */
export async function runLoad(
  url: string,
  opts: { concurrency: number; count: number; maxMs: number; next: (lane: number) => LoadRequest; onDone?: (lane: number, status: number, body: string) => void; method?: 'GET' | 'POST' },
): Promise<LoadResult> {
  const method = opts.method ?? 'POST';
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const target = new URL(url);
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + opts.maxMs;

  const send = (req: LoadRequest) =>
    new Promise<{ status: number; body: string }>((resolve) => {
      const r = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method, agent, headers: method === 'GET' ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(req.body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (e) => resolve({ status: 0, body: String(e) }));
        },
      );
      r.setTimeout(30_000, () => r.destroy(new Error('timeout')));
      r.on('error', (e) => resolve({ status: 0, body: String(e) }));
      r.end(method === 'GET' ? undefined : req.body);
    });

  const lane = async (l: number) => {
    while (issued < opts.count && performance.now() < deadline) {
      issued++;
      const req = opts.next(l);
      const t0 = performance.now();
      const res = await send(req);
      latencies.push(performance.now() - t0);
      if (!req.ok(res.status, res.body)) {
        errors++;
        firstError ??= `${res.status} ${res.body.slice(0, 300)}`;
      }
      opts.onDone?.(l, res.status, res.body);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, l) => lane(l)));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    errors,
    firstError,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
  };
}
