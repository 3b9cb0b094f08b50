import { describe, expect, it } from 'vitest';
import { compileLagesbild } from '../../../../src/domain/lagesbild/compile.js';
import { lagesbildSnapshotSchema, type LagesbildSnapshot } from '../../../../src/domain/lagesbild/schema.js';
import { viewFor } from '../../../../src/domain/lagesbild/view.js';
import { otherThemeLines } from '../../../../src/reports/lagesbild/document.js';
import { meeting1 } from './scenario.js';

/** meeting1 with the first answers' "Annat" themes replaced. */
function withOtherThemes(texts: string[]): LagesbildSnapshot {
  const answers = meeting1.answers.map((a, i) => (i < texts.length ? { ...a, answer: { ...a.answer, otherTheme: texts[i]! } } : a));
  return compileLagesbild({ ...meeting1, answers });
}

describe('egna teman are merged like the agenda proposals', () => {
  it.each([
    [['Mopedbuskörning i Ryd', 'Buskörning med mopeder i Ryd'], 1],
    [['Bilbränder', 'Anlagda bränder i bilar'], 1],
    // Another offence, another district: apart.
    [['Bilbränder', 'Soprumsbränder'], 2],
    [['Mopedbuskörning i Ryd', 'Mopedbuskörning i Berga'], 2],
  ])('%j → %i group(s)', (texts, groups) => {
    const s = withOtherThemes(texts);
    const wanted = s.themes.otherGroups.filter((g) => g.members.some((m) => texts.includes(m.text)));
    expect(wanted).toHaveLength(groups);
    expect(s.themes.other.filter((o) => texts.includes(o.text))).toHaveLength(2);
    if (groups === 1) expect(wanted[0]!.forumCount).toBe(2);
  });

  it('views and reports use the groups; an older snapshot without them lists each forum\'s text', () => {
    const s = withOtherThemes(['Mopedbuskörning i Ryd', 'Buskörning med mopeder i Ryd']);
    const lines = otherThemeLines(viewFor(s, 'chairs'));
    expect(lines.filter((l) => /mope/i.test(l.text))).toHaveLength(1);
    const { otherGroups: _g, ...themes } = s.themes;
    const old = lagesbildSnapshotSchema.parse(JSON.parse(JSON.stringify({ ...s, themes })));
    expect(old.themes.otherGroups).toEqual([]);
    expect(otherThemeLines(old).filter((l) => /mope/i.test(l.text))).toHaveLength(2);
  });
});
