/**
 * Reading the "new indicator reading" card. The value is typed by a person, often in
 * Swedish notation ("12,5", "1 200"), so both decimal marks and thousands spaces are
 * accepted; anything else, or a wrong type from a tampered submit, is a field error.
 */
import { z } from 'zod';
import { compareIsoDates, isIsoDate, type IsoDate } from '../calendar/localDate.js';
import { asFormObject, blankToUndefined, toFormResult, type FormResult } from '../promise/formResult.js';

/** Input ids of the reading card, shared with the card builder. */
export const readingFormFieldIds = ['indicator', 'value', 'date'] as const;
export type ReadingFormFieldId = (typeof readingFormFieldIds)[number];

export interface ReadingFormContext {
  indicatorIds: readonly string[];
  /** The local date today in the steering group's zone. */
  today: IsoDate;
}

export interface ReadingFormValue {
  indicatorId: string;
  value: number;
  date: IsoDate;
}

const MAX_TOKEN = 200;
const given = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

/** A missing value is 'required'; a present one that is not a finite number is 'notANumber'. */
const valueSchema = z.unknown().transform((value, ctx) => {
  if (value === undefined) {
    ctx.addIssue({ code: 'custom', message: 'required' });
    return z.NEVER;
  }
  const n = parseDecimal(value);
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: 'notANumber' });
    return z.NEVER;
  }
  return n;
});

function readingFormSchema(ctx: ReadingFormContext) {
  return z.object({
    indicator: given(
      z
        .string({ error: 'required' })
        .max(MAX_TOKEN, 'unknownIndicator')
        .refine((id) => ctx.indicatorIds.includes(id), 'unknownIndicator'),
    ),
    value: given(valueSchema),
    // Input.Date is prefilled with today; an empty one means today rather than an error.
    date: given(
      z
        .string({ error: 'date' })
        .trim()
        .refine(isIsoDate, { message: 'date', abort: true })
        .refine((d) => compareIsoDates(d, ctx.today) <= 0, 'futureDate')
        .optional(),
    ),
  });
}

export function parseReadingForm(raw: Record<string, unknown>, ctx: ReadingFormContext): FormResult<ReadingFormValue> {
  const parsed = toFormResult(readingFormSchema(ctx).safeParse(asFormObject(raw)));
  if (!parsed.ok) return parsed;
  const { indicator, value, date } = parsed.value;
  return { ok: true, value: { indicatorId: indicator, value, date: date ?? ctx.today } };
}

/**
 * "12,5", "-3.25", "1 200", "−4" (Unicode minus) → number; null for anything else,
 * including exponents, hex, Infinity and NaN, which no one types on purpose.
 */
export function parseDecimal(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.length > 40) return null;
  const s = value.replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-').replace(',', '.');
  if (!/^-?\d{1,15}(\.\d{1,10})?$/.test(s)) return null;
  return Number(s);
}
