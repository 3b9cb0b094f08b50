import { z } from 'zod';
import { orgEntrySchema, orgIdSchema, type OrgEntry, type OrgId } from '../domain/organisation/organisation.js';
import { orgSettingsSchema, type OrgSettings } from '../domain/organisation/orgSettings.js';
import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';
import { VersionedRepository, type Stored } from './versionedRepository.js';

export const ORG_SETTINGS_COLLECTION = 'orgsettings';
export const ORG_SETTINGS_ID = 'self';

/** One line of the deployment's own audit trail: organisations created, upgraded, deleted, sharing switched; tenants allowed or blocked. */
export const orgAuditEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.enum(['migrated', 'created', 'deleted', 'delete-requested', 'sharing-on', 'sharing-off', 'settings', 'tenant-allowed', 'tenant-blocked']),
  /** The organisation the line is about; a tenant allowed or blocked by an operator is the deployment's. */
  org: orgIdSchema.optional(),
  tenant: z.string().optional(),
  counts: z.record(z.string(), z.number()).optional(),
});
export type OrgAuditEntry = z.infer<typeof orgAuditEntrySchema>;

/**
 * The deployment's registry of organisations (global keys): which exist, which one is the
 * upgraded single-municipality data, which conversation or team belongs to which (each to at
 * most one), which organisations a person takes part in, and a person's chosen organisation
 * for their personal chat.
 */
