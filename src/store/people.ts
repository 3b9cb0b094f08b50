import { z } from 'zod';
import type { RedisClient } from './redis.js';
import type { Keys } from './keys.js';

/**
 * People the bot has seen act (aadObjectId → display name, last seen), so a chair can
 * pick an action item's owner from a list. One Redis hash: a person is one field, and a
 * turn writes only when the name changed or the last sighting is older than an hour.
 */
export const personSchema = z.object({
  aadObjectId: z.string().min(1),
  name: z.string().max(200),
  lastSeen: z.string(),
});
export type Person = z.infer<typeof personSchema>;

const REFRESH_MS = 3600_000;

export class PeopleRegistry {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly clock: () => Date,
    /** An organisation's view: the set of the people seen in it (names stay in the one hash). */
    private readonly membersKey?: string,
  ) {}

  /** The organisation's view (`keys`: its OrgKeys): the same names, listing only the people seen in it. */
  seenIn(keys: Keys): PeopleRegistry {
    return new PeopleRegistry(this.redis, this.keys, this.clock, keys.of('people'));
  }

  private get key(): string {
    return this.keys.of('people');
  }

  /** `known`: the person as the caller has just read them (saves a read); undefined reads. */
  async seen(aadObjectId: string, name: string, known?: Person | null): Promise<void> {
    const now = this.clock();
    if (known === undefined) known = await this.get(aadObjectId);
    const display = name.trim().slice(0, 200) || known?.name || '';
    // Filed in the organisation's view on every sighting (one SADD): a person known from another organisation appears at once.
    if (known && known.name === display && now.getTime() - Date.parse(known.lastSeen) < REFRESH_MS) {
      if (this.membersKey) await this.redis.sadd(this.membersKey, aadObjectId);
      return;
    }
    const person: Person = { aadObjectId, name: display, lastSeen: now.toISOString() };
    await Promise.all([this.redis.hset(this.key, aadObjectId, JSON.stringify(person)), this.membersKey ? this.redis.sadd(this.membersKey, aadObjectId) : null]);
  }

  async get(aadObjectId: string): Promise<Person | null> {
    const raw = await this.redis.hget(this.key, aadObjectId);
    if (!raw) return null;
    const parsed = personSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  /** Everyone with a name, most recently seen first. */
  async list(): Promise<Person[]> {
    let all: string[];
    if (this.membersKey) {
      const ids = await this.redis.smembers(this.membersKey);
      all = ids.length ? (await this.redis.hmget(this.key, ...ids)).filter((x): x is string => x !== null) : [];
    } else all = await this.redis.hvals(this.key);
    return all
      .map((raw) => personSchema.safeParse(JSON.parse(raw)))
      .flatMap((p) => (p.success && p.data.name ? [p.data] : []))
      .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
  }
}
