import { describe, expect, it } from 'vitest';
import { agendaSchema, defaultFixedItems, proposeAgenda, type Agenda } from '../../../../src/domain/agenda/agenda.js';
import { approveAgenda, editItem, moveItem, removeItem, restoreItem } from '../../../../src/domain/agenda/edits.js';
import { isDomainError } from '../../../../src/domain/errors.js';
import type { Priority, Sensitivity } from '../../../../src/domain/inputs/answer.js';
import { defaultThemes } from '../../../../src/domain/inputs/themes.js';
import { compileLagesbild, type CompileAnswer } from '../../../../src/domain/lagesbild/compile.js';
import type { LagesbildView } from '../../../../src/domain/lagesbild/schema.js';
import { viewFor } from '../../../../src/domain/lagesbild/view.js';

const districts = ['Berga', 'Ryd', 'Skäggetorp', 'Lambohov', 'Ekholmen'];
const subjects = ['narkotika', 'klotter', 'bränder', 'mopeder', 'inbrott', 'bedrägerier', 'hundar', 'skolor', 'belysning', 'kameror'];

/** Forum i asks about subject i in its district; forums 0-2 also share one question. */
function view(opts: { questions: number; proposals?: string[]; sensitivity?: (i: number) => Sensitivity; audience?: 'chairs' | 'steering' | 'open' }): LagesbildView {
  const forums = Array.from({ length: opts.questions }, (_, i) => ({ id: `f${i}`, name: `Forum ${String.fromCharCode(65 + i)}`, districts: [districts[i % districts.length]!], active: true }));
  const answers: CompileAnswer[] = forums.map((f, i) => ({
    forumId: f.id,
    submittedAt: '2026-02-20T10:00:00.000Z',
    late: false,
    version: 1,
    answer: {
      districts: [],
      themes: [],
      questions: [
        { text: `Vad gör polisen åt ${subjects[i % subjects.length]} nummer ${i}?`, priority: (['hog', 'medel', 'lag'] as Priority[])[i % 3]! },
        ...(i < 3 ? [{ text: 'Gemensam fråga om trygghetsvandringar', priority: 'hog' as const }] : []),
      ],
      agendaItems: i === 0 ? (opts.proposals ?? []) : [],
      sensitivity: opts.sensitivity?.(i) ?? 'oppen',
    },
  }));
  const s = compileLagesbild({ meeting: { id: '2026-1', date: '2026-03-10' }, forums, answers, themes: defaultThemes, compiledAt: '2026-03-08T10:00:00.000Z' });
  return viewFor(s, opts.audience ?? 'steering');
}

function errorOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (isDomainError(e)) return { reason: e.reason, ...(e.details.fieldErrors ? { fieldErrors: e.details.fieldErrors } : {}) };
    throw e;
  }
  throw new Error('no error');
}

const titles = (items: Agenda['items']) => items.map((i) => i.title);
const ids = (items: Agenda['items']) => items.map((i) => i.id);