export class OrgRegistry {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly clock: () => Date,
  ) {}

  /** For reads; settings are changed through `updateSettings` (which tells every process). */
  settingsRepository(orgId: OrgId) {
    return new VersionedRepository(this.redis, this.keys.forOrg(orgId), ORG_SETTINGS_COLLECTION, orgSettingsSchema, this.clock);
  }

  /** A version-checked settings save; the generation moves, so every process re-reads them (OrgDirectory). */
  async updateSettings(orgId: OrgId, expectedVersion: number, settings: OrgSettings, actor: string): Promise<Stored<OrgSettings>> {
    const saved = await this.settingsRepository(orgId).update(ORG_SETTINGS_ID, expectedVersion, settings, actor);
    await this.bumpGeneration();
    return saved;
  }

  private entryKey(orgId: string): string {
    return this.keys.of('org', 'entry', orgId);
  }

  async create(entry: OrgEntry): Promise<void> {
    await this.redis.set(this.entryKey(entry.id), JSON.stringify(orgEntrySchema.parse(entry)));
    await this.redis.sadd(this.keys.of('orgs'), entry.id);
    await this.bumpGeneration();
  }

  async get(orgId: string): Promise<OrgEntry | null> {
    if (!orgIdSchema.safeParse(orgId).success) return null;
    const raw = await this.redis.get(this.entryKey(orgId));
    return raw ? orgEntrySchema.parse(JSON.parse(raw)) : null;
  }

  async setStatus(orgId: OrgId, status: OrgEntry['status']): Promise<void> {
    const entry = await this.get(orgId);
    if (!entry) return;
    await this.redis.set(this.entryKey(orgId), JSON.stringify({ ...entry, status }));
    await this.bumpGeneration();
  }

  async ids(): Promise<OrgId[]> {
    return (await this.redis.smembers(this.keys.of('orgs'))).sort();
  }

  async remove(orgId: OrgId): Promise<void> {
    await this.redis.srem(this.keys.of('orgs'), orgId);
    await this.redis.del(this.entryKey(orgId));
    if ((await this.legacyId()) === orgId) await this.redis.del(this.keys.of('org', 'legacy'));
    await this.bumpGeneration();
  }

  /** The organisation holding the data of the single-municipality version (null on a fresh multi-organisation deployment). */
  async legacyId(): Promise<OrgId | null> {
    return (await this.redis.get(this.keys.of('org', 'legacy'))) as OrgId | null;
  }

  /** Claims the legacy id once (a restart during the upgrade reuses it); returns the id that holds it. */
  async claimLegacyId(candidate: OrgId): Promise<OrgId> {
    await this.redis.set(this.keys.of('org', 'legacy'), candidate, 'NX');
    return (await this.legacyId())!;
  }

  // Bindings: a conversation or team belongs to at most one organisation (SET NX).

  async bindConversation(convKey: string, orgId: OrgId): Promise<OrgId> {
    return this.bind(this.keys.of('org', 'bind', 'conv', convKey), orgId);
  }

  async bindTeam(teamId: string, orgId: OrgId): Promise<OrgId> {
    return this.bind(this.keys.of('org', 'bind', 'team', teamId), orgId);
  }

  private async bind(key: string, orgId: OrgId): Promise<OrgId> {
    const set = await this.redis.set(key, orgId, 'NX');
    if (set) await this.bumpGeneration();
    return ((await this.redis.get(key)) ?? orgId) as OrgId;
  }

  async unbindConversation(convKey: string): Promise<void> {
    await this.redis.del(this.keys.of('org', 'bind', 'conv', convKey));
    await this.bumpGeneration();
  }

  async unbindTeam(teamId: string): Promise<void> {
    await this.redis.del(this.keys.of('org', 'bind', 'team', teamId));
    await this.bumpGeneration();
  }

  /** The organisation of a conversation: its own binding, else its team's. */
  async boundOrg(convKey: string, teamId: string | undefined): Promise<OrgId | null> {
    const [conv, team] = await Promise.all([
      this.redis.get(this.keys.of('org', 'bind', 'conv', convKey)),
      teamId ? this.redis.get(this.keys.of('org', 'bind', 'team', teamId)) : null,
    ]);
    return (conv ?? team) as OrgId | null;
  }

  /** Changes whenever an organisation, binding, status or settings is added, removed or changed: in-process caches compare it. */
  async generation(): Promise<string> {
    return (await this.redis.get(this.keys.of('org', 'gen'))) ?? '0';
  }

  private async bumpGeneration(): Promise<void> {
    await this.redis.incr(this.keys.of('org', 'gen'));
  }

  // The residents' page slug of each organisation (unique).

  async claimSlug(slug: string, orgId: OrgId): Promise<boolean> {
    const set = await this.redis.set(this.keys.of('org', 'slug', slug), orgId, 'NX');
    return set !== null || (await this.redis.get(this.keys.of('org', 'slug', slug))) === orgId;
  }

  async orgOfSlug(slug: string): Promise<OrgId | null> {
    return (await this.redis.get(this.keys.of('org', 'slug', slug))) as OrgId | null;
  }

  async releaseSlug(slug: string, orgId: OrgId): Promise<void> {
    if ((await this.orgOfSlug(slug)) === orgId) await this.redis.del(this.keys.of('org', 'slug', slug));
  }

  // A person's organisations: candidates, each confirmed by the roles it gives (like lookup terms).

  async addMember(aadObjectId: string, orgId: OrgId): Promise<void> {
    await this.redis.sadd(this.keys.of('person', `{${aadObjectId}}`, 'orgs'), orgId);
  }

  async candidateOrgs(aadObjectId: string): Promise<OrgId[]> {
    return (await this.redis.smembers(this.keys.of('person', `{${aadObjectId}}`, 'orgs'))).sort() as OrgId[];
  }

  async dropMember(aadObjectId: string, orgId: OrgId): Promise<void> {
    await this.redis.srem(this.keys.of('person', `{${aadObjectId}}`, 'orgs'), orgId);
  }

  async chosenOrg(aadObjectId: string): Promise<OrgId | null> {
    return (await this.redis.get(this.keys.of('person', `{${aadObjectId}}`, 'orgchoice'))) as OrgId | null;
  }

  async choose(aadObjectId: string, orgId: OrgId): Promise<void> {
    await this.redis.set(this.keys.of('person', `{${aadObjectId}}`, 'orgchoice'), orgId);
  }

  // The deployment's audit trail (kept when an organisation is deleted).

  async audit(entry: Omit<OrgAuditEntry, 'at'>): Promise<void> {
    await this.redis.rpush(this.keys.of('audit', 'orgs'), JSON.stringify(orgAuditEntrySchema.parse({ ...entry, at: this.clock().toISOString() })));
  }

  async auditLines(): Promise<OrgAuditEntry[]> {
    return (await this.redis.lrange(this.keys.of('audit', 'orgs'), 0, -1)).map((l) => orgAuditEntrySchema.parse(JSON.parse(l)));
  }
}
