import { describe, expect, it } from 'vitest';
import type { Malbild } from '../../../../src/domain/malbilder/malbild.js';
import { diffPublicVersions } from '../../../../src/domain/public/publicDiff.js';
import { hideKey, projectPublicVersion, publicId, publicVersionSchema, type ProjectionInput } from '../../../../src/domain/public/publicVersion.js';
import { action, citizenPromise, commitment, followUp } from '../promise/fixtures.js';

const TODAY = '2026-09-01';

const berga: Malbild = {
  id: 'mb-berga',
  district: 'Berga',
  statements: ['Boende känner sig trygga i centrum', 'Färre bränder i miljörum'],
  indicators: [
    {
      id: 'trygghet',
      name: 'Andel trygga',
      unit: '%',
      direction: 'increase',
      baseline: { value: 60, date: '2025-01-01' },
      target: { value: 80, date: '2027-12-31' },
      readings: [
        { value: 65, date: '2026-01-15', by: 'reader-aad-1' },
        { value: 70, date: '2026-06-15', by: 'reader-aad-1' },
      ],
    },
    { id: 'brand', name: 'Anlagda bränder', unit: 'antal', direction: 'decrease', target: { value: 5, date: '2027-12-31' }, readings: [] },
  ],
};
const unlinked: Malbild = { id: 'mb-ryd', district: 'Ryd', statements: ['Ryd ska inte synas'], indicators: [] };

/** Every internal value that must never be public, spread over every field that holds one. */
const promise = citizenPromise(
  [
    commitment(
      'com-berga-1',
      [
        action('act-late-1', {
          text: 'Trygghetsvandringar i Berga centrum',
          ownerAadObjectId: 'aad-owner-secret-1',
          ownerName: 'Ingrid Påhittad',
          due: '2026-08-15',
          status: 'pagar',
          followUps: [followUp('2026-2', 'Två vandringar gjorda, väntar på belysning', { by: 'aad-writer-secret', count: 2 }), followUp('2026-1', 'Planerade', { by: 'aad-writer-secret' })],
        }),
        action('act-done-2', { text: 'Narkotikasök vid skolor', ownerName: 'Bertil Hittepå', status: 'klar', completedAt: '2026-05-01', followUps: [followUp('2026-2', '6 narkotikasök', { count: 6 })] }),
      ],
      { text: 'Ökad närvaro i Berga', responsible: 'polisen', malbildId: 'mb-berga' },
    ),
    commitment('com-kommun-2', [action('act-stop-3', { text: 'Belysning i gångtunnel', status: 'stoppad' })], { text: 'Tryggare utemiljö', responsible: 'kommunen', districts: ['Ryd'] }),
  ],
  { id: 'lofte-intern-id', agreedBy: 'aad-chair-secret', agreedAt: '2026-01-20T12:00:00.000Z' },
);

const base: ProjectionInput = { promise, malbilder: [berga, unlinked], today: TODAY, hidden: new Set() };
const json = (input: ProjectionInput) => JSON.stringify(projectPublicVersion(input).version);

