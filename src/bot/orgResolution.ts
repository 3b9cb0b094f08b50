import type { Activity } from 'botbuilder';
import { conversationKey } from '../domain/conversation.js';
import type { OrgId } from '../domain/organisation/organisation.js';
import { rolesOf } from '../domain/roles.js';
import { STEERING_ID } from '../domain/steering.js';
import { forumsOfPersonTerm } from '../domain/forum.js';
import type { Platform } from '../services/platform.js';
import type { Services } from '../services/services.js';
import { baseConversationId, conversationKindOf, teamOf } from './activity.js';

/** Which organisation a turn is about. */
export type OrgResolution =
  | { kind: 'org'; s: Services; bound: boolean }
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
    return s ? { kind: 'org', s, bound: false } : { kind: 'none' };
  }
  const active = await orgs.activeIds();
  if (active.length === 1) {
    const s = await orgs.services(active[0]!);
    return s ? { kind: 'org', s, bound: false } : { kind: 'none' };
  }
  if (!aad) return { kind: 'none' };
  const mine = await myOrgs(platform, aad, activity, personal ? undefined : 'chair');
  if (mine.length === 0) return { kind: 'none' };
  if (mine.length === 1) return { kind: 'org', s: mine[0]!, bound: false };
  const chosen = await orgs.registry.chosenOrg(aad);
  const pick = mine.find((s) => s.org.id === chosen);
  return pick ? { kind: 'org', s: pick, bound: false } : { kind: 'choose', orgs: mine };
}

/**
 * The organisations where the person has a role (or is a chair), checked against each one's
 * records; `only` narrows it to chairs, or to the steering group (members and chairs).
 */
export async function myOrgs(platform: Platform, aad: string, activity: Partial<Activity>, only?: 'chair' | 'steering'): Promise<Services[]> {
  const candidates = await platform.repos.orgs.candidateOrgs(aad);
  const out: Services[] = [];
  for (const id of candidates) {
    const s = await platform.orgs.services(id);
    if (!s) continue;
    const roles = await rolesIn(s, aad, activity);
    const has = only === 'chair' ? roles.chair : only === 'steering' ? roles.chair || roles.steeringMember : roles.chair || roles.steeringMember || roles.forumIds.length > 0;
    if (has) out.push(s);
  }
  return out;
}

async function rolesIn(s: Services, aad: string, activity: Partial<Activity>) {
  const [steering, forums] = await Promise.all([s.repos.steering.get(STEERING_ID), s.repos.forums.findBy(forumsOfPersonTerm(aad))]);
  return rolesOf({ aadObjectId: aad, conversationId: baseConversationId(activity.conversation?.id ?? '') }, { chairIds: s.config.CHAIR_IDS, steering: steering?.data ?? null, forums: forums.map((f) => f.data) });
}

export type { OrgId };
