import { answerId } from '../../../src/domain/inputs/storedAnswer.js';
import { sv } from '../../../src/i18n/sv.js';
import { channel, invokeExecute, message } from '../../support/activities.js';
import { answerData } from '../../support/seed.js';
import { waitFor } from '../support/processes.js';
import { seedForumsDirect } from '../support/seedDirect.js';
import { startStack } from '../support/stack.js';
import type { Figures } from './types.js';

const FORUMS = 30;

/**
 * Teams retries an activity (same id) when the bot is slow or fails. Each forum's answer
 * arrives three times — twice at once, then once more — and each chat message twice: one
 * stored version per answer, one reply per message, and the retries get the first response.
 */
export async function teamsRetries(figures: Figures): Promise<void> {
  const stack = await startStack();
  try {
    const s = stack.runtime.services!;
    const { meeting, channels } = await seedForumsDirect(s, stack.connector.url, FORUMS, new Date().getUTCFullYear() + 1);
    const member = (i: number) => ({ id: `29:m-${i}`, aadObjectId: `cccccccc-0000-0000-0000-${String(i).padStart(12, '0')}`, name: `Ledamot ${i}` });
    let deliveries = 0;
    let sameResponse = 0;
    let accepted202 = 0;
    let non2xx = 0;
    await Promise.all(
      channels.map(async (ch, i) => {
        const activity = invokeExecute(channel(stack.connector.url, ch), member(i), 'input.submit', answerData(meeting.id, `forum-${i}`, `Svar från forum ${i}.`));
        const [a, b] = await Promise.all([stack.post(activity), stack.post(activity)]);
        const c = await stack.post(activity);
        deliveries += 3;
        const first = [a, b].find((r) => JSON.stringify(r.body).includes(sv.inputs.thanks));
        for (const r of [a, b, c]) {
          if (r.status < 200 || r.status >= 300) non2xx++;
          if (r.status === 202) accepted202++;
          else if (first && JSON.stringify(r.body) === JSON.stringify(first.body)) sameResponse++;
        }
      }),
    );
    const chats = Array.from({ length: FORUMS }, (_, i) => ({ conversationId: `a:retry-${i}`, conversationType: 'personal' as const, serviceUrl: stack.connector.url }));
    await Promise.all(
      chats.map(async (where, i) => {
        const activity = message(where, member(i), 'hjälp');
        await stack.post(activity);
        await stack.post(activity);
        deliveries += 2;
      }),
    );
    await waitFor(() => chats.every((c) => stack.connector.to(c.conversationId).length > 0), 'replies', 30_000);
    await new Promise((r) => setTimeout(r, 500));
    let versions = 0;
    for (let i = 0; i < FORUMS; i++) versions += (await s.repos.answers.history(answerId(meeting.id, `forum-${i}`))).length;
    const replies = chats.reduce((n, c) => n + stack.connector.to(c.conversationId).filter((r) => r.activity.type === 'message').length, 0);
    figures.push(
      ['activities delivered (with retries)', deliveries],
      ['distinct activities', FORUMS * 2],
      ['answers stored (versions)', versions],
      ['chat replies sent', replies],
      ['retries given the first response', sameResponse - FORUMS],
      ['retries answered 202 (first still running)', accepted202],
      ['non-2xx', non2xx],
    );
    if (versions !== FORUMS || replies !== FORUMS || non2xx) throw new Error(`versions ${versions}, replies ${replies}, non-2xx ${non2xx} (expected ${FORUMS}, ${FORUMS}, 0)`);
  } finally {
    await stack.close();
  }
}
