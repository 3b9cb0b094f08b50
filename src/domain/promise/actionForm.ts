/**
 * Reading the action-item cards: "new åtgärd" (a chair records a decision as an action
 * item) and "update åtgärd" (its owner sets status and the follow-up for a meeting).
 * Card data comes from the client: wrong types, tampered choices or megabyte strings
 * become field errors next to the inputs, never a throw.
 */
import { z } from 'zod';
import { compareIsoDates, isIsoDate, type IsoDate } from '../calendar/localDate.js';
import { refusePersonalData } from '../inputs/personalDataCheck.js';
import { asFormObject, blankToUndefined, toFormResult, type FormResult } from './formResult.js';
import { actionStatuses, type ActionStatus } from './promise.js';

/** Input ids of the new-action card, shared with the card builder. */
export const actionFormFieldIds = ['text', 'owner', 'due', 'commitment'] as const;
export type ActionFormFieldId = (typeof actionFormFieldIds)[number];

/** Input ids of the update card. */
export const actionUpdateFormFieldIds = ['status', 'followUp', 'count'] as const;
export type ActionUpdateFormFieldId = (typeof actionUpdateFormFieldIds)[number];

export interface KnownOwner {
  aadObjectId: string;
  name: string;
}

export interface ActionFormContext {
  /** The local date today in the steering group's zone. */
  today: IsoDate;
  /** People who may own an item (members seen in the steering channel and forums). */
  knownOwners: readonly KnownOwner[];
  commitmentIds: readonly string[];
}

export interface ActionFormValue {
  text: string;
  ownerAadObjectId: string;
  ownerName: string;
  due: IsoDate;
  commitmentId: string;
}

export interface ActionUpdateFormValue {
  status?: ActionStatus;
  followUpText?: string;
  count?: number;
}

const MAX_TEXT = 500;
const MAX_FOLLOW_UP = 1000;
/** Longer than any id or date; longer input is refused before any other check looks at it. */
const MAX_TOKEN = 200;

const given = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);
const requiredString = () => z.string({ error: 'required' });

function actionFormSchema(ctx: ActionFormContext) {
  return z.object({
    text: given(requiredString().trim().min(1, 'required').max(MAX_TEXT, 'tooLong').superRefine(refusePersonalData)),
    owner: given(
      requiredString()
        .max(MAX_TOKEN, 'unknownOwner')
        .refine((id) => ctx.knownOwners.some((o) => o.aadObjectId === id), 'unknownOwner'),
    ),
    due: given(
      requiredString()
        .trim()
        .refine(isIsoDate, { message: 'date', abort: true })
        .refine((d) => compareIsoDates(d, ctx.today) >= 0, 'pastDate'),
    ),
    commitment: given(
      requiredString()
        .max(MAX_TOKEN, 'unknownCommitment')
        .refine((id) => ctx.commitmentIds.includes(id), 'unknownCommitment'),
    ),
  });
}

/** The new-action card → the parts of a new ActionItem (id and status are the caller's). */
export function parseActionForm(raw: Record<string, unknown>, ctx: ActionFormContext): FormResult<ActionFormValue> {
  const parsed = toFormResult(actionFormSchema(ctx).safeParse(asFormObject(raw)));
  if (!parsed.ok) return parsed;
  const { text, owner, due, commitment } = parsed.value;
  const ownerName = ctx.knownOwners.find((o) => o.aadObjectId === owner)?.name ?? owner;
  return { ok: true, value: { text, ownerAadObjectId: owner, ownerName, due, commitmentId: commitment } };
}

/** A whole number ≥ 0, or undefined when not given; anything else is 'notANumber'. */
const countSchema = z.unknown().transform((value, ctx) => {
  if (value === undefined) return undefined;
  const n = parseCount(value);
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: 'notANumber' });
    return z.NEVER;
  }
  return n;
});

const actionUpdateFormSchema = z.object({
  status: given(z.enum(actionStatuses, { error: 'chooseOne' }).optional()),
  followUp: given(requiredString().trim().max(MAX_FOLLOW_UP, 'tooLong').superRefine(refusePersonalData).optional()),
  count: given(countSchema),
});

/**
 * The update card → what applyActionUpdate takes (the caller adds the meeting id).
 * `count` is a whole number ≥ 0 ("6", "1 000", 6). A count needs a follow-up text to
 * say what was counted. A submit with neither status nor follow-up is refused on the
 * follow-up field: on a follow-up-only card that is the input left empty.
 */
export function parseActionUpdateForm(raw: Record<string, unknown>): FormResult<ActionUpdateFormValue> {
  const parsed = toFormResult(actionUpdateFormSchema.safeParse(asFormObject(raw)));
  if (!parsed.ok) return parsed;
  const { status, followUp, count } = parsed.value;
  if (followUp === undefined && (count !== undefined || status === undefined)) return { ok: false, fieldErrors: { followUp: 'required' } };
  return {
    ok: true,
    value: {
      ...(status !== undefined ? { status } : {}),
      ...(followUp !== undefined ? { followUpText: followUp } : {}),
      ...(count !== undefined ? { count } : {}),
    },
  };
}

/** Digits with optional Swedish thousands spaces; null when it is not a whole number ≥ 0. */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string' || value.length > 30) return null;
  const digits = value.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,15}$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
