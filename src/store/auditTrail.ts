import { z } from 'zod';
import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

/** One line of the append-only audit trail: who did what to which record, and when. */
export const auditEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  version: z.number().int(),
  /** Names of the fields that changed — never their values, which may be sensitive. */
  fields: z.array(z.string()).default([]),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export class AuditTrail {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async list(collection: string, id: string): Promise<AuditEntry[]> {
    const raw = await this.redis.lrange(this.keys.audit(collection, id), 0, -1);
    return raw.map((line) => auditEntrySchema.parse(JSON.parse(line)));
  }
}
