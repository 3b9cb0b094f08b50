import type { Catalog } from '../src/i18n/index.js';
import type { FieldErrors } from '../src/domain/errors.js';

/** Turns domain field-error codes ("holiday|Påskdagen") into sentences of the catalog. */
export function fieldMessage(m: Catalog, code: string | undefined): string | undefined {
  if (!code) return undefined;
  const [key, param = ''] = code.split('|') as [string, string?];
  if (!Object.hasOwn(m.fieldErrors, key)) return m.errors.invalidInput;
  const entry = (m.fieldErrors as Record<string, string | ((p: string) => string)>)[key]!;
  return typeof entry === 'function' ? entry(param) : entry;
}

export function fieldMessages(m: Catalog, errors: FieldErrors | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(errors ?? {})) out[k] = fieldMessage(m, v);
  return out;
}
