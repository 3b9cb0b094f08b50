import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

/**
 * Spaces outbound messages evenly per tenant, across all workers: Teams' global limit is
 * per app *per tenant*, so each tenant has its own schedule (its keys share one Cluster slot).
 * A send reserves the tenant's next free slot, one interval after the previous one (a
 * GCRA-style schedule in Redis, on Redis' own clock), and waits until it. Teams counts
 * requests in any sliding second, so an even spacing just under the limit never trips it,
 * where a fixed-window limiter lets a window's burst and the next one's meet inside one second.
 *
 * Slots are handed out only within a short horizon (the max wait), and by fair turn, not by
 * who asks first: a send that asks with a turn (its job's BullMQ priority) leaves a claim, and
 * a free slot goes to a claimant only while fewer free slots than better claims are left. So
 * one organisation's deferred backlog, asking again and again, cannot take the tenant's next
 * slots from another organisation's few sends that are waiting in the queue for their slot.
 * A claim lapses after its lease (the job did not come back: removed, crashed): a stale one
 * only shortens the horizon by a slot until then.
 *
 * KEYS: next slot, claims (zset: turn), leases (hash: claim → lease end µs).
 * ARGV: interval µs, max wait µs (-1: any), claim id ('' none), turn, grace µs, lead µs.
 * Returns {reserved 0|1, µs}: reserved, the wait for the slot; not reserved (no free slot
 * within the max wait that this claim's turn may take), when to ask again — `lead` (at most
 * the max wait) before the slot its turn would get, so it holds a worker only that long.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local maxWait = tonumber(ARGV[2])
local id = ARGV[3]
local grace = tonumber(ARGV[5])
local lead = tonumber(ARGV[6])
if maxWait >= 0 and lead > maxWait then lead = maxWait end
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
if now > slot then slot = now end
local rank = 0
if id ~= '' and maxWait >= 0 then
  redis.call('ZADD', KEYS[2], tonumber(ARGV[4]), id)
  -- Lapsed claims only matter at the front: prune there, a bounded number per call.
  for _, c in ipairs(redis.call('ZRANGE', KEYS[2], 0, 31)) do
    if c ~= id then
      local lease = tonumber(redis.call('HGET', KEYS[3], c) or '0')
      if lease < now then
        redis.call('ZREM', KEYS[2], c)
        redis.call('HDEL', KEYS[3], c)
      end
    end
  end
  rank = redis.call('ZRANK', KEYS[2], id)
end
local free = 0
if maxWait < 0 then free = rank + 1
elseif slot - now <= maxWait then free = math.floor((now + maxWait - slot) / interval) + 1 end
if rank >= free then
  local back = slot + rank * interval - lead - now
  if back < 1000 then back = 1000 end
  if id ~= '' then
    redis.call('HSET', KEYS[3], id, string.format('%d', now + back + grace))
    local ttl = math.floor((back + grace) / 1000) + 60000
    for k = 2, 3 do
      if redis.call('PTTL', KEYS[k]) < ttl then redis.call('PEXPIRE', KEYS[k], ttl) end
    end
  end
  return {0, string.format('%d', back)}
end
if id ~= '' then
  redis.call('ZREM', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
end
redis.call('SET', KEYS[1], string.format('%d', slot + interval), 'PX', math.floor((slot + interval - now) / 1000) + 1000)
return {1, string.format('%d', slot - now)}
`;

/**
 * The gate right before a request: at most ARGV[1] of the tenant's requests in any ARGV[2] µs
 * (a log of the last ARGV[1] send times). The schedule spaces slots, but a worker that wakes
 * late or is starved of CPU between its slot and the request sends bunched; this counts the
 * moments of sending. Returns 0 (logged: send now) or the µs until the window has room.
 */
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
if redis.call('LLEN', KEYS[1]) >= limit then
  local oldest = tonumber(redis.call('LINDEX', KEYS[1], limit - 1))
  if oldest > now - window then return string.format('%d', oldest + window - now + 1) end
end
redis.call('LPUSH', KEYS[1], string.format('%d', now))
redis.call('LTRIM', KEYS[1], 0, limit - 1)
redis.call('PEXPIRE', KEYS[1], math.floor(window / 1000) + 1000)
return '0'
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

/**
 * How much later than the gate a request may reach Teams (the HTTP client, the network, a
 * starved process on either side) and still be counted in the window the gate counted it in:
 * the gate's window is a second plus this. It goes with PACING_SHARE: 50 sends at 97 % span
 * 1,031 ms, so evenly spaced sends pass the gate without waiting. A larger margin would make
 * the gate the binding rate (60 ms: 94 %) and hold workers at it unless the share came down
 * with it; on a loaded machine 60 ms let no 429 through where 30 ms let a few (README).
 */
