/**
 * The chairs' edits of a meeting's agenda: each names the agenda version the chair's card
 * showed, and is refused as stale when someone changed it since (the card then shows the
 * latest). The edits themselves are the pure functions of src/domain/agenda/edits.ts.
 */
import { approveAgenda, editItem, moveItem, removeItem, restoreItem, type MoveDirection } from '../../domain/agenda/edits.js';
import type { Agenda } from '../../domain/agenda/agenda.js';
import { notAllowed, staleWrite } from '../../domain/errors.js';
import type { AgendaRecord } from '../../domain/lagesbild/records.js';
import type { Stored } from '../../store/versionedRepository.js';
import type { Services } from '../services.js';

export type AgendaEdit =
  | { kind: 'move'; itemId: string; direction: MoveDirection }
  | { kind: 'remove'; itemId: string }
  | { kind: 'restore'; itemId: string }
  | { kind: 'edit'; itemId: string; title?: string; minutes?: number }
  | { kind: 'approve' };

function applyEdit(agenda: Agenda, edit: AgendaEdit): Agenda {
  switch (edit.kind) {
    case 'move':
      return moveItem(agenda, edit.itemId, edit.direction);
    case 'remove':
      return removeItem(agenda, edit.itemId);
    case 'restore':
      return restoreItem(agenda, edit.itemId);
    case 'edit':
      return editItem(agenda, edit.itemId, { ...(edit.title !== undefined ? { title: edit.title } : {}), ...(edit.minutes !== undefined ? { minutes: edit.minutes } : {}) });
    case 'approve':
      return approveAgenda(agenda);
    default: {
      const unhandled: never = edit;
      return unhandled;
    }
  }
}

/** One edit by a chair (checked here too), version-checked against the card's version. */
export async function editAgenda(s: Services, meetingId: string, expectedVersion: number, edit: AgendaEdit, actor: { id: string; isChair: boolean }): Promise<Stored<AgendaRecord>> {
  if (!actor.isChair) throw notAllowed('edit agenda');
  const current = await s.repos.agendas.require(meetingId);
  if (current.version !== expectedVersion) throw staleWrite('agenda', meetingId, current.version);
  const agenda = applyEdit(current.data.agenda, edit);
  const chairEdited = current.data.chairEdited || edit.kind !== 'approve';
  return s.repos.agendas.update(meetingId, expectedVersion, { ...current.data, agenda, chairEdited }, actor.id, `agenda-${edit.kind}`);
}
