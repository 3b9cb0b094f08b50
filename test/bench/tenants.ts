/**
 * Scenario — tenants: fan-out (the T−21 prompt and a reminder to every forum, enqueued by
 * promptForums/remindForums) of one organisation per tenant, three tenants at once, through
 * one worker process, against a fake connector that allows each tenant 50 requests in any
 * sliding second (Teams' per-app-per-tenant limit) and answers 429 above it. Baseline, same
 * run: one tenant's organisation alone, same messages per tenant. Teams' limit is per
 * tenant, so three tenants should go out three times as fast.
 */
import { promptForums } from '../../src/services/inputs/prompts.js';
import { remindForums } from '../../src/services/inputs/reminders.js';
import { drain, startNotifyWorld, TENANT_LIMIT_PER_SECOND, TENANTS } from './lib/notifyWorld.js';
import { meeting } from './lib/world.js';
import { seedOrg } from './lib/orgWorld.js';
import { round } from './lib/stats.js';

export interface TenantsOptions {
  redisUrl: string;
  /** Forums per organisation (two messages each). */
  forums: number;
  log: (line: string) => void;
}

export interface TenantsArm {
  tenants: number;
  messages: number;
  sent: number;
  seconds: number;
  perSecond: number;
  perTenant: Record<string, number>;
  /** 429s of the connector's tenant limit: all, and after the first two seconds. */
  refusals: { total: number; steady: number };
  drained: boolean;
}

export interface TenantsResult {
  allowedPerTenant: number;
  one: TenantsArm;
  three: TenantsArm;
  /** three.perSecond / (3 × one.perSecond). */
  ratio: number;
}

async function arm(o: TenantsOptions, tenants: number): Promise<TenantsArm> {
  const world = await startNotifyWorld(o.redisUrl, `bench-tenants${tenants}`);
  try {
    const orgs = [];
    for (let i = 0; i < tenants; i++) orgs.push(await seedOrg(world.platform, world.connector.url, { label: `t${tenants}-${i}`, forums: o.forums, tenantId: TENANTS[i] }));
    // The plans' invitations went to steering channels; only this scenario's notices count.
    await drain(world, 30_000);
    world.connector.received.length = 0;
    world.connector.requests.length = 0;
    const meetings = await Promise.all(orgs.map((org) => meeting(org.s, org.meetingId)));
    await Promise.all(
      orgs.map(async (org, i) => {
        await promptForums(org.s, meetings[i]!.data, 'bench');
        await remindForums(org.s, meetings[i]!.data, 'bench');
      }),
    );
    const messages = tenants * o.forums * 2;
    const drained = await drain(world, Math.max(60_000, (3 * o.forums * 2 * 1000) / TENANT_LIMIT_PER_SECOND), o.log);
    const accepted = world.connector.requests.filter((r) => r.status === 200);
    const first = Math.min(...accepted.map((r) => r.at));
    const last = Math.max(...accepted.map((r) => r.at));
    const seconds = (last - first) / 1000;
    const perTenant: Record<string, number> = {};
    for (const t of TENANTS.slice(0, tenants)) {
      const mine = accepted.filter((r) => r.tenantId === t).map((r) => r.at);
      perTenant[t] = mine.length > 1 ? round((mine.length - 1) / ((Math.max(...mine) - Math.min(...mine)) / 1000), 1) : 0;
    }
    const refused = world.connector.requests.filter((r) => r.status === 429);
    const result: TenantsArm = {
      tenants,
      messages,
      sent: world.connector.received.length,
      seconds: round(seconds, 1),
      perSecond: round(accepted.length > 1 ? (accepted.length - 1) / seconds : 0, 1),
      perTenant,
      refusals: { total: refused.length, steady: refused.filter((r) => r.at - first > 2000).length },
      drained,
    };
    o.log(`  ${tenants} tenant(s): ${result.sent}/${messages} sent in ${result.seconds} s, ${result.perSecond}/s, 429s ${result.refusals.total} (steady ${result.refusals.steady})`);
    return result;
  } finally {
    await world.close();
  }
}

export async function runTenants(o: TenantsOptions): Promise<TenantsResult> {
  const one = await arm(o, 1);
  const three = await arm(o, 3);
  return { allowedPerTenant: TENANT_LIMIT_PER_SECOND, one, three, ratio: round(three.perSecond / (3 * one.perSecond), 3) };
}
