import type { RawOrgKey } from '../domain/organisation/orgExport.js';
import type { OrgKeys } from './keys.js';
import { scanAll, type RedisClient } from './redis.js';

/**
 * An organisation's whole keyspace (every key under `P:{o:<orgId>}:`): read for its
 * export, counted for the leaving card, unlinked when it leaves. All of it shares one
 * hash tag, hence one Cluster slot: multi-key UNLINK is allowed.
 */
export class OrgKeyspace {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: OrgKeys,
  ) {}

  async keyNames(): Promise<string[]> {
    return (await scanAll(this.redis, this.keys.pattern())).sort();
  }

  /** Every key with its value, read by type; names relative to the organisation's base. */
  async readAll(): Promise<RawOrgKey[]> {
    const out: RawOrgKey[] = [];
    for (const key of await this.keyNames()) {
      const type = (await this.redis.type(key)) as RawOrgKey['type'];
      out.push({ key: key.slice(this.keys.base.length + 1), type, value: await this.valueOf(key, type) });
    }
    return out;
  }

  private async valueOf(key: string, type: RawOrgKey['type']): Promise<unknown> {
    switch (type) {
      case 'string':
        return this.redis.get(key);
      case 'list':
        return this.redis.lrange(key, 0, -1);
      case 'set':
        return (await this.redis.smembers(key)).sort();
      case 'zset':
        return this.redis.zrange(key, '0', '-1', 'WITHSCORES');
      case 'hash':
        return this.redis.hgetall(key);
      case 'stream':
        return this.redis.xrange(key, '-', '+');
      default:
        return null;
    }
  }

  /** How many records each collection holds (`rec:<collection>:<id>` keys). */
  async recordCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    const prefix = `${this.keys.base}:rec:`;
    for (const key of await scanAll(this.redis, `${prefix}*`)) {
      const collection = key.slice(prefix.length).split(':')[0]!;
      counts[collection] = (counts[collection] ?? 0) + 1;
    }
    return counts;
  }

  /** UNLINKs every key, `batch` at a time; returns how many were removed. Safe to run again. */
  async unlinkAll(batch = 500): Promise<number> {
    const names = await this.keyNames();
    let removed = 0;
    for (let i = 0; i < names.length; i += batch) removed += await this.redis.unlink(...names.slice(i, i + batch));
    return removed;
  }
}