describe('proposeAgenda', () => {
  it('fixed items first, then question groups by rank, then proposals; time-boxed to the meeting', () => {
    const v = view({ questions: 9, proposals: ['Trygghetsvandring i Berga'] });
    const agenda = proposeAgenda(v);
    expect(agendaSchema.parse(agenda)).toEqual(agenda);
    expect(agenda).toMatchObject({ meetingId: '2026-1', audience: 'steering', contentHash: v.contentHash, status: 'proposed', meetingMinutes: 120 });
    expect(titles(agenda.items).slice(0, 3)).toEqual(['Lägesbild', 'Uppföljning av medborgarlöftet', 'Målbilder']);
    expect(agenda.items.slice(0, 3).map((i) => i.minutes)).toEqual([20, 15, 15]);
    // 120 − 50 = 70 minutes: seven question groups of 10.
    expect(agenda.items.slice(3).map((i) => i.kind)).toEqual(Array(7).fill('question'));
    expect(agenda.items[3]).toMatchObject({ title: 'Gemensam fråga om trygghetsvandringar', source: { rank: 1, score: 9 } });
    expect(agenda.items[3]!.source!.forums.map((f) => f.forumId)).toEqual(['f0', 'f1', 'f2']);
    expect(agenda.totalMinutes).toBe(120);
    expect(agenda.notOnAgenda.map((i) => i.kind)).toEqual(['question', 'question', 'question', 'proposal']);
    expect(agenda.notOnAgenda.every((i) => !i.removed)).toBe(true);
  });

  it('a longer meeting takes the proposals too', () => {
    const agenda = proposeAgenda(view({ questions: 3, proposals: ['Trygghetsvandring i Berga', 'Belysning'] }), { meetingMinutes: 180 });
    expect(agenda.items.map((i) => i.kind)).toEqual(['fixed', 'fixed', 'fixed', 'question', 'question', 'question', 'question', 'proposal', 'proposal']);
    expect(agenda.notOnAgenda).toEqual([]);
    expect(agenda.totalMinutes).toBe(110);
  });

  it('first fit: an item that does not fit is passed over and a shorter one after it still gets in', () => {
    const agenda = proposeAgenda(view({ questions: 2, proposals: ['Belysning'] }), {
      meetingMinutes: 60,
      fixedItems: [{ key: 'lagesbild', title: 'Lägesbild', minutes: 45 }],
      questionMinutes: 20,
      proposalMinutes: 10,
    });
    expect(agenda.items.map((i) => i.kind)).toEqual(['fixed', 'proposal']);
    expect(agenda.notOnAgenda.map((i) => i.kind)).toEqual(['question', 'question', 'question']);
    expect(agenda.totalMinutes).toBe(55);
  });

  it('with no questions the agenda is the fixed items', () => {
    const agenda = proposeAgenda(view({ questions: 0 }));
    expect(ids(agenda.items)).toEqual(defaultFixedItems.map((f) => `fixed-${f.key}`));
    expect(agenda.notOnAgenda).toEqual([]);
  });

  it('items carry the sensitivity of the group they come from; a view only offers what its audience may see', () => {
    const sensitivity = (i: number): Sensitivity => (i === 1 ? 'kanslig' : i === 2 ? 'intern' : 'oppen');
    const steering = proposeAgenda(view({ questions: 3, sensitivity, audience: 'steering' }), { meetingMinutes: 200 });
    expect(steering.items.filter((i) => i.kind === 'question').map((i) => [i.title, i.sensitivity])).toEqual([
      ['Gemensam fråga om trygghetsvandringar', 'intern'],
      ['Vad gör polisen åt narkotika nummer 0?', 'oppen'],
      ['Vad gör polisen åt bränder nummer 2?', 'intern'],
    ]);
    const open = proposeAgenda(view({ questions: 3, sensitivity, audience: 'open' }), { meetingMinutes: 200 });
    expect(open.items.every((i) => i.sensitivity === 'oppen')).toBe(true);
    expect(open.audience).toBe('open');
  });

  it('cuts a title to 300 characters', () => {
    const long = `Vad gör polisen åt ${'mycket '.repeat(60)}klotter?`;
    const forums = [{ id: 'f', name: 'Forum', districts: ['Berga'], active: true }];
    const s = compileLagesbild({
      meeting: { id: '2026-1', date: '2026-03-10' },
      forums,
      answers: [{ forumId: 'f', submittedAt: '2026-02-20T10:00:00.000Z', late: false, version: 1, answer: { districts: [], themes: [], questions: [{ text: long, priority: 'hog' }], agendaItems: [], sensitivity: 'oppen' } }],
      themes: defaultThemes,
      compiledAt: '2026-03-08T10:00:00.000Z',
    });
    const item = proposeAgenda(viewFor(s, 'open')).items[3]!;
    expect(item.title).toHaveLength(300);
    expect(item.title.endsWith('…')).toBe(true);
  });

  it.each([
    [{ meetingMinutes: 0 }, { meetingMinutes: 'outOfRange' }],
    [{ meetingMinutes: 90.5 }, { meetingMinutes: 'outOfRange' }],
    [{ questionMinutes: 0, proposalMinutes: 121 }, { questionMinutes: 'outOfRange', proposalMinutes: 'outOfRange' }],
    [
      { fixedItems: [{ key: 'a', title: ' ', minutes: 10 }, { key: 'a', title: 'B', minutes: 200 }] },
      { 'fixedItems.0.title': 'required', 'fixedItems.1.key': 'duplicateId', 'fixedItems.1.minutes': 'outOfRange' },
    ],
  ])('refuses bad options %j', (opts, fieldErrors) => {
    expect(errorOf(() => proposeAgenda(view({ questions: 1 }), opts))).toEqual({ reason: 'invalid-input', fieldErrors });
  });
});

