import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

/**
 * Spaces every outbound message evenly, across all workers: each send reserves the next
 * free slot, one interval after the previous one (a GCRA-style schedule in Redis, on
 * Redis' own clock), and waits until it. Teams counts requests in any sliding second, so
 * an even spacing just under the limit never trips it, where a fixed-window limiter lets
 * a window's burst and the next one's meet inside one second (then 429 and a pause).
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = nextFree
if now > slot then slot = now end
redis.call('SET', KEYS[1], string.format('%d', slot + interval), 'PX', math.floor((slot + interval - now) / 1000) + 1000)
return string.format('%d', slot - now)
`;

/** The share of the configured rate actually used: the margin absorbs network jitter. */
export const PACING_SHARE = 0.97;

/**
 * A send that wakes this much later than its slot (the process stalled: GC, a busy CPU)
 * takes a new slot instead of going out late, where it would meet the sends of the next
 * slots inside one sliding second (a 429 and a pause). A skipped slot costs one interval.
 */
export const LATE_MS = 40;
const MAX_RESLOTS = 3;

/** How the pacer waits and reads the time (a test makes the process "stall"). */
export interface PacerTimer {
  now(): number;
  sleep(ms: number): Promise<void>;
}
const realTimer: PacerTimer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class SendPacer {
  private readonly intervalMicros: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    ratePerSecond: number,
    private readonly timer: PacerTimer = realTimer,
  ) {
    this.intervalMicros = Math.ceil(1_000_000 / (ratePerSecond * PACING_SHARE));
  }

  /** Milliseconds to wait before sending (0: now); the slot is taken either way. */
  async reserve(): Promise<number> {
    const waitMicros = Number(await this.redis.eval(RESERVE, 1, this.keys.of('pacer', 'notify'), String(this.intervalMicros)));
    return Number.isFinite(waitMicros) ? Math.max(0, waitMicros / 1000) : 0;
  }

  /** Reserves a slot and waits for it; a slot overslept by more than LATE_MS is replaced (at most three times). */
  async pace(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const ms = await this.reserve();
      // Measured from the reply, not the request: the round trip (a loaded worker, a distant
      // Redis) is paid by every send, and counting it would re-slot every one of them.
      const got = this.timer.now();
      if (ms > 0) await this.timer.sleep(ms);
      if (this.timer.now() - (got + ms) <= LATE_MS || attempt >= MAX_RESLOTS) return;
    }
  }
}
