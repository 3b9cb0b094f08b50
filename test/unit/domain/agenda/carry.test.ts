import { describe, expect, it } from 'vitest';
import type { Agenda, AgendaItem } from '../../../../src/domain/agenda/agenda.js';
import { carryAgendaEdits } from '../../../../src/domain/agenda/carry.js';

const item = (id: string, minutes = 10, over: Partial<AgendaItem> = {}): AgendaItem => ({
  id,
  kind: id.startsWith('fixed') ? 'fixed' : 'question',
  title: `Titel ${id}`,
  minutes,
  source: id.startsWith('fixed') ? null : { groupId: id, rank: 1, score: 3, forums: [] },
  sensitivity: 'oppen',
  removed: false,
  ...over,
});

const agenda = (items: AgendaItem[], notOnAgenda: AgendaItem[] = [], over: Partial<Agenda> = {}): Agenda => ({
  meetingId: '2027-1',
  audience: 'steering',
  contentHash: 'old',
  status: 'proposed',
  meetingMinutes: 60,
  items,
  notOnAgenda,
  totalMinutes: items.reduce((s, i) => s + i.minutes, 0),
  ...over,
});

const ids = (list: AgendaItem[]) => list.map((i) => i.id);

describe('carryAgendaEdits: a recompile keeps the chair’s agenda', () => {
  // The chair moved q-b above fixed-lagesbild, renamed and shortened q-b, set q-c aside.
  const previous = agenda(
    [item('q-b', 5, { title: 'Ordförandens rubrik' }), item('fixed-lagesbild', 20), item('q-a', 10)],
    [item('q-c', 10, { removed: true }), item('q-off', 10)],
    { status: 'approved' },
  );
  // Late answers: q-d and q-e are new, q-a is gone (its group changed), the rest remain.
  const proposed = agenda([item('fixed-lagesbild', 20), item('q-b'), item('q-c'), item('q-d'), item('q-e')], [item('q-off')], { contentHash: 'new' });
  const carried = carryAgendaEdits(previous, proposed);

  it.each([
    ['the chair’s order first, then what is new while time allows', ids(carried.items), ['q-b', 'fixed-lagesbild', 'q-d', 'q-e']],
    ['set aside stays set aside; left off stays off; no room is left off', ids(carried.notOnAgenda), ['q-c', 'q-off']],
  ])('%s', (_label, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('keeps the chair’s titles and time boxes, takes everything else from the new lägesbild', () => {
    expect(carried.items[0]).toMatchObject({ id: 'q-b', title: 'Ordförandens rubrik', minutes: 5, removed: false });
    expect(carried.notOnAgenda[0]).toMatchObject({ id: 'q-c', removed: true });
    expect(carried.contentHash).toBe('new');
    expect(carried.totalMinutes).toBe(5 + 20 + 10 + 10);
  });

  it('needs approving again', () => {
    expect(carried.status).toBe('proposed');
  });

  it('what no longer fits goes off the agenda, in the new proposal’s order', () => {
    const full = agenda([item('q-x', 55)]);
    const next = carryAgendaEdits(full, agenda([item('q-x', 10), item('q-y', 10), item('q-z', 5)], [], { contentHash: 'n2' }));
    expect(ids(next.items)).toEqual(['q-x', 'q-z']);
    expect(ids(next.notOnAgenda)).toEqual(['q-y']);
  });
});
