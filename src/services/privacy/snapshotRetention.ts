import { holdsRestrictedContent, withoutRestrictedContent } from '../../domain/lagesbild/retention.js';
import type { Services } from '../services.js';

/**
 * The lägesbild snapshot store's part of the nightly retention job (issue 4).
 *
 * Called after the forum answers older than RETENTION_MONTHS were deleted. Every snapshot
 * compiled before `cutoff` — the current one of each meeting and every kept version —
 * loses its intern and känslig text (öppen content, counts, themes and rankings stay;
 * src/domain/lagesbild/retention.ts), each change audited with actor 'retention'.
 * Returns how many meetings' snapshots were changed. Idempotent: a pruned snapshot is
 * left alone, so a second night changes nothing.
 */
export async function pruneSnapshotsBefore(s: Services, cutoff: Date): Promise<number> {
  const old = (compiledAt: string) => Date.parse(compiledAt) < cutoff.getTime();
  let pruned = 0;
  for (const id of await s.repos.lagesbilder.ids()) {
    const versions = await s.repos.lagesbilder.rewriteHistory(id, 'retention', 'retention', (r) =>
      old(r.snapshot.compiledAt) && holdsRestrictedContent(r.snapshot) ? { ...r, snapshot: withoutRestrictedContent(r.snapshot) } : null,
    );
    // The current record gets a new, pruned version (audited like any write).
    let current = false;
    await s.repos.lagesbilder.mutate(id, 'retention', 'retention', (cur) => {
      current = !!cur && old(cur.snapshot.compiledAt) && holdsRestrictedContent(cur.snapshot);
      return cur && current ? { ...cur, snapshot: withoutRestrictedContent(cur.snapshot) } : null;
    });
    if (versions > 0 || current) pruned++;
  }
  return pruned;
}
