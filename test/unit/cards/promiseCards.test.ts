import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../../cards/kit.js';
import { actionDeleteCard } from '../../../cards/promise/actionDeleteCard.js';
import { actionFormCard } from '../../../cards/promise/actionFormCard.js';
import { actionUpdateCard } from '../../../cards/promise/actionUpdateCard.js';
import { commitmentFormCard } from '../../../cards/promise/commitmentFormCard.js';
import { digestCard, digestSection, personDigestCard } from '../../../cards/promise/digestCard.js';
import { followUpCard } from '../../../cards/promise/followUpCard.js';
import { malbildCard } from '../../../cards/promise/malbildCard.js';
import { indicatorFormCard, readingFormCard, statementsFormCard } from '../../../cards/promise/malbildForms.js';
import { myActionsCard, ownedItemBlocks, personActionsCard } from '../../../cards/promise/myActionsCard.js';
import { noPromiseCard, promiseCard } from '../../../cards/promise/promiseCard.js';
import { promiseFormCard } from '../../../cards/promise/promiseFormCard.js';
import { reminderCard } from '../../../cards/promise/reminderCard.js';
import { promiseVerbSchemas } from '../../../cards/promise/verbs.js';
import type { Malbild } from '../../../src/domain/malbilder/malbild.js';
import { weeklyDigest } from '../../../src/domain/promise/digest.js';
import { messages, type Lang } from '../../../src/i18n/index.js';
import { followUpDocument } from '../../../src/reports/followUp/document.js';
import { action, citizenPromise, commitment, followUp } from '../domain/promise/fixtures.js';
import { checkCard, typedNodes } from './adaptiveCardCheck.js';

const DISTRICTS = ['Berga', 'Ryd', 'Skäggetorp'];
const OWNERS = [
  { aadObjectId: 'owner-1', name: 'Olle Ägare' },
  { aadObjectId: 'owner-2', name: 'Åsa Öberg' },
];
const links = { html: 'https://x.example/r.html?exp=1&sig=a', md: 'https://x.example/r.md?exp=1&sig=a', csv: 'https://x.example/r.csv?exp=1&sig=a', json: 'https://x.example/r.json?exp=1&sig=a' };

const malbild: Malbild = {
  id: 'malbild-berga',
  district: 'Berga',
  statements: ['Boende i Berga känner sig trygga utomhus på kvällen'],
  indicators: [
    {
      id: 'i1',
      name: 'Andel trygga',
      unit: '%',
      direction: 'increase',
      baseline: { value: 52, date: '2025-10-01' },
      target: { value: 70, date: '2027-10-01' },
      readings: [
        { value: 55, date: '2026-03-01', by: 'x' },
        { value: 60, date: '2026-09-01', by: 'x' },
      ],
    },
    { id: 'i2', name: 'Anmälda brott', unit: '', direction: 'decrease', target: { value: 100, date: '2027-12-31' }, readings: [] },
  ],
};

const promise = citizenPromise([
  commitment('c1', [action('x1', { followUps: [followUp('2026-2', '6 narkotikasök genomförda', { count: 6 })] }), action('x2', { due: '2026-03-01' })], { malbildId: 'malbild-berga' }),
  commitment('c2', [action('x3', { status: 'klar', completedAt: '2026-04-01' })], { responsible: 'polisen' }),
  commitment('c3', []),
]);
const today = '2026-05-10';