describe('projectPublicVersion: what is public', () => {
  const { version, withheld } = projectPublicVersion(base);

  it('is valid against the published schema and withholds nothing by default', () => {
    expect(publicVersionSchema.parse(version)).toEqual(version);
    expect(withheld).toEqual([]);
  });

  it.each([
    ['the promise title', 'Medborgarlöfte 2026–2027'],
    ['the period', '2027-12-31'],
    ['a commitment', 'Ökad närvaro i Berga'],
    ['an action text', 'Trygghetsvandringar i Berga centrum'],
    ['a follow-up text', 'Två vandringar gjorda, väntar på belysning'],
    ['a goal statement', 'Boende känner sig trygga i centrum'],
    ['an indicator', 'Andel trygga'],
    ['the responsible party', 'polisen'],
  ])('contains %s', (_what, text) => {
    expect(JSON.stringify(version)).toContain(text);
  });

  it.each([
    ['owner names', 'Ingrid Påhittad'],
    ['owner names (second)', 'Bertil Hittepå'],
    ['owner Entra ids', 'aad-owner-secret-1'],
    ['follow-up writers', 'aad-writer-secret'],
    ['reading writers', 'reader-aad-1'],
    ['the agreeing chair', 'aad-chair-secret'],
    ['the promise id', 'lofte-intern-id'],
    ['commitment ids', 'com-berga-1'],
    ['action ids', 'act-late-1'],
    ['målbild ids', 'mb-berga'],
    ['indicator ids', '"trygghet"'],
    ['instants of writing', '2026-05-01T10:00'],
    ['an unlinked målbild', 'Ryd ska inte synas'],
  ])('never contains %s', (_what, text) => {
    expect(JSON.stringify(version)).not.toContain(text);
  });

  it('shows the party of the commitment for its actions, effective status, counts and the latest tertial', () => {
    const [c1, c2] = version.commitments;
    expect(c1!.actions.map((a) => [a.responsible, a.status, a.bucket])).toEqual([
      ['polisen', 'forsenad', 'late'],
      ['polisen', 'klar', 'done'],
    ]);
    expect(c1!.actions[0]!.followUps.map((f) => f.tertial)).toEqual(['2026-1', '2026-2']);
    expect(c2!.counts).toEqual({ total: 1, onTime: 0, late: 0, done: 0, doneLate: 0, stopped: 1 });
    expect(version.counts).toEqual({ total: 3, onTime: 0, late: 1, done: 1, doneLate: 0, stopped: 1 });
    expect(version.latestFollowUp).toBe('2026-2');
    expect(version.goals[0]!.indicators[0]).toMatchObject({ latest: { value: 70, date: '2026-06-15' }, progress: 0.5, trend: 'improving' });
  });

  it('gives stable public ids that differ from the internal ones', () => {
    expect(version.commitments[0]!.id).toBe(publicId('c', 'com-berga-1'));
    expect(projectPublicVersion(base).version.commitments[0]!.id).toBe(version.commitments[0]!.id);
    expect(publicId('c', 'x')).not.toBe(publicId('a', 'x'));
  });
});

describe('projectPublicVersion: what a chair or the guards leave out', () => {
  it.each([
    ['a commitment (and its actions)', hideKey.commitment('com-berga-1'), ['Ökad närvaro i Berga', 'Trygghetsvandringar', '6 narkotikasök']],
    ['an action (and its follow-ups)', hideKey.action('act-late-1'), ['Trygghetsvandringar', 'Två vandringar']],
    ['one follow-up', hideKey.followUp('act-late-1', '2026-2'), ['Två vandringar']],
    ['a goal statement', hideKey.statement('mb-berga', 1), ['Färre bränder i miljörum']],
    ['an indicator', hideKey.indicator('mb-berga', 'brand'), ['Anlagda bränder']],
  ])('hidden: %s', (_what, key, gone) => {
    const { version, withheld } = projectPublicVersion({ ...base, hidden: new Set([key]) });
    for (const text of gone) expect(JSON.stringify(version)).not.toContain(text);
    expect(withheld).toEqual([{ key, reason: 'hidden' }]);
  });

  it('keeps the rest when one follow-up is hidden', () => {
    const out = json({ ...base, hidden: new Set([hideKey.followUp('act-late-1', '2026-2')]) });
    expect(out).toContain('Planerade');
    expect(out).toContain('Trygghetsvandringar');
  });

  it.each([
    ['a personnummer in a follow-up', 'Kontakt 19811218-9876 informerad'],
    ['an e-mail address', 'Skriv till nils.nilsson@example.se'],
    ['a phone number', 'Ring 070-123 45 67'],
  ])('withholds %s', (_what, text) => {
    const p = citizenPromise([commitment('c', [action('a', { followUps: [followUp('2026-2', text)] })])]);
    const { version, withheld } = projectPublicVersion({ ...base, promise: p });
    expect(JSON.stringify(version)).not.toContain(text);
    expect(withheld).toEqual([{ key: hideKey.followUp('a', '2026-2'), reason: 'personalData' }]);
  });

  it.each([
    ['the same text', 'Oro kring gänget vid Ryds centrum', 'Oro kring gänget vid Ryds centrum'],
    ['other case and punctuation', 'Oro kring gänget vid Ryds centrum', 'oro kring gänget, vid Ryds centrum!'],
    ['quoted inside a longer text', 'Oro kring gänget vid Ryds centrum', 'Åtgärd: oro kring gänget vid Ryds centrum följs upp'],
  ])('withholds intern/känslig text: %s', (_what, restricted, actionText) => {
    const p = citizenPromise([commitment('c', [action('a', { text: actionText })])]);
    const { version, withheld } = projectPublicVersion({ ...base, promise: p, restrictedTexts: [restricted] });
    expect(JSON.stringify(version)).not.toContain(actionText);
    expect(JSON.stringify(version).toLowerCase()).not.toContain('gänget');
    expect(withheld).toEqual([{ key: hideKey.action('a'), reason: 'restricted' }]);
  });

  it('does not withhold on a short restricted word', () => {
    const { withheld } = projectPublicVersion({ ...base, restrictedTexts: ['Berga'] });
    expect(withheld).toEqual([]);
  });
});

