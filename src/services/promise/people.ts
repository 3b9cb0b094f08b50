import type { KnownOwner } from '../../domain/promise/actionForm.js';
import type { Services } from '../services.js';

/** At most this many people in an owner list: a card must stay small (Teams: ~40 KB). */
const MAX_OWNERS = 150;

/**
 * Who may own an action item: people the bot has seen act (newest first), plus the
 * current owners of existing items (so editing an item never loses its owner).
 */
export async function knownOwners(s: Services): Promise<KnownOwner[]> {
  const people = await s.repos.people.list();
  const out = new Map<string, KnownOwner>();
  for (const p of people.slice(0, MAX_OWNERS)) out.set(p.aadObjectId, { aadObjectId: p.aadObjectId, name: p.name });
  for (const promise of await s.repos.promises.list()) {
    for (const c of promise.data.commitments) for (const a of c.actions) if (!out.has(a.ownerAadObjectId)) out.set(a.ownerAadObjectId, { aadObjectId: a.ownerAadObjectId, name: a.ownerName });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
