import type { TurnContext } from 'botbuilder';
import { helpCard } from '../../../cards/helpCard.js';
import type { CommandName } from '../../domain/commands.js';
import { can, type Permission } from '../../domain/roles.js';
import { replyCard } from '../reply.js';
import { roleLines, type RequestContext } from '../requestContext.js';

export const permissionFor: Record<CommandName, Permission> = {
  help: 'help',
  registerSteering: 'registerSteering',
  registerForum: 'registerForum',
  listForums: 'listForums',
  plan: 'planYear',
  meetings: 'listMeetings',
  schoolCalendar: 'listMeetings', // showing; entering dates needs planYear (checked in the handler)
  addChair: 'addChair',
  iAmContact: 'becomeContact',
  sendPrompts: 'manageInputs',
  remind: 'manageInputs',
  status: 'viewStatus',
  retryFailed: 'manageInputs',
  compile: 'compile',
  publish: 'compile',
  promise: 'viewPromise',
  myActions: 'ownActions',
  decisions: 'editPromise',
  goals: 'viewGoals',
  followUp: 'viewFollowUp',
  exportMyData: 'exportOwnData',
  switchOrg: 'switchOrg',
  createOrg: 'createOrg',
  orgSettings: 'editSettings',
  exportOrg: 'editSettings',
  deleteOrg: 'editSettings',
  linkAccount: 'linkAccounts',
  unlinkAccount: 'linkAccounts',
  regionalPicture: 'regionalPicture',
  allowTenant: 'manageTenants',
  blockTenant: 'manageTenants',
  listTenants: 'manageTenants',
};

export function allowedCommands(rc: RequestContext): CommandName[] {
  // The deployment's operators (OPERATOR_IDS) also see the commands only they may use.
  const operator = !!rc.aadObjectId && rc.s.config.OPERATOR_IDS.includes(rc.aadObjectId);
  return (Object.keys(permissionFor) as CommandName[]).filter((c) => (permissionFor[c] === 'manageTenants' ? operator : can(rc.roles, permissionFor[c])));
}

export async function showHelp(rc: RequestContext, ctx: TurnContext, lead?: string): Promise<void> {
  await replyCard(ctx, helpCard(rc.m, allowedCommands(rc), roleLines(rc), lead));
}
