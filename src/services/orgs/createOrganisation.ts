import { newOrgId, type OrgEntry } from '../../domain/organisation/organisation.js';
import { newOrgSettings, orgSettingsSchema, slugOf, type OrgSettings } from '../../domain/organisation/orgSettings.js';
import { STEERING_ID } from '../../domain/steering.js';
import type { Platform } from '../platform.js';
import type { Services } from '../services.js';

export type CreateOrgResult = { ok: true; s: Services } | { ok: false; reason: 'team-bound'; boundTo: string };

/**
 * A new organisation in a team's channel: bound to the team and the channel (each to at
 * most one organisation), that channel its steering channel, the creator its first chair;
 * every setting taken from the deployment's defaults now. Audited in the deployment's trail.
 */
export async function createOrganisation(
  platform: Platform,
  req: { name: string; actor: string; conversationId: string; convKey: string; teamId: string; tenantId?: string },
): Promise<CreateOrgResult> {
  const registry = platform.repos.orgs;
  const boundTeam = await registry.boundOrg(req.convKey, req.teamId);
  if (boundTeam) return { ok: false, reason: 'team-bound', boundTo: boundTeam };
  const id = newOrgId();
  const slug = await freeSlug(platform, slugOf(req.name), id);
  const settings: OrgSettings = newOrgSettings(platform.config, req.name, req.actor, slug);
  const entry: OrgEntry = { id, status: 'active', createdAt: platform.clock().toISOString(), legacy: false, teamId: req.teamId, tenantId: req.tenantId };
  await registry.settingsRepository(id).create('self', orgSettingsSchema.parse(settings), req.actor, 'create');
  // Bind before the registry lists it, so no turn sees the organisation without its team.
  const team = await registry.bindTeam(req.teamId, id);
  if (team !== id) {
    await registry.releaseSlug(slug, id);
    return { ok: false, reason: 'team-bound', boundTo: team };
  }
  await registry.bindConversation(req.convKey, id);
  await registry.create(entry);
  await registry.addMember(req.actor, id);
  await registry.audit({ actor: req.actor, action: 'created', org: id });
  const s = await platform.orgs.require(id);
  await s.repos.steering.create(STEERING_ID, { conversationId: req.conversationId, registeredBy: req.actor, registeredAt: platform.clock().toISOString(), extraChairIds: [], memberIds: [req.actor] }, req.actor, 'register');
  return { ok: true, s };
}

/** The name's slug, or with -2, -3 … when another organisation has it. */
async function freeSlug(platform: Platform, base: string, id: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 60)}-${n}`;
    if (await platform.repos.orgs.claimSlug(candidate, id as never)) return candidate;
  }
  return `${base.slice(0, 54)}-${id}`;
}
