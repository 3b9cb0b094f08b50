import type { Services } from '../services.js';

/**
 * THE SEAM FOR THE LÄGESBILD SNAPSHOT STORE (issue 4).
 *
 * Called by the nightly retention job after it has deleted the forum answers older than
 * RETENTION_MONTHS. Compiled lägesbild snapshots are kept, but every snapshot compiled
 * before `cutoff` must lose its intern and känslig text (keep öppen content, counts,
 * themes and rankings), and the change must be audited (actor 'retention').
 * Returns how many snapshots were changed. Must be idempotent (it runs every night).
 *
 * Until the snapshot store exists there is nothing to prune.
 */
export async function pruneSnapshotsBefore(s: Services, cutoff: Date): Promise<number> {
  void s;
  void cutoff;
  return 0;
}
