import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../../cards/kit.js';
import { compileFailedCard, compileProgressCard, lagesbildCard, lagesbildMessageCard, lagesbildNoticeCard, publishedCard, type LagesbildCardModel } from '../../../cards/lagesbild/lagesbildCard.js';
import { itemMinutesInput, itemTitleInput, lagesbildVerbSchemas, mergeJoinInputs, mergeSplitInput } from '../../../cards/lagesbild/verbs.js';
import { proposeAgenda } from '../../../src/domain/agenda/agenda.js';
import { approveAgenda } from '../../../src/domain/agenda/edits.js';
import { compileLagesbild } from '../../../src/domain/lagesbild/compile.js';
import { viewFor } from '../../../src/domain/lagesbild/view.js';
import { meeting1 } from '../domain/lagesbild/scenario.js';
import { messages, type Lang } from '../../../src/i18n/index.js';
import { agendaOf, hugeSnapshot, MARK, meetingSnapshots } from '../lagesbild/fixture.js';
import { checkCard, typedNodes } from './adaptiveCardCheck.js';

const links = { html: 'https://x.example/reports/2027-2.html?aud=chairs&exp=1&sig=a', md: 'https://x.example/r.md', csv: 'https://x.example/r.csv', json: 'https://x.example/r.json' };
const { s2 } = meetingSnapshots();
/** A lägesbild with several question groups, one of three forums (the domain's scenario). */
const scenarioSnapshot = compileLagesbild(meeting1);

function model(audience: 'chairs' | 'steering', extra: Partial<LagesbildCardModel> = {}): LagesbildCardModel {
  return {
    meetingId: '2027-2',
    meetingTitle: 'Styrgruppsmöte 2/2027',
    view: viewFor(s2, audience),
    stale: false,
    compiledAt: '2027-05-17 kl. 13:00',
    agenda: { version: 3, agenda: agendaOf(s2) },
    published: null,
    links,
    linkHours: 24,
    ...extra,
  };
}

const json = (c: AdaptiveCard) => JSON.stringify(c);
const executes = (c: AdaptiveCard) => typedNodes(c).filter((n) => n.type === 'Action.Execute');
// typedNodes skips ShowCard bodies' data only; inputs inside ShowCards are typed nodes too.
const inputIds = (c: AdaptiveCard) => typedNodes(c).filter((n) => String(n.type).startsWith('Input.')).map((n) => n.id);

