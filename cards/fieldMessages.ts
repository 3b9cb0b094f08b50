import type { Catalog } from '../src/i18n/index.js';
import type { FieldErrors } from '../src/domain/errors.js';

/** Turns domain field-error codes ("holiday|Påskdagen") into sentences of the catalog. */
export function fieldMessage(m: Catalog, code: string | undefined): string | undefined {
  if (!code) return undefined;
  const [key, param = ''] = code.split('|') as [string, string?];
  const entry = featureFieldError(m, key);
  if (entry === undefined) return m.errors.invalidInput;
  return typeof entry === 'function' ? entry(param) : entry;
}

type FieldErrorEntry = string | ((p: string) => string);

/** The common codes first, then a feature's own (e.g. `m.promise.fieldErrors`), so features add codes without editing the common list. */
function featureFieldError(m: Catalog, key: string): FieldErrorEntry | undefined {
  const sections = [m.fieldErrors, ...Object.values(m).map((v) => (v as { fieldErrors?: unknown } | null)?.fieldErrors)];
  for (const section of sections) {
    if (section && typeof section === 'object' && Object.hasOwn(section, key)) return (section as Record<string, FieldErrorEntry>)[key];
  }
  return undefined;
}

export function fieldMessages(m: Catalog, errors: FieldErrors | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(errors ?? {})) out[k] = fieldMessage(m, v);
  return out;
}
