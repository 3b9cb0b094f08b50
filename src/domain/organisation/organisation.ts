/**
 * An organisation (organisation): one municipality's steering group with its forums,
 * meetings, inspel, lägesbilder, medborgarlöfte, målbilder, settings, audit trail and jobs.
 * One deployment serves many; every record and job belongs to exactly one.
 */
import { z } from 'zod';
import { randomInt } from 'node:crypto';

/** `o` + 7 base36 characters: safe in Redis keys (hash tags), BullMQ job ids and URLs; never a `.` or `:`. */
export const orgIdSchema = z.string().regex(/^o[0-9a-z]{7}$/, 'expected an organisation id');
export type OrgId = z.infer<typeof orgIdSchema>;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newOrgId(random: (max: number) => number = randomInt): OrgId {
  let id = 'o';
  for (let i = 0; i < 7; i++) id += ALPHABET[random(ALPHABET.length)];
  return id;
}

/** A BullMQ job id that belongs to an organisation: `<orgId>.<id>`. Ids queued before organisations have no prefix. */
export function orgJobId(orgId: OrgId, jobId: string): string {
  return `${orgId}.${jobId}`;
}

const ORG_JOB_ID = /^(o[0-9a-z]{7})\./;

/** The organisation a job id belongs to; null for ids queued before the upgrade (the legacy organisation's). */
export function orgOfJobId(jobId: string | undefined): OrgId | null {
  return ORG_JOB_ID.exec(jobId ?? '')?.[1] ?? null;
}

export const orgStatusSchema = z.enum(['active', 'deleting']);
export type OrgStatus = z.infer<typeof orgStatusSchema>;

/** The organisation's entry in the deployment's registry. */
export const orgEntrySchema = z.object({
  id: orgIdSchema,
  status: orgStatusSchema,
  createdAt: z.string(),
  /** The data of the single-municipality version, upgraded in place (its env vars stay its live defaults). */
  legacy: z.boolean().default(false),
  /** The team it was created in (Teams team id), if any. */
  teamId: z.string().optional(),
  /** The tenant of the team it was created in. */
  tenantId: z.string().optional(),
});
export type OrgEntry = z.infer<typeof orgEntrySchema>;