describe.each(['sv', 'en'] as Lang[])('lägesbild cards (%s)', (lang) => {
  const m = messages(lang);

  it('the chairs card: valid, the chairs version with känslig content, the agenda with edit buttons for every item', () => {
    const c = lagesbildCard(m, lang, model('chairs'));
    checkCard(c);
    expect(json(c)).toContain(MARK.kanslig);
    expect(json(c)).toContain(m.lagesbild.audiences.chairs.slice(0, 20));
    const agenda = agendaOf(s2);
    for (const item of agenda.items) {
      expect(inputIds(c)).toContain(itemTitleInput(item.id));
      expect(inputIds(c)).toContain(itemMinutesInput(item.id));
    }
    const verbs = executes(c).map((e) => e.verb);
    expect(verbs).toContain('agenda.approve');
    expect(verbs).toContain('agenda.remove');
    expect(verbs).toContain('agenda.edit');
    expect(verbs).toContain('lagesbild.compile');
    expect(verbs).not.toContain('lagesbild.publish');
    // Every edit carries the version the card shows.
    for (const e of executes(c).filter((x) => String(x.verb).startsWith('agenda.'))) expect((e.data as { version: number }).version).toBe(3);
    // The first item has no "up", the last no "down".
    const moves = executes(c).filter((e) => e.verb === 'agenda.move').map((e) => e.data as { itemId: string; direction: string });
    expect(moves).not.toContainEqual(expect.objectContaining({ itemId: agenda.items[0]!.id, direction: 'up' }));
    expect(moves).not.toContainEqual(expect.objectContaining({ itemId: agenda.items.at(-1)!.id, direction: 'down' }));
  });

  it('the steering version in a channel never shows känslig text, and says which version it is', () => {
    const c = lagesbildCard(m, lang, model('steering'));
    checkCard(c);
    expect(json(c)).not.toContain(MARK.kanslig);
    expect(json(c)).toContain(MARK.intern);
    expect(json(c)).toContain(m.lagesbild.audiences.steering.slice(0, 20));
  });

  it('approved: Publicera instead of Godkänn; stale: the banner with Sammanställ igen; published note', () => {
    const agenda = approveAgenda(agendaOf(s2));
    const c = lagesbildCard(m, lang, model('chairs', { agenda: { version: 4, agenda }, stale: true, published: { at: '2027-05-18 kl. 08:00', current: false } }));
    checkCard(c);
    const verbs = executes(c).map((e) => e.verb);
    expect(verbs).toContain('lagesbild.publish');
    expect(verbs).not.toContain('agenda.approve');
    expect(json(c)).toContain(m.lagesbild.stale);
    expect(verbs.filter((v) => v === 'lagesbild.compile').length).toBe(2);
    expect(json(c)).toContain(m.lagesbild.publishedOutdated);
  });

  it('links to the four reports', () => {
    const c = lagesbildCard(m, lang, model('chairs'));
    const urls = typedNodes(c).filter((n) => n.type === 'Action.OpenUrl').map((n) => n.url);
    expect(urls).toEqual([links.html, links.md, links.csv, links.json]);
  });

  it('with the meeting in Outlook (Graph on): the Teams join button first, on the chairs’ and the published card', () => {
    const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';
    for (const c of [
      lagesbildCard(m, lang, model('chairs', { joinUrl })),
      publishedCard(m, lang, { meetingId: '2027-2', meetingTitle: 'x', view: viewFor(s2, 'steering'), agenda: approveAgenda(agendaOf(s2)), publishedAt: 'y', links, linkHours: 24, joinUrl }),
    ]) {
      checkCard(c);
      const join = typedNodes(c).find((n) => n.type === 'Action.OpenUrl' && n.url === joinUrl);
      expect(join?.title).toBe(m.calendar.join);
    }
    expect(json(lagesbildCard(m, lang, model('chairs')))).not.toContain(m.calendar.join);
  });

  it('a meeting without answers says so', () => {
    const empty = { ...viewFor(s2, 'chairs') };
    empty.responseRate = { ...empty.responseRate, counts: { forums: 4, answered: 0, late: 0, missing: 4, rate: 0 }, answered: [], late: [] };
    const c = lagesbildCard(m, lang, model('chairs', { view: empty, agenda: null }));
    checkCard(c);
    expect(json(c)).toContain(m.lagesbild.noAnswers);
    expect(json(c)).toContain(m.lagesbild.noAgenda);
  });

  it('a huge meeting stays under 40 KB, lists cut with "…och N till"', () => {
    const huge = hugeSnapshot();
    const c = lagesbildCard(m, lang, model('chairs', { view: viewFor(huge, 'chairs'), agenda: { version: 1, agenda: agendaOf(huge) } }));
    checkCard(c);
    expect(Buffer.byteLength(json(c))).toBeLessThan(40 * 1024);
    expect(json(c)).toMatch(new RegExp(m.lagesbild.andMore(999).replace('999', '\\d+')));
    expect(json(c)).toMatch(new RegExp(m.lagesbild.more(999).replace('999', '\\d+')));
    const p = publishedCard(m, lang, { meetingId: '2027-2', meetingTitle: 'x', view: viewFor(huge, 'steering'), agenda: approveAgenda(agendaOf(huge)), publishedAt: 'y', links, linkHours: 24 });
    checkCard(p);
  });

  it('a 600-minute agenda of 50+ items stays under 40 KB and keeps its move and remove buttons', () => {
    const huge = hugeSnapshot();
    const agenda = proposeAgenda(viewFor(huge, 'steering'), { meetingMinutes: 600 });
    expect(agenda.items.length).toBeGreaterThan(50);
    const c = lagesbildCard(m, lang, model('chairs', { view: viewFor(huge, 'chairs'), agenda: { version: 1, agenda } }));
    checkCard(c);
    const verbs = executes(c).map((e) => e.verb);
    expect(verbs.filter((v) => v === 'agenda.remove')).toHaveLength(agenda.items.length);
    expect(verbs).toContain('agenda.move');
  });

  it('progress, failed, notice and message cards', () => {
    const p = compileProgressCard(m, 'Styrgruppsmöte 2/2027', { loaded: 12, total: 15 });
    checkCard(p);
    expect(json(p)).toContain(m.lagesbild.progress(12, 15));
    checkCard(compileProgressCard(m, 'x', null, { joined: true }));
    checkCard(compileProgressCard(m, 'x', { loaded: 0, total: 0 }));
    const f = compileFailedCard(m, '2027-2', 'x');
    checkCard(f);
    expect(executes(f).map((e) => e.verb)).toEqual(['lagesbild.compile']);
    const n = lagesbildNoticeCard(m, '2027-2', 'Sent svar', true);
    checkCard(n);
    expect(executes(n).map((e) => e.verb)).toEqual(['lagesbild.compile', 'lagesbild.show']);
    checkCard(lagesbildMessageCard('x'));
  });

  it('the published card: steering version, the approved agenda read-only, new links', () => {
    const agenda = approveAgenda(agendaOf(s2));
    const c = publishedCard(m, lang, { meetingId: '2027-2', meetingTitle: 'Styrgruppsmöte 2/2027', view: viewFor(s2, 'steering'), agenda, publishedAt: '2027-05-18 kl. 08:00', links, linkHours: 24 });
    checkCard(c);
    expect(json(c)).not.toContain(MARK.kanslig);
    expect(executes(c).map((e) => e.verb)).toEqual(['lagesbild.published']);
    expect(inputIds(c)).toEqual([]);
    for (const item of agenda.items) expect(json(c)).toContain(JSON.stringify(item.title).slice(1, -1));
  });
});

