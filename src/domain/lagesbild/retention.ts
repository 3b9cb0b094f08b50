/**
 * Retention of compiled snapshots (run nightly, see src/services/privacy): a snapshot older
 * than the retention period keeps its öppen content, its counts, themes and rankings as
 * the open audience saw them, and the response rate — and loses every intern and känslig
 * text. Pure and idempotent: a pruned snapshot is returned unchanged.
 *
 * The content hash stays: it names the inputs the snapshot was compiled from, which is
 * still true. Every view of a pruned snapshot is the open view.
 */
import { canonicalJson } from './hash.js';
import type { LagesbildSnapshot } from './schema.js';
import { viewFor } from './view.js';

export function withoutRestrictedContent(snapshot: LagesbildSnapshot): LagesbildSnapshot {
  const open = viewFor(snapshot, 'open');
  return {
    ...snapshot,
    content: { oppen: snapshot.content.oppen, intern: 0, kanslig: 0 },
    districts: open.districts,
    themes: open.themes,
    questions: open.questions,
    needs: open.needs,
    agendaProposals: open.agendaProposals,
    // What the next meeting compares with: only what the open audience saw.
    previous: snapshot.previous ? { ...snapshot.previous, summaries: { chairs: snapshot.previous.summaries.open, steering: snapshot.previous.summaries.open, open: snapshot.previous.summaries.open } } : null,
  };
}

/** True when pruning would change the snapshot (it still holds intern or känslig content). */
export function holdsRestrictedContent(snapshot: LagesbildSnapshot): boolean {
  return canonicalJson(withoutRestrictedContent(snapshot)) !== canonicalJson(snapshot);
}
