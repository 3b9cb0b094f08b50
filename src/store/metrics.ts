import type { RedisClient } from './redis.js';
import type { Keys } from './keys.js';

/** Upper bounds (seconds) of the delivery-latency histogram (enqueue → accepted by the connector). */
export const LATENCY_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600] as const;

export type Counter = 'deliveries' | 'connector429' | 'uncertainResends' | `failures:${string}` | `calendar:${string}`;

/**
 * Counters shared by every process (one Redis hash), so `GET /metrics` on any instance
 * shows what all workers did. Recording never fails a job: errors are swallowed.
 */
export class MetricsStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  private get key(): string {
    return this.keys.of('metrics');
  }

  async incr(counter: Counter, by = 1): Promise<void> {
    await this.redis.hincrby(this.key, counter, by).catch(() => undefined);
  }

  /** One delivery that took `ms` from enqueue to the connector's 2xx. */
  async observeDelivery(ms: number): Promise<void> {
    const seconds = Math.max(0, ms) / 1000;
    const bucket = LATENCY_BUCKETS.find((b) => seconds <= b);
    await this.redis
      .multi()
      .hincrby(this.key, 'deliveries', 1)
      .hincrby(this.key, `lat:${bucket ?? '+Inf'}`, 1)
      .hincrbyfloat(this.key, 'lat:sum', seconds)
      .exec()
      .catch(() => undefined);
  }

  async read(): Promise<Record<string, number>> {
    const raw = await this.redis.hgetall(this.key);
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
  }
}
