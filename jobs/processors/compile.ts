import { UnrecoverableError, type Job } from 'bullmq';
import { failCompile, runCompile } from '../../src/services/lagesbild/compile.js';
import type { Services } from '../../src/services/services.js';
import { compileJobSchema, type CompileJob } from '../queues.js';

/**
 * Compiles one meeting's lägesbild (src/services/lagesbild/compile.ts). Safe to re-run:
 * a retry, a duplicate or a job resumed after its worker died gives the same snapshot and
 * posts nothing twice. Progress goes to BullMQ (Bull Board) and to the waiting cards.
 */
export function createCompileProcessor(s: Services) {
  // Test-only: a pause per forum, so a test can kill the worker in the middle of a compile.
  const delayMs = s.config.NODE_ENV === 'test' ? Math.max(0, Number(process.env.COMPILE_TEST_DELAY_MS ?? 0) || 0) : 0;
  return async (job: Job<CompileJob>): Promise<string> => {
    const parsed = compileJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid compile job data');
    const { meetingId, run } = parsed.data;
    try {
      const outcome = await runCompile(s, meetingId, run, { delayMs, progress: (p) => job.updateProgress({ loaded: p.loaded, total: p.total }) });
      s.log.info({ meetingId, run, outcome: outcome.status }, 'compile done');
      return outcome.status === 'compiled' ? `compiled ${outcome.contentHash.slice(0, 12)}${outcome.changed ? '' : ' (unchanged)'}` : `skipped: ${outcome.reason}`;
    } catch (error) {
      // The last attempt: the waiting cards say it failed and offer to try again.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await failCompile(s, meetingId, run).catch(() => undefined);
      throw error;
    }
  };
}
