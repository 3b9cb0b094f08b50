import type { TurnContext } from 'botbuilder';
import { DomainError } from '../../domain/errors.js';
import type { MeetingRecord } from '../../domain/meeting.js';
import { resolveMeeting } from '../../services/inputs/meetingContext.js';
import type { Stored } from '../../store/versionedRepository.js';
import { replyText } from '../reply.js';
import type { RequestContext } from '../requestContext.js';

/** The meeting named in a command ("2027-1"), or the next one; tells the user when there is none. */
export async function meetingFor(rc: RequestContext, ctx: TurnContext, arg: string | undefined): Promise<Stored<MeetingRecord> | null> {
  try {
    return await resolveMeeting(rc.s, arg);
  } catch (e) {
    if (e instanceof DomainError && e.reason === 'not-found') {
      await replyText(ctx, arg ? rc.m.inputs.unknownMeeting(arg) : rc.m.inputs.noMeeting);
      return null;
    }
    throw e;
  }
}
