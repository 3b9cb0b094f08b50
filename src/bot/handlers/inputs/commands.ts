import type { TurnContext } from 'botbuilder';
import { inputProgressCard } from '../../../../cards/inputs/inputCard.js';
import type { Command } from '../../../domain/commands.js';
import { meetingTitle, type MeetingRecord } from '../../../domain/meeting.js';
import { inputStatus } from '../../../services/inputs/answers.js';
import { personalChatsOf } from '../../../services/people/personalChats.js';
import { retryFailedNotifications } from '../../../services/inputs/deliveryFailures.js';
import { promptForums } from '../../../services/inputs/prompts.js';
import { remindForums } from '../../../services/inputs/reminders.js';
import type { Stored } from '../../../store/versionedRepository.js';
import { deadlineText } from '../../inputNotices.js';
import { replyCard, replyText } from '../../reply.js';
import type { RequestContext } from '../../requestContext.js';
import { meetingFor } from '../meetingArg.js';

export type InputsCommand = Extract<Command, { name: 'iAmContact' | 'sendPrompts' | 'remind' | 'status' | 'retryFailed' }>;

/** Text commands of the inspel feature; the role was already checked by the router. */
export async function inputsCommand(rc: RequestContext, ctx: TurnContext, cmd: InputsCommand): Promise<void> {
  switch (cmd.name) {
    case 'iAmContact':
      return becomeContact(rc, ctx);
    case 'retryFailed':
      return replyText(ctx, rc.m.inputs.retryQueued(await retryFailedNotifications(rc.s)));
    case 'sendPrompts':
    case 'remind':
    case 'status': {
      const meeting = await meetingFor(rc, ctx, cmd.arg);
      if (!meeting) return;
      const title = meetingTitle(meeting.data, rc.lang);
      if (cmd.name === 'status') return showStatus(rc, ctx, meeting);
      const occasion = `c${rc.s.clock().getTime()}`;
      if (cmd.name === 'sendPrompts') {
        const count = await promptForums(rc.s, meeting.data, occasion);
        return replyText(ctx, count ? rc.m.inputs.promptsQueued(title, count) : rc.m.inputs.noForums);
      }
      const count = await remindForums(rc.s, meeting.data, occasion);
      return replyText(ctx, count ? rc.m.inputs.remindersQueued(title, count) : rc.m.inputs.nobodyToRemind(title));
    }
    default: {
      const unhandled: never = cmd;
      return unhandled;
    }
  }
}


async function showStatus(rc: RequestContext, ctx: TurnContext, meeting: Stored<MeetingRecord>): Promise<void> {
  const status = await inputStatus(rc.s, meeting.id);
  await replyCard(
    ctx,
    inputProgressCard(rc.m, meetingTitle(meeting.data, rc.lang), deadlineText(rc.s, rc.m, meeting.data), {
      answered: status.answered.map((f) => f.name),
      late: status.late.map((f) => f.name),
      missing: status.missing.map((f) => f.name),
    }),
  );
}

/** `jag är kontaktperson` in a forum's channel: reminders then also reach this person 1:1. */
async function becomeContact(rc: RequestContext, ctx: TurnContext): Promise<void> {
  const forum = rc.forums.find((f) => f.data.active && f.data.conversationId === rc.conversationId);
  if (!forum || !rc.aadObjectId) return replyText(ctx, rc.m.inputs.contactNeedsForumChannel);
  const aad = rc.aadObjectId;
  const name = rc.userName || aad;
  await rc.s.repos.forums.mutate(forum.id, rc.actorId, 'contact-added', (cur) => {
    if (!cur || cur.contacts.some((c) => c.aadObjectId === aad)) return null;
    const sameName = cur.contacts.find((c) => !c.aadObjectId && c.name === name);
    const contacts = sameName ? cur.contacts.map((c) => (c === sameName ? { ...c, aadObjectId: aad } : c)) : [...cur.contacts, { name, aadObjectId: aad }];
    return { ...cur, contacts: contacts.slice(0, 10) };
  });
  const personal = (await personalChatsOf(rc.s.repos.conversations, aad)).length > 0;
  await replyText(ctx, `${rc.m.inputs.contactAdded(name, forum.data.name)}${personal ? '' : ` ${rc.m.inputs.contactNeedsPersonalChat}`}`);
}
