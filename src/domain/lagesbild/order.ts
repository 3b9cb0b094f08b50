/**
 * Deterministic orderings. Names sort in Swedish order (å, ä, ö last) with a plain
 * code-unit comparison as the final tie-break, so no two distinct strings compare equal
 * and no result depends on the order the input came in.
 */

const swedish = new Intl.Collator('sv');

/** Code-unit order: total and locale-free. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Swedish collation, then code units. */
export function compareSv(a: string, b: string): number {
  return swedish.compare(a, b) || compareCodeUnits(a, b);
}

/** Distinct values in Swedish order. */
export function sortedUniqueSv(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareSv);
}

/** Position of each forum in the roster (sorted by name, then id); unknown forums sort last. */
export type ForumOrder = ReadonlyMap<string, number>;

export function compareByForum(order: ForumOrder, a: { forumId: string }, b: { forumId: string }): number {
  return (order.get(a.forumId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.forumId) ?? Number.MAX_SAFE_INTEGER) || compareCodeUnits(a.forumId, b.forumId);
}

/** Rounded to 3 decimals, so scores and their differences carry no floating-point noise. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000 + 0;
}