describe('the chair’s edits', () => {
  const base = proposeAgenda(view({ questions: 9, proposals: ['Belysning'] }));
  const q1 = base.items[3]!.id;
  const q2 = base.items[4]!.id;
  const last = base.items.at(-1)!.id;

  it('moveItem swaps with the neighbour; at either end it changes nothing', () => {
    const down = moveItem(base, q1, 'down');
    expect(ids(down.items).slice(3, 5)).toEqual([q2, q1]);
    expect(moveItem(down, q1, 'up').items).toEqual(base.items);
    expect(moveItem(base, 'fixed-lagesbild', 'up')).toBe(base);
    expect(moveItem(base, last, 'down')).toBe(base);
    expect(base.items[4]!.id).toBe(q2); // the original is untouched
  });

  it('removeItem takes it off the agenda, to the top of the rest, marked as removed; restoreItem brings it back last', () => {
    const removed = removeItem(base, q1);
    expect(ids(removed.items)).not.toContain(q1);
    expect(removed.notOnAgenda[0]).toMatchObject({ id: q1, removed: true });
    expect(removed.totalMinutes).toBe(110);
    const restored = restoreItem(removed, q1);
    expect(restored.items.at(-1)).toMatchObject({ id: q1, removed: false });
    expect(restored.totalMinutes).toBe(120);
  });

  it('restoreItem may bring back an item that did not fit; the total shows the overrun', () => {
    const extra = base.notOnAgenda[0]!.id;
    const restored = restoreItem(base, extra);
    expect(restored.totalMinutes).toBe(130);
    expect(restored.meetingMinutes).toBe(120);
  });

  it('editItem changes the title (trimmed) and the time box, on or off the agenda', () => {
    const edited = editItem(base, q1, { title: '  Narkotika i Ryd  ', minutes: 25 });
    expect(edited.items[3]).toMatchObject({ id: q1, title: 'Narkotika i Ryd', minutes: 25 });
    expect(edited.totalMinutes).toBe(135);
    const off = base.notOnAgenda[0]!.id;
    expect(editItem(base, off, { minutes: 5 }).notOnAgenda[0]!.minutes).toBe(5);
    expect(editItem(base, q1, {}).items).toEqual(base.items);
  });

  it.each([
    [{ minutes: 0 }, { minutes: 'outOfRange' }],
    [{ minutes: 121 }, { minutes: 'outOfRange' }],
    [{ minutes: 12.5 }, { minutes: 'outOfRange' }],
    [{ minutes: Number.NaN }, { minutes: 'notANumber' }],
    [{ title: '   ' }, { title: 'required' }],
    [{ title: 'x'.repeat(301), minutes: -1 }, { title: 'tooLong', minutes: 'outOfRange' }],
    [{ title: 'Ring 070-123 45 67 om Berga' }, { title: 'personalData|phone' }],
    [{ title: 'Ärendet 850101-0006', minutes: 10 }, { title: 'personalData|personnummer' }],
  ])('editItem refuses %j', (change, fieldErrors) => {
    expect(errorOf(() => editItem(base, q1, change))).toEqual({ reason: 'invalid-input', fieldErrors });
  });

  it('editItem accepts the bounds 1 and 120', () => {
    expect(editItem(base, q1, { minutes: 1 }).items[3]!.minutes).toBe(1);
    expect(editItem(base, q1, { minutes: 120 }).items[3]!.minutes).toBe(120);
  });

  it.each([
    ['moveItem', () => moveItem(base, 'q-nope', 'up')],
    ['removeItem', () => removeItem(base, 'q-nope')],
    ['removeItem of an item not on the agenda', () => removeItem(base, base.notOnAgenda[0]!.id)],
    ['restoreItem of an item on the agenda', () => restoreItem(base, q1)],
    ['editItem', () => editItem(base, 'q-nope', { minutes: 5 })],
  ])('%s with an unknown id is not-found', (_label, f) => {
    expect(errorOf(f)).toEqual({ reason: 'not-found' });
  });

  it('moveItem refuses a direction that is not up or down', () => {
    expect(errorOf(() => moveItem(base, q1, 'sideways' as 'up'))).toEqual({ reason: 'invalid-input', fieldErrors: { direction: 'chooseOne' } });
  });

  it('approveAgenda: proposed → approved, once; an edit afterwards needs a new approval', () => {
    const approved = approveAgenda(base);
    expect(approved.status).toBe('approved');
    expect(base.status).toBe('proposed');
    expect(errorOf(() => approveAgenda(approved))).toEqual({ reason: 'conflict' });
    for (const edited of [moveItem(approved, q1, 'down'), removeItem(approved, q1), editItem(approved, q1, { minutes: 5 })]) expect(edited.status).toBe('proposed');
    expect(approveAgenda(editItem(approved, q1, { minutes: 5 })).status).toBe('approved');
  });

  it('every edit result is a valid agenda', () => {
    for (const a of [moveItem(base, q1, 'down'), removeItem(base, q1), restoreItem(removeItem(base, q1), q1), editItem(base, q1, { title: 'Ny' }), approveAgenda(base)]) {
      expect(agendaSchema.parse(a)).toEqual(a);
    }
  });
});
