/**
 * A short fingerprint of one part of a promise (an action item, a commitment). The whole
 * promise is one versioned record, so its version moves whenever anyone touches any item;
 * a card carries the fingerprint of the part it shows instead, and an edit is refused as
 * stale only when that part changed — two owners updating their own items never collide.
 */
import type { ActionItem } from './promise.js';

export function revisionOf(value: unknown): string {
  const s = JSON.stringify(value) ?? '';
  // Two 32-bit FNV-style hashes: collisions between two versions of one item are negligible.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(36)}${h2.toString(36)}`;
}

/** The fingerprint an action item's cards carry (update, edit, delete). */
export const actionRevision = (action: ActionItem): string => revisionOf(action);