describe('diffPublicVersions', () => {
  const before = projectPublicVersion(base).version;
  const edit = (change: (p: typeof promise) => typeof promise) => projectPublicVersion({ ...base, promise: change(structuredClone(promise)) }).version;

  it('is empty for the same content', () => {
    expect(diffPublicVersions(before, projectPublicVersion(base).version)).toEqual([]);
  });

  it.each([
    [
      'a new follow-up',
      (p: typeof promise) => {
        p.commitments[0]!.actions[1]!.followUps.push(followUp('2026-3', '8 narkotikasök'));
        return p;
      },
      [{ kind: 'added', item: 'followUp', label: '2026-3: 8 narkotikasök', fields: [] }],
    ],
    [
      'an action text edited',
      (p: typeof promise) => {
        p.commitments[1]!.actions[0]!.text = 'Belysning i två gångtunnlar';
        return p;
      },
      [{ kind: 'changed', item: 'action', label: 'Belysning i två gångtunnlar', fields: ['text'] }],
    ],
    [
      'an action removed',
      (p: typeof promise) => {
        p.commitments[1]!.actions = [];
        return p;
      },
      [{ kind: 'removed', item: 'action', label: 'Belysning i gångtunnel', fields: [] }],
    ],
    [
      'a commitment added',
      (p: typeof promise) => {
        p.commitments.push(commitment('com-new', [action('act-new', { text: 'Ny åtgärd' })], { text: 'Nytt åtagande' }));
        return p;
      },
      [
        { kind: 'added', item: 'commitment', label: 'Nytt åtagande', fields: [] },
        { kind: 'added', item: 'action', label: 'Ny åtgärd', fields: [] },
      ],
    ],
    [
      'the title',
      (p: typeof promise) => ({ ...p, title: 'Medborgarlöfte, nytt namn' }),
      [{ kind: 'changed', item: 'promise', label: 'Medborgarlöfte, nytt namn', fields: ['title'] }],
    ],
  ])('%s', (_what, change, expected) => {
    expect(diffPublicVersions(before, edit(change))).toEqual(expected);
  });

  it('lists a hidden follow-up as removed', () => {
    const after = projectPublicVersion({ ...base, hidden: new Set([hideKey.followUp('act-done-2', '2026-2')]) }).version;
    expect(diffPublicVersions(before, after)).toEqual([{ kind: 'removed', item: 'followUp', label: '2026-2: 6 narkotikasök', fields: [] }]);
  });

  it('sees a new indicator reading', () => {
    const m = structuredClone(berga);
    m.indicators[0]!.readings.push({ value: 75, date: '2026-08-20', by: 'x' });
    const after = projectPublicVersion({ ...base, malbilder: [m] }).version;
    expect(diffPublicVersions(before, after)).toEqual([{ kind: 'changed', item: 'indicator', label: 'Andel trygga', fields: ['latest', 'progress'] }]);
  });
});
