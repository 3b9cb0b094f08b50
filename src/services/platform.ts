import type { Logger } from 'pino';
import type { Queues } from '../../jobs/queues.js';
import type { Config } from '../config.js';
import { conversationLookupTerms, conversationRecordSchema } from '../domain/conversation.js';
import type { OrgId } from '../domain/organisation/organisation.js';
import { LinkSigner } from '../http/signedLink.js';
import type { Keys } from '../store/keys.js';
import { Markers } from '../store/markers.js';
import { FairPriorities } from '../store/fairPriority.js';
import { MetricsStore } from '../store/metrics.js';
import { OrgRegistry } from '../store/organisations.js';
import { PeopleRegistry } from '../store/people.js';
import { PersonLinks } from '../store/personLinks.js';
import type { RedisClient } from '../store/redis.js';
import { VersionedRepository } from '../store/versionedRepository.js';
import { AllowedTenants } from '../store/allowedTenants.js';
import { TenantGate } from './orgs/tenantGate.js';
import { createServices, type Services } from './services.js';

/** The deployment's own records: not any one organisation's. */
export function createGlobalRepositories(redis: RedisClient, keys: Keys, clock: () => Date) {
  return {
    /** Every conversation the bot is in, keyed by `conversationKey(conversationId)`; bound to ≤ 1 organisation. */
    conversations: new VersionedRepository(redis, keys, 'conversation', conversationRecordSchema, clock, { lookupTerms: conversationLookupTerms }),
    /** Names of everyone the bot has seen (each organisation lists only its own). */
    people: new PeopleRegistry(redis, keys, clock),
    /** Turn (idempotency) and personal-export markers. */
    markers: new Markers(redis, keys),
    /** Counters and the delivery-latency histogram behind GET /metrics. */
    metrics: new MetricsStore(redis, keys),
    orgs: new OrgRegistry(redis, keys, clock),
    /** A person's linked accounts (Entra ids per tenant): the person's own, across organisations. */
    personLinks: new PersonLinks(redis, keys, clock),
  };
}
export type GlobalRepositories = ReturnType<typeof createGlobalRepositories>;

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

/** How long a process keeps an organisation's Services before checking its settings and status again. */
export const SETTINGS_CHECK_MS = 5_000;
const MAX_CACHED = 1_000;

/**
 * Each organisation's Services, built once per process and kept while its settings are
 * unchanged (checked at most every 5 s, and at once after this process saved them): a turn
 * costs no registry reads for an organisation already seen.
 */
export class OrgDirectory {
  private readonly cache = new Map<OrgId, { s: Services; version: number; checkedAt: number }>();
  private legacy: { id: OrgId | null; at: number } | null = null;

  constructor(private readonly platform: Platform) {}

  get registry(): OrgRegistry {
    return this.platform.repos.orgs;
  }

  /** The organisation's Services; null when it does not exist or is being deleted. */
  async services(orgId: string): Promise<Services | null> {
    const now = Date.now();
    const hit = this.cache.get(orgId as OrgId);
    if (hit && now - hit.checkedAt < SETTINGS_CHECK_MS) return hit.s.org.entry.status === 'active' ? hit.s : null;
    const [entry, settings] = await Promise.all([this.registry.get(orgId), this.registry.settingsRepository(orgId as OrgId).get('self')]);
    if (!entry || !settings) {
      this.cache.delete(orgId as OrgId);
      return null;
    }
    const s = hit && hit.version === settings.version && hit.s.org.entry.status === entry.status ? hit.s : createServices(this.platform, { entry, settings });
    if (this.cache.size >= MAX_CACHED && !hit) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(entry.id, { s, version: settings.version, checkedAt: now });
    return entry.status === 'active' ? s : null;
  }

  /** Same as `services` but throws: for jobs and routes that already know the organisation exists. */
  async require(orgId: string): Promise<Services> {
    const s = await this.services(orgId);
    if (!s) throw new Error(`organisation ${orgId} not found or leaving`);
    return s;
  }

  /** Forget the cached Services (after a settings save or a status change). */
  invalidate(orgId: string): void {
    this.cache.delete(orgId as OrgId);
    this.legacy = null;
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
