import type { Redis } from 'ioredis';
import type { Storage, StoreItems } from 'botbuilder';
import type { Keys } from './keys.js';

const TTL_SECONDS = 60 * 60 * 24 * 30;

/**
 * botbuilder `Storage` for turn state in Redis, with eTag concurrency: a write whose eTag
 * is not '*' and differs from the stored one is refused, like botbuilder's own stores.
 */
export class RedisBotStorage implements Storage {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  private key(k: string): string {
    return this.keys.of('turnstate', k);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const values = await this.redis.mget(keys.map((k) => this.key(k)));
    const items: StoreItems = {};
    keys.forEach((k, i) => {
      const v = values[i];
      if (v) items[k] = JSON.parse(v);
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [k, item] of Object.entries(changes)) {
      const key = this.key(k);
      const eTag = (item as { eTag?: string }).eTag;
      if (eTag && eTag !== '*') {
        const existing = await this.redis.get(key);
        const currentTag = existing ? (JSON.parse(existing) as { eTag?: string }).eTag : undefined;
        if (existing && currentTag !== eTag) throw new Error(`Storage: eTag conflict for ${k}`);
      }
      const next = { ...item, eTag: String(Date.now()) + Math.random().toString(36).slice(2, 8) };
      await this.redis.set(key, JSON.stringify(next), 'EX', TTL_SECONDS);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys.map((k) => this.key(k)));
  }
}