function cardsFor(lang: Lang): [string, AdaptiveCard][] {
  const m = messages(lang);
  const viewerChair = { aadObjectId: 'chair', isChair: true, canFollowUp: true };
  const viewerOwner = { aadObjectId: 'owner-1', isChair: false, canFollowUp: false };
  const many = Array.from({ length: 40 }, (_, i) => action(`x${i + 10}`, { text: `Åtgärd nummer ${i} med en lagom lång beskrivning av vad som ska göras` }));
  const big = citizenPromise([commitment('c1', many.slice(0, 20)), commitment('c2', many.slice(20))]);
  const lots = Array.from({ length: 200 }, (_, i) => action(`x${i + 100}`, { text: `Åtgärd ${i}: en lagom lång beskrivning av vad som ska göras och var`, ownerAadObjectId: i % 7 ? 'owner-2' : 'owner-1' }));
  const huge = citizenPromise([commitment('c1', lots.slice(0, 120)), commitment('c2', lots.slice(120))]);
  const ctx = { promiseId: promise.id, commitments: promise.commitments, owners: OWNERS, today };
  const a1 = promise.commitments[0]!.actions[0]!;
  return [
    ['promiseCard chair', promiseCard(m, { promise, version: 4, today, viewer: viewerChair, others: [{ id: 'lofte-2024', title: 'Gammalt löfte', status: 'avslutat' }], lead: m.promise.promiseSaved })],
    ['promiseCard owner', promiseCard(m, { promise, version: 4, today, viewer: viewerOwner })],
    ['promiseCard draft (agree button)', promiseCard(m, { promise: { ...promise, status: 'utkast' }, version: 1, today, viewer: viewerChair })],
    ['promiseCard closed', promiseCard(m, { promise: { ...promise, status: 'avslutat' }, version: 9, today, viewer: viewerChair })],
    ['promiseCard 40 actions', promiseCard(m, { promise: big, version: 2, today, viewer: viewerChair })],
    ['promiseCard 200 actions (compact)', promiseCard(m, { promise: huge, version: 2, today, viewer: viewerOwner })],
    ['followUpCard 200 actions (compact)', followUpCard(m, lang, followUpDocument(huge, '2026-2', today, [], 'period'), links, 1440)],
    ['noPromiseCard chair', noPromiseCard(m, true)],
    ['noPromiseCard member', noPromiseCard(m, false, m.promise.promiseSaved)],
    ['promiseFormCard new', promiseFormCard(m)],
    ['promiseFormCard edit with errors', promiseFormCard(m, { existing: { id: 'lofte-2026', version: 3, title: 'T' }, values: { title: '', periodFrom: '2027-01-01', periodTo: '2026-01-01' }, errors: { title: 'required', periodTo: 'endBeforeStart' }, banner: m.errors.staleWrite })],
    ['commitmentFormCard new', commitmentFormCard(m, { promiseId: 'p', districts: DISTRICTS, malbilder: [{ id: 'malbild-berga', district: 'Berga' }] })],
    ['commitmentFormCard edit, no målbilder, errors', commitmentFormCard(m, { promiseId: 'p', districts: DISTRICTS, malbilder: [] }, { existing: { commitmentId: 'c1', rev: 'abc' }, values: { text: '', districts: 'Mars' }, errors: { text: 'required', districts: 'unknownDistrict' } })],
    ['actionFormCard new', actionFormCard(m, ctx)],
    ['actionFormCard decisions with banner', actionFormCard(m, ctx, { decisions: { meetingId: '2026-2', meetingLabel: 'Styrgruppsmöte 2/2026' }, banner: 'Sparad', bannerIsWarning: false })],
    ['actionFormCard edit with errors', actionFormCard(m, ctx, { existing: { actionId: 'x1', rev: 'r1' }, values: { text: 'x', owner: 'nobody', due: '2020-01-01' }, errors: { owner: 'unknownOwner', due: 'pastDate', commitment: 'unknownCommitment' } })],
    ['actionFormCard no owners', actionFormCard(m, { ...ctx, owners: [] })],
    ['actionFormCard no commitments', actionFormCard(m, { ...ctx, commitments: [] })],
    ['actionDeleteCard', actionDeleteCard(m, { promiseId: promise.id, commitment: promise.commitments[0]!, action: promise.commitments[0]!.actions[1]!, rev: 'r' })],
    ['actionDeleteCard with follow-ups, after a stale write', actionDeleteCard(m, { promiseId: promise.id, commitment: promise.commitments[0]!, action: a1, rev: 'r' }, { banner: m.errors.staleWrite })],
    ['actionUpdateCard', actionUpdateCard(m, lang, { promiseId: promise.id, commitment: promise.commitments[0]!, action: a1, rev: 'r', meetingId: '2026-2', shownStatus: 'pagar' })],
    ['actionUpdateCard other meeting, errors', actionUpdateCard(m, lang, { promiseId: promise.id, commitment: promise.commitments[0]!, action: a1, rev: 'r', meetingId: '2026-3', shownStatus: 'forsenad' }, { values: { count: 'sex' }, errors: { count: 'notANumber', followUp: 'required' }, banner: m.errors.staleWrite })],
    ['myActionsCard', myActionsCard(m, [{ promise, commitment: promise.commitments[0]!, action: a1 }], today, m.promise.followUpRequest('Styrgruppsmöte 2/2026'))],
    ['myActionsCard empty', myActionsCard(m, [], today)],
    ['myActionsCard with mention', myActionsCard(m, [{ promise, commitment: promise.commitments[0]!, action: a1 }], today, m.promise.followUpRequest('Styrgruppsmöte 2/2026'), { aadObjectId: 'owner-1', name: 'Olle Ägare' })],
    ['followUpCard meeting', followUpCard(m, lang, followUpDocument(promise, '2026-2', today, [malbild], 'meeting'), links, 1440)],
    ['followUpCard period', followUpCard(m, lang, followUpDocument(promise, '2026-2', today, [malbild], 'period'), links, 1440)],
    ['digestCard', digestCard(m, [{ promiseId: promise.id, title: promise.title, digest: weeklyDigest(promise, today) }])],
    ['personActionsCard two organisations', personActionsCard(m, [{ name: 'Linköpings kommun', blocks: ownedItemBlocks(m, [{ promise, commitment: promise.commitments[0]!, action: a1 }], today) }, { name: 'Kinnestads kommun', blocks: ownedItemBlocks(m, [{ promise, commitment: promise.commitments[0]!, action: a1 }], today) }])],
    ['personActionsCard empty', personActionsCard(m, [])],
    ['personDigestCard two organisations', personDigestCard(m, [digestSection(m, 'Linköpings kommun', [{ promiseId: promise.id, title: promise.title, digest: weeklyDigest(promise, today) }]), digestSection(m, 'Kinnestads kommun', [{ promiseId: promise.id, title: promise.title, digest: { late: [], upcoming: [] } }])])],
    ['digestCard nothing', digestCard(m, [{ promiseId: promise.id, title: promise.title, digest: { late: [], upcoming: [] } }])],
    ['reminderCard 1:1', reminderCard(m, { promiseId: promise.id, action: a1, kind: 'due7', mention: false })],
    ['reminderCard channel mention', reminderCard(m, { promiseId: promise.id, action: a1, kind: 'due0', mention: true })],
    ['malbildCard', malbildCard(m, 'Berga', malbild, { canEdit: true, canEnterReading: true }, m.promise.readingSaved)],
    ['malbildCard none', malbildCard(m, 'Ryd', null, { canEdit: true, canEnterReading: true })],
    ['malbildCard read only', malbildCard(m, 'Berga', malbild, { canEdit: false, canEnterReading: false })],
    ['statementsFormCard', statementsFormCard(m, 'Berga', { version: 2, statements: 'a\nb', errors: { statements: 'tooMany' } })],
    ['indicatorFormCard', indicatorFormCard(m, 'Berga', { values: { targetValue: 'x' }, errors: { targetValue: 'notANumber', targetDate: 'endBeforeStart' } })],
    ['readingFormCard', readingFormCard(m, 'Berga', malbild.indicators, today, { errors: { value: 'notANumber', date: 'futureDate', indicator: 'unknownIndicator' } })],
  ];
}

