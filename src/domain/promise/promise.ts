/**
 * The medborgarlöfte (citizen promise): public commitments that kommun and polis make
 * to residents for a period (often two years), followed up at every steering meeting.
 *
 * Shape: promise → åtaganden (commitments) → åtgärder (action items) → one follow-up
 * entry per steering meeting. Messages of the checks are catalog codes, as in forum.ts.
 */
import { z } from 'zod';
import { compareIsoDates, isIsoDate } from '../calendar/localDate.js';

/** 'YYYY-MM-DD' that exists on the calendar (meeting.ts's isoDateSchema only checks the shape). */
export const calendarDateSchema = z.string().refine(isIsoDate, 'date');

/** Who answers for a commitment; 'bada' = båda (both), spelled without diacritics as an id. */
export const responsibleParties = ['polisen', 'kommunen', 'bada'] as const;
export const responsiblePartySchema = z.enum(responsibleParties);
export type ResponsibleParty = z.infer<typeof responsiblePartySchema>;

/** utkast (draft) → fastställt (agreed by a chair) → avslutat (closed). */
export const promiseStatuses = ['utkast', 'faststallt', 'avslutat'] as const;
export const promiseStatusSchema = z.enum(promiseStatuses);
export type PromiseStatus = z.infer<typeof promiseStatusSchema>;

/** ej påbörjad (not started), pågår (in progress), klar (done), försenad (late), stoppad (stopped). */
export const actionStatuses = ['ej_paborjad', 'pagar', 'klar', 'forsenad', 'stoppad'] as const;
export const actionStatusSchema = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof actionStatusSchema>;

/** An owner's short status text for one steering meeting, often with a count ("6 narkotikasök"). */
export const followUpEntrySchema = z.object({
  meetingId: z.string().min(1, 'required'),
  text: z.string().trim().min(1, 'required').max(1000, 'tooLong'),
  count: z.number().int('notANumber').min(0, 'notANumber').optional(),
  /** aadObjectId of whoever wrote it. */
  by: z.string(),
  /** Instant of writing, ISO 8601 in UTC. */
  at: z.iso.datetime(),
});
export type FollowUpEntry = z.infer<typeof followUpEntrySchema>;

/** An åtgärd: something one named person does by a date ("klart senast", done at the latest). */
export const actionItemSchema = z.object({
  id: z.string().min(1),
  text: z.string().trim().min(1, 'required').max(500, 'tooLong'),
  ownerAadObjectId: z.string().min(1, 'required'),
  /** Display name when assigned, so lists and reports need no directory look-up. */
  ownerName: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  /** The last day on which the item is on time. */
  due: calendarDateSchema,
  /** As stored; what lists show is effectiveStatus() (past due → försenad). */
  status: actionStatusSchema,
  /** Local date on which it became klar; absent unless status is klar. */
  completedAt: calendarDateSchema.optional(),
  /** At most one per meeting (applyActionUpdate replaces an earlier one). */
  followUps: z.array(followUpEntrySchema).default([]),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

/** An åtagande: a public commitment, with who answers for it and where. */
export const commitmentSchema = z.object({
  id: z.string().min(1),
  text: z.string().trim().min(1, 'required').max(1000, 'tooLong'),
  responsible: z.enum(responsibleParties, { error: 'chooseOne' }),
  districts: z.array(z.string().min(1)),
  /** The målbild (goal picture) this commitment works toward, if any. */
  malbildId: z.string().min(1).optional(),
  actions: z.array(actionItemSchema).default([]),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const promiseSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    periodFrom: calendarDateSchema,
    periodTo: calendarDateSchema,
    status: promiseStatusSchema,
    commitments: z.array(commitmentSchema).default([]),
    /** The chair who fastställde (agreed) it, and when (ISO instant); set by changePromiseStatus. */
    agreedBy: z.string().min(1).optional(),
    agreedAt: z.iso.datetime().optional(),
    /** Ids of items a chair deleted (ids only), so a new item never reuses one; see actionRemoval.ts. */
    removedActionIds: z.array(z.string().min(1)).optional(),
  })
  .refine((p) => !isIsoDate(p.periodFrom) || !isIsoDate(p.periodTo) || compareIsoDates(p.periodFrom, p.periodTo) < 0, {
    message: 'endBeforeStart',
    path: ['periodTo'],
  })
  .refine((p) => p.status === 'utkast' || (p.agreedBy !== undefined && p.agreedAt !== undefined), {
    message: 'notAgreed',
    path: ['agreedBy'],
  });
/** Named CitizenPromise because `Promise` would shadow the global in every importer. */
export type CitizenPromise = z.infer<typeof promiseSchema>;

/** Every action item with the commitment it belongs to, in document order. */
export function actionsOf(promise: CitizenPromise): { commitment: Commitment; action: ActionItem }[] {
  return promise.commitments.flatMap((commitment) => commitment.actions.map((action) => ({ commitment, action })));
}

export function findAction(promise: CitizenPromise, actionId: string): { commitment: Commitment; action: ActionItem } | undefined {
  return actionsOf(promise).find((a) => a.action.id === actionId);
}
