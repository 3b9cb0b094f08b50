/**
 * The chair's edits of a proposed agenda, as pure functions returning a new agenda. Every
 * edit checks its input: an unknown item id is DomainError 'not-found', a bad title or
 * time box a field error ('invalid-input'). Editing an approved agenda puts it back to
 * 'proposed': what was approved is no longer what is there, so it needs approving again.
 */
import { DomainError, invalidInput, notFound } from '../errors.js';
import { isItemMinutes, itemTitleMax, type Agenda, type AgendaItem } from './agenda.js';
import { personalDataCode } from '../inputs/formValues.js';

export type MoveDirection = 'up' | 'down';

/** One step up or down the agenda; at the top (bottom) moving up (down) changes nothing. */
export function moveItem(agenda: Agenda, id: string, direction: MoveDirection): Agenda {
  if (direction !== 'up' && direction !== 'down') throw invalidInput({ direction: 'chooseOne' });
  const i = indexOn(agenda, id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= agenda.items.length) return agenda;
  const items = [...agenda.items];
  [items[i], items[j]] = [items[j]!, items[i]!];
  return edited(agenda, items, agenda.notOnAgenda);
}

/** Off the agenda, to the top of the not-on-the-agenda list, marked as removed by the chair. */
export function removeItem(agenda: Agenda, id: string): Agenda {
  const i = indexOn(agenda, id);
  const item = agenda.items[i]!;
  return edited(
    agenda,
    agenda.items.filter((_, k) => k !== i),
    [{ ...item, removed: true }, ...agenda.notOnAgenda],
  );
}

/** Back from the not-on-the-agenda list to the end of the agenda (even if over time: the total shows it). */
export function restoreItem(agenda: Agenda, id: string): Agenda {
  const i = agenda.notOnAgenda.findIndex((item) => item.id === id);
  if (i < 0) throw notFound('agendaItem', id);
  const item = agenda.notOnAgenda[i]!;
  return edited(
    agenda,
    [...agenda.items, { ...item, removed: false }],
    agenda.notOnAgenda.filter((_, k) => k !== i),
  );
}

/** New title (trimmed, 1..300 characters) and/or time box (whole minutes, 1..120), on or off the agenda. */
export function editItem(agenda: Agenda, id: string, change: { title?: string; minutes?: number }): Agenda {
  const onAgenda = agenda.items.some((item) => item.id === id);
  if (!onAgenda && !agenda.notOnAgenda.some((item) => item.id === id)) throw notFound('agendaItem', id);
  const errors: Record<string, string> = {};
  const title = change.title?.trim();
  if (change.title !== undefined) {
    // A title that identifies a person is refused like any inspel text ('personalData|<kind>').
    const problem = !title ? 'required' : title.length > itemTitleMax ? 'tooLong' : personalDataCode(title);
    if (problem) errors.title = problem;
  }
  if (change.minutes !== undefined) {
    if (typeof change.minutes !== 'number' || !Number.isFinite(change.minutes)) errors.minutes = 'notANumber';
    else if (!isItemMinutes(change.minutes)) errors.minutes = 'outOfRange';
  }
  if (Object.keys(errors).length > 0) throw invalidInput(errors);
  const apply = (item: AgendaItem): AgendaItem =>
    item.id !== id ? item : { ...item, ...(title !== undefined ? { title } : {}), ...(change.minutes !== undefined ? { minutes: change.minutes } : {}) };
  return edited(agenda, agenda.items.map(apply), agenda.notOnAgenda.map(apply));
}

/** proposed → approved. Approving twice is a conflict (someone else was quicker). */
export function approveAgenda(agenda: Agenda): Agenda {
  if (agenda.status !== 'proposed') throw new DomainError('conflict', 'agenda already approved', { entity: 'agenda', id: agenda.meetingId });
  return { ...agenda, status: 'approved' };
}

function indexOn(agenda: Agenda, id: string): number {
  const i = agenda.items.findIndex((item) => item.id === id);
  if (i < 0) throw notFound('agendaItem', id);
  return i;
}

function edited(agenda: Agenda, items: AgendaItem[], notOnAgenda: AgendaItem[]): Agenda {
  return { ...agenda, status: 'proposed', items, notOnAgenda, totalMinutes: items.reduce((s, item) => s + item.minutes, 0) };
}
