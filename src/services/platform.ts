import type { Logger } from 'pino';
import type { Queues } from '../../jobs/queues.js';
import type { Config } from '../config.js';
import type { OrgId } from '../domain/organisation/organisation.js';
import { LinkSigner } from '../http/signedLink.js';
import type { Keys } from '../store/keys.js';
import { FairPriorities } from '../store/fairPriority.js';
import { ORG_SETTINGS_ID, type OrgRegistry } from '../store/organisations.js';
import { createGlobalRepositories, type GlobalRepositories } from '../store/repositories.js';
import type { RedisClient } from '../store/redis.js';
import { AllowedTenants } from '../store/allowedTenants.js';
import { TenantGate } from './orgs/tenantGate.js';
import { createServices, type Services } from './services.js';

/** What the process shares across organisations: configuration, connections, queues, the registry. */
export interface Platform {
  config: Config;
  redis: RedisClient;
  keys: Keys;
  queues: Queues;
  clock: () => Date;
  log: Logger;
  links: LinkSigner;
  repos: GlobalRepositories;
  /** Virtual-time priorities of every organisation's jobs (one key per queue and organisation). */
  fairness: FairPriorities;
  orgs: OrgDirectory;
  /** Which tenants may use the bot (ALLOWED_TENANTS and those allowed in Teams). */
  tenants: TenantGate;
}

export function createPlatform(deps: { config: Config; redis: RedisClient; keys: Keys; queues: Queues; clock: () => Date; log: Logger }): Platform {
  const global = createGlobalRepositories(deps.redis, deps.keys, deps.clock);
  const tenants = new TenantGate({ config: deps.config, store: new AllowedTenants(deps.redis, deps.keys), registry: global.orgs, log: deps.log });
  const platform: Platform = { ...deps, links: new LinkSigner(deps.config.LINK_SECRET), repos: global, fairness: new FairPriorities(deps.redis, deps.keys), tenants, orgs: undefined as unknown as OrgDirectory };
  platform.orgs = new OrgDirectory(platform);
  return platform;
}

/**
 * How long a process trusts what it has read of the registry before asking again whether
 * anything changed (one GET of its generation for the whole process, whatever the number
 * of organisations): another process's settings save or status change shows within this.
 */
export const SETTINGS_CHECK_MS = 5_000;
const MAX_CACHED = 1_000;

/**
 * Each organisation's Services, built once per process and kept while the registry is
 * unchanged. Every settings save, status change and binding bumps the registry's
 * generation; the process reads it at most every 5 s (at once after it saved or changed
 * something itself) and re-reads an organisation's entry and settings only after it moved.
 * So a turn in an organisation already seen costs no registry reads, however many
 * organisations take turns in between.
 */
export class OrgDirectory {
  /** `gen`: the registry's generation read before the entry and settings were. */
  private readonly cache = new Map<OrgId, { s: Services; version: number; gen: string }>();
  private legacy: { id: OrgId | null; at: number } | null = null;
  private checked: { gen: string; at: number } | null = null;
  private checking: Promise<string> | null = null;

  constructor(
    private readonly platform: Platform,
    /** Milliseconds now: the check interval's clock (real time, not the domain clock). */
    private readonly now: () => number = Date.now,
  ) {}

  get registry(): OrgRegistry {
    return this.platform.repos.orgs;
  }

  /** The organisation's Services; null when it does not exist or is being deleted. */
  async services(orgId: string): Promise<Services | null> {
    const gen = await this.generation();
    const hit = this.cache.get(orgId as OrgId);
    if (hit && hit.gen === gen) return hit.s.org.entry.status === 'active' ? hit.s : null;
    const [entry, settings] = await Promise.all([this.registry.get(orgId), this.registry.settingsRepository(orgId as OrgId).get(ORG_SETTINGS_ID)]);
    if (!entry || !settings) {
      this.cache.delete(orgId as OrgId);
      return null;
    }
    const s = hit && hit.version === settings.version && hit.s.org.entry.status === entry.status ? hit.s : createServices(this.platform, { entry, settings });
    if (this.cache.size >= MAX_CACHED && !hit) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(entry.id, { s, version: settings.version, gen });
    return entry.status === 'active' ? s : null;
  }

  /** The registry's generation as this process last read it, read again when older than SETTINGS_CHECK_MS (one GET at a time). */
  private async generation(): Promise<string> {
    if (this.checked && this.now() - this.checked.at < SETTINGS_CHECK_MS) return this.checked.gen;
    this.checking ??= this.registry
      .generation()
      .then((gen) => {
        this.checked = { gen, at: this.now() };
        return gen;
      })
      .finally(() => (this.checking = null));
    return this.checking;
  }

  /** Same as `services` but throws: for jobs and routes that already know the organisation exists. */
  async require(orgId: string): Promise<Services> {
    const s = await this.services(orgId);
    if (!s) throw new Error(`organisation ${orgId} not found or leaving`);
    return s;
  }

  /** Forget the cached Services and what was read of the registry (after this process saved settings or changed a status). */
  invalidate(orgId: string): void {
    this.cache.delete(orgId as OrgId);
    this.legacy = null;
    this.checked = null;
  }

  /** The upgraded single-municipality organisation (jobs and links from before the upgrade belong to it). */
  async legacyId(): Promise<OrgId | null> {
    const now = Date.now();
    if (this.legacy && now - this.legacy.at < SETTINGS_CHECK_MS) return this.legacy.id;
    const id = await this.registry.legacyId();
    this.legacy = { id, at: now };
    return id;
  }

  /** The Services of a job's organisation: named in its data, else (queued before the upgrade) the legacy one. */
  async forJob(data: { orgId?: string } | undefined): Promise<Services | null> {
    const orgId = data?.orgId ?? (await this.legacyId());
    return orgId ? this.services(orgId) : null;
  }

  private active: { gen: string; ids: OrgId[] } | null = null;

  /** Active organisations; re-read only when the registry's generation changed (one GET otherwise). */
  async activeIds(): Promise<OrgId[]> {
    const gen = await this.registry.generation();
    if (this.active?.gen === gen) return this.active.ids;
    const ids = await this.registry.ids();
    const entries = await Promise.all(ids.map((id) => this.registry.get(id)));
    const active = entries.filter((e) => e?.status === 'active').map((e) => e!.id);
    this.active = { gen, ids: active };
    return active;
  }
}
