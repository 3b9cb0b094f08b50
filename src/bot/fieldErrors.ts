import type { z } from 'zod';
import type { FieldErrors } from '../domain/errors.js';
import { FIELD_ERROR_CODE } from '../domain/inputs/personalDataCheck.js';

/** zod issues → { field: code }, the first problem per field; codes are catalog keys. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    const known = FIELD_ERROR_CODE.test(issue.message) ? issue.message : issue.code === 'too_big' ? 'tooLong' : issue.code === 'too_small' ? 'tooShort' : 'required';
    out[field] = known;
  }
  return out;
}
