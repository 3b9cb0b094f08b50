import type { Activity } from 'botbuilder';
import { conversationKey } from '../domain/conversation.js';
import { rolesOf } from '../domain/roles.js';
import { STEERING_ID } from '../domain/steering.js';
import { forumsOfPersonTerm } from '../domain/forum.js';
import type { Platform } from '../services/platform.js';
import type { Services } from '../services/services.js';
import { baseConversationId, conversationKindOf, teamOf } from './activity.js';

/** Which organisation a turn is about. */
export type OrgResolution =
  /** `actAs`: the person's linked account that has the role there, when not the activity's own. */
  | { kind: 'org'; s: Services; bound: boolean; actAs?: string }
  /** Not part of any organisation here (yet): only person-wide commands work. */
  | { kind: 'none' }
  /** A personal chat of someone in several organisations, with no (valid) choice remembered. */
  | { kind: 'choose'; orgs: Services[] };

/**
 * A channel or group chat belongs to at most one organisation (its own binding, else its
 * team's). A personal chat belongs to the person: with one organisation it just works,
 * with several the remembered choice, or a choice card when a command needs one. A
 * deployment with a single organisation resolves every conversation to it (as before
 * organisations existed). Card data may name the organisation (`org`): in a bound
 * conversation it must be that one; in a personal chat the person must have a role there.
 */
export async function resolveOrg(platform: Platform, activity: Partial<Activity>, requested?: string): Promise<OrgResolution> {
  const orgs = platform.orgs;
  const convKey = conversationKey(baseConversationId(activity.conversation?.id ?? ''));
  const { teamId } = teamOf(activity);
  const bound = await orgs.registry.boundOrg(convKey, teamId);
  if (bound) {
    if (requested && requested !== bound) return { kind: 'none' };
    const s = await orgs.services(bound);
    return s ? { kind: 'org', s, bound: true } : { kind: 'none' };
  }
  const aad = activity.from?.aadObjectId;
  const personal = conversationKindOf(activity) === 'personal';
  if (requested) {
    // Card data is untrusted like every id in it: the organisation's own handlers check the
    // person's roles there (as they check the forum, promise or meeting the card names).
    const s = await orgs.services(requested);
    const account = s && aad ? await accountWithRole(platform, s, aad, activity) : undefined;
    if (s && account) return withActor(s, account, aad);
    // No role there: the organisation's own handlers refuse, as they do for any id in card data.
    return s ? { kind: 'org', s, bound: false } : { kind: 'none' };
  }
  const active = await orgs.activeIds();
  if (active.length === 1) {
    const s = await orgs.services(active[0]!);
    return s ? { kind: 'org', s, bound: false } : { kind: 'none' };
  }
  if (!aad) return { kind: 'none' };
  // A channel is never a person's: only the actor's own account counts there.
  const mine = personal ? await myOrgAccounts(platform, aad, activity) : await ownChairOrgs(platform, aad, activity);
  if (mine.length === 0) return { kind: 'none' };
  if (mine.length === 1) return withActor(mine[0]!.s, mine[0]!.aad, aad);
  const { pid } = await platform.repos.personLinks.accountsOf(aad);
  const chosen = await orgs.registry.chosenOrg(pid);
  const pick = mine.find((m) => m.s.org.id === chosen);
  return pick ? withActor(pick.s, pick.aad, aad) : { kind: 'choose', orgs: mine.map((m) => m.s) };
}

function withActor(s: Services, account: string, aad: string | undefined): OrgResolution {
  return account === aad ? { kind: 'org', s, bound: false } : { kind: 'org', s, bound: false, actAs: account };
}

/** An organisation of a person, and which of their linked accounts has the role there. */
export interface OrgOfPerson {
  s: Services;
  aad: string;
}

/**
 * The organisations of the person behind `aad`, over all their linked accounts: candidates
 * from each account's memberships, each confirmed by the roles that account has there. One
 * entry per organisation (the first account, by id, with a role there), sorted by id.
 */
export async function myOrgAccounts(platform: Platform, aad: string, activity: Partial<Activity>, only?: 'chair' | 'steering'): Promise<OrgOfPerson[]> {
  const { accounts } = await platform.repos.personLinks.accountsOf(aad);
  const found = new Map<string, OrgOfPerson>();
  for (const account of accounts.map((a) => a.aad).sort()) {
    for (const id of await platform.repos.orgs.candidateOrgs(account)) {
      if (found.has(id)) continue;
      const s = await platform.orgs.services(id);
      if (s && (await qualifies(s, account, activity, only))) found.set(id, { s, aad: account });
    }
  }
  return [...found.values()].sort((a, b) => a.s.org.id.localeCompare(b.s.org.id));
}

/** The organisations where the person has a role, over all their linked accounts; `only` narrows it to chairs, or to the steering group (members and chairs). */
export async function myOrgs(platform: Platform, aad: string, activity: Partial<Activity>, only?: 'chair' | 'steering'): Promise<Services[]> {
  return (await myOrgAccounts(platform, aad, activity, only)).map((m) => m.s);
}

async function ownChairOrgs(platform: Platform, aad: string, activity: Partial<Activity>): Promise<OrgOfPerson[]> {
  const out: OrgOfPerson[] = [];
  for (const id of await platform.repos.orgs.candidateOrgs(aad)) {
    const s = await platform.orgs.services(id);
    if (s && (await qualifies(s, aad, activity, 'chair'))) out.push({ s, aad });
  }
  return out;
}

/** The person's account (the activity's own first) that has a role in this organisation. */
export async function accountWithRole(platform: Platform, s: Services, aad: string, activity: Partial<Activity>): Promise<string | undefined> {
  if (await qualifies(s, aad, activity)) return aad;
  if (conversationKindOf(activity) !== 'personal') return undefined;
  const { accounts } = await platform.repos.personLinks.accountsOf(aad);
  for (const a of accounts.map((x) => x.aad).sort()) if (a !== aad && (await qualifies(s, a, activity))) return a;
  return undefined;
}

async function qualifies(s: Services, aad: string, activity: Partial<Activity>, only?: 'chair' | 'steering'): Promise<boolean> {
  const r = await rolesIn(s, aad, activity);
  return only === 'chair' ? r.chair : only === 'steering' ? r.chair || r.steeringMember : r.chair || r.steeringMember || r.forumIds.length > 0;
}

async function rolesIn(s: Services, aad: string, activity: Partial<Activity>) {
  const [steering, forums] = await Promise.all([s.repos.steering.get(STEERING_ID), s.repos.forums.findBy(forumsOfPersonTerm(aad))]);
  return rolesOf({ aadObjectId: aad, conversationId: baseConversationId(activity.conversation?.id ?? '') }, { chairIds: s.config.CHAIR_IDS, steering: steering?.data ?? null, forums: forums.map((f) => f.data) });
}

