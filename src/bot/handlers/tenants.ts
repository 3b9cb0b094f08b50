/**
 * `tillåt klient <id>` / `spärra klient <id>` / `klienter` (operators): which Microsoft 365
 * tenants may use this deployment, on top of ALLOWED_TENANTS — so a new municipality is
 * onboarded from Teams, without an env edit or a restart. Answered before (and without)
 * resolving an organisation; audited in the deployment's trail.
 */
import type { TurnContext } from 'botbuilder';
import type { Command } from '../../domain/commands.js';
import { tenantIdSchema } from '../../domain/organisation/tenants.js';
import type { Catalog } from '../../i18n/index.js';
import type { Platform } from '../../services/platform.js';
import { replyText } from '../reply.js';

type TenantCommand = Extract<Command, { name: 'allowTenant' | 'blockTenant' | 'listTenants' }>;

export async function tenantCommand(p: Platform, ctx: TurnContext, m: Catalog, cmd: TenantCommand): Promise<void> {
  const t = m.organisations.tenants;
  const aad = ctx.activity.from?.aadObjectId;
  if (!aad || !p.config.OPERATOR_IDS.includes(aad)) return replyText(ctx, t.notOperator);
  if (cmd.name === 'listTenants') {
    const { fromEnv, inTeams } = await p.tenants.list();
    if (fromEnv.length === 0) return replyText(ctx, t.open);
    return replyText(ctx, [`**${t.listTitle}**`, t.listEnv(fromEnv.join(', ')), t.listTeams(inTeams.join(', ') || t.listNone)].join('\n\n'));
  }
  const id = tenantIdSchema.safeParse(cmd.arg ?? '');
  if (!id.success) return replyText(ctx, t.badId);
  if (cmd.name === 'allowTenant') {
    const outcome = await p.tenants.allow(aad, id.data);
    return replyText(ctx, outcome === 'open' ? t.open : outcome === 'already' ? t.alreadyAllowed(id.data) : t.allowed(id.data));
  }
  const outcome = await p.tenants.block(aad, id.data);
  return replyText(ctx, outcome === 'open' ? t.open : outcome === 'from-env' ? t.fromEnv(id.data) : outcome === 'not-allowed' ? t.notAllowed(id.data) : t.blocked(id.data));
}
