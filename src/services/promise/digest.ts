import type { OrgId } from '../../domain/organisation/organisation.js';
import { STEERING_ID } from '../../domain/steering.js';
import type { Services } from '../services.js';
import { enqueuePromiseNotice } from './notices.js';
import { chairIds, personalConversationOf } from './recipients.js';
import { todayOf } from './today.js';

/** A chair with a personal chat: gets the person-wide digest (one a week over all their organisations). */
export interface DigestRecipient {
  aad: string;
  conversationId: string;
}

export interface OrgDigest {
  orgId: OrgId;
  /** Steering-channel notices queued by this organisation. */
  sent: number;
  /** Chairs to reach in their personal chat, with this organisation as one section (`sendPersonalDigests`). */
  personal: DigestRecipient[];
}

/**
 * One organisation's part of the weekly digest (late and upcoming items of every open
 * promise). Its chairs with a personal chat are returned, to get one digest a week over
 * all their organisations; for chairs without one the steering channel gets the notice, as
 * before. Notices are rendered when sent, so they show the items as they are then; the job
 * id names the date, so a second run the same day queues nothing new.
 */
export async function sendWeeklyDigest(s: Services): Promise<OrgDigest> {
  const open = (await s.repos.promises.list()).filter((p) => p.data.status !== 'avslutat');
  if (open.length === 0) return { orgId: s.org.id, sent: 0, personal: [] };
  const personal: DigestRecipient[] = [];
  let needsChannel = false;
  for (const aad of await chairIds(s)) {
    const conversationId = await personalConversationOf(s, aad);
    if (conversationId) personal.push({ aad, conversationId });
    else needsChannel = true;
  }
  const steering = await s.repos.steering.get(STEERING_ID);
  if (!steering || !(needsChannel || personal.length === 0)) return { orgId: s.org.id, sent: 0, personal };
  await enqueuePromiseNotice(s, steering.data.conversationId, 'promise.digest', { occasion: `digest.${todayOf(s)}` });
  return { orgId: s.org.id, sent: 1, personal };
}
