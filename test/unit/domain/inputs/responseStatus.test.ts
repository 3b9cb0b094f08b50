import { describe, expect, it } from 'vitest';
import { isLate, responseStatus } from '../../../../src/domain/inputs/responseStatus.js';

const at = (iso: string) => new Date(iso);
const forums = [
  { id: 'ryd', name: 'Trygghetsrådet Ryd' },
  { id: 'skaggetorp', name: 'Trygghetsrådet Skäggetorp' },
  { id: 'berga', name: 'Trygghetsrådet Berga' },
  { id: 'sig', name: 'Sociala insatsgruppen' },
  { id: 'oster', name: 'Östra forumet' },
  { id: 'angen', name: 'Ängen' },
  { id: 'zeta', name: 'Zeta' },
];

describe('isLate', () => {
  const deadline = at('2027-03-08T11:00:00Z');
  const cases: [string, string, boolean][] = [
    ['a day early', '2027-03-07T11:00:00Z', false],
    ['exactly at the deadline', '2027-03-08T11:00:00Z', false],
    ['one millisecond after', '2027-03-08T11:00:00.001Z', true],
    ['a day late', '2027-03-09T11:00:00Z', true],
  ];
  it.each(cases)('%s', (_label, submitted, late) => {
    expect(isLate(at(submitted), deadline)).toBe(late);
  });
});

describe('responseStatus', () => {
  const names = (xs: { name: string }[]) => xs.map((x) => x.name);

  it('no answers: everyone missing, sorted in Swedish order (Z before Å, Ä, Ö)', () => {
    const s = responseStatus(forums, []);
    expect(s.answered).toEqual([]);
    expect(s.late).toEqual([]);
    expect(names(s.missing)).toEqual(['Sociala insatsgruppen', 'Trygghetsrådet Berga', 'Trygghetsrådet Ryd', 'Trygghetsrådet Skäggetorp', 'Zeta', 'Ängen', 'Östra forumet']);
  });

  const cases: [string, { forumId: string; late: boolean }[], { answered: string[]; late: string[]; missing: string[] }][] = [
    [
      'answered, late and missing',
      [
        { forumId: 'ryd', late: false },
        { forumId: 'berga', late: true },
        { forumId: 'oster', late: false },
      ],
      { answered: ['ryd', 'oster'], late: ['berga'], missing: ['sig', 'skaggetorp', 'zeta', 'angen'] },
    ],
    [
      'a late edit of a timely answer stays answered',
      [
        { forumId: 'ryd', late: false },
        { forumId: 'ryd', late: true },
      ],
      { answered: ['ryd'], late: [], missing: ['sig', 'berga', 'skaggetorp', 'zeta', 'angen', 'oster'] },
    ],
    [
      'two late versions are one late forum',
      [
        { forumId: 'sig', late: true },
        { forumId: 'sig', late: true },
      ],
      { answered: [], late: ['sig'], missing: ['berga', 'ryd', 'skaggetorp', 'zeta', 'angen', 'oster'] },
    ],
    [
      'answers of unknown (inactive) forums are ignored',
      [{ forumId: 'gone', late: false }],
      { answered: [], late: [], missing: ['sig', 'berga', 'ryd', 'skaggetorp', 'zeta', 'angen', 'oster'] },
    ],
    [
      'everyone answered',
      forums.map((f) => ({ forumId: f.id, late: false })),
      { answered: ['sig', 'berga', 'ryd', 'skaggetorp', 'zeta', 'angen', 'oster'], late: [], missing: [] },
    ],
  ];
  it.each(cases)('%s', (_label, answers, expected) => {
    const s = responseStatus(
      forums,
      answers.map((a) => ({ ...a, submittedAt: at('2027-03-01T10:00:00Z') })),
    );
    expect({ answered: s.answered.map((f) => f.id), late: s.late.map((f) => f.id), missing: s.missing.map((f) => f.id) }).toEqual(expected);
  });

  it('returns plain {id, name} and equal names in id order', () => {
    const s = responseStatus(
      [
        { id: 'b', name: 'Samma', extra: 1 } as { id: string; name: string },
        { id: 'a', name: 'Samma' },
      ],
      [],
    );
    expect(s.missing).toEqual([
      { id: 'a', name: 'Samma' },
      { id: 'b', name: 'Samma' },
    ]);
  });

  it('no forums', () => {
    expect(responseStatus([], [{ forumId: 'x', submittedAt: at('2027-01-01T00:00:00Z'), late: false }])).toEqual({ answered: [], late: [], missing: [] });
  });
});
