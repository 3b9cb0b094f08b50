/**
 * Public-page scenario: requests per second for the residents' page (HTML) and its JSON,
 * against a static file of the same bytes served by the same HTTP stack in the same
 * process (express.static beside the app), in alternating batches; figures are medians of
 * the per-batch ratios, p99 from the page's own batches. Shows that the page is served
 * from its cached rendering (built once per publication) at close to static-file speed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { seedPublishedPromise } from '../support/publicSeed.js';
import { adminRuntime, botEnv } from './lib/env.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { spawnTsx, waitForHttp } from './lib/proc.js';
import { freePort } from '../support/freePort.js';
import { median } from './lib/stats.js';

export interface PublicTarget {
  name: 'page' | 'json';
  bytes: number;
  ratio: number;
  perSecond: number;
  staticPerSecond: number;
  p99: number;
  staticP99: number;
  p99Ratio: number;
  errors: number;
}
export interface PublicBenchResult {
  concurrency: number;
  batches: number;
  targets: PublicTarget[];
}

export async function runPublic(opts: { redisUrl: string; concurrency: number; batch: number; pairs: number; log: (line: string) => void }): Promise<PublicBenchResult> {
  const prefix = `bench-public-${Date.now().toString(36)}`;
  const admin = await adminRuntime(opts.redisUrl, prefix);
  await seedPublishedPromise(admin.runtime.services!);
  await admin.runtime.close();

  const dir = mkdtempSync(join(os.tmpdir(), 'samverkan-public-bench-'));
  const port = await freePort();
  const child = spawnTsx(join(import.meta.dirname, 'publicServer.ts'), { env: botEnv(opts.redisUrl, prefix, { PORT: String(port), STATIC_DIR: dir }) });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/healthz`, child);
    const paths = { page: '/invanare/linkoping/sv', json: '/invanare/linkoping/data.json' } as const;
    const targets: PublicTarget[] = [];
    for (const name of ['page', 'json'] as const) {
      const body = Buffer.from(await (await fetch(`${base}${paths[name]}`)).arrayBuffer());
      // The baseline is the very same bytes as a file.
      const file = name === 'page' ? 'page.html' : 'data.json';
      writeFileSync(join(dir, file), body);
      const ok = (status: number, text: string) => status === 200 && text.length > 0;
      const load = (url: string): Promise<LoadResult> => runLoad(url, { concurrency: opts.concurrency, count: opts.batch, maxMs: 60_000, method: 'GET', next: () => ({ body: '', ok }) });
      await load(`${base}${paths[name]}`); // warm-up: JIT, sockets, the cached rendering
      await load(`${base}/static/${file}`);
      const app: LoadResult[] = [];
      const stat: LoadResult[] = [];
      for (let i = 0; i < opts.pairs; i++) {
        // Alternate which goes first, so drift on a shared machine does not favour one.
        const [a, b] = i % 2 === 0 ? [paths[name], `/static/${file}`] : [`/static/${file}`, paths[name]];
        const first = await load(`${base}${a}`);
        const second = await load(`${base}${b}`);
        app.push(i % 2 === 0 ? first : second);
        stat.push(i % 2 === 0 ? second : first);
      }
      const ratios = app.map((r, i) => r.perSecond / stat[i]!.perSecond);
      const p99Ratios = app.map((r, i) => r.p99 / stat[i]!.p99);
      const t: PublicTarget = {
        name,
        bytes: body.length,
        ratio: median(ratios),
        perSecond: median(app.map((r) => r.perSecond)),
        staticPerSecond: median(stat.map((r) => r.perSecond)),
        p99: median(app.map((r) => r.p99)),
        staticP99: median(stat.map((r) => r.p99)),
        p99Ratio: median(p99Ratios),
        errors: [...app, ...stat].reduce((n, r) => n + r.errors, 0),
      };
      opts.log(`public ${name} (${t.bytes} B): ${t.perSecond.toFixed(0)}/s vs static ${t.staticPerSecond.toFixed(0)}/s → ${t.ratio.toFixed(2)}×, p99 ${t.p99.toFixed(1)} ms vs ${t.staticP99.toFixed(1)} ms`);
      targets.push(t);
    }
    return { concurrency: opts.concurrency, batches: opts.pairs, targets };
  } finally {
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
