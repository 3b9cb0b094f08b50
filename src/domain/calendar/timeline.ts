/**
 * The per-meeting timeline (design notes, "Per-meeting timeline"): when the input card
 * goes out, when reminders nag, when inputs lock, when the picture is published and
 * when decisions are recorded. Each step is a wall-clock offset from the meeting day,
 * so "09:00" stays 09:00 in Stockholm even when a DST change lies between the step
 * and the meeting. Moving a meeting means recomputing its timeline; nothing is stored
 * here.
 */
import { addDays, type IsoDate } from './localDate.js';
import type { PlanSettings } from './planSettings.js';
import { timelineStepKinds, type TimelineStepKind } from './timelineSteps.js';
import { utcToZoned, zonedToUtc, type WallTime } from './zonedTime.js';

export { defaultTimeline, timelineStepKinds, type TimelineOffset, type TimelineStepKind } from './timelineSteps.js';

export interface TimelineStep {
  kind: TimelineStepKind;
  at: Date;
  /** The same moment on the wall clock of settings.timeZone. */
  local: { date: IsoDate; time: WallTime };
}

/** All steps of one meeting, sorted by instant (ties keep the order of timelineStepKinds). */
export function meetingTimeline(
  meeting: { date: IsoDate; time: WallTime },
  settings: Pick<PlanSettings, 'timeline' | 'timeZone'>,
): TimelineStep[] {
  return timelineStepKinds
    .map((kind) => {
      const at = stepInstant(meeting, settings, kind);
      // Read back from the instant: a time inside a DST gap shows as the time it really fires.
      return { kind, at, local: utcToZoned(at, settings.timeZone) };
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The instant of one step, as meetingTimeline() has it — for callers that need only one
 * (the input deadline is asked on every submit; the whole timeline costs ~20 zone look-ups).
 */
export function stepInstant(meeting: { date: IsoDate; time: WallTime }, settings: Pick<PlanSettings, 'timeline' | 'timeZone'>, kind: TimelineStepKind): Date {
  const { offsetDays, time } = settings.timeline[kind];
  return zonedToUtc(addDays(meeting.date, offsetDays), time, settings.timeZone);
}

/** Steps whose moment has come (at ≤ now), in timeline order. Reconcile runs the ones not yet done. */
export function dueSteps(steps: readonly TimelineStep[], now: Date): TimelineStep[] {
  return steps.filter((s) => s.at.getTime() <= now.getTime());
}
