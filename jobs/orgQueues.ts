import { randomUUID } from 'node:crypto';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { orgJobId, orgOfJobId, type OrgId } from '../src/domain/organisation/organisation.js';
import type { ActionReminderJob, CalendarJob, CompileJob, NotifyJob, Queues, TimelineJob } from './queues.js';

/**
 * One organisation's view of the deployment's queues. All organisations share one set of
 * BullMQ queues (README: "Many organisations"); through this view every job an
 * organisation queues carries its id in the data and as the job id's prefix
 * (`<orgId>.tl-2027-1-prompt`): meeting ids repeat across organisations, so the prefix is
 * what keeps their jobs (and deduplication ids) apart. Use-cases keep their own job ids.
 */
export interface OrgQueue<T extends { orgId?: string }> {
  readonly name: string;
  /** The deployment's queue itself (every organisation's jobs): for operations and tests only. */
  readonly raw: Queue<T>;
  add(name: string, data: Omit<T, 'orgId'>, opts?: JobsOptions): Promise<Job<T>>;
  addBulk(jobs: { name: string; data: Omit<T, 'orgId'>; opts?: JobsOptions }[]): Promise<Job<T>[]>;
  /** The organisation's job with this (unprefixed) id; for the upgraded organisation also a job queued before the upgrade. */
  getJob(jobId: string): Promise<Job<T> | undefined>;
  /** The organisation's failed jobs. */
  getFailed(start?: number, end?: number): Promise<Job<T>[]>;
}

export interface OrgQueues {
  timeline: OrgQueue<TimelineJob>;
  notify: OrgQueue<NotifyJob>;
  actions: OrgQueue<ActionReminderJob>;
  compile: OrgQueue<CompileJob>;
  calendar: OrgQueue<CalendarJob>;
}

export function orgQueues(queues: Queues, orgId: OrgId, legacy: boolean): OrgQueues {
  return {
    timeline: orgQueue(queues.timeline, orgId, legacy),
    notify: orgQueue(queues.notify, orgId, legacy),
    actions: orgQueue(queues.actions, orgId, legacy),
    compile: orgQueue(queues.compile, orgId, legacy),
    calendar: orgQueue(queues.calendar, orgId, legacy),
  };
}

/** Whether a job belongs to the organisation (jobs queued before the upgrade belong to the upgraded one). */
export function jobBelongsTo(job: { id?: string; data?: { orgId?: string } }, orgId: OrgId, legacy: boolean): boolean {
  const owner = job.data?.orgId ?? orgOfJobId(job.id);
  return owner ? owner === orgId : legacy;
}

function orgQueue<T extends { orgId?: string }>(queue: Queue<T>, orgId: OrgId, legacy: boolean): OrgQueue<T> {
  // Every job id carries the organisation, also where BullMQ would number it: Bull Board
  // shows the id, and /metrics counts jobs per organisation from ids alone.
  const options = (opts: JobsOptions | undefined): JobsOptions => {
    const out: JobsOptions = { ...opts, jobId: orgJobId(orgId, opts?.jobId ?? randomUUID()) };
    if (opts?.deduplication) out.deduplication = { ...opts.deduplication, id: orgJobId(orgId, opts.deduplication.id) };
    return out;
  };
  const withOrg = (data: Omit<T, 'orgId'>) => ({ ...data, orgId }) as T;
  return {
    name: queue.name,
    raw: queue,
    // BullMQ's generic job names/types are stricter than needed here; the data is the queue's own job type.
    add: (name, data, opts) => (queue.add as unknown as (n: string, d: T, o?: JobsOptions) => Promise<Job<T>>).call(queue, name, withOrg(data), options(opts)),
    addBulk: (jobs) => (queue.addBulk as unknown as (j: { name: string; data: T; opts?: JobsOptions }[]) => Promise<Job<T>[]>).call(queue, jobs.map((j) => ({ name: j.name, data: withOrg(j.data), opts: options(j.opts) }))),
    async getJob(jobId) {
      const job = (await queue.getJob(orgJobId(orgId, jobId))) as Job<T> | undefined;
      if (job || !legacy) return job;
      return (await queue.getJob(jobId)) as Job<T> | undefined;
    },
    async getFailed(start, end) {
      return ((await queue.getFailed(start, end)) as Job<T>[]).filter((j) => jobBelongsTo(j, orgId, legacy));
    },
  };
}
