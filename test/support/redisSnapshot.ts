import { scanAll, type RedisClient } from '../../src/store/redis.js';

/**
 * Every key under the prefixes with its type and value (strings, hashes, lists, sets,
 * sorted sets, streams), for "nothing stored changed" and "no text in Redis" checks.
 */
export async function snapshotKeys(redis: RedisClient, prefixes: string[], exclude: (key: string) => boolean = isQueueBookkeeping): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const keys = new Set<string>();
  for (const p of prefixes) for (const k of await scanAll(redis, `${p}:*`)) keys.add(k);
  for (const key of [...keys].sort()) {
    if (exclude(key)) continue;
    const type = await redis.type(key);
    let value: unknown;
    switch (type) {
      case 'string':
        value = await redis.get(key);
        break;
      case 'hash':
        value = Object.entries(await redis.hgetall(key)).sort(([a], [b]) => a.localeCompare(b));
        break;
      case 'list':
        value = await redis.lrange(key, 0, -1);
        break;
      case 'set':
        value = (await redis.smembers(key)).sort();
        break;
      case 'zset':
        value = await redis.zrange(key, '0', '-1', 'WITHSCORES');
        break;
      case 'stream':
        value = await redis.xrange(key, '-', '+');
        break;
      case 'none':
        continue;
      default:
        value = `(${type})`;
    }
    out.set(key, `${type}:${JSON.stringify(value)}`);
  }
  return out;
}

/**
 * BullMQ's own bookkeeping (stalled check, queue meta, rate-limiter window), the send pacer's
 * schedule, claims and send log per tenant and the fairness clocks (virtual time per queue and organisation): not data.
 */
export const isQueueBookkeeping = (key: string): boolean =>
  /:(stalled-check|meta|limiter)$/.test(key) || /:pacer:notify(:.+)?$/.test(key) || /:fair:[^:]+:[^:]+$/.test(key);

/** Keys added, removed or changed between two snapshots. */
export function diffSnapshots(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) changed.push(before.has(k) ? `changed ${k}` : `added ${k}`);
  for (const k of before.keys()) if (!after.has(k)) changed.push(`removed ${k}`);
  return changed.sort();
}
