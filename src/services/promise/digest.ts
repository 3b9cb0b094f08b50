import type { Services } from '../services.js';
import { enqueuePromiseNotice } from './notices.js';
import { chairTargets } from './recipients.js';
import { todayOf } from './today.js';

/**
 * The weekly digest to the chairs (late and upcoming items of every open promise). The
 * notice is rendered when sent, so it shows the items as they are then; the job id names
 * the week's date, so a second run the same day queues nothing new.
 */
export async function sendWeeklyDigest(s: Services): Promise<{ sent: number }> {
  const open = (await s.repos.promises.list()).filter((p) => p.data.status !== 'avslutat');
  if (open.length === 0) return { sent: 0 };
  const occasion = `digest.${todayOf(s)}`;
  const targets = await chairTargets(s);
  for (const conversationId of targets) await enqueuePromiseNotice(s, conversationId, 'promise.digest', { occasion });
  return { sent: targets.length };
}
