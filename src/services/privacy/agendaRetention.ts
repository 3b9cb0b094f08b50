import { holdsRestrictedAgendaText, withoutRestrictedAgendaText } from '../../domain/agenda/retention.js';
import type { AgendaRecord } from '../../domain/lagesbild/records.js';
import type { Services } from '../services.js';

/**
 * The agendas' part of the nightly retention job: an agenda proposed from a snapshot
 * compiled before `cutoff` (its published copy too, and every kept version) loses the
 * text of items drawn from intern or känslig answers; audited with actor 'retention'.
 * Returns how many meetings' agendas changed. Idempotent.
 */
export async function pruneAgendasBefore(s: Services, cutoff: Date): Promise<number> {
  let pruned = 0;
  for (const id of await s.repos.agendas.ids()) {
    const snapshot = (await s.repos.lagesbilder.get(id))?.data.snapshot;
    const agenda = await s.repos.agendas.get(id);
    // Without its snapshot, the agenda's own age decides.
    const compiledAt = snapshot?.compiledAt ?? agenda?.updatedAt;
    if (!compiledAt || Date.parse(compiledAt) >= cutoff.getTime()) continue;
    const prune = (r: AgendaRecord): AgendaRecord | null => {
      const holds = holdsRestrictedAgendaText(r.agenda) || (!!r.published && holdsRestrictedAgendaText(r.published.agenda));
      if (!holds) return null;
      return { ...r, agenda: withoutRestrictedAgendaText(r.agenda), published: r.published ? { ...r.published, agenda: withoutRestrictedAgendaText(r.published.agenda) } : null };
    };
    const versions = await s.repos.agendas.rewriteHistory(id, 'retention', 'retention', prune);
    let current = false;
    await s.repos.agendas.mutate(id, 'retention', 'retention', (cur) => {
      const next = cur ? prune(cur) : null;
      current = next !== null;
      return next;
    });
    if (versions > 0 || current) pruned++;
  }
  return pruned;
}
