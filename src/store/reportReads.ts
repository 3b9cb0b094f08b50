import { z } from 'zod';
import type { RedisClient } from './redis.js';
import type { Keys } from './keys.js';

/**
 * Who read which report through a signed link, and when. A signed link carries no
 * identity, so "who" is 'link'; "what" is the path without the signature. Capped list.
 */
export const reportReadSchema = z.object({ who: z.string(), what: z.string(), when: z.string() });
export type ReportRead = z.infer<typeof reportReadSchema>;

const KEEP = 10_000;

export class ReportReads {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  private get key(): string {
    return this.keys.of('audit', 'report-reads');
  }

  async record(read: ReportRead): Promise<void> {
    await this.redis.multi().lpush(this.key, JSON.stringify(read)).ltrim(this.key, 0, KEEP - 1).exec();
  }

  /** Newest first. */
  async list(limit = 100): Promise<ReportRead[]> {
    const raw = await this.redis.lrange(this.key, 0, limit - 1);
    return raw.map((r) => reportReadSchema.parse(JSON.parse(r)));
  }
}
