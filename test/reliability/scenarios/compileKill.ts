import type { Figures } from './types.js';

/**
 * SEAM FOR ISSUE 4 (lägesbild compile): "a worker killed with SIGKILL during a compile:
 * after restart the compile completes, exactly one lägesbild snapshot, lost 0, duplicated 0".
 *
 * When the `compile` queue and processor exist (jobs/queues.ts, jobs/processors/), fill this
 * in like workerKill.ts:
 *   1. startPrivateRedis(AOF); a web runtime in this process (role 'web'); seed forums and
 *      answers for one meeting (support/seedDirect.ts + the answers repository);
 *   2. two worker processes: startApp('worker', env) with WORKER_LOCK_SECONDS=4;
 *   3. enqueue the meeting's compile job (the chair's `sammanställ` command or the T−2
 *      deadline step), wait until its state is 'active', then kill9() the worker that holds
 *      it (job.lockedBy / or simply the first worker) and start a new one;
 *   4. wait for the job to complete; figures: compiles enqueued, snapshots stored (1),
 *      lägesbild messages to the chairs at the fake connector (1 — lost 0, duplicated 0),
 *      jobs taken over (stalledCounter > 0), seconds to recover.
 * Then replace `pending` below with the real function and drop the `it.todo` in
 * reliability.test.ts.
 */
export const compileKillPending = 'needs the compile job of issue 4';

export async function workerKilledDuringCompile(figures: Figures): Promise<void> {
  figures.push(['status', compileKillPending]);
  throw new Error(compileKillPending);
}
