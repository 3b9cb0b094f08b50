import { z } from 'zod';

/** A Microsoft 365 tenant (Entra directory) id: a GUID, compared in lower case. */
export const tenantIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'expected a tenant id (GUID)')
  .transform((s) => s.toLowerCase());
export type TenantId = z.infer<typeof tenantIdSchema>;

/**
 * Whether an activity's tenant may use the bot: any tenant when the deployment lists none
 * (ALLOWED_TENANTS empty), else one of ALLOWED_TENANTS or of those an operator allowed in
 * Teams (`tillåt klient`). An activity without a tenant is not allowed when there is a list.
 */
export function tenantIsAllowed(fromEnv: readonly string[], allowedInTeams: ReadonlySet<string>, tenant: string | undefined): boolean {
  if (fromEnv.length === 0) return true;
  if (!tenant) return false;
  const t = tenant.toLowerCase();
  return fromEnv.some((e) => e.toLowerCase() === t) || allowedInTeams.has(t);
}
