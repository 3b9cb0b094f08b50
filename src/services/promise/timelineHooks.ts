/**
 * The medborgarlöfte's part of a meeting's timeline: at the input prompt (T−21) every
 * owner of an open item is asked for this meeting's follow-up entry, the way forums are
 * asked for input; at T+1 the chairs get the "Beslut och åtgärder" card. Idempotent:
 * job ids name the meeting, its sequence and the person.
 */
import type { MeetingRecord } from '../../domain/meeting.js';
import { isFinal } from '../../domain/promise/actionStatus.js';
import { actionsOf } from '../../domain/promise/promise.js';
import type { Services } from '../services.js';
import { enqueuePromiseNotice } from './notices.js';
import { chairTargets, reach } from './recipients.js';
import { askToPublish } from '../public/publishPrompt.js';

export async function promiseTimelineStep(s: Services, meeting: MeetingRecord, kind: string): Promise<number> {
  if (kind === 'prompt') return requestFollowUps(s, meeting);
  if (kind === 'decisions') return (await sendDecisionsCard(s, meeting)) + (await askToPublish(s, meeting));
  return 0;
}

export async function requestFollowUps(s: Services, meeting: MeetingRecord): Promise<number> {
  const open = (await s.repos.promises.list()).filter((p) => p.data.status !== 'avslutat');
  const owners = new Set(open.flatMap((p) => actionsOf(p.data).filter((x) => !isFinal(x.action.status)).map((x) => x.action.ownerAadObjectId)));
  let sent = 0;
  for (const owner of owners) {
    const where = await reach(s, owner);
    if (!where) continue;
    await enqueuePromiseNotice(s, where.conversationId, 'promise.followUpRequest', { meetingId: meeting.id, userAadObjectId: owner, occasion: `s${meeting.sequence}` });
    sent++;
  }
  return sent;
}

export async function sendDecisionsCard(s: Services, meeting: MeetingRecord): Promise<number> {
  const targets = await chairTargets(s);
  for (const conversationId of targets) await enqueuePromiseNotice(s, conversationId, 'promise.decisions', { meetingId: meeting.id, occasion: `s${meeting.sequence}` });
  return targets.length;
}
