import type { Platform } from '../platform.js';
import type { Services } from '../services.js';

/**
 * The organisations a person's accounts take part in, for person-wide views (`mina
 * åtgärder`, `exportera mina data`, the digest): the memberships recorded when a role was
 * used, and in a deployment with one organisation that one (as before organisations
 * existed, where an owner never seen in a channel still had their items). Sorted by id.
 */
export async function personOrgs(p: Platform, accounts: readonly string[]): Promise<Services[]> {
  const ids = new Set<string>();
  for (const a of accounts) for (const id of await p.repos.orgs.candidateOrgs(a)) ids.add(id);
  const active = await p.orgs.activeIds();
  if (active.length === 1) ids.add(active[0]!);
  const out: Services[] = [];
  for (const id of [...ids].sort()) {
    const s = await p.orgs.services(id);
    if (s) out.push(s);
  }
  return out;
}

/** All accounts of the person behind `aad` (itself first when unlinked), sorted. */
export async function accountsOfPerson(p: Platform, aad: string): Promise<{ pid: string; accounts: string[] }> {
  const person = await p.repos.personLinks.accountsOf(aad);
  return { pid: person.pid, accounts: [...new Set([aad, ...person.accounts.map((a) => a.aad)])].sort() };
}
