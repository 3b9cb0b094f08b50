import type { OrgQueue } from './orgQueues.js';
import type { MeetingRecord } from '../src/domain/meeting.js';
import { safeJobId, type TimelineJob } from './queues.js';

/** A step missed by more than this (e.g. the service was down) is not fired late. */
export const MISSED_STEP_GRACE_MS = 6 * 3600 * 1000;

export interface PlannedStep {
  kind: string;
  at: Date;
}

export const timelineJobId = (meetingId: string, kind: string) => safeJobId('tl', meetingId, kind);

/**
 * Makes the queue hold exactly one delayed job per future step of the meeting, for its
 * current sequence. Deterministic ids make this idempotent; a job left from before a
 * move (older sequence) is replaced. `isDone` skips steps that already fired.
 */
export async function scheduleTimeline(
  queue: OrgQueue<TimelineJob>,
  meeting: MeetingRecord,
  steps: readonly PlannedStep[],
  now: Date,
  isDone: (kind: string) => Promise<boolean>,
): Promise<{ added: string[]; kept: string[] }> {
  const added: string[] = [];
  const kept: string[] = [];
  for (const step of steps) {
    const jobId = timelineJobId(meeting.id, step.kind);
    const delay = step.at.getTime() - now.getTime();
    const existing = await queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      const current = existing.data.sequence === meeting.sequence;
      if (current && (state === 'delayed' || state === 'waiting' || state === 'active' || state === 'prioritized' || state === 'failed' || state === 'completed')) {
        kept.push(step.kind);
        continue;
      }
      // A stale job (older sequence) must go; an active one finishes and skips itself.
      if (state !== 'active') await existing.remove();
      else continue;
    }
    if (delay < -MISSED_STEP_GRACE_MS) continue;
    if (await isDone(step.kind)) continue;
    await queue.add(step.kind, { meetingId: meeting.id, kind: step.kind, sequence: meeting.sequence }, { jobId, delay: Math.max(0, delay) });
    added.push(step.kind);
  }
  return { added, kept };
}

/** Removes every pending step of a meeting (cancel). Active jobs see the cancel and skip. */
export async function removeTimeline(queue: OrgQueue<TimelineJob>, meetingId: string, kinds: readonly string[]): Promise<number> {
  let removed = 0;
  for (const kind of kinds) {
    const job = await queue.getJob(timelineJobId(meetingId, kind));
    if (!job) continue;
    const state = await job.getState();
    if (state === 'active') continue;
    await job.remove();
    removed++;
  }
  return removed;
}
