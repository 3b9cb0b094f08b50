import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors.js';
import { buildRegionalPicture, regionalPictureSchema, type RegionalPicture } from '../../../../src/domain/regional/regionalPicture.js';
import { ALDERBY, BJORKVIK, CEDERSTAD, MARK, sourceOf, type Municipality } from './fixture.js';

const AT = '2027-05-20T08:00:00.000Z';
const picture = (...ms: Municipality[]) => buildRegionalPicture(ms.map((m) => sourceOf(m)), { compiledAt: AT });
const names = (p: RegionalPicture) => p.municipalities.map((m) => m.orgName);

describe('buildRegionalPicture', () => {
  it.each([
    { case: 'two municipalities', input: [BJORKVIK, ALDERBY], expected: ['Alderby kommun', 'Björkvik kommun'] },
    { case: 'three municipalities', input: [CEDERSTAD, ALDERBY, BJORKVIK], expected: ['Alderby kommun', 'Björkvik kommun', 'Cederstad kommun'] },
  ])('$case: one section per municipality, by name, valid against the schema', ({ input, expected }) => {
    const p = picture(...input);
    expect(regionalPictureSchema.parse(p)).toEqual(p);
    expect(names(p)).toEqual(expected);
    expect(p.audience).toBe('steering');
    expect(p.compiledAt).toBe(AT);
  });

  it.each([
    { m: ALDERBY, forums: 3, answered: 3, rate: 1 },
    { m: BJORKVIK, forums: 4, answered: 3, rate: 0.75 },
  ])('response rate of $m.orgName: $answered of $forums', ({ m, forums, answered, rate }) => {
    const section = picture(ALDERBY, BJORKVIK).municipalities.find((x) => x.orgId === m.orgId)!;
    expect(section.responseRate).toMatchObject({ forums, answered, rate });
  });

  it('district trends per municipality come from the steering view: the känslig rating is not counted', () => {
    const p = picture(ALDERBY, BJORKVIK);
    for (const section of p.municipalities) {
      expect(section.districts).toHaveLength(1);
      // öppen bättre + intern sämre; the känslig forum's sämre is withheld.
      expect(section.districts[0]!.summary).toMatchObject({ battre: 1, samre: 1, rated: 2 });
      expect(section.content).toEqual({ shown: 2, withheld: 1 });
    }
  });

  it('themes per municipality and across: a theme raised in more municipalities ranks first', () => {
    const p = picture(ALDERBY, BJORKVIK, CEDERSTAD);
    expect(p.municipalities.map((m) => m.themes.map((t) => t.id).sort())).toEqual([
      ['narkotika', 'skadegorelse', 'ungdomar-i-riskmiljoer'],
      ['narkotika', 'ungdomar-i-riskmiljoer'],
      ['gangkriminalitet', 'narkotika', 'ungdomar-i-riskmiljoer'],
    ]);
    expect(p.themes.slice(0, 2).map((t) => [t.id, t.municipalities, t.forums])).toEqual([
      ['narkotika', 3, 3],
      ['ungdomar-i-riskmiljoer', 3, 3],
    ]);
    expect(p.themes.find((t) => t.id === 'gangkriminalitet')!.byMunicipality.map((b) => b.orgName)).toEqual(['Cederstad kommun']);
  });

  it('the same question phrased differently in two municipalities is one, tagged with both', () => {
    const p = picture(ALDERBY, BJORKVIK, CEDERSTAD);
    const walks = p.questions.groups.filter((g) => /trygghetsvandringar/.test(g.text));
    expect(walks).toHaveLength(1);
    expect(walks[0]!.municipalities.map((m) => m.orgName)).toEqual(['Alderby kommun', 'Björkvik kommun']);
    expect(walks[0]!.members.map((m) => [m.orgName, m.text])).toEqual([
      ['Alderby kommun', ALDERBY.question],
      ['Björkvik kommun', BJORKVIK.question],
    ]);
    // Asked in two municipalities: ranked above every question asked in one.
    expect(walks[0]!.rank).toBe(1);
    // Alderby's hög outranks Björkvik's medel as the group's text and priority.
    expect(walks[0]!.text).toBe(ALDERBY.question);
    expect(walks[0]!.priority).toBe('hog');
    const recruit = p.questions.groups.find((g) => /rekrytering/.test(g.text))!;
    expect(recruit.municipalities.map((m) => m.orgName)).toEqual(['Cederstad kommun']);
  });

  it('forums with the same id in two municipalities are two forums', () => {
    const p = picture(ALDERBY, BJORKVIK);
    // Both intern questions come from a forum 'forum-1' and name their own district: two groups, one municipality each.
    const intern = p.questions.groups.filter((g) => g.text.includes(MARK.intern));
    expect(intern.map((g) => [g.municipalities.map((m) => m.orgName), g.members.length]).sort()).toEqual([
      [['Alderby kommun'], 1],
      [['Björkvik kommun'], 1],
    ]);
    expect(p.questions.total).toBe(4);
    expect(p.questions.groups.map((g) => g.forumCount)).toEqual([2, 1, 1]);
  });

  it.each([ALDERBY, BJORKVIK, CEDERSTAD])('känslig content of $orgName never appears (only the steering projection is used)', (m) => {
    const others = [ALDERBY, BJORKVIK, CEDERSTAD].filter((x) => x !== m);
    const text = JSON.stringify(picture(m, ...others));
    expect(text).not.toContain(MARK.kanslig);
    // Intern content is for steering members, which the reader is in every source.
    expect(text).toContain(MARK.intern);
    expect(text).toContain(m.question);
    // The chairs' version of the same sources has it: the test can fail.
    expect(JSON.stringify([m, ...others].map((x) => sourceOf(x, 'chairs')))).toContain(MARK.kanslig);
  });

  it.each([
    { case: 'a chairs view', sources: () => [sourceOf(ALDERBY, 'chairs'), sourceOf(BJORKVIK)], field: `view:${ALDERBY.orgId}` },
    { case: 'an open view', sources: () => [sourceOf(ALDERBY), sourceOf(BJORKVIK, 'open')], field: `view:${BJORKVIK.orgId}` },
    { case: 'one organisation', sources: () => [sourceOf(ALDERBY)], field: 'sources' },
    { case: 'the same organisation twice', sources: () => [sourceOf(ALDERBY), sourceOf(ALDERBY)], field: 'orgId' },
    { case: 'a view of another meeting', sources: () => [{ ...sourceOf(ALDERBY), meetingId: '2027-1' }, sourceOf(BJORKVIK)], field: `meeting:${ALDERBY.orgId}` },
  ])('refuses $case', ({ sources, field }) => {
    try {
      buildRegionalPicture(sources(), { compiledAt: AT });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).reason).toBe('invalid-input');
      expect(Object.keys((e as DomainError).details.fieldErrors ?? {})).toContain(field);
    }
  });

  it('is deterministic: the order of the sources does not matter', () => {
    expect(picture(CEDERSTAD, BJORKVIK, ALDERBY)).toEqual(picture(ALDERBY, BJORKVIK, CEDERSTAD));
  });
});
