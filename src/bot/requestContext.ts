import type { TurnContext } from 'botbuilder';
import type { ForumRecord } from '../domain/forum.js';
import { rolesOf, type Roles } from '../domain/roles.js';
import { STEERING_ID, type SteeringRecord } from '../domain/steering.js';
import { langOf, messages, type Catalog, type Lang } from '../i18n/index.js';
import type { Services } from '../services/services.js';
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
  forums: Stored<ForumRecord>[];
}

export async function loadRequestContext(s: Services, ctx: TurnContext): Promise<RequestContext> {
  const a = ctx.activity;
  const lang = langOf(a.locale, s.config.DEFAULT_LOCALE);
  const [steering, forums] = await Promise.all([s.repos.steering.get(STEERING_ID), s.repos.forums.listCached()]);
  const aadObjectId = a.from?.aadObjectId;
  const conversationId = baseConversationId(a.conversation?.id ?? '');
  const roles = rolesOf(
    { aadObjectId, conversationId },
    { chairIds: s.config.CHAIR_IDS, steering: steering?.data ?? null, forums: forums.map((f) => f.data) },
  );
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
