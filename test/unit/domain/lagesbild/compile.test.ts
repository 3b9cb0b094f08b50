import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../../src/domain/errors.js';
import type { InputAnswer, Priority } from '../../../../src/domain/inputs/answer.js';
import { defaultThemes } from '../../../../src/domain/inputs/themes.js';
import { compileLagesbild, type CompileAnswer, type CompileInput } from '../../../../src/domain/lagesbild/compile.js';
import { viewFor } from '../../../../src/domain/lagesbild/view.js';

const forum = (id: string, name: string, districts: string[], active = true) => ({ id, name, districts, active });

const FORUMS = [forum('a', 'Trygghetsrådet Berga', ['Berga']), forum('b', 'Trygghetsrådet Ryd', ['Ryd']), forum('c', 'Sociala insatsgruppen', ['Berga', 'Ryd'])];

function ans(forumId: string, over: Partial<InputAnswer> = {}, meta: Partial<Omit<CompileAnswer, 'answer' | 'forumId'>> = {}): CompileAnswer {
  return {
    forumId,
    submittedAt: '2026-02-20T10:00:00.000Z',
    late: false,
    version: 1,
    ...meta,
    answer: { districts: [], themes: [], questions: [], agendaItems: [], sensitivity: 'oppen', ...over },
  };
}

const q = (text: string, priority: Priority = 'medel') => ({ text, priority });

function input(answers: CompileAnswer[], over: Partial<CompileInput> = {}): CompileInput {
  return { meeting: { id: '2026-1', date: '2026-03-10' }, forums: FORUMS, answers, themes: defaultThemes, compiledAt: '2026-03-08T10:00:00.000Z', ...over };
}

function errorOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (isDomainError(e)) return { reason: e.reason, fieldErrors: e.details.fieldErrors };
    throw e;
  }
  throw new Error('no error');
}

