/**
 * A recompiled lägesbild (late answers) proposes a new agenda; the chair's edits of the
 * previous one carry over instead of being lost. Pure.
 *
 * - Items the chair had on the agenda stay there, in the chair's order, with the chair's
 *   titles and time boxes, as long as the new lägesbild still has them.
 * - Items the chair set aside stay set aside; items left off for time stay off.
 * - What is new (new questions or proposals, or groups that changed with the late
 *   answers) comes after, in the new proposal's order, while the meeting's time allows.
 * - Items the new lägesbild no longer has are gone. The result needs approving again.
 */
import type { Agenda, AgendaItem } from './agenda.js';

export function carryAgendaEdits(previous: Agenda, proposed: Agenda): Agenda {
  const fresh = new Map([...proposed.items, ...proposed.notOnAgenda].map((i) => [i.id, i]));
  const keepEdits = (old: AgendaItem, removed: boolean): AgendaItem => ({ ...fresh.get(old.id)!, title: old.title, minutes: old.minutes, removed });

  const items = previous.items.filter((i) => fresh.has(i.id)).map((i) => keepEdits(i, false));
  const setAside = previous.notOnAgenda.filter((i) => i.removed && fresh.has(i.id)).map((i) => keepEdits(i, true));
  const leftOff = previous.notOnAgenda.filter((i) => !i.removed && fresh.has(i.id)).map((i) => keepEdits(i, false));
  const known = new Set([...previous.items, ...previous.notOnAgenda].map((i) => i.id));

  let used = items.reduce((sum, i) => sum + i.minutes, 0);
  const overflow: AgendaItem[] = [];
  for (const item of [...proposed.items, ...proposed.notOnAgenda]) {
    if (known.has(item.id)) continue;
    if (used + item.minutes <= proposed.meetingMinutes) {
      items.push(item);
      used += item.minutes;
    } else overflow.push(item);
  }
  return { ...proposed, status: 'proposed', items, notOnAgenda: [...setAside, ...leftOff, ...overflow], totalMinutes: used };
}
