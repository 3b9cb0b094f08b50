/**
 * Property tests over random inputs (seeded, so a failure names its seed and replays).
 */
import { describe, expect, it } from 'vitest';
import type { CompileInput } from '../../../../src/domain/lagesbild/compile.js';
import { compileLagesbild } from '../../../../src/domain/lagesbild/compile.js';
import { priorityWeights } from '../../../../src/domain/lagesbild/questionGroups.js';
import type { LagesbildSnapshot, LagesbildView } from '../../../../src/domain/lagesbild/schema.js';
import { lagesbildSnapshotSchema, lagesbildViewSchema } from '../../../../src/domain/lagesbild/schema.js';
import { viewFor } from '../../../../src/domain/lagesbild/view.js';
import type { Audience } from '../../../../src/domain/inputs/sensitivity.js';
import { canSee } from '../../../../src/domain/inputs/sensitivity.js';
import { genInput, rng, shuffled, type Rng } from './generators.js';

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i * 7919);
const AUDIENCES: Audience[] = ['chairs', 'steering', 'open'];

/** A random input, with a previous meeting compiled from another random input over the same forums half of the time. */
function scenario(seed: number): { r: Rng; input: CompileInput } {
  const r = rng(seed);
  const size = { forums: r.int(0, 14), districts: r.int(1, 5) };
  const input: CompileInput = genInput(r, size);
  if (r.chance(0.5)) {
    const before = genInput(rng(seed + 1), { ...size, meeting: { id: '2026-1', date: '2026-03-10' } });
    input.previous = compileLagesbild({ ...before, forums: input.forums });
  }
  return { r, input };
}

/** The answer each active forum is compiled from: its highest version. */
function compiledAnswers(input: CompileInput) {
  const active = new Set(input.forums.filter((f) => f.active).map((f) => f.id));
  const latest = new Map<string, CompileInput['answers'][number]>();
  for (const a of input.answers) {
    if (!active.has(a.forumId)) continue;
    const best = latest.get(a.forumId);
    if (!best || a.version > best.version) latest.set(a.forumId, a);
  }
  return [...latest.values()];
}

const questionKey = (forumId: string, text: string, priority: string) => `${forumId}|${priority}|${text.trim()}`;
const sorted = (xs: string[]) => [...xs].sort();

