/** Canonical JSON (object keys sorted) and its sha256: pure computation, no I/O. */
import { createHash } from 'node:crypto';

/** JSON with object keys in code-unit order at every level; undefined properties are left out. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A short id from a hash of the parts: `${prefix}-` and 12 hex digits (48 bits). */
export function shortId(prefix: string, parts: readonly string[]): string {
  return `${prefix}-${sha256Hex(parts.join('\u0000')).slice(0, 12)}`;
}
