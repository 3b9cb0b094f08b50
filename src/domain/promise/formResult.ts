/**
 * The outcome of reading an Adaptive Card submit: a typed value, or one catalog code per
 * card input id. Card data comes from the client and may be anything, so parsers return
 * this instead of throwing.
 */
import type { z } from 'zod';
import type { FieldErrors } from '../errors.js';
import { FIELD_ERROR_CODE } from '../inputs/personalDataCheck.js';

export type FormResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

/** A code is a catalog key (camelCase letters, maybe with a '|kind'); zod's own English messages are not. */
const CATALOG_CODE = FIELD_ERROR_CODE;

/** The first problem per input id wins: it is the one the user should fix first. */
export function toFormResult<T>(parsed: z.ZodSafeParseResult<T>): FormResult<T> {
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (fieldErrors[field] === undefined) fieldErrors[field] = CATALOG_CODE.test(issue.message) ? issue.message : 'required';
  }
  return { ok: false, fieldErrors };
}

/** Card data that is not a plain object (a tampered submit) reads as an empty form. */
export function asFormObject(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

/** Inputs a user left empty arrive as '' or not at all; both mean "not given". */
export function blankToUndefined(value: unknown): unknown {
  return value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
}
