import type { Platform } from '../src/services/platform.js';
import type { Services } from '../src/services/services.js';

export interface OrgSweep<R> {
  orgs: number;
  done: number;
  failed: number;
  /** Organisations left for the next tick (the time budget ran out): it starts where this one stopped. */
  left: number;
  ms: number;
  results: R[];
}

/**
 * Runs one scheduled tick's work over every active organisation, a few at a time, within a
 * time budget. An organisation that fails is logged and skipped (never the others). When
 * the budget runs out the position is kept (`P:sched:<tick>:cursor`) and the next tick
 * continues from there, so hundreds of organisations finish in bounded time per tick.
 */
export async function forEachOrg<R>(
  platform: Platform,
  tick: string,
  work: (s: Services) => Promise<R>,
  opts: { concurrency?: number; budgetMs?: number } = {},
): Promise<OrgSweep<R>> {
  const started = Date.now();
  const concurrency = opts.concurrency ?? 8;
  const budgetMs = opts.budgetMs ?? Number.POSITIVE_INFINITY;
  const cursorKey = platform.keys.of('sched', tick, 'cursor');
  const ids = await platform.orgs.activeIds();
  const from = (await platform.redis.get(cursorKey)) ?? '';
  // Start after the last organisation done by the previous, unfinished tick; wrap around.
  const ordered = [...ids.filter((id) => id > from), ...ids.filter((id) => id <= from)];
  const results: R[] = [];
  let next = 0;
  let done = 0;
  let failed = 0;
  let last = '';
  const worker = async () => {
    // The first organisation always runs: every tick makes progress, however slow the start.
    while (next < ordered.length && (next === 0 || Date.now() - started < budgetMs)) {
      const id = ordered[next++]!;
      try {
        const s = await platform.orgs.services(id);
        if (s) results.push(await work(s));
        done++;
      } catch (err) {
        failed++;
        platform.log.error({ tick, org: id, err: (err as Error).message }, 'scheduled work failed for one organisation');
      }
      if (id > last) last = id;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ordered.length) }, worker));
  const left = ordered.length - next;
  if (left > 0) await platform.redis.set(cursorKey, ordered[next - 1] ?? '', 'EX', 24 * 3600);
  else await platform.redis.del(cursorKey);
  return { orgs: ids.length, done, failed, left, ms: Date.now() - started, results };
}
