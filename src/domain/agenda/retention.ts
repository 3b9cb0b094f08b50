/**
 * Retention for agendas (issue 6's rule, as for lägesbild snapshots): once the answers
 * behind an agenda are past RETENTION_MONTHS, its items drawn from intern or känslig
 * answers lose their text; their place, time box and sensitivity stay, so what the
 * meeting spent its time on is still visible. Pure.
 */
import type { Agenda, AgendaItem } from './agenda.js';

/** What a pruned item is called instead of its text. */
export const PRUNED_TITLE = '–';

const restricted = (i: AgendaItem) => i.sensitivity !== 'oppen' && i.title !== PRUNED_TITLE;

export function holdsRestrictedAgendaText(agenda: Agenda): boolean {
  return agenda.items.some(restricted) || agenda.notOnAgenda.some(restricted);
}

export function withoutRestrictedAgendaText(agenda: Agenda): Agenda {
  const prune = (i: AgendaItem): AgendaItem => (restricted(i) ? { ...i, title: PRUNED_TITLE } : i);
  return { ...agenda, items: agenda.items.map(prune), notOnAgenda: agenda.notOnAgenda.map(prune) };
}
