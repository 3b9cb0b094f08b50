/**
 * Published public versions of the medborgarlöfte, one record per organisation (keyed by
 * its public slug): the record is the current version, every published version is kept
 * in its history, each publish is one compare-and-set write with an audit line.
 */
import { z } from 'zod';
import { utcToZoned } from '../domain/calendar/zonedTime.js';
import { publicVersionSchema } from '../domain/public/publicVersion.js';
import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';
import { VersionedRepository, type Stored } from './versionedRepository.js';

export const publishedVersionSchema = z.object({
  /** Internal: which promise it was made from (never served). */
  promiseId: z.string().min(1),
  /** Instant of publishing, ISO 8601 UTC. */
  publishedAt: z.iso.datetime(),
  /** The hideKeys the chair left out, so the next preview starts from the same choice. */
  hidden: z.array(z.string()),
  version: publicVersionSchema,
});
export type PublishedVersion = z.infer<typeof publishedVersionSchema>;

export class PublicVersions {
  private readonly repo: VersionedRepository<PublishedVersion>;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    clock: () => Date,
  ) {
    this.repo = new VersionedRepository(redis, keys, 'publicversion', publishedVersionSchema, clock, { keepHistory: true });
  }

  /** The current publication's number (0 = none): one small read, so a cache can tell cheaply whether it is stale. */
  async number(slug: string): Promise<number> {
    return Number((await this.redis.hget(this.keys.record('publicversion', slug), 'v')) ?? 0);
  }

  current(slug: string): Promise<Stored<PublishedVersion> | null> {
    return this.repo.get(slug);
  }

  /**
   * Publishes `next` if the current version is still `expected` (null = none yet);
   * refused with a `stale-write` (or `already-exists`) DomainError otherwise.
   */
  publish(slug: string, expected: number | null, next: PublishedVersion, actor: string): Promise<Stored<PublishedVersion>> {
    return expected === null ? this.repo.create(slug, next, actor, 'publish') : this.repo.update(slug, expected, next, actor, 'publish');
  }

  /** Every published version, oldest first. */
  history(slug: string): Promise<Stored<PublishedVersion>[]> {
    return this.repo.history(slug);
  }

  /** The last version published on or before the local date `date` (the page "as it was" that day). */
  async asOfDate(slug: string, date: string, timeZone: string): Promise<Stored<PublishedVersion> | null> {
    const all = await this.history(slug);
    return all.filter((v) => publishedDate(v.data, timeZone) <= date).at(-1) ?? null;
  }
}

/** The local calendar date a version was published on. */
export function publishedDate(v: Pick<PublishedVersion, 'publishedAt'>, timeZone: string): string {
  return utcToZoned(new Date(v.publishedAt), timeZone).date;
}
