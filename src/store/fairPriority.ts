import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

/** BullMQ's largest priority (2^21 − 1); 0 would mean "no priority" and run before every prioritised job. */
export const MAX_PRIORITY = 2 ** 21 - 1;

/**
 * Virtual-time fair queueing on BullMQ priorities (OSS has no groups). Each fairness key (an
 * organisation) has a virtual clock: every job moves it one interval on, from now if it lay
 * behind. A job's priority is how many intervals its key's clock is ahead of now — roughly
 * how many of that key's jobs are queued before it at full rate. An idle key gets 1, 2, 3…;
 * a key 5,000 deep gets 5,000 and up, so a newcomer's jobs overtake the backlog. The clock
 * decays with real time, so no job has to report back when it is done.
 *
 * ARGV: now ms, interval ms, count, cap. One key: safe in a Redis Cluster.
 */
const NEXT = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local count = tonumber(ARGV[3])
local cap = tonumber(ARGV[4])
local vt = tonumber(redis.call('GET', KEYS[1]) or '0')
if vt < now then vt = now end
-- Counted in intervals from now, not by adding up float intervals (their rounding drifts);
-- the tolerance absorbs the stored time's rounding (epoch ms as doubles: ~0.0002 ms).
local ahead = (vt - now) / interval
local out = {}
for i = 1, count do
  local p = math.ceil(ahead + i - 1e-3)
  if p > cap then p = cap end
  out[i] = p
end
vt = vt + count * interval
redis.call('SET', KEYS[1], string.format('%.3f', vt), 'PX', math.ceil(vt - now) + 60000)
return out
`;

/** `count` priorities in a row for one fairness key (one EVAL); `now` in ms, the caller's clock. */
export async function fairPriorities(redis: RedisClient, key: string, intervalMs: number, now: number, count: number): Promise<number[]> {
  if (count <= 0) return [];
  const out = (await redis.eval(NEXT, 1, key, String(now), String(intervalMs), String(count), String(MAX_PRIORITY))) as number[];
  return out.map(Number);
}

/** One job's priority for a fairness key. */
export async function fairPriority(redis: RedisClient, key: string, intervalMs: number, now: number): Promise<number> {
  const [p] = await fairPriorities(redis, key, intervalMs, now, 1);
  return p!;
}

/** The fairness clocks of one deployment: `next(fairnessKey, …)` for jobs about to be added. */
export class FairPriorities {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Priorities for `count` jobs of `queue` under `fairnessKey`, `intervalMs` apart in virtual time. */
  next(queue: string, fairnessKey: string, intervalMs: number, now: number, count = 1): Promise<number[]> {
    return fairPriorities(this.redis, this.keys.of('fair', queue, fairnessKey), intervalMs, now, count);
  }
}
