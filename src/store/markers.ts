import type { RedisClient } from './redis.js';
import type { Keys } from './keys.js';

const YEAR_AND_A_BIT = 400 * 24 * 3600;

/**
 * "Done" markers for effects that must happen once (a timeline step fired, a message
 * sent). BullMQ job ids alone do not guarantee that: a removed job no longer blocks a re-add.
 */
export class Markers {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** False while the connection is down: callers may then skip optional bookkeeping. */
  get connected(): boolean {
    return this.redis.status === 'ready';
  }

  private key(kind: string, id: string): string {
    return this.keys.of('done', kind, id);
  }

  async get(kind: string, id: string): Promise<string | null> {
    return this.redis.get(this.key(kind, id));
  }

  async set(kind: string, id: string, value = '1', ttlSeconds = YEAR_AND_A_BIT): Promise<void> {
    await this.redis.set(this.key(kind, id), value, 'EX', ttlSeconds);
  }

  /** A counter (e.g. the generation of a card's updates). */
  async incr(kind: string, id: string): Promise<number> {
    const key = this.key(kind, id);
    const n = await this.redis.incr(key);
    await this.redis.expire(key, YEAR_AND_A_BIT);
    return n;
  }

  async del(kind: string, id: string): Promise<void> {
    await this.redis.del(this.key(kind, id));
  }

  /** True for the caller that set it first. */
  async setOnce(kind: string, id: string, value = '1', ttlSeconds = YEAR_AND_A_BIT): Promise<boolean> {
    return (await this.redis.set(this.key(kind, id), value, 'EX', ttlSeconds, 'NX')) === 'OK';
  }
}
