import { TeamsInfo, type TurnContext } from 'botbuilder';
import { STEERING_ID } from '../domain/steering.js';
import { steeringRosterChanged } from '../services/calendar/steeringRosterChanged.js';
import type { Services } from '../services/services.js';
import { teamOf } from './activity.js';
import type { RequestContext } from './requestContext.js';

/**
 * Acting in the steering channel or a forum's channel proves membership there; remember
 * it so the same person is recognised in a 1:1 chat too.
 */
export async function recordMembership(rc: RequestContext, opts: { namedByCard?: boolean } = {}): Promise<void> {
  const aad = rc.aadObjectId;
  if (!aad) return;
  // Known people (name, last seen) are who a chair can make an action item's owner.
  // Someone talking to the organisation's bot joins its list of people (the owner picker). A
  // card naming an organisation outside its own conversations does so only with a role there:
  // pressing another organisation's card must not file the presser in it.
  const hasRole = rc.roles.chair || rc.roles.steeringMember || rc.roles.forumIds.length > 0;
  const member = hasRole || !opts.namedByCard;
  if (rc.userName) await (member ? rc.s.repos.people : rc.s.platform.repos.people).seen(aad, rc.userName, rc.person);
  // The person's organisations, for their personal chat and person-wide commands (candidates, checked when read).
  if (member) await rc.s.platform.repos.orgs.addMember(aad, rc.s.org.id);
  const steering = rc.steering?.data;
  if (steering && steering.conversationId === rc.conversationId && !steering.memberIds.includes(aad)) {
    await rc.s.repos.steering.mutate(STEERING_ID, aad, 'member-seen', (cur) =>
      cur && !cur.memberIds.includes(aad) ? { ...cur, memberIds: [...cur.memberIds, aad] } : null,
    );
  }
  for (const f of rc.forums) {
    if (f.data.active && f.data.conversationId === rc.conversationId && !f.data.memberIds.includes(aad)) {
      await rc.s.repos.forums.mutate(f.id, aad, 'member-seen', (cur) => (cur && !cur.memberIds.includes(aad) ? { ...cur, memberIds: [...cur.memberIds, aad] } : null));
    }
  }
}

/**
 * Teams says people joined or left a team. If it is the steering channel's team, those who
 * left stop being steering members and (Graph on) the meetings' invitations follow.
 */
export async function rosterChanged(s: Services, ctx: TurnContext): Promise<void> {
  const { teamId } = teamOf(ctx.activity);
  if (!teamId) return;
  const removedAadIds = (ctx.activity.membersRemoved ?? []).flatMap((m) => (m.aadObjectId ? [m.aadObjectId] : []));
  const occasion = String(ctx.activity.id ?? s.clock().getTime()).replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 60);
  await steeringRosterChanged(s, { teamId, removedAadIds, occasion });
}

const ROSTER_PAGE = 500;
const ROSTER_MAX_PAGES = 20;

/**
 * Everyone in this conversation's roster (Teams' paged members) becomes a known person,
 * so a chair can make them an action item's owner before they have said anything to the
 * bot. Best effort: a roster Teams will not give is logged, never a failed turn.
 */
export async function importRoster(s: Services, ctx: TurnContext): Promise<number> {
  let known = 0;
  try {
    let token: string | undefined;
    for (let page = 0; page < ROSTER_MAX_PAGES; page++) {
      const result = await TeamsInfo.getPagedMembers(ctx, ROSTER_PAGE, token);
      for (const m of result.members) {
        if (!m.aadObjectId || !m.name) continue;
        await s.repos.people.seen(m.aadObjectId, m.name);
        known++;
      }
      token = result.continuationToken;
      if (!token) break;
    }
  } catch (e) {
    s.log.warn({ err: (e as Error).message, conversation: ctx.activity.conversation?.conversationType }, 'roster not available');
  }
  return known;
}
