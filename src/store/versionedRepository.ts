import type { RedisClient } from './redis.js';
import type { z } from 'zod';
import { DomainError, notFound, staleWrite } from '../domain/errors.js';
import type { Keys } from './keys.js';

/** A stored record with its optimistic-concurrency version. */
export interface Stored<T> {
  id: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  data: T;
}

const MUST_NOT_EXIST = -1;
/** Each failed attempt means another writer succeeded, so this bounds the concurrency mutate copes with. */
const MUTATE_ATTEMPTS = 50;

export interface RepositoryOptions<T> {
  /** Keep every version's full content (e.g. forum answers: who wrote what, when). */
  keepHistory?: boolean;
  /**
   * Terms a record can be found by without listing the collection (e.g. `conversation:<id>`,
   * `person:<aad>`): each term is a set of ids, see `findBy`.
   */
  lookupTerms?: (data: T) => string[];
}

/**
 * Compare-and-set of a record plus its audit line, atomically. Returns
 * {1, newVersion} on success or {0, currentVersion} when the expectation failed.
 */
const WRITE_SCRIPT = `
local cur = redis.call('HGET', KEYS[1], 'v')
local curVersion = 0
if cur then curVersion = tonumber(cur) end
local expected = tonumber(ARGV[1])
if expected == -1 and cur then return {0, curVersion} end
if expected >= 0 and curVersion ~= expected then return {0, curVersion} end
local newVersion = curVersion + 1
redis.call('HSET', KEYS[1], 'v', newVersion, 'doc', ARGV[2], 'at', ARGV[3], 'by', ARGV[4])
local entry = string.gsub(ARGV[5], '"__VERSION__"', tostring(newVersion))
redis.call('RPUSH', KEYS[2], entry)
if ARGV[6] == '1' then
  redis.call('RPUSH', KEYS[3], cjson.encode({v = newVersion, at = ARGV[3], by = ARGV[4]}) .. '\\n' .. ARGV[2])
end
return {1, newVersion}
`;

const DELETE_SCRIPT = `
redis.call('DEL', KEYS[1], KEYS[3])
redis.call('RPUSH', KEYS[2], ARGV[1])
return 1
`;

function changedFields(before: unknown, after: unknown): string[] {
  if (typeof after !== 'object' || after === null) return [];
  const prev = (typeof before === 'object' && before !== null ? before : {}) as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  const names = new Set([...Object.keys(prev), ...Object.keys(next)]);
  return [...names].filter((k) => JSON.stringify(prev[k]) !== JSON.stringify(next[k])).sort();
}

/**
 * Redis repository of one collection. Records are zod-validated on write and on read;
 * a write names the version it was based on and is refused when that is stale.
 */
