import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import { tenantIsAllowed, type TenantId } from '../../domain/organisation/tenants.js';
import type { AllowedTenants } from '../../store/allowedTenants.js';
import type { OrgRegistry } from '../../store/organisations.js';

/** How long a process trusts its copy of the tenants allowed in Teams. */
const CHECK_MS = 5_000;
const NONE: ReadonlySet<string> = new Set();

export type AllowOutcome = 'allowed' | 'already' | 'open';
export type BlockOutcome = 'blocked' | 'not-allowed' | 'from-env' | 'open';

/**
 * Which tenants may use the bot: ALLOWED_TENANTS (empty = any), plus the tenants an
 * operator allowed in Teams, so a new municipality is onboarded without an env edit or a
 * restart. Checked on every activity, so the set is read at most every 5 s per process
 * (at once after this process changed it); while Redis cannot be read the last copy holds.
 */
export class TenantGate {
  private copy: { at: number; set: Set<string> } | null = null;

  constructor(
    private readonly deps: { config: Config; store: AllowedTenants; registry: OrgRegistry; log: Logger; now?: () => number },
  ) {}

  private get fromEnv(): readonly string[] {
    return this.deps.config.ALLOWED_TENANTS;
  }

  async allows(tenant: string | undefined): Promise<boolean> {
    // ALLOWED_TENANTS alone decides most activities: no Redis read for them.
    if (this.byEnv(tenant)) return true;
    return tenantIsAllowed(this.fromEnv, await this.allowedInTeams(), tenant);
  }

  /** Allowed without the tenants allowed in Teams: no list, or listed in ALLOWED_TENANTS. */
  private byEnv(tenant: string | undefined): boolean {
    return tenantIsAllowed(this.fromEnv, NONE, tenant);
  }

  async list(): Promise<{ fromEnv: readonly string[]; inTeams: string[] }> {
    return { fromEnv: this.fromEnv, inTeams: await this.deps.store.list() };
  }

  async allow(actor: string, tenant: TenantId): Promise<AllowOutcome> {
    if (this.fromEnv.length === 0) return 'open';
    if (this.byEnv(tenant)) return 'already';
    const added = await this.deps.store.add(tenant);
    this.copy = null;
    if (!added) return 'already';
    await this.deps.registry.audit({ actor, action: 'tenant-allowed', tenant });
    this.deps.log.info({ tenant }, 'tenant allowed by an operator');
    return 'allowed';
  }

  async block(actor: string, tenant: TenantId): Promise<BlockOutcome> {
    if (this.fromEnv.length === 0) return 'open';
    if (this.byEnv(tenant)) return 'from-env';
    const removed = await this.deps.store.remove(tenant);
    this.copy = null;
    if (!removed) return 'not-allowed';
    await this.deps.registry.audit({ actor, action: 'tenant-blocked', tenant });
    this.deps.log.info({ tenant }, 'tenant blocked by an operator');
    return 'blocked';
  }

  private async allowedInTeams(): Promise<ReadonlySet<string>> {
    const now = (this.deps.now ?? Date.now)();
    if (this.copy && now - this.copy.at < CHECK_MS) return this.copy.set;
    try {
      this.copy = { at: now, set: new Set(await this.deps.store.list()) };
    } catch {
      // Redis unreachable: keep what we had (nothing, at start: only ALLOWED_TENANTS).
      return this.copy?.set ?? NONE;
    }
    return this.copy.set;
  }
}
