/**
 * The personal-data guard as a zod check, for every card that takes free text (forum,
 * promise, commitment, action item, follow-up, målbild, indicator): what identifies a
 * person is refused there as it is in the inspel, with the code 'personalData|<kind>'.
 */
import type { z } from 'zod';
import { personalDataCode } from './formValues.js';

export function refusePersonalData(text: string, ctx: z.RefinementCtx): void {
  const code = personalDataCode(text);
  if (code) ctx.addIssue({ code: 'custom', message: code });
}

/** A field-error code a parser may pass on: a catalog key, or 'personalData|<kind>'. */
export const FIELD_ERROR_CODE = /^[a-zA-Z]+(?:\|[a-zA-Z]+)?$/;
