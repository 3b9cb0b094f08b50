/**
 * The texts of the steering group's material — every inspel text in the lägesbild
 * snapshots (öppen means the steering group, not the public; intern and känslig even
 * less) and the agenda items drawn from them: a public text that repeats one of them is
 * withheld (publicVersion.ts). The agenda's fixed items are the group's own headings, not
 * inspel. Pure; the service passes in what it loaded.
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
    for (const t of texts) if (t.text.trim() !== '') out.add(t.text);
  }
  for (const a of agendas) for (const i of [...a.items, ...a.notOnAgenda]) if (i.kind !== 'fixed') out.add(i.title);
  return [...out];
}
