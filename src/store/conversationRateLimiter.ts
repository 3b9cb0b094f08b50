import type { RedisClient } from './redis.js';
import type { Keys } from './keys.js';

/** One sliding window: at most `max` sends per `seconds`. */
export interface RateWindow {
  max: number;
  seconds: number;
}

/**
 * Teams limits each bot per conversation (e.g. 7/1 s, 8/2 s, 60/30 s, 1800/3600 s), and
 * BullMQ's limiter is per queue, so the per-conversation limit is ours: a sliding-window
 * log per conversation in Redis, shared by every worker, using Redis' own clock.
 * Returns 0 when a send may go now (and records it), else how many ms to wait.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local longest = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
local wait = 0
for i = 2, #ARGV, 2 do
  local max = tonumber(ARGV[i])
  local windowMs = tonumber(ARGV[i + 1])
  local count = redis.call('ZCOUNT', KEYS[1], now - windowMs + 1, '+inf')
  if count >= max then
    local oldest = redis.call('ZRANGEBYSCORE', KEYS[1], now - windowMs + 1, '+inf', 'WITHSCORES', 'LIMIT', count - max, 1)
    local freeAt = tonumber(oldest[2]) + windowMs
    if freeAt - now > wait then wait = freeAt - now end
  end
end
if wait > 0 then return wait end
local seq = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], longest)
redis.call('ZADD', KEYS[1], now, now .. '-' .. seq)
redis.call('PEXPIRE', KEYS[1], longest)
return 0
`;

export class ConversationRateLimiter {
  private readonly longestMs: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly windows: readonly RateWindow[],
    /**
     * Each window is widened by this much: a slot is taken a little before the request
     * reaches Teams (rendering, network), and that jitter must not squeeze two windows' worth
     * of requests into one as Teams measures it.
     */
    private readonly marginMs = 250,
  ) {
    this.longestMs = Math.max(1, ...windows.map((w) => w.seconds * 1000 + marginMs));
  }

  async acquire(conversationKey: string): Promise<number> {
    if (this.windows.length === 0) return 0;
    const args = [String(this.longestMs), ...this.windows.flatMap((w) => [String(w.max), String(w.seconds * 1000 + this.marginMs)])];
    const wait = await this.redis.eval(ACQUIRE, 2, this.keys.of('rl', `{${conversationKey}}`), this.keys.of('rlseq', `{${conversationKey}}`), ...args);
    return Number(wait);
  }
}

/** "7/1,8/2,60/30,1800/3600" → windows. */
export function parseRateWindows(spec: string): RateWindow[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(\d+)\/(\d+)$/.exec(part);
      if (!m) throw new Error(`bad rate window "${part}" (expected max/seconds)`);
      return { max: Number(m[1]), seconds: Number(m[2]) };
    });
}
