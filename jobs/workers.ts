import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Platform } from '../src/services/platform.js';
import { perOrg } from './perOrg.js';
import { createNotifyProcessor, type OutboundSender } from './processors/notify.js';
import { createTimelineStepProcessor } from './processors/timelineStep.js';
import { createActionReminderProcessor } from './processors/actionReminder.js';
import { createCompileProcessor } from './processors/compile.js';
import { createRegionalProcessor, REGIONAL_JOB_NAME } from './processors/regionalCompile.js';
import { orgOfJobId } from '../src/domain/organisation/organisation.js';
import { regionalJobDeps } from '../src/services/regional/regionalRequest.js';
import { createCalendarSyncProcessor } from './processors/calendarSync.js';
import type { CalendarDeps } from '../src/services/calendar/syncMeetingEvent.js';
import { queueNames } from './queues.js';
import type { ConversationRateLimiter } from '../src/store/conversationRateLimiter.js';

export interface Workers {
  all: Worker[];
  close(): Promise<void>;
}

/** Starts one worker per queue. Any number of processes may run these against one Redis. */
export interface WorkerOptions {
  /** Teams' per-conversation limits (a sliding window per conversation in Redis). */
  limiter?: ConversationRateLimiter;
  /** Microsoft Graph configured: the calendar worker runs. */
  calendar?: CalendarDeps;
}

export function startWorkers(s: Platform, connection: ConnectionOptions, sender: OutboundSender, opts: WorkerOptions = {}): Workers {
  const { limiter, calendar } = opts;
  const prefix = s.config.QUEUE_PREFIX;
  // A crashed worker's jobs go back to waiting once its lock lapses (stalled check).
  const lockDuration = s.config.WORKER_LOCK_SECONDS * 1000;
  const common = { connection, prefix, lockDuration, stalledInterval: lockDuration };
  const timeline = new Worker(queueNames.timeline, perOrg(s, createTimelineStepProcessor), { ...common, concurrency: 4 });
  const notify = new Worker(queueNames.notify, perOrg(s, (org) => createNotifyProcessor(org, sender, limiter)), {
    ...common,
    concurrency: s.config.NOTIFY_CONCURRENCY,
    // Teams' limit is per tenant and kept by the sender's pacer per tenant, right before each
    // request; a queue-wide limiter at that rate would hold every tenant to one tenant's budget.
    // This bound on job starts over all tenants is only a backstop.
    limiter: { max: s.config.NOTIFY_QUEUE_MAX_PER_SECOND, duration: 1_000 },
  });
  const actions = new Worker(queueNames.actions, perOrg(s, createActionReminderProcessor), { ...common, concurrency: 4 });
  // One compile at a time per worker: it reads every forum's answer.
  // The regional picture is a person's, not an organisation's: dispatched by name before any organisation is resolved.
  const orgCompile = perOrg(s, createCompileProcessor);
  const regional = createRegionalProcessor(regionalJobDeps(s));
  const compile = new Worker(queueNames.compile, (job: Job, token?: string) => (job.name === REGIONAL_JOB_NAME ? regional(job) : orgCompile(job, token)), { ...common, concurrency: 1 });
  // Only with Microsoft Graph configured; without it no calendar jobs are queued.
  const calendarWorker = calendar ? new Worker(queueNames.calendar, perOrg(s, (org) => createCalendarSyncProcessor(org, calendar)), { ...common, concurrency: 2 }) : undefined;
  const all = [timeline, notify, actions, compile, ...(calendarWorker ? [calendarWorker] : [])];
  for (const w of all) {
    w.on('failed', (job, err) => {
      s.log.warn({ queue: w.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed');
      // Counted for the job's organisation too: its data names it, or its id does (queued before the upgrade: neither).
      const orgId = typeof job?.data?.orgId === 'string' ? job.data.orgId : orgOfJobId(job?.id);
      void (orgId ? s.repos.metrics.forOrg(s.keys.forOrg(orgId)) : s.repos.metrics).incr(`failures:${w.name}`);
    });
    w.on('error', (err) => s.log.error({ queue: w.name, err: err.message }, 'worker error'));
  }
  return {
    all,
    close: async () => {
      await Promise.all(all.map((w) => w.close()));
    },
  };
}