it('every lägesbild verb is used by some card', () => {
  const m = messages('sv');
  const all = [
    lagesbildCard(m, 'sv', model('chairs')),
    lagesbildCard(m, 'sv', model('chairs', { agenda: { version: 1, agenda: approveAgenda(agendaOf(s2)) } })),
    publishedCard(m, 'sv', { meetingId: '2027-2', meetingTitle: 'x', view: viewFor(s2, 'steering'), agenda: agendaOf(s2), publishedAt: 'y', links, linkHours: 1 }),
    lagesbildNoticeCard(m, '2027-2', 'x', true),
    lagesbildCard(m, 'sv', model('chairs', { view: viewFor(scenarioSnapshot, 'chairs') })),
  ];
  // Items not on the agenda get "Lägg till"; make sure there is one.
  const used = new Set(all.flatMap((c) => executes(c).map((e) => e.verb)));
  const expected = Object.keys(lagesbildVerbSchemas).filter((v) => v !== 'agenda.restore' || agendaOf(s2).notOnAgenda.length > 0);
  for (const v of expected) expect(used, v).toContain(v);
});

describe.each(['sv', 'en'] as Lang[])('the chairs\' corrections of the question groups on the card (%s)', (lang) => {
  const m = messages(lang);
  const showCard = (c: AdaptiveCard) => typedNodes(c).find((n) => n.type === 'Action.ShowCard' && n.title === m.merge.open);

  it('chairs: a valid form to split a question out (groups of two or more) and to join two groups, keyed by question', () => {
    const c = lagesbildCard(m, lang, model('chairs', { view: viewFor(scenarioSnapshot, 'chairs') }));
    checkCard(c);
    expect(showCard(c)).toBeDefined();
    expect(inputIds(c)).toEqual(expect.arrayContaining([mergeSplitInput, ...mergeJoinInputs]));
    const verbs = executes(c).map((e) => e.verb);
    expect(verbs).toEqual(expect.arrayContaining(['lagesbild.split', 'lagesbild.join']));
    const choices = typedNodes(c).filter((n) => n.type === 'Input.ChoiceSet').flatMap((n) => (n.choices as { value: string }[]).map((x) => x.value));
    for (const v of choices) expect(v).toMatch(/^k-[0-9a-f]{12}$/);
    const multi = scenarioSnapshot.questions.groups.filter((g) => g.members.length > 1);
    expect(multi.length).toBeGreaterThan(0);
    // A merged question shows every forum that asked it.
    expect(json(c)).toContain(m.merge.askedBy('').replace(/_/g, '').trim());
  });

  it('the steering version has no correction form', () => {
    expect(showCard(lagesbildCard(m, lang, model('steering')))).toBeUndefined();
  });

  it('a huge lägesbild stays under the size limit, with or without the form', () => {
    const huge = hugeSnapshot();
    const c = lagesbildCard(m, lang, model('chairs', { view: viewFor(huge, 'chairs'), agenda: { version: 1, agenda: agendaOf(huge) } }));
    checkCard(c);
    expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThan(40_000);
  });
});
