import { describe, expect, it } from 'vitest';
import { assembleOrgExport, orgExportSchema, orgHoldingCounts, type RawOrgKey } from '../../../../src/domain/organisation/orgExport.js';

const org = { id: 'obbbbbbb', name: 'Kinnestads kommun', status: 'active' as const, createdAt: '2026-12-01T09:00:00.000Z', legacy: false };
const version = (v: number, doc: unknown) => `${JSON.stringify({ v, at: `2026-12-0${v}T10:00:00.000Z`, by: 'chair-x' })}\n${JSON.stringify(doc)}`;

function build(keys: RawOrgKey[]) {
  return assembleOrgExport({ org, exportedAt: '2026-12-02T10:00:00.000Z', keys, jobs: [{ queue: 'timeline', id: 'obbbbbbb.tl-2027-1-prompt', name: 'step', state: 'delayed' }], settingsCollection: 'orgsettings', settingsId: 'self' });
}

describe('assembleOrgExport', () => {
  const cases: { name: string; keys: RawOrgKey[]; check: (doc: ReturnType<typeof build>) => void }[] = [
    {
      name: 'a record with its kept versions (oldest first) and audit list',
      keys: [
        { key: 'rec:answer:2027-1:forum-00', type: 'hash', value: { v: '2', doc: JSON.stringify({ s: 'b' }), at: '2026-12-02T10:00:00.000Z', by: 'chair-x' } },
        { key: 'hist:answer:2027-1:forum-00', type: 'list', value: [version(1, { s: 'a' }), version(2, { s: 'b' })] },
        { key: 'audit:answer:2027-1:forum-00', type: 'list', value: [JSON.stringify({ action: 'create' }), JSON.stringify({ action: 'update' })] },
      ],
      check: (doc) =>
        expect(doc.collections.answer).toEqual([
          {
            id: '2027-1:forum-00',
            version: 2,
            at: '2026-12-02T10:00:00.000Z',
            by: 'chair-x',
            data: { s: 'b' },
            versions: [
              { version: 1, at: '2026-12-01T10:00:00.000Z', by: 'chair-x', data: { s: 'a' } },
              { version: 2, at: '2026-12-02T10:00:00.000Z', by: 'chair-x', data: { s: 'b' } },
            ],
            audit: [{ action: 'create' }, { action: 'update' }],
          },
        ]),
    },
    {
      name: 'a deleted record keeps its audit list (no data, no version)',
      keys: [{ key: 'audit:forum:f9', type: 'list', value: [JSON.stringify({ action: 'delete' })] }],
      check: (doc) => expect(doc.collections.forum).toEqual([{ id: 'f9', version: null, at: null, by: null, data: null, versions: [], audit: [{ action: 'delete' }] }]),
    },
    {
      name: 'the settings are found and also listed with their collection',
      keys: [{ key: 'rec:orgsettings:self', type: 'hash', value: { v: '4', doc: JSON.stringify({ name: 'Kinnestads kommun' }), at: 'x', by: 'y' } }],
      check: (doc) => {
        expect(doc.settings).toMatchObject({ id: 'self', version: 4, data: { name: 'Kinnestads kommun' } });
        expect(doc.collections.orgsettings).toHaveLength(1);
      },
    },
    {
      name: 'report reads are their own section, not a collection',
      keys: [{ key: 'audit:report-reads', type: 'list', value: [JSON.stringify({ who: 'link', what: '/export.json', when: 'w' })] }],
      check: (doc) => {
        expect(doc.reportReads).toEqual([{ who: 'link', what: '/export.json', when: 'w' }]);
        expect(doc.collections).toEqual({});
        expect(doc.otherKeys).toEqual([]);
      },
    },
    {
      name: 'lookups, indexes and other keys are kept as stored, sorted by name',
      keys: [
        { key: 'lkp:forum:person:a1', type: 'set', value: ['f1'] },
        { key: 'idx:forum', type: 'set', value: ['f1', 'f2'] },
      ],
      check: (doc) => expect(doc.otherKeys.map((k) => k.key)).toEqual(['idx:forum', 'lkp:forum:person:a1']),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const doc = build(c.keys);
      expect(orgExportSchema.safeParse(doc).success).toBe(true);
      expect(doc.org).toEqual(org);
      expect(doc.jobs).toEqual([{ queue: 'timeline', id: 'obbbbbbb.tl-2027-1-prompt', name: 'step', state: 'delayed' }]);
      c.check(doc);
    });
  }
});

describe('orgHoldingCounts', () => {
  it.each([
    [{}, { forums: 0, meetings: 0, answers: 0, promises: 0, lagesbilder: 0, malbilder: 0 }],
    [{ forum: 3, meeting: 8, answer: 20, promise: 1, lagesbild: 2, malbild: 4, orgsettings: 1 }, { forums: 3, meetings: 8, answers: 20, promises: 1, lagesbilder: 2, malbilder: 4 }],
  ])('%j → %j', (ids, expected) => {
    expect(orgHoldingCounts(ids)).toEqual(expected);
  });
});
