/**
 * The chair-editable settings of the yearly meeting plan, with the defaults that fit
 * Linköping's styrgrupp: three meetings a year (one per tertial), Wednesdays 13–15,
 * away from school holidays when members take leave.
 */
import { z } from 'zod';
import { compareIsoDates, isIsoDate, isMonthDay } from './localDate.js';
import { defaultSchoolHolidayRules, schoolCalendarSchema, schoolHolidayRuleSchema } from './schoolHolidays.js';
import { defaultTimeline, type TimelineStepKind } from './timelineSteps.js';
import { isValidTimeZone, isWallTime } from './zonedTime.js';

const monthDay = z.string().refine(isMonthDay, { message: 'expected MM-DD' });
const isoDate = z.string().refine(isIsoDate, { message: 'expected YYYY-MM-DD' });
const wallTime = z.string().refine(isWallTime, { message: 'expected HH:MM' });
const label = z.string().trim().min(1).max(60);

/** A part of the year in which one meeting is held. Never wraps the year end: it belongs to one year's plan. */
export const planWindowSchema = z
  .object({ from: monthDay, to: monthDay, label })
  .refine((w) => w.from <= w.to, { message: 'window-wraps-year', path: ['to'] });

/**
 * A period with no meetings: either one-off dates ('2026-04-01'…'2026-04-10') or a
 * yearly range ('12-20'…'01-06'), which may wrap the year end.
 */
export const blockedPeriodSchema = z
  .object({ from: z.union([isoDate, monthDay]), to: z.union([isoDate, monthDay]), label })
  .refine((p) => isIsoDate(p.from) === isIsoDate(p.to), { message: 'mixed-date-kinds', path: ['to'] })
  .refine((p) => !isIsoDate(p.from) || compareIsoDates(p.from, p.to) <= 0, { message: 'ends-before-start', path: ['to'] });

export const timelineOffsetSchema = z.object({
  offsetDays: z.number().int().min(-365).max(365),
  time: wallTime,
});

const step = (kind: TimelineStepKind) => timelineOffsetSchema.default(() => ({ ...defaultTimeline[kind] }));

export const timelineSettingsSchema = z.object({
  prompt: step('prompt'),
  remind7: step('remind7'),
  remind3: step('remind3'),
  remind1: step('remind1'),
  deadline: step('deadline'),
  publish: step('publish'),
  meetingDay: step('meetingDay'),
  decisions: step('decisions'),
});

export const planSettingsSchema = z.object({
  /** Chronological and non-overlapping, so the window's position is the meeting's number. */
  windows: z
    .array(planWindowSchema)
    .min(1)
    .max(3)
    .refine((ws) => ws.every((w, i) => i === 0 || ws[i - 1]!.to < w.from), { message: 'windows-overlap-or-unordered' })
    .default(() => [
      { from: '02-01', to: '03-31', label: 'vår' },
      { from: '05-01', to: '06-10', label: 'försommar' },
      { from: '10-01', to: '11-30', label: 'höst' },
    ]),
  /** ISO weekday of the meetings. Weekends are refused: no meeting is held on one. */
  weekday: z.number().int().min(1).max(5).default(3),
  time: wallTime.default('13:00'),
  durationMinutes: z.number().int().min(15).max(600).default(120),
  timeZone: z.string().refine(isValidTimeZone, { message: 'unknown-time-zone' }).default('Europe/Stockholm'),
  /** Other periods with no meetings (a election day, a conference): always apply. */
  blockedPeriods: z.array(blockedPeriodSchema).default(() => []),
  /** School holidays by ISO week, Easter or yearly dates (SCHOOL_HOLIDAYS). */
  schoolHolidays: z.array(schoolHolidayRuleSchema).max(20).default(defaultSchoolHolidayRules),
  /** The municipality's own läsårstider, entered by a chair: replace the rules for their year. */
  schoolCalendars: z.array(schoolCalendarSchema).default(() => []),
  /** Partial overrides keep the other steps' defaults. */
  timeline: timelineSettingsSchema.prefault({}),
});

export type PlanSettings = z.infer<typeof planSettingsSchema>;
export type PlanWindow = z.infer<typeof planWindowSchema>;
export type BlockedPeriod = z.infer<typeof blockedPeriodSchema>;
export type TimelineSettings = z.infer<typeof timelineSettingsSchema>;

/** The settings a fresh team starts with. */
export function defaultPlanSettings(): PlanSettings {
  return planSettingsSchema.parse({});
}
