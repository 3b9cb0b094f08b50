/**
 * Compiled regional pictures, per owner and run, with a TTL (the person's derived data,
 * kept as long as its links are valid). `{u:<ownerKey>}` tags the picture's key by owner;
 * a second key maps the owner's digest (what links carry) to the owner, with the same TTL;
 * a set per source organisation lists the pictures drawn from it, so deleting an
 * organisation can delete them (they are derived from its data).
 */
import { z } from 'zod';
import { invalidInput } from '../domain/errors.js';
import { ownerDigest, ownerDigestPattern, ownerKeyPattern, runPattern } from '../domain/regional/ownerDigest.js';
import { regionalPictureSchema, type RegionalPicture } from '../domain/regional/regionalPicture.js';
import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

const storedSchema = z.object({ ownerKey: z.string(), run: z.string(), savedAt: z.string(), picture: regionalPictureSchema });
export type StoredRegionalPicture = z.infer<typeof storedSchema>;

export class RegionalStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  key(ownerKey: string, run: string): string {
    return this.keys.of('regional', `{u:${ownerKey}}`, run);
  }

  private digestKey(digest: string): string {
    return this.keys.of('regional', 'd', digest);
  }

  private sourceKey(orgId: string): string {
    return this.keys.of('regional', 'src', orgId);
  }

  async save(ownerKey: string, run: string, picture: RegionalPicture, ttlSeconds: number): Promise<void> {
    check(ownerKey, run);
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw invalidInput({ ttlSeconds: 'positive whole seconds' });
    const stored: StoredRegionalPicture = { ownerKey, run, savedAt: this.clock().toISOString(), picture: regionalPictureSchema.parse(picture) };
    await this.redis.set(this.key(ownerKey, run), JSON.stringify(stored), 'EX', ttlSeconds);
    // The digest outlives no picture of its owner: refreshed to the newest picture's TTL.
    await this.redis.set(this.digestKey(ownerDigest(ownerKey)), ownerKey, 'EX', ttlSeconds);
    for (const m of picture.municipalities) {
      const key = this.sourceKey(m.orgId);
      await this.redis.sadd(key, JSON.stringify([ownerKey, run]));
      // Lives as long as the longest-lived picture in it.
      if ((await this.redis.ttl(key)) < ttlSeconds) await this.redis.expire(key, ttlSeconds);
    }
  }

  /** Deletes every picture drawn from the organisation; returns how many there were. */
  async deleteForOrganisation(orgId: string): Promise<number> {
    const key = this.sourceKey(orgId);
    let deleted = 0;
    for (const member of await this.redis.smembers(key)) {
      const [ownerKey, run] = z.tuple([z.string(), z.string()]).parse(JSON.parse(member));
      if (ownerKeyPattern.test(ownerKey) && runPattern.test(run)) deleted += await this.redis.del(this.key(ownerKey, run));
    }
    await this.redis.del(key);
    return deleted;
  }

  async get(ownerKey: string, run: string): Promise<StoredRegionalPicture | null> {
    if (!ownerKeyPattern.test(ownerKey) || !runPattern.test(run)) return null;
    const raw = await this.redis.get(this.key(ownerKey, run));
    return raw === null ? null : storedSchema.parse(JSON.parse(raw));
  }

  /** The picture a link names (by the owner's digest), or null when gone or never there. */
  async getByDigest(digest: string, run: string): Promise<StoredRegionalPicture | null> {
    if (!ownerDigestPattern.test(digest)) return null;
    const ownerKey = await this.redis.get(this.digestKey(digest));
    if (ownerKey === null || ownerDigest(ownerKey) !== digest) return null;
    return this.get(ownerKey, run);
  }

  /** Deletes an owner's picture (e.g. when a source organisation is deleted). */
  async delete(ownerKey: string, run: string): Promise<void> {
    check(ownerKey, run);
    await this.redis.del(this.key(ownerKey, run));
  }
}

function check(ownerKey: string, run: string): void {
  const errors: Record<string, string> = {};
  if (!ownerKeyPattern.test(ownerKey)) errors.ownerKey = 'letters, digits, . _ -';
  if (!runPattern.test(run)) errors.run = 'letters, digits, -';
  if (Object.keys(errors).length) throw invalidInput(errors);
}
