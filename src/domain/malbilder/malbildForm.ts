/**
 * Reading the målbild card (goal statements, one per line) and the new-indicator card.
 * Values are typed by people in Swedish notation, so numbers go through parseDecimal.
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../calendar/localDate.js';
import { asFormObject, blankToUndefined, toFormResult, type FormResult } from '../promise/formResult.js';
import { indicatorDirections, indicatorSchema, type IndicatorDirection } from './malbild.js';
import { parseDecimal } from './readingForm.js';
import { personalDataCode } from '../inputs/formValues.js';
import { refusePersonalData } from '../inputs/personalDataCheck.js';

export const statementsFormFieldIds = ['statements'] as const;
export const indicatorFormFieldIds = ['name', 'unit', 'direction', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate'] as const;

const MAX_STATEMENTS = 20;

/** One statement per non-empty line; empty is allowed (a målbild may start with indicators only). */
export function parseStatementsForm(raw: Record<string, unknown>): FormResult<{ statements: string[] }> {
  const value = blankToUndefined(asFormObject(raw).statements);
  if (value === undefined) return { ok: true, value: { statements: [] } };
  if (typeof value !== 'string' || value.length > 20_000) return { ok: false, fieldErrors: { statements: 'tooLong' } };
  const statements = value
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean);
  if (statements.length > MAX_STATEMENTS) return { ok: false, fieldErrors: { statements: 'tooMany' } };
  if (statements.some((s) => s.length > 500)) return { ok: false, fieldErrors: { statements: 'tooLong' } };
  for (const statement of statements) {
    const personal = personalDataCode(statement);
    if (personal) return { ok: false, fieldErrors: { statements: personal } };
  }
  return { ok: true, value: { statements } };
}

export interface IndicatorFormValue {
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline?: { value: number; date: IsoDate };
  target: { value: number; date: IsoDate };
}

const given = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);
/** A number typed in Swedish or English notation; missing is 'required' only where asked. */
const decimal = (required: boolean) =>
  z.unknown().transform((value, ctx): number | undefined => {
    if (value === undefined) {
      if (required) ctx.addIssue({ code: 'custom', message: 'required' });
      return undefined;
    }
    const n = parseDecimal(value);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'notANumber' });
      return z.NEVER;
    }
    return n;
  });
const date = () => z.string({ error: 'date' }).trim().refine(isIsoDate, 'date');

const indicatorFormSchema = z.object({
  name: given(z.string({ error: 'required' }).trim().min(1, 'required').max(200, 'tooLong').superRefine(refusePersonalData)),
  unit: given(z.string({ error: 'tooLong' }).trim().max(40, 'tooLong').superRefine(refusePersonalData).optional()),
  direction: given(z.enum(indicatorDirections, { error: 'chooseOne' })),
  baselineValue: given(decimal(false)),
  baselineDate: given(date().optional()),
  targetValue: given(decimal(true)),
  targetDate: given(date()),
});

/**
 * The card → an indicator without id and readings. A baseline needs both value and date;
 * the rules across fields (target in the chosen direction, dates in order) are the
 * schema's own, reported on the target fields.
 */
export function parseIndicatorForm(raw: Record<string, unknown>): FormResult<IndicatorFormValue> {
  const parsed = toFormResult(indicatorFormSchema.safeParse(asFormObject(raw)));
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if ((v.baselineValue === undefined) !== (v.baselineDate === undefined)) {
    return { ok: false, fieldErrors: v.baselineValue === undefined ? { baselineValue: 'required' } : { baselineDate: 'required' } };
  }
  const value: IndicatorFormValue = {
    name: v.name,
    unit: v.unit ?? '',
    direction: v.direction,
    ...(v.baselineValue !== undefined && v.baselineDate !== undefined ? { baseline: { value: v.baselineValue, date: v.baselineDate } } : {}),
    // decimal(true) reported 'required' when it was missing, so it is present here.
    target: { value: v.targetValue ?? 0, date: v.targetDate },
  };
  const checked = indicatorSchema.safeParse({ id: 'new', ...value, readings: [] });
  if (!checked.success) {
    const code = checked.error.issues[0]?.message ?? 'required';
    return { ok: false, fieldErrors: { [code === 'endBeforeStart' ? 'targetDate' : 'targetValue']: /^[a-zA-Z]+$/.test(code) ? code : 'required' } };
  }
  return { ok: true, value };
}
