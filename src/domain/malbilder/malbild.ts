/**
 * A målbild (goal picture) of a district: what it should be like (goal statements) and
 * the indicators that show whether it is getting there, each with a baseline, a target
 * and readings entered over time.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/localDate.js';

const calendarDate = z.string().refine(isIsoDate, 'date');
const finite = z.number({ error: 'notANumber' }).finite('notANumber');

/** Whether a higher value is better ('increase', e.g. share who feel safe) or a lower one ('decrease', e.g. reported crimes). */
export const indicatorDirections = ['increase', 'decrease'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];

export const indicatorPointSchema = z.object({ value: finite, date: calendarDate });
export type IndicatorPoint = z.infer<typeof indicatorPointSchema>;

/** One measured value; `by` is the aadObjectId of whoever entered it. */
export const readingSchema = indicatorPointSchema.extend({ by: z.string() });
export type Reading = z.infer<typeof readingSchema>;

export const indicatorSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    /** '%', 'antal' (count), 'anmälningar/1000 inv.'; may be empty for a plain index. */
    unit: z.string().trim().max(40, 'tooLong'),
    direction: z.enum(indicatorDirections, { error: 'chooseOne' }),
    /** Where it started; without one, progress toward the target cannot be measured. */
    baseline: indicatorPointSchema.optional(),
    target: indicatorPointSchema,
    /** In entry order; progress reads them by date. */
    readings: z.array(readingSchema).default([]),
  })
  // A target behind the baseline in the chosen direction is a typo (usually the direction), not a goal.
  .refine(
    (i) => !i.baseline || (i.direction === 'increase' ? i.target.value >= i.baseline.value : i.target.value <= i.baseline.value),
    { message: 'targetWrongDirection', path: ['target'] },
  )
  .refine((i) => !i.baseline || i.baseline.date <= i.target.date, { message: 'endBeforeStart', path: ['target'] });
export type Indicator = z.infer<typeof indicatorSchema>;

export const malbildSchema = z.object({
  id: z.string().min(1),
  /** The stadsdel (district), e.g. Berga, Ryd, Skäggetorp. */
  district: z.string().trim().min(1, 'required').max(80, 'tooLong'),
  /** Goal statements ("Boende i Berga känner sig trygga utomhus på kvällen"). */
  statements: z.array(z.string().trim().min(1, 'required').max(500, 'tooLong')).max(20, 'tooMany'),
  indicators: z.array(indicatorSchema).max(30, 'tooMany').default([]),
});
export type Malbild = z.infer<typeof malbildSchema>;
