import { compileJobId } from '../../../src/services/lagesbild/compile.js';
import { CHAIR, message } from '../../support/activities.js';
import { CHAIR_CHAT, cardOf, drained, posts, setUpWorld } from '../../support/lagesbild.js';
import { createTestClock } from '../../support/services.js';
import type { TestRuntime } from '../../support/testRuntime.js';
import { startApp, waitFor, type AppProcess } from '../support/processes.js';
import { startStack } from '../support/stack.js';
import type { Figures } from './types.js';

const FORUMS = 20;
const ANSWERED = 15;

/**
 * A chair's `sammanställ` runs as a compile job in a separate worker process, which is
 * killed with SIGKILL half way through the forums; a new worker process starts. The
 * stalled job is taken over and finishes: one lägesbild snapshot, one card to the chair
 * (the progress card, updated in place into the result) — lost 0, duplicated 0.
 */
export async function workerKilledDuringCompile(figures: Figures): Promise<void> {
  const env = { CHAIR_IDS: CHAIR.aadObjectId, LINK_SECRET: 'f'.repeat(40), PUBLIC_URL: 'https://samverkan.example.se' };
  const stack = await startStack({ role: 'web', env });
  const workers: AppProcess[] = [];
  try {
    const s = stack.runtime.services!;
    const workerEnv = {
      ...env,
      REDIS_URL: stack.redis.url,
      KEY_PREFIX: s.config.KEY_PREFIX,
      QUEUE_PREFIX: s.config.QUEUE_PREFIX,
      RECONCILE_CRON: '0 0 1 1 *',
      WORKER_LOCK_SECONDS: '2',
      // A pause per forum (honoured only with NODE_ENV=test) so the kill lands mid-compile.
      COMPILE_TEST_DELAY_MS: '150',
    };
    workers.push(await startApp('worker', workerEnv));
    // The lägesbild tests' world: steering channel, the chair's chat, 2027 planned, forums with answers.
    const t = { runtime: stack.runtime as TestRuntime['runtime'], connector: stack.connector, clock: createTestClock(), botUrl: stack.botUrl, post: stack.post, cleanup: async () => undefined } satisfies TestRuntime;
    const world = await setUpWorld(t, { forums: FORUMS, answered: ANSWERED });

    const chairChat = { conversationId: CHAIR_CHAT, conversationType: 'personal' as const, serviceUrl: stack.connector.url };
    await stack.post(message(chairChat, CHAIR, `sammanställ ${world.meetingId}`));
    const jobId = compileJobId(world.meetingId, 1);
    const loaded = async () => (((await s.queues.compile.getJob(jobId))?.progress as { loaded?: number } | undefined)?.loaded ?? 0);
    await waitFor(async () => (await loaded()) >= 5, 'the compile half way', 60_000, 20);
    await workers[0]!.kill9();
    const killedAt = Date.now();
    const atKill = await loaded();
    workers.push(await startApp('worker', workerEnv));
    await waitFor(async () => (await (await s.queues.compile.getJob(jobId))?.getState()) === 'completed', 'the compile completed after the restart', 90_000, 50);
    const recoveredS = (Date.now() - killedAt) / 1000;
    await drained(t);

    const job = (await s.queues.compile.getJob(jobId))!;
    const snapshot = await s.repos.lagesbilder.get(world.meetingId);
    const cards = posts(t, CHAIR_CHAT).filter((r) => /Styrgruppsmöte 1\/2027/.test(cardOf(r))).length;
    const failed = await s.queues.compile.raw.getFailedCount();
    figures.push(
      ['forums (answered)', `${FORUMS} (${ANSWERED})`],
      ['forums loaded at SIGKILL', atKill],
      ['compile taken over (stalled)', job.stalledCounter],
      ['completed after kill (s)', recoveredS.toFixed(1)],
      ['snapshots stored (versions)', snapshot?.version ?? 0],
      ['cards to the chair', cards],
      ['lost', snapshot ? 0 : 1],
      ['duplicated', Math.max(0, cards - 1) + Math.max(0, (snapshot?.version ?? 1) - 1)],
      ['dead-lettered jobs', failed],
    );
    if (!snapshot || snapshot.version !== 1) throw new Error(`expected one snapshot version, got ${snapshot?.version ?? 'none'}`);
    if (cards !== 1) throw new Error(`expected one card to the chair, got ${cards}`);
    if (job.stalledCounter < 1) throw new Error('the kill did not interrupt the compile');
  } finally {
    for (const w of workers) await w.stop();
    await stack.close();
  }
}
