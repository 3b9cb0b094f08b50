import { z } from 'zod';
import { scanAll, type RedisClient } from './redis.js';
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
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  async list(collection: string, id: string): Promise<AuditEntry[]> {
    const raw = await this.redis.lrange(this.keys.audit(collection, id), 0, -1);
    return raw.map((line) => auditEntrySchema.parse(JSON.parse(line)));
  }

  /** Every audit line written by `actor`, across all records (a SCAN over every master). */
  async byActor(actor: string): Promise<{ collection: string; id: string; entry: AuditEntry }[]> {
    const out: { collection: string; id: string; entry: AuditEntry }[] = [];
    for (const key of (await scanAll(this.redis, this.keys.auditPattern())).sort()) {
      const parts = this.keys.auditKeyParts(key);
      if (!parts) continue;
      for (const line of await this.redis.lrange(key, 0, -1)) {
        const parsed = auditEntrySchema.safeParse(JSON.parse(line));
        if (parsed.success && parsed.data.actor === actor) out.push({ ...parts, entry: parsed.data });
      }
    }
    return out;
  }
}
