import { Worker, type ConnectionOptions } from 'bullmq';
import type { Services } from '../src/services/services.js';
import { createNotifyProcessor, type OutboundSender } from './processors/notify.js';
import { createTimelineStepProcessor } from './processors/timelineStep.js';
import { queueNames } from './queues.js';

export interface Workers {
  all: Worker[];
  close(): Promise<void>;
}

/** Starts one worker per queue. Any number of processes may run these against one Redis. */
export function startWorkers(s: Services, connection: ConnectionOptions, sender: OutboundSender): Workers {
  const prefix = s.config.QUEUE_PREFIX;
  const timeline = new Worker(queueNames.timeline, createTimelineStepProcessor(s), { connection, prefix, concurrency: 4 });
  const notify: Worker = new Worker(queueNames.notify, createNotifyProcessor(s, sender, () => notify), {
    connection,
    prefix,
    concurrency: 8,
    // Teams allows roughly 50 requests per second per bot across conversations.
    limiter: { max: 50, duration: 1_000 },
  });
  const all = [timeline, notify];
  for (const w of all) {
    w.on('failed', (job, err) => s.log.warn({ queue: w.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'));
    w.on('error', (err) => s.log.error({ queue: w.name, err: err.message }, 'worker error'));
  }
  return {
    all,
    close: async () => {
      await Promise.all(all.map((w) => w.close()));
    },
  };
}
