import type { TurnContext } from 'botbuilder';
import { forumOfConversationTerm, forumsOfPersonTerm, type ForumRecord } from '../domain/forum.js';
import { rolesOf, type Roles } from '../domain/roles.js';
import { STEERING_ID, type SteeringRecord } from '../domain/steering.js';
import { langOf, messages, type Catalog, type Lang } from '../i18n/index.js';
import type { Services } from '../services/services.js';
import type { Person } from '../store/people.js';
import type { Stored } from '../store/versionedRepository.js';
import { baseConversationId } from './activity.js';

/** Everything a handler needs to know about who is asking, where, and in which language. */
export interface RequestContext {
  s: Services;
  lang: Lang;
  m: Catalog;
  aadObjectId: string | undefined;
  /** Actor id for the audit trail: the Entra object id, else the Teams user id. */
  actorId: string;
  userName: string;
  conversationId: string;
  roles: Roles;
  steering: Stored<SteeringRecord> | null;
  /** The user as the people registry knew them at the start of the turn (null: not yet). */
  person: Person | null;
  /**
   * The forums that concern this turn: this conversation's forum (active or not) and the
   * forums that give the user a role. Not every forum (`repos.forums.list()` for that).
   * With `{ personForums: false }` only this conversation's forum, and `roles.forumIds`
   * only what it gives: for handlers that check the one forum they act on themselves.
   */
  forums: Stored<ForumRecord>[];
}

export interface LoadOptions {
  /** Also the forums the user has a role in elsewhere (default true). */
  personForums?: boolean;
  /**
   * The person's linked account that has the role in this organisation, when it is not the
   * activity's own (a personal chat of someone with accounts in several tenants).
   */
  actAs?: string;
}

export async function loadRequestContext(s: Services, ctx: TurnContext, opts: LoadOptions = {}): Promise<RequestContext> {
  const a = ctx.activity;
  const lang = langOf(a.locale, s.config.DEFAULT_LOCALE);
  const aadObjectId = opts.actAs ?? a.from?.aadObjectId;
  const conversationId = baseConversationId(a.conversation?.id ?? '');
  // Only the forums filed under this conversation or this person: the turn's cost and
  // memory do not grow with the number of forums.
  const [steering, person, here, mine] = await Promise.all([
    s.repos.steering.get(STEERING_ID),
    aadObjectId ? s.repos.people.get(aadObjectId) : null,
    s.repos.forums.findBy(forumOfConversationTerm(conversationId)),
    aadObjectId && opts.personForums !== false ? s.repos.forums.findBy(forumsOfPersonTerm(aadObjectId)) : [],
  ]);
  const candidates = [...new Map([...here, ...mine].map((f) => [f.id, f])).values()];
  const roles = rolesOf(
    { aadObjectId, conversationId },
    { chairIds: s.config.CHAIR_IDS, steering: steering?.data ?? null, forums: candidates.map((f) => f.data) },
  );
  // Lookups are candidates: keep those that really are this conversation's or the user's.
  const forums = candidates.filter((f) => f.data.conversationId === conversationId || roles.forumIds.includes(f.id));
  return {
    s,
    lang,
    m: messages(lang),
    aadObjectId,
    actorId: aadObjectId ?? a.from?.id ?? 'unknown',
    userName: a.from?.name ?? '',
    conversationId,
    roles,
    steering,
    person,
    forums,
  };
}

/** Role lines for the help card. */
export function roleLines(rc: RequestContext): string[] {
  const lines: string[] = [];
  if (rc.roles.chair) lines.push(rc.m.help.roleChair);
  else if (rc.roles.steeringMember) lines.push(rc.m.help.roleSteering);
  const names = rc.forums.filter((f) => rc.roles.forumIds.includes(f.id)).map((f) => f.data.name);
  if (names.length) lines.push(rc.m.help.roleForum(names.join(', ')));
  if (lines.length === 0) lines.push(rc.m.help.roleGuest);
  return lines;
}

/** Whether the user has a forum role in this one forum (its channel, member or contact), from its record alone. */
export function hasRoleIn(rc: { aadObjectId?: string; conversationId: string }, forum: ForumRecord): boolean {
  return rolesOf({ aadObjectId: rc.aadObjectId, conversationId: rc.conversationId }, { chairIds: [], steering: null, forums: [forum] }).forumIds.length === 1;
}
