/**
 * Part of the hashed input: bump it when the compile gives a different snapshot for the
 * same inputs (a new rule, a changed stop word), so stored hashes stop matching and a
 * re-compile is not mistaken for a no-op. Each snapshot records the version that compiled
 * it (absent in snapshots of version 1), so its views keep that version's grouping (view.ts).
 */
export const COMPILE_VERSION = 2;