export const SEND_JITTER_MS = 30;

/** A conversation reference without a tenant (records from before tenants were kept) paces under this one. */
export const UNKNOWN_TENANT = 'unknown';

/** How long a deferred send's claim outlives the time it was told to come back (delayed-set and worker latency). */
export const CLAIM_GRACE_MS = 2_000;

/**
 * A deferred send comes back this many intervals before the slot its turn would get: enough
 * for the delayed set, a worker and Redis to bring it there, short enough that the sends due
 * next hold few workers asleep (three tenants at full rate share one worker's concurrency).
 */
export const COME_BACK_LEAD_INTERVALS = 3;

/** How the pacer waits (a test makes it virtual). */
export interface PacerTimer {
  sleep(ms: number): Promise<void>;
}
const realTimer: PacerTimer = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A reservation's answer: whether the slot was taken, and its distance (taken) or when to ask again (not taken). */
export interface Reservation {
  reserved: boolean;
  waitMs: number;
}

/** Who asks for a slot: an id (the job's) and its fair turn (its BullMQ priority: lower goes first). */
export interface SendTurn {
  id: string;
  turn: number;
}

export class SendPacer {
  private readonly intervalMicros: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly ratePerSecond: number,
    private readonly timer: PacerTimer = realTimer,
  ) {
    this.intervalMicros = Math.ceil(1_000_000 / (ratePerSecond * PACING_SHARE));
  }

  /** The milliseconds between two sends of one tenant. */
  get intervalMs(): number {
    return this.intervalMicros / 1000;
  }

  /**
   * Reserves the tenant's next slot if it is at most `maxWaitMs` away (default: any) and, with
   * a turn, no better-placed claim is waiting for it; otherwise leaves (or renews) the claim.
   */
  async reserve(tenant: string, maxWaitMs = Infinity, turn?: SendTurn): Promise<Reservation> {
    const maxWait = Number.isFinite(maxWaitMs) ? String(Math.max(0, Math.floor(maxWaitMs * 1000))) : '-1';
    const k = this.keysOf(tenant);
    const [reserved, micros] = (await this.redis.eval(
      RESERVE,
      3,
      k.next,
      k.claims,
      k.leases,
      String(this.intervalMicros),
      maxWait,
      turn?.id ?? '',
      String(turn?.turn ?? 0),
      String(CLAIM_GRACE_MS * 1000),
      String(COME_BACK_LEAD_INTERVALS * this.intervalMicros),
    )) as [number, string];
    const wait = Number(micros);
    return { reserved: Number(reserved) === 1, waitMs: Number.isFinite(wait) ? Math.max(0, wait / 1000) : 0 };
  }

  /** After Teams' 429 with Retry-After: nothing goes to this tenant for `ms`. */
  async pushBack(tenant: string, ms: number): Promise<void> {
    await this.redis.eval(PUSH_BACK, 1, this.keysOf(tenant).next, String(Math.max(0, Math.ceil(ms * 1000))));
  }

  /**
   * Right before the request: passes once fewer than the rate's worth of this tenant's
   * requests went out in the last second plus SEND_JITTER_MS, and logs this one. The slot
   * spaced the sends; this holds a send that comes bunched with others (a worker woke late
   * or was starved between its slot and now) for as long as Teams' window needs, instead of
   * the 429 and the tenant's pause. Returns the milliseconds it held the send.
   */
  async admit(tenant: string): Promise<number> {
    const window = (1000 + SEND_JITTER_MS) * 1000;
    let held = 0;
    for (;;) {
      const micros = Number(await this.redis.eval(ADMIT, 1, this.keysOf(tenant).sent, String(this.ratePerSecond), String(window)));
      if (!(micros > 0)) return held;
      const ms = Math.ceil(micros / 1000);
      held += ms;
      await this.timer.sleep(ms);
    }
  }

  /** One tenant's keys, under one hash tag (one Redis Cluster slot, as its scripts need). */
  keysOf(tenant: string): { next: string; claims: string; leases: string; sent: string } {
    const base = this.keys.of('pacer', 'notify', `{t:${tenant || UNKNOWN_TENANT}}`);
    return { next: base, claims: `${base}:claims`, leases: `${base}:leases`, sent: `${base}:sent` };
  }
}
