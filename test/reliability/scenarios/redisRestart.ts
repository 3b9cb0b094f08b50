import { answerId } from '../../../src/domain/inputs/storedAnswer.js';
import { sv } from '../../../src/i18n/sv.js';
import { channel, invokeExecute } from '../../support/activities.js';
import { answerData } from '../../support/seed.js';
import { waitFor } from '../support/processes.js';
import { seedForumsDirect } from '../support/seedDirect.js';
import { AOF, startStack } from '../support/stack.js';
import type { Figures } from './types.js';

const FORUMS = 20;

/**
 * Forum members keep submitting and editing answers while Redis (its own redis-server,
 * appendonly yes, appendfsync everysec) is restarted under them: first stopped cleanly
 * (SIGTERM), then killed (SIGKILL). Every answer that was acknowledged — HTTP 200 with
 * the thank-you card — is in the store afterwards with exactly its text. While Redis is
 * away users are told to try again shortly, and nothing answers 5xx.
 */
export async function redisRestartedWhileAnswering(figures: Figures): Promise<void> {
  const stack = await startStack({ redisArgs: AOF });
  try {
    const s = stack.runtime.services!;
    const year = new Date().getUTCFullYear() + 1;
    const { meeting, channels } = await seedForumsDirect(s, stack.connector.url, FORUMS, year);
    const acked: { forumId: string; text: string }[] = [];
    let refused = 0;
    let serverErrors = 0;
    let running = true;

    const member = (i: number) => ({ id: `29:member-${i}`, aadObjectId: `bbbbbbbb-0000-0000-0000-${String(i).padStart(12, '0')}`, name: `Ledamot ${i}` });
    const userLoop = async (i: number) => {
      const forumId = `forum-${i}`;
      let n = 0;
      while (running) {
        n++;
        const text = `Läget i forum ${i}, version ${n}.`;
        const current = await s.repos.answers.get(answerId(meeting.id, forumId)).catch(() => undefined);
        const version = current === undefined ? undefined : current?.version;
        const res = await stack
          .post(invokeExecute(channel(stack.connector.url, channels[i]!), member(i), 'input.submit', answerData(meeting.id, forumId, text, version === undefined ? {} : { version })))
          .catch(() => ({ status: 0, body: '' }));
        const body = JSON.stringify(res.body);
        if (res.status >= 500) serverErrors++;
        if (res.status === 200 && body.includes(sv.inputs.thanks)) acked.push({ forumId, text });
        else if (body.includes(JSON.stringify(sv.errors.tryAgainShortly).slice(1, 30))) refused++;
        await new Promise((r) => setTimeout(r, 40));
      }
    };
    const loops = Array.from({ length: FORUMS }, (_, i) => userLoop(i));

    const downtimes: number[] = [];
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      await new Promise((r) => setTimeout(r, 1_500));
      const before = acked.length;
      const t0 = Date.now();
      // Long enough that requests arrive while it is away (they must be told to try again).
      await stack.restartRedis(signal, 3_000);
      await waitFor(async () => (await fetch(`${stack.botUrl}/readyz`)).status === 200, 'ready again', 30_000);
      downtimes.push((Date.now() - t0) / 1000);
      await waitFor(() => acked.length > before + FORUMS, 'answers acknowledged again', 30_000);
    }
    await new Promise((r) => setTimeout(r, 1_000));
    running = false;
    await Promise.all(loops);

    let missing = 0;
    for (const a of acked) {
      const history = await s.repos.answers.history(answerId(meeting.id, a.forumId));
      if (!history.some((v) => v.data.answer.districts.some((d) => d.situation === a.text))) missing++;
    }
    figures.push(
      ['forums answering concurrently', FORUMS],
      ['Redis', 'AOF everysec'],
      ['restarts (SIGTERM, SIGKILL)', 2],
      ['Redis away (s), SIGTERM/SIGKILL', downtimes.map((d) => d.toFixed(1)).join(' / ')],
      ['answers acknowledged', acked.length],
      ['told "try again shortly"', refused],
      ['HTTP 5xx', serverErrors],
      ['acknowledged but missing', missing],
    );
    if (missing !== 0) throw new Error(`${missing} acknowledged answers are missing`);
    if (serverErrors !== 0) throw new Error(`${serverErrors} answers got a 5xx`);
    if (refused === 0) throw new Error('nobody was told to try again: Redis was not away long enough to be tested');
  } finally {
    await stack.close();
  }
}
