import { describe, expect, it } from 'vitest';
import { publishPreviewCard, type PublishPreviewInput } from '../../../cards/public/publishPreviewCard.js';
import { publishPromptCard } from '../../../cards/public/publishPromptCard.js';
import { publicVerbSchemas } from '../../../cards/public/verbs.js';
import { diffPublicVersions } from '../../../src/domain/public/publicDiff.js';
import { fingerprint, hideKey, projectPublicVersion } from '../../../src/domain/public/publicVersion.js';
import { messages } from '../../../src/i18n/index.js';
import { action, citizenPromise, commitment, followUp } from '../domain/promise/fixtures.js';
import { checkCard, typedNodes } from './adaptiveCardCheck.js';

const promise = citizenPromise([
  commitment('c1', [action('a1', { text: 'Trygghetsvandringar', ownerName: 'Ingrid Påhittad', followUps: [followUp('2026-2', 'Två gjorda', { count: 2 })] })], { text: 'Ökad närvaro' }),
  commitment('c2', [action('a2', { text: 'Belysning', status: 'klar', completedAt: '2026-03-01' })], { text: 'Tryggare utemiljö', responsible: 'kommunen' }),
]);
const projection = projectPublicVersion({ promise, malbilder: [], today: '2026-05-10', hidden: new Set() });
const later = projectPublicVersion({ promise: { ...promise, title: 'Nytt namn' }, malbilder: [], today: '2026-05-10', hidden: new Set([hideKey.action('a2')]) });

const input = (over: Partial<PublishPreviewInput> = {}): PublishPreviewInput => ({
  organisation: 'Linköpings kommun',
  promiseId: promise.id,
  version: projection.version,
  fingerprint: fingerprint(projection.version),
  basedOn: 0,
  hidden: [],
  hideable: [
    { key: hideKey.commitment('c1'), kind: 'commitment', label: 'Ökad närvaro' },
    { key: hideKey.action('a1'), kind: 'action', label: 'Trygghetsvandringar' },
    { key: hideKey.followUp('a1', '2026-2'), kind: 'followUp', label: 'Två gjorda' },
  ],
  autoWithheld: 0,
  changes: null,
  ...over,
});

describe('publishPreviewCard', () => {
  const cases: [string, PublishPreviewInput][] = [
    ['first publication', input()],
    ['republish with changes', input({ version: later.version, fingerprint: fingerprint(later.version), basedOn: 3, hidden: [hideKey.action('a2')], changes: diffPublicVersions(projection.version, later.version) })],
    ['republish, nothing changed', input({ basedOn: 1, changes: [], autoWithheld: 2, banner: 'Någon annan har publicerat' })],
  ];
  for (const lang of ['sv', 'en'] as const) {
    it.each(cases)(`${lang}: %s is a valid card with Publish, the fingerprint and no names`, (_what, i) => {
      const json = publishPreviewCard(messages(lang), lang, i);
      checkCard(json);
      const s = JSON.stringify(json);
      expect(s).not.toContain('Ingrid Påhittad');
      expect(s).toContain(i.version.promise.title);
      const confirm = typedNodes(json).find((n) => n.verb === 'public.confirm');
      const keep = i.hidden.filter((k) => !i.hideable.some((h) => h.key === k)).join(',');
      expect(confirm?.data).toEqual({ promiseId: promise.id, basedOn: i.basedOn, previewed: i.fingerprint, keep });
    });
  }

  it('shows the changes and the hidden choice', () => {
    const m = messages('sv');
    const json = publishPreviewCard(m, 'sv', cases[1]![1]);
    const s = JSON.stringify(json);
    expect(s).toContain(m.public.changesTitle);
    expect(s).toContain('Ändrat: Nytt namn (title)');
    expect(s).toContain('Tas bort: Belysning');
    // a:a2 is left out but not offered on this card: carried in the buttons' data, not lost.
    expect(typedNodes(json).find((n) => n.id === 'hidden')).toMatchObject({ isMultiSelect: true, value: '' });
    expect(typedNodes(json).find((n) => n.verb === 'public.confirm')?.data).toMatchObject({ keep: 'a:a2' });
    const offered = publishPreviewCard(m, 'sv', { ...cases[1]![1], hideable: [...cases[1]![1].hideable, { key: hideKey.action('a2'), kind: 'action', label: 'Belysning' }] });
    expect(typedNodes(offered).find((n) => n.id === 'hidden')).toMatchObject({ value: 'a:a2' });
    expect(typedNodes(offered).find((n) => n.verb === 'public.confirm')?.data).toMatchObject({ keep: '' });
  });

  it('a long promise gets the compact card, under 40 KB, that says so', () => {
    const long = 'Lång text om trygghetsarbetet i stadsdelen som fortsätter en bra bit till. '.repeat(6);
    const big = citizenPromise(
      Array.from({ length: 20 }, (_, c) =>
        commitment(`c${c}`, Array.from({ length: 8 }, (_, a) => action(`a${c}-${a}`, { text: `${a} ${long}`.slice(0, 500), followUps: [followUp('2026-2', long.slice(0, 900))] })), { text: long.slice(0, 900) }),
      ),
    );
    const v = projectPublicVersion({ promise: big, malbilder: [], today: '2026-05-10', hidden: new Set() }).version;
    const hideable = big.commitments.flatMap((c) => [
      { key: hideKey.commitment(c.id), kind: 'commitment' as const, label: c.text },
      ...c.actions.flatMap((a) => [
        { key: hideKey.action(a.id), kind: 'action' as const, label: a.text },
        { key: hideKey.followUp(a.id, '2026-2'), kind: 'followUp' as const, label: long },
      ]),
    ]);
    for (const lang of ['sv', 'en'] as const) {
      const json = publishPreviewCard(messages(lang), lang, input({ version: v, fingerprint: fingerprint(v), hideable }));
      checkCard(json);
      expect(JSON.stringify(json)).toContain(messages(lang).public.compactNote);
    }
  });

  it('uses both verbs', () => {
    const used = new Set(typedNodes(publishPreviewCard(messages('sv'), 'sv', input())).map((n) => n.verb));
    expect(Object.keys(publicVerbSchemas).filter((v) => !used.has(v))).toEqual([]);
  });
});

describe('publishPromptCard', () => {
  it.each([
    ['sv', null, 'Löftet har inte publicerats förut.'],
    ['sv', '15 maj 2027', 'Senast uppdaterad 15 maj 2027'],
    ['en', '15 May 2027', 'Last updated 15 May 2027'],
  ] as const)('%s (last published %s) is valid and opens the preview', (lang, last, shown) => {
    const json = publishPromptCard(messages(lang), lang, { promiseId: 'lofte-1', meetingId: '2027-2', lastPublished: last });
    checkCard(json);
    expect(JSON.stringify(json)).toContain(shown);
    expect(JSON.stringify(json)).toContain(lang === 'sv' ? 'Styrgruppsmöte 2/2027' : 'Steering group meeting 2/2027');
    expect(typedNodes(json).find((n) => n.verb === 'public.preview')?.data).toEqual({ promiseId: 'lofte-1' });
  });
});
