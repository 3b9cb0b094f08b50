import type { ForumRecord } from './forum.js';
import type { SteeringRecord } from './steering.js';

/**
 * Who the user is here. Identity is the Teams user's Entra object id from the activity,
 * never anything in card data; channel membership is proven by acting in that channel.
 */
export interface Actor {
  aadObjectId?: string;
  conversationId: string;
}

export interface Roles {
  chair: boolean;
  steeringMember: boolean;
  forumIds: string[];
}

export function rolesOf(actor: Actor, ctx: { chairIds: readonly string[]; steering: SteeringRecord | null; forums: readonly ForumRecord[] }): Roles {
  const aad = actor.aadObjectId;
  const chair = !!aad && (ctx.chairIds.includes(aad) || (ctx.steering?.extraChairIds.includes(aad) ?? false));
  const steeringMember =
    chair || (!!ctx.steering && (ctx.steering.conversationId === actor.conversationId || (!!aad && ctx.steering.memberIds.includes(aad))));
  const forumIds = ctx.forums
    .filter(
      (f) =>
        f.active &&
        (f.conversationId === actor.conversationId ||
          (!!aad && (f.memberIds.includes(aad) || f.contacts.some((c) => c.aadObjectId === aad)))),
    )
    .map((f) => f.id);
  return { chair, steeringMember, forumIds };
}

export const permissions = [
  'help',
  'listForums',
  'listMeetings',
  'registerSteering',
  'registerForum',
  'editForum',
  'planYear',
  'changeMeeting',
  'addChair',
  'becomeContact',
  'manageInputs',
  'viewStatus',
  'compile',
  'viewPromise',
  'editPromise',
  'ownActions',
  'viewGoals',
  'viewFollowUp',
  'exportOwnData',
  'switchOrg',
  'createOrg',
  'editSettings',
  'linkAccounts',
  'regionalPicture',
  'manageTenants',
] as const;
export type Permission = (typeof permissions)[number];

export function can(roles: Roles, permission: Permission): boolean {
  switch (permission) {
    case 'help':
    case 'ownActions':
    case 'exportOwnData':
    case 'linkAccounts':
    case 'switchOrg':
    case 'createOrg':
    case 'manageTenants':
      // Only operators (OPERATOR_IDS) create organisations and allow tenants: checked by the handler, which knows the deployment's settings.
      return true;
    case 'listForums':
    case 'listMeetings':
    case 'viewPromise':
    case 'viewGoals':
      return roles.chair || roles.steeringMember || roles.forumIds.length > 0;
    case 'becomeContact':
      return roles.chair || roles.forumIds.length > 0;
    case 'viewStatus':
    case 'viewFollowUp':
    case 'regionalPicture':
      // regionalPicture: listed in help for steering members; the handler checks every organisation the person is in.
      return roles.chair || roles.steeringMember;
    case 'registerSteering':
    case 'registerForum':
    case 'editForum':
    case 'planYear':
    case 'changeMeeting':
    case 'addChair':
    case 'manageInputs':
    case 'compile':
    case 'editPromise':
    case 'editSettings':
      return roles.chair;
    default: {
      const unhandled: never = permission;
      return unhandled;
    }
  }
}
