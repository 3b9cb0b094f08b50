/**
 * The steps of a meeting's timeline, in the order they normally happen. Kept apart
 * from timeline.ts so that the settings schema can list them without an import cycle.
 */
export const timelineStepKinds = ['prompt', 'remind7', 'remind3', 'remind1', 'deadline', 'publish', 'meetingDay', 'decisions'] as const;

export type TimelineStepKind = (typeof timelineStepKinds)[number];

/** When a step fires: `offsetDays` from the meeting day (negative = before), at `time` local. */
export interface TimelineOffset {
  offsetDays: number;
  time: string;
}

/** The defaults from the design notes ("Per-meeting timeline"). */
export const defaultTimeline = {
  prompt: { offsetDays: -21, time: '09:00' },
  remind7: { offsetDays: -7, time: '09:00' },
  remind3: { offsetDays: -3, time: '09:00' },
  remind1: { offsetDays: -1, time: '09:00' },
  deadline: { offsetDays: -2, time: '12:00' },
  publish: { offsetDays: -1, time: '08:00' },
  meetingDay: { offsetDays: 0, time: '08:00' },
  decisions: { offsetDays: 1, time: '09:00' },
} as const satisfies Record<TimelineStepKind, TimelineOffset>;