describe.each(['sv', 'en'] as const)('medborgarlöfte cards in %s', (lang) => {
  it.each(cardsFor(lang))('%s is a valid Adaptive Card 1.5 under 40 KB', (_name, json) => {
    checkCard(json);
  });
});

describe('medborgarlöfte card details', () => {
  const m = messages('sv');

  it('every promise/action/målbild verb is used by some card', () => {
    const used = new Set((['sv', 'en'] as const).flatMap((lang) => cardsFor(lang).flatMap(([, json]) => typedNodes(json).filter((n) => n.type === 'Action.Execute').map((n) => String(n.verb)))));
    expect(Object.keys(promiseVerbSchemas).filter((v) => !used.has(v))).toEqual([]);
  });

  it('field errors are sentences right under their inputs, including the feature codes', () => {
    const json = actionFormCard(m, { promiseId: 'p', commitments: promise.commitments, owners: OWNERS, today }, { errors: { owner: 'unknownOwner', due: 'pastDate' } });
    const body = json.body;
    const dueAt = body.findIndex((e) => e.id === 'due');
    expect(body[dueAt + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention', text: 'Datumet har redan passerat – välj i dag eller senare.' });
    const ownerAt = body.findIndex((e) => e.id === 'owner');
    expect(body[ownerAt + 1]).toMatchObject({ text: 'Välj en ansvarig i listan.' });
  });

  it('a chair’s edit card offers deleting (asking first); a new item’s card does not', () => {
    const ctx = { promiseId: 'p', commitments: promise.commitments, owners: OWNERS, today };
    const edit = actionFormCard(m, ctx, { existing: { actionId: 'x1', rev: 'r1' } });
    expect(typedNodes(edit).filter((n) => n.verb === 'action.deleteAsk')).toEqual([
      { type: 'Action.Execute', title: 'Ta bort åtgärden', verb: 'action.deleteAsk', data: { promiseId: 'p', actionId: 'x1' } },
    ]);
    for (const json of [actionFormCard(m, ctx), actionFormCard(m, ctx, { decisions: { meetingId: '2026-2', meetingLabel: 'Styrgruppsmöte 2/2026' } })]) {
      expect(typedNodes(json).filter((n) => n.verb === 'action.deleteAsk')).toEqual([]);
    }
  });

  it('the delete confirmation names the item, says it cannot be undone and how many follow-ups go with it', () => {
    const c = promise.commitments[0]!;
    const plain = actionDeleteCard(m, { promiseId: 'p', commitment: c, action: action('x2', { text: 'Trygghetsvandring i Berga' }), rev: 'r2' });
    expect(JSON.stringify(plain)).toContain('Ta bort **Trygghetsvandring i Berga**? Det går inte att ångra.');
    expect(JSON.stringify(plain)).not.toContain('uppföljning');
    expect(typedNodes(plain).filter((n) => n.type === 'Action.Execute')).toEqual([
      { type: 'Action.Execute', title: 'Ja, ta bort', verb: 'action.deleteConfirm', data: { promiseId: 'p', actionId: 'x2', rev: 'r2' }, style: 'destructive' },
      { type: 'Action.Execute', title: 'Behåll', verb: 'action.edit', data: { promiseId: 'p', actionId: 'x2' } },
    ]);
    const one = actionDeleteCard(m, { promiseId: 'p', commitment: c, action: action('x1', { followUps: [followUp('2026-1', 'a')] }), rev: 'r' });
    expect(JSON.stringify(one)).toContain('1 uppföljning hör till åtgärden och tas bort med den.');
    const three = action('x1', { followUps: ['2026-1', '2026-2', '2026-3'].map((id) => followUp(id, 'a')) });
    expect(JSON.stringify(actionDeleteCard(m, { promiseId: 'p', commitment: c, action: three, rev: 'r' }))).toContain('3 uppföljningar hör till åtgärden');
    expect(JSON.stringify(actionDeleteCard(messages('en'), { promiseId: 'p', commitment: c, action: three, rev: 'r' }))).toContain('3 follow-up entries belong to the action item and are deleted with it.');
  });

  it('a channel reminder @mentions the owner by Entra id; a 1:1 reminder does not', () => {
    const a = action('x1', { ownerAadObjectId: 'aad-olle' });
    const inChannel = reminderCard(m, { promiseId: 'p', action: a, kind: 'due7', mention: true });
    expect(inChannel.msteams).toMatchObject({ entities: [{ type: 'mention', text: '<at>Olle Ägare</at>', mentioned: { id: 'aad-olle', name: 'Olle Ägare' } }] });
    expect(JSON.stringify(inChannel.body)).toContain('<at>Olle Ägare</at>');
    const personal = reminderCard(m, { promiseId: 'p', action: a, kind: 'due7', mention: false });
    expect(JSON.stringify(personal)).not.toContain('<at>');
  });

  it('the promise card shows late items as försenad and offers owners only their own items', () => {
    const json = promiseCard(m, { promise, version: 1, today, viewer: { aadObjectId: 'owner-9', isChair: false, canFollowUp: false } });
    const s = JSON.stringify(json);
    expect(s).toContain('⚠ Försenad'); // x2 was due 2026-03-01
    expect(typedNodes(json).filter((n) => n.type === 'Action.Execute')).toEqual([]);
  });

  it('a long promise gets compact cards: owners keep the buttons of their own items; counts per commitment in the follow-up', () => {
    const lots = Array.from({ length: 200 }, (_, i) => action(`x${i + 100}`, { ownerAadObjectId: i % 7 ? 'owner-2' : 'owner-1' }));
    const huge = citizenPromise([commitment('c1', lots)]);
    const json = promiseCard(m, { promise: huge, version: 1, today, viewer: { aadObjectId: 'owner-1', isChair: false, canFollowUp: true } });
    expect(JSON.stringify(json)).toContain('200 åtgärder – kort lista (150 visas)');
    const buttons = typedNodes(json).filter((n) => n.verb === 'action.open');
    expect(buttons.length).toBe(lots.slice(0, 150).filter((a) => a.ownerAadObjectId === 'owner-1').length);
    const fu = followUpCard(m, 'sv', followUpDocument(huge, '2026-2', today, [], 'meeting'), links, 1440);
    expect(JSON.stringify(fu)).toContain('Många åtgärder');
    expect(JSON.stringify(fu)).toContain('Pågår i tid: 200');
  });

  it('says how long the links are valid', () => {
    expect([30, 60, 1440].map((n) => m.promise.linksValid(n))).toEqual(['Länkarna gäller i 30 minuter.', 'Länkarna gäller i en timme.', 'Länkarna gäller i 24 timmar.']);
    expect(messages('en').promise.linksValid(90)).toBe('The links are valid for 90 minutes.');
  });

  it('the follow-up card links to the four signed report formats', () => {
    const json = followUpCard(m, 'sv', followUpDocument(promise, '2026-2', today, [malbild], 'meeting'), links, 1440);
    const urls = typedNodes(json).filter((n) => n.type === 'Action.OpenUrl').map((n) => n.url);
    expect(urls).toEqual([links.html, links.md, links.csv, links.json]);
    expect(JSON.stringify(json)).toContain('6 narkotikasök genomförda (6)');
  });
});
