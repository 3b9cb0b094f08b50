/**
 * The intern and känslig texts of the steering group's material (lägesbild snapshots
 * and agendas): a public text that repeats one of them is withheld (publicVersion.ts).
 * Pure; the service passes in what it loaded.
 */
import type { Agenda } from '../agenda/agenda.js';
import { itemsOf } from '../lagesbild/items.js';
import type { LagesbildSnapshot } from '../lagesbild/schema.js';

export function restrictedTextsOf(snapshots: readonly LagesbildSnapshot[], agendas: readonly Agenda[]): string[] {
  const out = new Set<string>();
  for (const snap of snapshots) {
    const items = itemsOf(snap);
    const texts = [
      ...items.ratings.map((r) => ({ text: r.situation, sensitivity: r.sensitivity })),
      ...items.otherThemes,
      ...items.questions,
      ...items.needs,
      ...items.proposals,
    ];
    for (const t of texts) if (t.sensitivity !== 'oppen' && t.text.trim() !== '') out.add(t.text);
  }
  for (const a of agendas) for (const i of [...a.items, ...a.notOnAgenda]) if (i.sensitivity !== 'oppen') out.add(i.title);
  return [...out];
}