describe.each(SEEDS)('seed %i', (seed) => {
  const { r, input } = scenario(seed);
  const snapshot = compileLagesbild(input);
  const views = Object.fromEntries(AUDIENCES.map((a) => [a, viewFor(snapshot, a)])) as Record<Audience, LagesbildView>;

  it('matches its schemas', () => {
    expect(() => lagesbildSnapshotSchema.parse(snapshot)).not.toThrow();
    for (const v of Object.values(views)) expect(() => lagesbildViewSchema.parse(v)).not.toThrow();
  });

  it('every question appears in exactly one group, in the snapshot and in every view', () => {
    const answers = compiledAnswers(input);
    for (const audience of AUDIENCES) {
      const expected = answers
        .filter((a) => canSee(audience, a.answer.sensitivity))
        .flatMap((a) => a.answer.questions.map((q) => questionKey(a.forumId, q.text, q.priority)));
      const grouped = views[audience].questions.groups.flatMap((g) => g.members.map((m) => questionKey(m.forumId, m.text, m.priority)));
      expect(sorted(grouped)).toEqual(sorted(expected));
      expect(views[audience].questions.total).toBe(expected.length);
    }
  });

  it('counts add up', () => {
    const { counts } = snapshot.responseRate;
    expect(counts.answered + counts.late + counts.missing).toBe(counts.forums);
    expect(counts.forums).toBe(input.forums.filter((f) => f.active).length);
    expect(snapshot.content.oppen + snapshot.content.intern + snapshot.content.kanslig).toBe(counts.answered + counts.late);
    for (const v of Object.values(views)) {
      expect(v.content.shown + v.content.withheld).toBe(counts.answered + counts.late);
      for (const t of v.themes.ranked) {
        expect(t.forums).toBeLessThanOrEqual(v.content.shown);
        expect(t.forums).toBe(new Set(t.raisedBy.map((m) => m.forumId)).size);
        expect(t.districts).toBeLessThanOrEqual(v.districts.length);
      }
      for (const d of v.districts) {
        const s = d.summary;
        expect(s.battre + s.oforandrat + s.samre + s.vetej).toBe(s.rated);
        expect(s.rated).toBe(d.ratings.length);
        expect(s.net).toBe(s.battre - s.samre);
      }
      for (const g of v.questions.groups) {
        expect(g.forumCount).toBe(new Set(g.members.map((m) => m.forumId)).size);
        expect(g.score).toBe(g.forumCount * priorityWeights[g.priority]);
        expect(g.members.map((m) => m.text)).toContain(g.text);
      }
      expect(v.questions.groups.map((g) => g.rank)).toEqual(v.questions.groups.map((_, i) => i + 1));
    }
  });

  it('does not depend on input order (snapshot, views and contentHash)', () => {
    for (let k = 0; k < 3; k++) {
      const again = compileLagesbild({ ...shuffled(r, input), ...(input.previous ? { previous: input.previous } : {}) });
      expect(again.contentHash).toBe(snapshot.contentHash);
      expect(again).toEqual(snapshot);
      for (const audience of AUDIENCES) expect(viewFor(again, audience)).toEqual(views[audience]);
    }
  });

  it('the hash ignores compiledAt and notices a changed question', () => {
    expect(compileLagesbild({ ...input, compiledAt: '2031-01-01T00:00:00.000Z' }).contentHash).toBe(snapshot.contentHash);
    const answers = compiledAnswers(input);
    const target = answers.find((a) => a.answer.questions.length > 0);
    if (!target) return;
    const changed = input.answers.map((a) =>
      a === target ? { ...a, answer: { ...a.answer, questions: a.answer.questions.map((q, i) => (i === 0 ? { ...q, text: `${q.text} igen` } : q)) } } : a,
    );
    expect(compileLagesbild({ ...input, answers: changed }).contentHash).not.toBe(snapshot.contentHash);
  });

  it('views never contain content above their audience', () => {
    const answers = compiledAnswers(input);
    for (const audience of AUDIENCES) {
      const view = views[audience];
      for (const s of sensitivities(view)) expect(canSee(audience, s)).toBe(true);
      const visibleTexts = new Set(answers.filter((a) => canSee(audience, a.answer.sensitivity)).flatMap((a) => textsOf(a.answer)));
      const hiddenOnly = answers.filter((a) => !canSee(audience, a.answer.sensitivity)).flatMap((a) => textsOf(a.answer).filter((t) => !visibleTexts.has(t)));
      const strings = new Set(stringsIn(view));
      for (const t of hiddenOnly) expect(strings.has(t), `${audience} shows "${t}"`).toBe(false);
      // Nothing of the previous meeting's per-audience summaries leaks into a view.
      expect(JSON.stringify(view)).not.toContain('questionKeys');
    }
  });

  it('a view is what the visible answers alone would compile to', () => {
    if (input.previous) return; // the change since last time compares with the audience's own previous view
    for (const audience of AUDIENCES) {
      const visibleOnly = compileLagesbild({ ...input, answers: compiledAnswers(input).filter((a) => canSee(audience, a.answer.sensitivity)) });
      const view = views[audience];
      expect(view.questions).toEqual(visibleOnly.questions);
      expect(view.agendaProposals).toEqual(visibleOnly.agendaProposals);
      expect(view.needs).toEqual(visibleOnly.needs);
      expect(view.themes).toEqual(visibleOnly.themes);
      expect(view.districts.map(({ notAnswered: _n, ...d }) => d)).toEqual(visibleOnly.districts.map(({ notAnswered: _n, ...d }) => d));
    }
  });

  it('a snapshot read back from JSON gives the same views', () => {
    const back = lagesbildSnapshotSchema.parse(JSON.parse(JSON.stringify(snapshot))) as LagesbildSnapshot;
    for (const audience of AUDIENCES) expect(viewFor(back, audience)).toEqual(views[audience]);
  });
});

function textsOf(a: CompileInput['answers'][number]['answer']): string[] {
  return [
    ...a.districts.map((d) => d.situation.trim()).filter(Boolean),
    ...(a.otherTheme ? [a.otherTheme.trim()] : []),
    ...a.questions.map((q) => q.text.trim()),
    ...a.agendaItems.map((t) => t.trim()),
    ...(a.needs ? [a.needs.trim()] : []),
  ];
}

function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsIn(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* stringsIn(v);
}

function* sensitivities(value: unknown): Generator<'oppen' | 'intern' | 'kanslig'> {
  if (Array.isArray(value)) for (const v of value) yield* sensitivities(v);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'sensitivity') yield v as 'oppen' | 'intern' | 'kanslig';
      else yield* sensitivities(v);
    }
  }
}
