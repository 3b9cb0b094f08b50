/**
 * Optimistic concurrency for editing an inspel. The card carries the version the user
 * saw (`basedOnVersion`); a write from an older, newer or unknown version is refused as
 * stale and the user is shown the current answer instead of overwriting it silently.
 * Versions follow the store: the first saved version is 1, and "nothing yet" is 0.
 */

export type AnswerWriteKind = 'create' | 'update' | 'stale';

export function nextAnswerVersion(existing: { version: number } | null, basedOnVersion: number | undefined): AnswerWriteKind {
  if (basedOnVersion !== undefined && !(Number.isSafeInteger(basedOnVersion) && basedOnVersion >= 0)) return 'stale';
  if (!existing) return basedOnVersion === undefined || basedOnVersion === 0 ? 'create' : 'stale';
  // Someone answered meanwhile and this user never saw it: not theirs to overwrite.
  if (basedOnVersion === undefined) return 'stale';
  return basedOnVersion === existing.version ? 'update' : 'stale';
}
