import type { RedisClient } from './redis.js';
import type { Storage, StoreItems } from 'botbuilder';
import type { Keys } from './keys.js';

const TTL_SECONDS = 60 * 60 * 24 * 30;

/** Compare-and-set on the eTag in one step, so two writers holding the same eTag cannot both win. */
const WRITE = `
local expected = ARGV[1]
if expected ~= '' and expected ~= '*' then
  local cur = redis.call('GET', KEYS[1])
  if cur then
    local ok, doc = pcall(cjson.decode, cur)
    if not ok or doc['eTag'] ~= expected then return 0 end
  end
end
redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
return 1
`;

/**
 * botbuilder `Storage` for turn state in Redis, with eTag concurrency: a write whose eTag
 * is not '*' and differs from the stored one is refused, like botbuilder's own stores.
 */
export class RedisBotStorage implements Storage {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  private key(k: string): string {
    return this.keys.of('turnstate', k);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    // One GET per key (not MGET): in a Redis Cluster the keys live on different slots.
    const values = await Promise.all(keys.map((k) => this.redis.get(this.key(k))));
    const items: StoreItems = {};
    keys.forEach((k, i) => {
      const v = values[i];
      if (v) items[k] = JSON.parse(v);
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [k, item] of Object.entries(changes)) {
      const eTag = (item as { eTag?: string }).eTag ?? '';
      const next = { ...item, eTag: String(Date.now()) + Math.random().toString(36).slice(2, 8) };
      const ok = await this.redis.eval(WRITE, 1, this.key(k), eTag, JSON.stringify(next), String(TTL_SECONDS));
      if (Number(ok) !== 1) throw new Error(`Storage: eTag conflict for ${k}`);
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((k) => this.redis.del(this.key(k))));
  }
}
