import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

/**
 * Spaces outbound messages evenly per tenant, across all workers: Teams' global limit is
 * per app *per tenant*, so each tenant has its own schedule (one key, one Cluster slot).
 * A send reserves the tenant's next free slot, one interval after the previous one (a
 * GCRA-style schedule in Redis, on Redis' own clock), and waits until it. Teams counts
 * requests in any sliding second, so an even spacing just under the limit never trips it,
 * where a fixed-window limiter lets a window's burst and the next one's meet inside one second.
 *
 * ARGV: interval µs, max wait µs (-1: any). Returns {reserved 0|1, wait µs}: a slot further
 * away than the max wait is not taken, so the caller can come back later without holding it.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local maxWait = tonumber(ARGV[2])
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
if now > slot then slot = now end
if maxWait >= 0 and slot - now > maxWait then return {0, string.format('%d', slot - now)} end
redis.call('SET', KEYS[1], string.format('%d', slot + interval), 'PX', math.floor((slot + interval - now) / 1000) + 1000)
return {1, string.format('%d', slot - now)}
`;

/** Teams said 429 with Retry-After: the tenant's next slot is no sooner than now + ARGV[1] µs. */
const PUSH_BACK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local after = now + tonumber(ARGV[1])
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
if after > slot then redis.call('SET', KEYS[1], string.format('%d', after), 'PX', math.floor((after - now) / 1000) + 1000) end
return 1
`;

/** The share of the configured rate actually used: the margin absorbs network jitter. */
export const PACING_SHARE = 0.97;

/** A conversation reference without a tenant (records from before tenants were kept) paces under this one. */
export const UNKNOWN_TENANT = 'unknown';

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

/** A reservation's answer: the slot's distance, and whether it was taken (false: further than the max wait). */
export interface Reservation {
  reserved: boolean;
  waitMs: number;
}

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

  /** The milliseconds between two sends of one tenant. */
  get intervalMs(): number {
    return this.intervalMicros / 1000;
  }

  /** Reserves the tenant's next slot if it is at most `maxWaitMs` away (default: any). */
  async reserve(tenant: string, maxWaitMs = Infinity): Promise<Reservation> {
    const maxWait = Number.isFinite(maxWaitMs) ? String(Math.max(0, Math.floor(maxWaitMs * 1000))) : '-1';
    const [reserved, waitMicros] = (await this.redis.eval(RESERVE, 1, this.key(tenant), String(this.intervalMicros), maxWait)) as [number, string];
    const wait = Number(waitMicros);
    return { reserved: Number(reserved) === 1, waitMs: Number.isFinite(wait) ? Math.max(0, wait / 1000) : 0 };
  }

  /** After Teams' 429 with Retry-After: nothing goes to this tenant for `ms`. */
  async pushBack(tenant: string, ms: number): Promise<void> {
    await this.redis.eval(PUSH_BACK, 1, this.key(tenant), String(Math.max(0, Math.ceil(ms * 1000))));
  }

  /**
   * Reserves a slot at most `maxWaitMs` away and waits for it (returns 0: send now); a slot
   * overslept by more than LATE_MS is replaced (at most three times). A slot further away is
   * not taken: returns its distance, for the caller to come back then instead of sleeping.
   */
  async pace(tenant: string, maxWaitMs = Infinity): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const { reserved, waitMs } = await this.reserve(tenant, maxWaitMs);
      if (!reserved) return Math.max(1, waitMs);
      // Measured from the reply, not the request: the round trip (a loaded worker, a distant
      // Redis) is paid by every send, and counting it would re-slot every one of them.
      const got = this.timer.now();
      if (waitMs > 0) await this.timer.sleep(waitMs);
      if (this.timer.now() - (got + waitMs) <= LATE_MS || attempt >= MAX_RESLOTS) return 0;
    }
  }

  private key(tenant: string): string {
    return this.keys.of('pacer', 'notify', tenant || UNKNOWN_TENANT);
  }
}
