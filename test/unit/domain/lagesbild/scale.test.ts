/**
 * A sanity check that a large compilation completes: 1,000 forums, ten districts, five
 * questions each. It asserts no time (the benchmark measures that, issue 7); it catches
 * a quadratic step turning into minutes.
 */
import { describe, expect, it } from 'vitest';
import { proposeAgenda } from '../../../../src/domain/agenda/agenda.js';
import { compileLagesbild } from '../../../../src/domain/lagesbild/compile.js';
import { viewFor } from '../../../../src/domain/lagesbild/view.js';
import { genInput, rng } from './generators.js';

describe('scale', () => {
  it('1,000 forums × 10 districts × 5 questions compile, with a previous meeting, into views and an agenda', { timeout: 60_000 }, () => {
    const size = { forums: 1000, districts: 10, questionsPerAnswer: 5, answerRate: 1, maxVersions: 1 };
    const first = genInput(rng(1), { ...size, meeting: { id: '2026-1', date: '2026-03-10' } });
    const second = genInput(rng(2), size);
    const previous = compileLagesbild({ ...first, forums: second.forums });
    const snapshot = compileLagesbild({ ...second, previous });

    const active = second.forums.filter((f) => f.active).length;
    expect(snapshot.responseRate.counts.forums).toBe(active);
    expect(snapshot.questions.total).toBe(5 * (snapshot.responseRate.counts.answered + snapshot.responseRate.counts.late));
    expect(snapshot.districts).toHaveLength(10);
    for (const audience of ['steering', 'open'] as const) {
      const view = viewFor(snapshot, audience);
      expect(view.questions.groups.reduce((n, g) => n + g.members.length, 0)).toBe(view.questions.total);
      expect(proposeAgenda(view).totalMinutes).toBeLessThanOrEqual(120);
    }
  });
});
