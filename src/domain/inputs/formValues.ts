/**
 * Readers for single values of a submitted Adaptive Card. Card data arrives from the
 * client and may be forged: any value can be missing, of the wrong type or huge. Each
 * reader returns a value or an error code (a catalog key under fieldErrors) and never
 * throws. Sizes are checked before any scanning so a megabyte costs one comparison.
 */
import { findPersonalData } from './personalDataGuard.js';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; code: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = <T>(code: string): FieldResult<T> => ({ ok: false, code });

/** Whether the user put something in the field (wrong types count: they earn an error). */
export function isSupplied(value: unknown): boolean {
  return value !== undefined && !(typeof value === 'string' && value.trim() === '');
}

/** Why a free text may not be stored, as 'personalData|<kind>', or null. */
export function personalDataCode(text: string): string | null {
  const found = findPersonalData(text);
  return found ? `personalData|${found.kind}` : null;
}

/** Trimmed free text ('' when absent) with Windows/Mac line ends made '\n'. */
export function readFreeText(value: unknown, max: number): FieldResult<string> {
  if (value === undefined) return ok('');
  if (typeof value !== 'string') return fail('required');
  const text = value.trim().replace(/\r\n?/g, '\n');
  if (text.length > max) return fail('tooLong');
  const personal = personalDataCode(text);
  return personal ? fail(personal) : ok(text);
}

/** Non-empty lines of a multi-line text, each trimmed (one agenda item per line). */
export function readLines(value: unknown, limits: { maxItems: number; maxLength: number }): FieldResult<string[]> {
  if (value === undefined) return ok([]);
  if (typeof value !== 'string') return fail('required');
  // Longer than the items could be even with generous blank lines: stop before splitting.
  if (value.length > limits.maxItems * (limits.maxLength + 100)) return fail('tooLong');
  const lines = value
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > limits.maxItems) return fail('tooMany');
  if (lines.some((l) => l.length > limits.maxLength)) return fail('tooLong');
  for (const line of lines) {
    const personal = personalDataCode(line);
    if (personal) return fail(personal);
  }
  return ok(lines);
}

/** One value of a ChoiceSet; null when nothing was chosen. */
export function readChoice<T extends string>(value: unknown, allowed: readonly T[]): FieldResult<T | null> {
  if (value === undefined || value === '') return ok(null);
  if (typeof value !== 'string') return fail('chooseOne');
  const v = value.trim();
  if (v === '') return ok(null);
  return (allowed as readonly string[]).includes(v) ? ok(v as T) : fail('chooseOne');
}

/**
 * The values of a multi-select ChoiceSet (sent as "a,b,c"), without duplicates and in
 * the order of `allowed`, so equal selections compare equal.
 */
export function readMultiChoice(value: unknown, allowed: readonly string[], unknownCode: string): FieldResult<string[]> {
  if (value === undefined) return ok([]);
  if (typeof value !== 'string') return fail('chooseOne');
  const maxLength = allowed.reduce((n, id) => n + id.length + 1, 0) * 2 + 100;
  if (value.length > maxLength) return fail(unknownCode);
  const chosen = new Set(
    value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  );
  if ([...chosen].some((v) => !allowed.includes(v))) return fail(unknownCode);
  return ok(allowed.filter((id) => chosen.has(id)));
}
