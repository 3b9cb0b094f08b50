import type { Job } from 'bullmq';
import type { Platform } from '../src/services/platform.js';
import type { Services } from '../src/services/services.js';
import { ORG_DELETE_JOB, runOrgDeleteJob } from '../src/services/orgs/deleteOrganisation.js';

type Processor<T, R> = (job: Job<T>, token?: string) => Promise<R>;

/**
 * A queue's processor for whichever organisation a job belongs to (its data's `orgId`;
 * jobs queued before the upgrade belong to the upgraded organisation). The processor is
 * built once per organisation's Services. A job of an organisation that is gone or
 * leaving is dropped: leaving removes its jobs, this covers the ones already running.
 * The one job about a leaving organisation itself, `org.delete`, runs before (and
 * without) resolving it.
 */
export function perOrg<T extends { orgId?: string }, R>(platform: Platform, make: (s: Services) => Processor<T, R>): Processor<T, R | 'organisation gone' | Record<string, number>> {
  const built = new WeakMap<Services, Processor<T, R>>();
  return async (job, token) => {
    if (job.name === ORG_DELETE_JOB) return runOrgDeleteJob(platform, job);
    const s = await platform.orgs.forJob(job.data);
    if (!s) {
      platform.log.warn({ queue: job.queueName, jobId: job.id }, 'job of an organisation that is gone or leaving; dropped');
      return 'organisation gone';
    }
    let processor = built.get(s);
    if (!processor) {
      processor = make(s);
      built.set(s, processor);
    }
    return processor(job, token);
  };
}
