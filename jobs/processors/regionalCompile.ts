/**
 * The `compile` queue's `regional` job (issue 12 item 6): one person's regional picture
 * (src/services/regional/compileRegional.ts). Not wired into workers.ts here: which
 * organisations a person may draw on, and their Services, are the caller's (`resolveSources`),
 * as are the person's card updates (`onState`). A refusal (sharing off, nothing published)
 * is final: no retry; any other failure is retried and reported as failed on the last attempt.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import { isDomainError, type DomainError } from '../../src/domain/errors.js';
import type { RegionalPicture } from '../../src/domain/regional/regionalPicture.js';
import { runPattern } from '../../src/domain/regional/ownerDigest.js';
import { compileRegional, type RegionalSourceInput } from '../../src/services/regional/compileRegional.js';
import { regionalTtlSeconds, type RegionalLinkDeps } from '../../src/services/regional/regionalReports.js';
import type { RegionalStore } from '../../src/store/regionalPictures.js';
import { safeJobId } from '../queues.js';

export const REGIONAL_JOB_NAME = 'regional';

export const regionalJobSchema = z.object({
  /** The person (owner of the picture). */
  pid: z.string().min(1),
  /** The organisations the person asked for (steering member, resolved when the command ran). */
  orgIds: z.array(z.string().min(1)).min(1),
  run: z.string().regex(runPattern),
  year: z.number().int().min(2000).max(2100).optional(),
});
export type RegionalJob = z.infer<typeof regionalJobSchema>;

/** `u.<pid>.regional-<run>`: one job per person and run. */
export const regionalJobId = (pid: string, run: string) => `u.${safeJobId(pid)}.regional-${safeJobId(run)}`;

export type RegionalJobState =
  | { kind: 'progress'; loaded: number; total: number }
  | { kind: 'done'; picture: RegionalPicture }
  | { kind: 'refused'; error: DomainError }
  | { kind: 'failed' };

export interface RegionalJobDeps extends RegionalLinkDeps {
  store: RegionalStore;
  /** Each organisation's name, Services and sharing flag, now (sharing may have changed since the command). */
  resolveSources(pid: string, orgIds: readonly string[]): Promise<RegionalSourceInput[]>;
  /** Updates the person's card (cards/regional/regionalCard.ts) in place. */
  onState?(job: RegionalJob, state: RegionalJobState): Promise<void>;
}

export function createRegionalProcessor(deps: RegionalJobDeps) {
  return async (job: Pick<Job<RegionalJob>, 'data' | 'attemptsMade' | 'opts' | 'updateProgress'>): Promise<string> => {
    const parsed = regionalJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid regional job data');
    const data = parsed.data;
    try {
      const sources = await deps.resolveSources(data.pid, data.orgIds);
      const picture = await compileRegional(sources, {
        ownerKey: data.pid,
        run: data.run,
        store: deps.store,
        ttlSeconds: regionalTtlSeconds(deps),
        clock: deps.clock,
        year: data.year,
        progress: async (loaded, total) => {
          await job.updateProgress({ loaded, total });
          await deps.onState?.(data, { kind: 'progress', loaded, total });
        },
      });
      await deps.onState?.(data, { kind: 'done', picture });
      return `regional ${picture.municipalities.length} organisations`;
    } catch (error) {
      if (isDomainError(error) && (error.reason === 'regional-sharing-off' || error.reason === 'regional-not-published')) {
        await deps.onState?.(data, { kind: 'refused', error });
        throw new UnrecoverableError(error.reason);
      }
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await deps.onState?.(data, { kind: 'failed' }).catch(() => undefined);
      throw error;
    }
  };
}
