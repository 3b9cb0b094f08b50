/**
 * Reading the promise card (title and period) and the commitment card (text, who answers
 * for it, districts, linked målbild). Card data is untrusted: wrong types or tampered
 * choices become field errors next to the inputs, never a throw.
 */
import { z } from 'zod';
import { compareIsoDates, isIsoDate, type IsoDate } from '../calendar/localDate.js';
import { refusePersonalData } from '../inputs/personalDataCheck.js';
import { asFormObject, blankToUndefined, toFormResult, type FormResult } from './formResult.js';
import { responsibleParties, type ResponsibleParty } from './promise.js';

export const promiseFormFieldIds = ['title', 'periodFrom', 'periodTo'] as const;
export const commitmentFormFieldIds = ['text', 'responsible', 'districts', 'malbild'] as const;

export interface PromiseFormValue {
  title: string;
  periodFrom: IsoDate;
  periodTo: IsoDate;
}

export interface CommitmentFormContext {
  districts: readonly string[];
  malbildIds: readonly string[];
}

export interface CommitmentFormValue {
  text: string;
  responsible: ResponsibleParty;
  districts: string[];
  malbildId?: string;
}

const given = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);
const date = () =>
  given(
    z
      .string({ error: 'date' })
      .trim()
      .refine(isIsoDate, 'date'),
  );

const promiseFormSchema = z.object({
  title: given(z.string({ error: 'required' }).trim().min(1, 'required').max(200, 'tooLong').superRefine(refusePersonalData)),
  periodFrom: date(),
  periodTo: date(),
});

/**
 * The card → title and period. The period's order is checked even when the title is
 * missing, so the chair sees every problem of the card at once.
 */
export function parsePromiseForm(raw: Record<string, unknown>): FormResult<PromiseFormValue> {
  const form = asFormObject(raw);
  const parsed = toFormResult(promiseFormSchema.safeParse(form));
  const from = typeof form.periodFrom === 'string' ? form.periodFrom.trim() : '';
  const to = typeof form.periodTo === 'string' ? form.periodTo.trim() : '';
  const badOrder = isIsoDate(from) && isIsoDate(to) && compareIsoDates(from, to) >= 0;
  if (!badOrder) return parsed;
  return { ok: false, fieldErrors: { ...(parsed.ok ? {} : parsed.fieldErrors), periodTo: 'endBeforeStart' } };
}

/** A multi-select ChoiceSet sends "Berga,Ryd"; a tampered one may send anything. */
function districtList(ctx: CommitmentFormContext) {
  return z.preprocess(
    (v) => (v === undefined || v === null ? '' : v),
    z
      .string({ error: 'unknownDistrict' })
      .max(2000, 'tooLong')
      .transform((s) => s.split(',').map((d) => d.trim()).filter(Boolean))
      .refine((list) => list.every((d) => ctx.districts.includes(d)), 'unknownDistrict')
      .transform((list) => [...new Set(list)]),
  );
}

function commitmentFormSchema(ctx: CommitmentFormContext) {
  return z.object({
    text: given(z.string({ error: 'required' }).trim().min(1, 'required').max(1000, 'tooLong').superRefine(refusePersonalData)),
    responsible: given(z.enum(responsibleParties, { error: 'chooseOne' })),
    districts: districtList(ctx),
    malbild: given(
      z
        .string({ error: 'chooseOne' })
        .max(200, 'chooseOne')
        .refine((id) => ctx.malbildIds.includes(id), 'chooseOne')
        .optional(),
    ),
  });
}

export function parseCommitmentForm(raw: Record<string, unknown>, ctx: CommitmentFormContext): FormResult<CommitmentFormValue> {
  const parsed = toFormResult(commitmentFormSchema(ctx).safeParse(asFormObject(raw)));
  if (!parsed.ok) return parsed;
  const { text, responsible, districts, malbild } = parsed.value;
  return { ok: true, value: { text, responsible, districts, ...(malbild !== undefined ? { malbildId: malbild } : {}) } };
}
