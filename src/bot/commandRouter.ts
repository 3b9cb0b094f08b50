import type { TurnContext } from 'botbuilder';
import { parseCommand, type Command } from '../domain/commands.js';
import { can, type Permission } from '../domain/roles.js';
import { inputsCommand } from './handlers/inputs/commands.js';
import { lagesbildCommand } from './handlers/lagesbild/commands.js';
import { promiseCommand } from './handlers/promise/commands.js';
import { exportMyData } from './handlers/privacy.js';
import { allowedCommands, permissionFor, showHelp } from './handlers/help.js';
import { listForums, registerForumCommand } from './handlers/forums.js';
import { meetingsCommand, planCommand } from './handlers/meetings.js';
import { schoolCalendarCommand } from './handlers/schoolCalendar.js';
import { addChair, registerSteering } from './handlers/steering.js';
import { replyText } from './reply.js';
import { showOrgSettings } from './handlers/organisations.js';
import { deleteOrgCommand, exportOrgCommand } from './handlers/orgLeaving.js';
import type { RequestContext } from './requestContext.js';

/** A text message → one command; the role is checked here for every command. */
export async function routeCommand(rc: RequestContext, ctx: TurnContext, text: string): Promise<void> {
  const cmd = parseCommand(text);
  if (cmd.name === 'unknown') {
    const suggestion = cmd.suggestion && allowedCommands(rc).includes(cmd.suggestion) ? rc.m.help.commands[cmd.suggestion][0] : undefined;
    return showHelp(rc, ctx, rc.m.unknownCommand(suggestion));
  }
  if (!can(rc.roles, permissionFor[cmd.name])) {
    return replyText(ctx, chairOnly(cmd) ? rc.m.errors.notAllowedChair : rc.m.errors.notAllowed);
  }
  switch (cmd.name) {
    case 'help':
      return showHelp(rc, ctx);
    case 'registerSteering':
      return registerSteering(rc, ctx);
    case 'registerForum':
      return registerForumCommand(rc, ctx);
    case 'listForums':
      return listForums(rc, ctx);
    case 'plan':
      return planCommand(rc, ctx, cmd.year);
    case 'meetings':
      return meetingsCommand(rc, ctx);
    case 'schoolCalendar':
      return schoolCalendarCommand(rc, ctx, cmd.arg);
    case 'addChair':
      return addChair(rc, ctx);
    case 'iAmContact':
    case 'sendPrompts':
    case 'remind':
    case 'status':
    case 'retryFailed':
      return inputsCommand(rc, ctx, cmd);
    case 'compile':
    case 'publish':
      return lagesbildCommand(rc, ctx, cmd);
    case 'promise':
    case 'myActions':
    case 'decisions':
    case 'goals':
    case 'followUp':
      return promiseCommand(rc, ctx, cmd);
    case 'exportMyData':
      return exportMyData(rc.s.platform, ctx, rc.m);
    case 'orgSettings':
      return showOrgSettings(rc, ctx);
    case 'exportOrg':
      return exportOrgCommand(rc, ctx);
    case 'deleteOrg':
      return deleteOrgCommand(rc, ctx);
    // Answered before an organisation is resolved (src/bot/handlers/organisations.ts).
    case 'switchOrg':
    case 'createOrg':
    case 'regionalPicture':
    case 'linkAccount':
    case 'unlinkAccount':
    case 'allowTenant':
    case 'blockTenant':
    case 'listTenants':
      return showHelp(rc, ctx);
    default: {
      const unhandled: never = cmd;
      return unhandled;
    }
  }
}

function chairOnly(cmd: Command): boolean {
  return cmd.name !== 'unknown' && chairPermissions.has(permissionFor[cmd.name]);
}

const chairPermissions = new Set<Permission>(['registerSteering', 'registerForum', 'editForum', 'planYear', 'changeMeeting', 'addChair', 'manageInputs', 'compile', 'editPromise', 'editSettings']);