export class VersionedRepository<T> {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    readonly collection: string,
    private readonly schema: z.ZodType<T>,
    private readonly clock: () => Date = () => new Date(),
    private readonly options: RepositoryOptions<T> = {},
  ) {}

  private get keepHistory(): boolean {
    return this.options.keepHistory ?? false;
  }

  /** All versions, oldest first (only for collections that keep history). */
  async history(id: string): Promise<Stored<T>[]> {
    const lines = await this.redis.lrange(this.keys.history(this.collection, id), 0, -1);
    return lines.map((line) => {
      const cut = line.indexOf('\n');
      const meta = JSON.parse(line.slice(0, cut)) as { v: number; at: string; by: string };
      return { id, version: meta.v, updatedAt: meta.at, updatedBy: meta.by, data: this.schema.parse(JSON.parse(line.slice(cut + 1))) };
    });
  }

  /**
   * Rewrites kept versions in place (retention removing text from old versions): each
   * version's content goes through `change`, null keeps it. One audit line per changed
   * version (field names only). Returns how many versions changed. Only for collections
   * that keep history; versions written meanwhile are appended after these, so untouched.
   */
  async rewriteHistory(id: string, actor: string, action: string, change: (data: T, version: number) => T | null): Promise<number> {
    const key = this.keys.history(this.collection, id);
    const versions = await this.history(id);
    let changed = 0;
    for (const [index, v] of versions.entries()) {
      const next = change(v.data, v.version);
      if (next === null) continue;
      const valid = this.schema.parse(next);
      const meta = JSON.stringify({ v: v.version, at: v.updatedAt, by: v.updatedBy });
      await this.redis.lset(key, index, `${meta}\n${JSON.stringify(valid)}`);
      const entry = { at: this.clock().toISOString(), actor, action, version: v.version, fields: changedFields(v.data, valid) };
      await this.redis.rpush(this.keys.audit(this.collection, id), JSON.stringify(entry));
      changed++;
    }
    return changed;
  }

  async get(id: string): Promise<Stored<T> | null> {
    const h = await this.redis.hgetall(this.keys.record(this.collection, id));
    if (!h.doc || !h.v) return null;
    return {
      id,
      version: Number(h.v),
      updatedAt: h.at ?? '',
      updatedBy: h.by ?? '',
      data: this.schema.parse(JSON.parse(h.doc)),
    };
  }

  async require(id: string): Promise<Stored<T>> {
    const found = await this.get(id);
    if (!found) throw notFound(this.collection, id);
    return found;
  }

  async ids(): Promise<string[]> {
    return (await this.redis.smembers(this.keys.index(this.collection))).sort();
  }

  async list(): Promise<Stored<T>[]> {
    return this.mapAll((r) => r);
  }

  /**
   * Every record (or those whose id starts with `prefix`) mapped to what the caller keeps,
   * read `batch` at a time: a large collection is never in flight or parsed all at once,
   * and only the mapped values stay in memory (e.g. a forum's id and name for a status).
   */
  async mapAll<R>(fn: (r: Stored<T>) => R, opts: { prefix?: string; batch?: number } = {}): Promise<R[]> {
    const prefix = opts.prefix;
    const ids = prefix === undefined ? await this.ids() : (await this.ids()).filter((id) => id.startsWith(prefix));
    const batch = opts.batch ?? 500;
    const out: R[] = [];
    for (let i = 0; i < ids.length; i += batch) {
      const records = await Promise.all(ids.slice(i, i + batch).map((id) => this.get(id)));
      for (const r of records) if (r !== null) out.push(fn(r));
    }
    return out;
  }

  /**
   * The records filed under `term` (see `RepositoryOptions.lookupTerms`). A candidate set:
   * a term is added before the write that makes it true and never removed by a writer
   * (only by `delete`), so nothing is missed, but a record may no longer match — the
   * caller checks the records it gets, as it would have checked a full list.
   */
  async findBy(term: string): Promise<Stored<T>[]> {
    const ids = await this.redis.smembers(this.keys.lookup(this.collection, term));
    const all = await Promise.all(ids.sort().map((id) => this.get(id)));
    return all.filter((r): r is Stored<T> => r !== null);
  }

  /**
   * Files every stored record under its lookup terms (records written before the terms
   * existed); later writes file themselves. Idempotent (SADD) and safe from several
   * processes at once, so a run that failed partway is simply run again (the reconcile
   * tick does, until it completes). A record that cannot be read does not stop the rest;
   * the data set is marked done only when every record was filed, else this throws after
   * filing what it could. Returns how many records were filed (0 once marked done).
   */
  async ensureLookups(version = 1): Promise<number> {
    const terms = this.options.lookupTerms;
    if (!terms) return 0;
    const done = this.keys.of('lookups-built', this.collection);
    if (Number((await this.redis.get(done)) ?? 0) >= version) return 0;
    let filed = 0;
    let failed = 0;
    let lastError: unknown;
    for (const id of await this.ids()) {
      try {
        const r = await this.get(id);
        if (!r) continue;
        await Promise.all(terms(r.data).map((t) => this.redis.sadd(this.keys.lookup(this.collection, t), id)));
        filed++;
      } catch (e) {
        failed++;
        lastError = e;
      }
    }
    if (failed) throw new Error(`${failed} ${this.collection} record(s) not filed under their lookup terms: ${(lastError as Error)?.message ?? lastError}`);
    await this.redis.set(done, String(version));
    return filed;
  }

  /** Records whose id starts with `prefix` (e.g. every answer of one meeting). */
  async listByPrefix(prefix: string): Promise<Stored<T>[]> {
    return this.mapAll((r) => r, { prefix });
  }

  create(id: string, data: T, actor: string, action = 'create'): Promise<Stored<T>> {
    return this.write(id, MUST_NOT_EXIST, data, actor, action, null);
  }

  /**
   * `update` from a record the caller has just read (no second read): refused with a
   * `stale-write` DomainError when the record moved past `before.version`.
   */
  updateFrom(before: Stored<T>, data: T, actor: string, action = 'update'): Promise<Stored<T>> {
    return this.write(before.id, before.version, data, actor, action, before.data);
  }

  /** Refused with a `stale-write` DomainError when the record moved past `expectedVersion`. */
  async update(id: string, expectedVersion: number, data: T, actor: string, action = 'update'): Promise<Stored<T>> {
    const before = await this.get(id);
    if (!before) throw notFound(this.collection, id);
    return this.write(id, expectedVersion, data, actor, action, before.data);
  }

  /**
   * Read-modify-write for changes that are not a user's edit of what they saw
   * (e.g. marking a conversation inactive): retried on a concurrent write.
   */
  async mutate(id: string, actor: string, action: string, change: (current: T | null) => T | null): Promise<Stored<T> | null> {
    for (let attempt = 0; attempt < MUTATE_ATTEMPTS; attempt++) {
      const current = await this.get(id);
      const next = change(current?.data ?? null);
      if (next === null) return current;
      try {
        return await this.write(id, current ? current.version : MUST_NOT_EXIST, next, actor, action, current?.data ?? null);
      } catch (e) {
        if (e instanceof DomainError && (e.reason === 'stale-write' || e.reason === 'already-exists')) {
          // Jitter breaks the lock-step of many writers that all re-read the same version.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)));
          continue;
        }
        throw e;
      }
    }
    throw new DomainError('conflict', `${this.collection} ${id} kept changing`);
  }

  async delete(id: string, actor: string, action = 'delete'): Promise<void> {
    const entry = JSON.stringify({ at: this.clock().toISOString(), actor, action, version: 0, fields: [] });
    const current = this.options.lookupTerms ? await this.get(id) : null;
    await this.redis.eval(DELETE_SCRIPT, 3, this.keys.record(this.collection, id), this.keys.audit(this.collection, id), this.keys.history(this.collection, id), entry);
    await Promise.all([
      this.redis.srem(this.keys.index(this.collection), id),
      ...(current ? this.options.lookupTerms!(current.data).map((t) => this.redis.srem(this.keys.lookup(this.collection, t), id)) : []),
    ]);
  }

  private async write(id: string, expected: number, data: T, actor: string, action: string, before: T | null): Promise<Stored<T>> {
    const valid = this.schema.parse(data);
    const at = this.clock().toISOString();
    const entry = JSON.stringify({ at, actor, action, version: '__VERSION__', fields: changedFields(before, valid) });
    // One round trip: the lookup terms, the compare-and-set script and (for a new record)
    // the id index are sent together; auto-pipelining puts them in one socket write. The
    // sets live in other Cluster slots than the record, so they cannot be in the script;
    // adding them whatever the script decides is harmless (a refused create or update
    // means the record exists, and lookups are candidates the reader checks).
    const filed = (this.options.lookupTerms?.(valid) ?? []).map((t) => this.redis.sadd(this.keys.lookup(this.collection, t), id));
    const cas = this.redis.eval(
      WRITE_SCRIPT,
      3,
      this.keys.record(this.collection, id),
      this.keys.audit(this.collection, id),
      this.keys.history(this.collection, id),
      String(expected),
      JSON.stringify(valid),
      at,
      actor,
      entry,
      this.keepHistory ? '1' : '0',
    ) as Promise<[number, number]>;
    // An update's record exists, so its id is in the index already.
    const indexed = expected === MUST_NOT_EXIST ? [this.redis.sadd(this.keys.index(this.collection), id)] : [];
    const [[ok, version]] = await Promise.all([cas, ...filed, ...indexed]);
    if (ok !== 1) {
      if (expected === MUST_NOT_EXIST) throw new DomainError('already-exists', `${this.collection} exists`, { entity: this.collection, id, currentVersion: version });
      throw staleWrite(this.collection, id, version);
    }
    return { id, version, updatedAt: at, updatedBy: actor, data: valid };
  }
}
