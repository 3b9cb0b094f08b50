import type { Job, JobType, Queue } from 'bullmq';
import type { OrgId } from '../src/domain/organisation/organisation.js';
import { jobBelongsTo } from './orgQueues.js';
import type { Queues } from './queues.js';

/** Every state a job can be in; `active` ones belong to a worker and are never removed from outside. */
export const JOB_STATES: readonly JobType[] = ['active', 'waiting', 'waiting-children', 'prioritized', 'delayed', 'completed', 'failed'];

const PAGE = 500;

/**
 * Each job of one organisation in every queue and state, page by page (the queues are
 * shared by all organisations; ownership is the job's `orgId` or its id's prefix).
 */
export async function* orgJobs(queues: Queues, orgId: OrgId, legacy: boolean): AsyncGenerator<{ queue: Queue; job: Job; state: JobType }> {
  for (const queue of queues.all()) {
    for (const state of JOB_STATES) {
      // Removing jobs while paging would shift the pages: collect the state's jobs first.
      const mine: Job[] = [];
      for (let start = 0; ; start += PAGE) {
        const page = (await queue.getJobs([state], start, start + PAGE - 1, true)).filter((j): j is Job => !!j);
        mine.push(...page.filter((j) => jobBelongsTo(j, orgId, legacy)));
        if (page.length < PAGE) break;
      }
      for (const job of mine) yield { queue, job, state };
    }
  }
}
