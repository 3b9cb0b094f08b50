import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import { orgIdSchema } from '../src/domain/organisation/organisation.js';

/** Every job names its organisation; a job queued before the upgrade has none (it is the upgraded organisation's). */
const ofOrg = { orgId: orgIdSchema.optional() };

/** The BullMQ queues. This folder is the only place that defines queues and workers. */
export const queueNames = { timeline: 'timeline', notify: 'notify', actions: 'actions', compile: 'compile', calendar: 'calendar' } as const;
export type QueueName = (typeof queueNames)[keyof typeof queueNames];

/** A step of a meeting's timeline, fired as a delayed job. Ids only, never free text. */
export const timelineJobSchema = z.object({
  ...ofOrg,
  meetingId: z.string(),
  kind: z.string(),
  /** The meeting's sequence when scheduled: a job from before a move is stale and skipped. */
  sequence: z.number().int(),
});
export type TimelineJob = z.infer<typeof timelineJobSchema>;

/** A medborgarlöfte action item's reminder (7 days before due, on the due date), fired as a delayed job. */
export const actionReminderJobSchema = z.object({ ...ofOrg, promiseId: z.string(), actionId: z.string(), kind: z.enum(['due7', 'due0']), due: z.string() });
export type ActionReminderJob = z.infer<typeof actionReminderJobSchema>;

/** Compile one meeting's lägesbild (run = the compile run it belongs to). Ids only. */
export const compileJobSchema = z.object({ ...ofOrg, meetingId: z.string(), run: z.number().int().min(1) });
export type CompileJob = z.infer<typeof compileJobSchema>;

/**
 * Bring one meeting's Outlook/Teams calendar event in line with the meeting (Microsoft
 * Graph). One job per meeting and sequence; the processor converges on the meeting's
 * current state, so an older job arriving late does no harm.
 */
export const calendarJobSchema = z.object({
  ...ofOrg,
  meetingId: z.string(),
  sequence: z.number().int().min(0),
  /** The steering channel's notice for this change, refreshed in place once the join link is known. */
  notice: z.enum(['meeting.invitation', 'meeting.moved']).optional(),
  /** The steering channel's roster changed: send the attendee list again even if the time did not. */
  refreshAttendees: z.boolean().optional(),
});
export type CalendarJob = z.infer<typeof calendarJobSchema>;

export const noticeTemplates = [
  'meeting.invitation',
  'meeting.reminder7',
  'meeting.deadline',
  'meeting.meetingDay',
  'meeting.moved',
  'meeting.cancelled',
  'text.welcome',
  'input.prompt',
  'input.promptsSent',
  'input.reminder',
  'input.escalation',
  'input.progress',
  'input.lateAfterCompile',
  'conversation.removed',
  'calendar.problem',
  // medborgarlöfte (src/bot/promiseNotices.ts)
  'action.reminder7',
  'action.reminderDue',
  'promise.digest',
  'promise.followUpRequest',
  'promise.decisions',
  // publishing for the residents (src/bot/publicNotices.ts)
  'public.publishPrompt',
  // lägesbild (src/bot/lagesbildNotices.ts)
  'lagesbild.card',
  'lagesbild.published',
  'lagesbild.publishReminder',
  // linked accounts (src/bot/personLinkNotices.ts)
  'link.linked',
  'link.unlinked',
  // the regional picture's card in a person's chat (src/bot/regionalNotices.ts)
  'regional.card',
] as const;
export type NoticeTemplate = (typeof noticeTemplates)[number];

/** One proactive message to one conversation. Ids only; the worker renders the text. */
export const notifyJobSchema = z.object({
  ...ofOrg,
  conversationId: z.string(),
  template: z.enum(noticeTemplates),
  meetingId: z.string().optional(),
  forumId: z.string().optional(),
  /** For 'conversation.removed': the conversation the bot can no longer reach. */
  aboutConversationId: z.string().optional(),
  /** Medborgarlöfte notices: the promise, action item and person (owner) they are about. */
  promiseId: z.string().optional(),
  actionId: z.string().optional(),
  userAadObjectId: z.string().optional(),
  /** Linked-account notices: the other account the notice is about (its personal chat is `conversationId`). */
  aboutAadObjectId: z.string().optional(),
  /** A person-wide notice (the weekly digest): the organisations it has a section for; `orgId` is the first. */
  orgIds: z.array(orgIdSchema).max(200).optional(),
  /**
   * A card that lives on: its activity id is kept under this key, and a later job with
   * the same key updates that message in place instead of posting a second one.
   */
  cardKey: z.string().optional(),
  /**
   * Only refresh the card under `cardKey` (e.g. to add the Teams join link); if it is not
   * posted yet, wait for it a while, then skip — its first rendering is current anyway.
   */
  updateOnly: z.boolean().optional(),
});
export type NotifyJob = z.infer<typeof notifyJobSchema>;

/** BullMQ job ids may not contain ':'; ours are built from safe parts only. */
export function safeJobId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/[^A-Za-z0-9_.-]/g, '_')).join('-');
}

export const defaultJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

export interface Queues {
  timeline: Queue<TimelineJob>;
  notify: Queue<NotifyJob>;
  actions: Queue<ActionReminderJob>;
  compile: Queue<CompileJob>;
  calendar: Queue<CalendarJob>;
  all(): Queue[];
  close(): Promise<void>;
}

export function createQueues(connection: ConnectionOptions, prefix: string, onError: (queue: string, err: Error) => void = () => undefined): Queues {
  const timeline = new Queue<TimelineJob>(queueNames.timeline, { connection, prefix, defaultJobOptions });
  const notify = new Queue<NotifyJob>(queueNames.notify, { connection, prefix, defaultJobOptions });
  const actions = new Queue<ActionReminderJob>(queueNames.actions, { connection, prefix, defaultJobOptions });
  const compile = new Queue<CompileJob>(queueNames.compile, { connection, prefix, defaultJobOptions: { ...defaultJobOptions, attempts: 3 } });
  const calendar = new Queue<CalendarJob>(queueNames.calendar, { connection, prefix, defaultJobOptions: { ...defaultJobOptions, backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 } } });
  // Connection problems are events, reported by the caller (and by /readyz), never throws.
  timeline.on('error', (err) => onError(queueNames.timeline, err));
  notify.on('error', (err) => onError(queueNames.notify, err));
  actions.on('error', (err) => onError(queueNames.actions, err));
  compile.on('error', (err) => onError(queueNames.compile, err));
  calendar.on('error', (err) => onError(queueNames.calendar, err));
  return {
    timeline,
    notify,
    actions,
    compile,
    calendar,
    all: () => [timeline, notify, actions, compile, calendar] as Queue[],
    close: async () => {
      await Promise.all([timeline.close(), notify.close(), actions.close(), compile.close(), calendar.close()]);
    },
  };
}