describe('compileLagesbild: no answers', () => {
  const s = compileLagesbild(input([]));

  it('says so instead of failing: everyone missing, no content, the districts still listed', () => {
    expect(s.responseRate.counts).toEqual({ forums: 3, answered: 0, late: 0, missing: 3, rate: 0 });
    expect(s.content).toEqual({ oppen: 0, intern: 0, kanslig: 0 });
    expect(s.districts.map((d) => [d.district, d.summary.rated, d.summary.score, d.notAnswered.map((f) => f.forumId)])).toEqual([
      ['Berga', 0, null, ['c', 'a']],
      ['Ryd', 0, null, ['c', 'b']],
    ]);
    expect(s.questions).toEqual({ total: 0, groups: [] });
    expect(s.themes).toEqual({ ranked: [], other: [], otherGroups: [], noLongerRaised: [] });
    expect([s.needs, s.agendaProposals, s.promise, s.malbilder, s.previous]).toEqual([[], [], null, null, null]);
    expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('with no forums at all the rate is 0', () => {
    expect(compileLagesbild(input([], { forums: [] })).responseRate.counts).toEqual({ forums: 0, answered: 0, late: 0, missing: 0, rate: 0 });
  });
});

describe('compileLagesbild: which answers count', () => {
  it('ignores inactive and unknown forums', () => {
    const s = compileLagesbild(input([ans('a'), ans('gone', { questions: [q('Fråga från ett okänt forum')] }), ans('d', { questions: [q('Inaktiv')] })], { forums: [...FORUMS, forum('d', 'Nedlagt forum', ['Ryd'], false)] }));
    expect(s.responseRate.counts).toMatchObject({ forums: 3, answered: 1, missing: 2 });
    expect(s.forums.map((f) => f.id)).toEqual(['c', 'a', 'b']);
    expect(s.questions.total).toBe(0);
  });

  it('compiles the highest version; the forum is in time if any version was', () => {
    const s = compileLagesbild(
      input([
        ans('a', { questions: [q('Gammal fråga')] }, { version: 1, submittedAt: '2026-02-01T10:00:00.000Z' }),
        ans('a', { questions: [q('Ny fråga om Berga')] }, { version: 2, late: true, submittedAt: '2026-03-09T10:00:00.000Z' }),
        ans('b', {}, { late: true, version: 1 }),
        ans('b', {}, { late: true, version: 2, submittedAt: '2026-03-09T11:00:00.000Z' }),
      ]),
    );
    expect(s.responseRate.answered).toEqual([{ forumId: 'a', forumName: 'Trygghetsrådet Berga', submittedAt: '2026-03-09T10:00:00.000Z' }]);
    expect(s.responseRate.late.map((f) => [f.forumId, f.submittedAt])).toEqual([['b', '2026-03-09T11:00:00.000Z']]);
    expect(s.questions.groups.map((g) => g.text)).toEqual(['Ny fråga om Berga']);
  });

  it('trims texts, drops empty ones and counts a theme once per forum', () => {
    const s = compileLagesbild(
      input([ans('a', { themes: ['narkotika', 'narkotika'], otherTheme: '   ', needs: '  Fler fältare  ', agendaItems: ['  ', ' Vandring '], questions: [q('  Hur går det i Berga? ')] })]),
    );
    expect(s.themes.ranked.map((t) => [t.id, t.forums])).toEqual([['narkotika', 1]]);
    expect(s.themes.other).toEqual([]);
    expect(s.needs.map((n) => n.text)).toEqual(['Fler fältare']);
    expect(s.agendaProposals.map((p) => p.text)).toEqual(['Vandring']);
    expect(s.questions.groups[0]!.text).toBe('Hur går det i Berga?');
  });
});

describe('compileLagesbild: bad input', () => {
  it('refuses duplicate forum ids', () => {
    expect(errorOf(() => compileLagesbild(input([], { forums: [...FORUMS, forum('a', 'Kopia', ['Ryd'])] })))).toEqual({ reason: 'invalid-input', fieldErrors: { forums: 'duplicateId' } });
  });

  it.each([
    ['the same meeting', { id: '2026-1', date: '2026-03-10' }],
    ['a later meeting', { id: '2026-2', date: '2026-06-09' }],
  ])('refuses a previous snapshot of %s', (_label, meeting) => {
    const previous = compileLagesbild(input([], { meeting }));
    expect(errorOf(() => compileLagesbild(input([], { previous })))).toEqual({ reason: 'invalid-input', fieldErrors: { previous: 'notEarlier' } });
  });
});

describe('compileLagesbild: themes', () => {
  it('count for the districts the answer rates, else for the forum’s own; unknown ids keep the id as label', () => {
    const s = compileLagesbild(
      input([
        ans('a', { themes: ['narkotika'], districts: [{ district: 'Ryd', trend: 'samre', situation: '' }] }),
        ans('c', { themes: ['narkotika', 'eget-tema'] }),
      ]),
    );
    expect(s.themes.ranked.map((t) => [t.id, t.sv, t.forums, t.districtNames])).toEqual([
      ['narkotika', 'Narkotika', 2, ['Berga', 'Ryd']],
      ['eget-tema', 'eget-tema', 1, ['Berga', 'Ryd']],
    ]);
  });

  it('rank by forums, then districts; equal themes share a rank (1, 2, 2, 4)', () => {
    const s = compileLagesbild(
      input([
        ans('a', { themes: ['narkotika', 'skadegorelse', 'bedragerier', 'ordningsstorningar'] }),
        ans('b', { themes: ['narkotika', 'skadegorelse', 'bedragerier'] }),
        ans('c', { themes: ['narkotika'], districts: [{ district: 'Berga', trend: 'vetej', situation: '' }] }),
      ]),
    );
    expect(s.themes.ranked.map((t) => [t.id, t.rank, t.forums, t.districts])).toEqual([
      ['narkotika', 1, 3, 2],
      ['bedragerier', 2, 2, 2],
      ['skadegorelse', 2, 2, 2],
      ['ordningsstorningar', 4, 1, 1],
    ]);
  });
});

describe('compileLagesbild: districts', () => {
  it('trend summary: net counts bättre +1 and sämre −1, the score leaves vet ej out', () => {
    const s = compileLagesbild(
      input([
        ans('a', { districts: [{ district: 'Berga', trend: 'battre', situation: 'Lugnare' }] }),
        ans('b', { districts: [{ district: 'Berga', trend: 'samre', situation: '' }, { district: 'Ryd', trend: 'vetej', situation: '' }] }),
        ans('c', { districts: [{ district: 'Berga', trend: 'battre', situation: '' }] }),
      ]),
    );
    const [berga, ryd] = s.districts;
    expect(berga!.summary).toEqual({ battre: 2, oforandrat: 0, samre: 1, vetej: 0, rated: 3, net: 1, score: 0.333 });
    expect(berga!.ratings.map((r) => r.forumName)).toEqual(['Sociala insatsgruppen', 'Trygghetsrådet Berga', 'Trygghetsrådet Ryd']);
    expect(ryd!.summary).toMatchObject({ vetej: 1, rated: 1, net: 0, score: null });
    expect(berga!.change).toBeNull();
  });

  it('change since the previous meeting; a district new since then has none', () => {
    const previous = compileLagesbild(input([ans('a', { districts: [{ district: 'Berga', trend: 'samre', situation: '' }] })]));
    const s = compileLagesbild(
      input(
        [
          ans('a', { districts: [{ district: 'Berga', trend: 'battre', situation: '' }] }),
          ans('b', { districts: [{ district: 'Lambohov', trend: 'battre', situation: '' }] }),
        ],
        { meeting: { id: '2026-2', date: '2026-06-09' }, previous },
      ),
    );
    expect(s.districts.map((d) => [d.district, d.change])).toEqual([
      ['Berga', { previousNet: -1, netChange: 2, previousScore: -1, scoreChange: 2 }],
      ['Lambohov', null],
      ['Ryd', { previousNet: 0, netChange: 0, previousScore: null, scoreChange: null }],
    ]);
    expect(s.previous).toMatchObject({ meetingId: '2026-1', meetingDate: '2026-03-10', contentHash: previous.contentHash });
  });
});

describe('compileLagesbild: frågor till polisen', () => {
  it('ranks by forums × highest priority, then by the sum of the forums’ weights', () => {
    const s = compileLagesbild(
      input([
        ans('a', { questions: [q('Hur arbetar polisen mot klotter i Berga?', 'hog'), q('Kameror vid torget?', 'lag')] }),
        ans('b', { questions: [q('Vad gör polisen åt klotter i Berga', 'lag'), q('Vad händer med kameror vid torget?', 'hog')] }),
        ans('c', { questions: [q('Kameror vid torget', 'hog')] }),
      ]),
    );
    expect(s.questions.groups.map((g) => [g.rank, g.forumCount, g.priority, g.score, g.weightSum, g.text])).toEqual([
      [1, 3, 'hog', 9, 7, 'Kameror vid torget'],
      [2, 2, 'hog', 6, 4, 'Hur arbetar polisen mot klotter i Berga?'],
    ]);
  });

  it('the group’s text is a member of the highest priority, then the most common formulation, then the shortest', () => {
    const s = compileLagesbild(
      input([
        ans('a', { questions: [q('Kameraövervakning vid torget i Berga?', 'medel')] }),
        ans('b', { questions: [q('Kameraövervakning vid torget i Berga – när?', 'medel')] }),
        ans('c', { questions: [q('Kan vi få kameraövervakning vid torget i Berga?', 'medel')] }),
      ]),
    );
    expect(s.questions.groups).toHaveLength(1);
    expect(s.questions.groups[0]!.text).toBe('Kameraövervakning vid torget i Berga?');
  });

  it('does not merge the same question about two districts', () => {
    const s = compileLagesbild(input([ans('a', { questions: [q('Mer närvaro vid Berga centrum på kvällarna?')] }), ans('b', { questions: [q('Mer närvaro vid Ryds centrum på kvällarna?')] })]));
    expect(s.questions.groups).toHaveLength(2);
  });

  it('one forum asking twice counts once', () => {
    const s = compileLagesbild(input([ans('a', { questions: [q('Skadegörelse i Berga?', 'hog'), q('Skadegörelsen i Berga', 'lag')] })]));
    expect(s.questions.groups[0]).toMatchObject({ forumCount: 1, score: 3, weightSum: 3 });
    expect(s.questions.groups[0]!.members).toHaveLength(2);
  });

  it('marks questions asked at the previous meeting (recurring), by audience', () => {
    const previous = compileLagesbild(input([ans('a', { questions: [q('Skadegörelse i Berga?')], sensitivity: 'intern' })]));
    const s = compileLagesbild(input([ans('b', { questions: [q('Vad gör polisen åt skadegörelsen i Berga?'), q('Något helt annat')] })], { meeting: { id: '2026-2', date: '2026-06-09' }, previous }));
    expect(s.questions.groups.map((g) => [g.text, g.recurring])).toEqual([
      ['Något helt annat', false],
      ['Vad gör polisen åt skadegörelsen i Berga?', true],
    ]);
    expect(viewFor(s, 'open').questions.groups.map((g) => g.recurring)).toEqual([false, false]);
  });
});

describe('compileLagesbild: medborgarlöfte and målbilder', () => {
  it('are null when not given and summarised when given', () => {
    const s = compileLagesbild(
      input([], {
        malbilder: [
          { id: 'm2', district: 'Ryd', statements: ['Tryggt'], indicators: [] },
          {
            id: 'm1',
            district: 'Berga',
            statements: [],
            indicators: [{ id: 'i', name: 'Trygga', unit: '%', direction: 'increase', target: { value: 70, date: '2027-12-31' }, readings: [{ value: 60, date: '2026-01-01', by: 'x' }] }],
          },
        ],
      }),
    );
    expect(s.malbilder).toEqual([
      {
        district: 'Berga',
        malbildId: 'm1',
        statements: [],
        indicators: [
          { indicatorId: 'i', name: 'Trygga', unit: '%', direction: 'increase', baseline: null, target: { value: 70, date: '2027-12-31' }, latest: { value: 60, date: '2026-01-01' }, progress: null, reached: false, trend: 'unknown' },
        ],
      },
      { district: 'Ryd', malbildId: 'm2', statements: ['Tryggt'], indicators: [] },
    ]);
    expect(s.promise).toBeNull();
    expect(s.contentHash).not.toBe(compileLagesbild(input([])).contentHash);
  });
});
