import type { RedisClient } from './redis.js';
import type { Keys, OrgKeys } from './keys.js';

/** Upper bounds (seconds) of the delivery-latency histogram (enqueue → accepted by the connector). */
export const LATENCY_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600] as const;

export type Counter = 'deliveries' | 'connector429' | 'uncertainResends' | `failures:${string}` | `calendar:${string}`;

/**
 * Counters shared by every process (one Redis hash), so `GET /metrics` on any instance
 * shows what all workers did. An organisation's view (`forOrg`) also counts into the
 * organisation's own hash (`P:{o:<id>}:metrics`: deleted with its keys when it leaves),
 * without the latency buckets (a histogram per organisation would be hundreds of series),
 * but with the latency sum so an operator sees its mean. The two hashes live on different
 * Cluster slots, so they are written by separate commands, not one MULTI.
 * Recording never fails a job: errors are swallowed.
 */
export class MetricsStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly org?: OrgKeys,
  ) {}

  private get key(): string {
    return this.keys.of('metrics');
  }

  /** The same counters, also counted for one organisation. */
  forOrg(org: OrgKeys): MetricsStore {
    return new MetricsStore(this.redis, this.keys, org);
  }

  async incr(counter: Counter, by = 1): Promise<void> {
    await Promise.all([
      this.redis.hincrby(this.key, counter, by).catch(() => undefined),
      this.org ? this.redis.hincrby(this.org.of('metrics'), counter, by).catch(() => undefined) : undefined,
    ]);
  }

  /** One delivery that took `ms` from enqueue to the connector's 2xx. */
  async observeDelivery(ms: number): Promise<void> {
    const seconds = Math.max(0, ms) / 1000;
    const bucket = LATENCY_BUCKETS.find((b) => seconds <= b);
    await Promise.all([
      this.redis
        .multi()
        .hincrby(this.key, 'deliveries', 1)
        .hincrby(this.key, `lat:${bucket ?? '+Inf'}`, 1)
        .hincrbyfloat(this.key, 'lat:sum', seconds)
        .exec()
        .catch(() => undefined),
      this.org
        ? this.redis
            .multi()
            .hincrby(this.org.of('metrics'), 'deliveries', 1)
            .hincrbyfloat(this.org.of('metrics'), 'lat:sum', seconds)
            .exec()
            .catch(() => undefined)
        : undefined,
    ]);
  }

  async read(): Promise<Record<string, number>> {
    return numbers(await this.redis.hgetall(this.org ? this.org.of('metrics') : this.key));
  }

  /** Each organisation's counters (an organisation that counted nothing yet is left out). */
  async readOrgs(orgIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
    const raw = await Promise.all(orgIds.map((id) => this.redis.hgetall(this.keys.forOrg(id).of('metrics'))));
    return new Map(orgIds.flatMap((id, i) => (Object.keys(raw[i]!).length > 0 ? [[id, numbers(raw[i]!)] as const] : [])));
  }
}

const numbers = (raw: Record<string, string>) => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
