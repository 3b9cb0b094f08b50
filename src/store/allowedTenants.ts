import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

/**
 * Tenants an operator allowed in Teams (`tillåt klient`), on top of ALLOWED_TENANTS: one
 * global Redis set, so every process sees a change without a restart.
 */
export class AllowedTenants {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  private get key(): string {
    return this.keys.of('tenants', 'allowed');
  }

  async list(): Promise<string[]> {
    return (await this.redis.smembers(this.key)).sort();
  }

  /** True when it was not allowed before. */
  async add(tenant: string): Promise<boolean> {
    return (await this.redis.sadd(this.key, tenant)) === 1;
  }

  /** True when it was allowed before. */
  async remove(tenant: string): Promise<boolean> {
    return (await this.redis.srem(this.key, tenant)) === 1;
  }
}
