import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { forumFormCard, forumListCard, forumSummaryCard } from '../../../cards/forumCards.js';
import { helpCard } from '../../../cards/helpCard.js';
import { formValuesOf, inputFormCard, inputProgressCard, inputSummaryCard, type InputCardContext } from '../../../cards/inputs/inputCard.js';
import type { AdaptiveCard } from '../../../cards/kit.js';
import { cancelMeetingCard, meetingNoticeCard, meetingsCard, moveMeetingCard, type MeetingView } from '../../../cards/meetingCards.js';
import { planCard } from '../../../cards/planCard.js';
import { isVerb, verbSchemas, verbs } from '../../../cards/verbs.js';
import { inputsVerbSchemas } from '../../../cards/inputs/verbs.js';
import { lagesbildVerbSchemas } from '../../../cards/lagesbild/verbs.js';
import { linkVerbSchemas } from '../../../cards/linkVerbs.js';
import { promiseVerbSchemas } from '../../../cards/promise/verbs.js';
import { orgVerbSchemas } from '../../../cards/org/verbs.js';
import { publicVerbSchemas } from '../../../cards/public/verbs.js';
import type { CommandName } from '../../../src/domain/commands.js';
import type { InputAnswer } from '../../../src/domain/inputs/answer.js';
import { inputFieldIds, questionNumbers } from '../../../src/domain/inputs/fieldIds.js';
import { parseInputForm } from '../../../src/domain/inputs/inputForm.js';
import { defaultThemeIds, defaultThemes } from '../../../src/domain/inputs/themes.js';
import { forumKinds, type ForumRecord } from '../../../src/domain/forum.js';
import type { MeetingRecord } from '../../../src/domain/meeting.js';
import { messages, type Lang } from '../../../src/i18n/index.js';

// The package's "main" (lib/) is ESM without file extensions and does not load under plain
// node; the UMD bundle in dist/ does, and needs no DOM for parse + validateProperties.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

const DISTRICTS = ['Berga', 'Ryd', 'Skäggetorp', 'Lambohov', 'Centrum', 'Johannelund'] as const;
const ALL_COMMANDS: CommandName[] = ['help', 'registerSteering', 'registerForum', 'listForums', 'plan', 'meetings', 'addChair'];
const MAX_BYTES = 40 * 1024;

interface Problem {
  phase: string;
  event: string;
  message: string;
}

/** Parses with the official renderer's object model and returns every parse and validation event. */
function acProblems(json: unknown): Problem[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  events.push(...card.validateProperties().validationEvents);
  return events.map((e) => ({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message }));
}

type Node = Record<string, unknown>;

/** Every object in the card that has a string `type` (elements, actions, columns, …). */
function typedNodes(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) for (const v of value) typedNodes(v, out);
  else if (value !== null && typeof value === 'object') {
    const node = value as Node;
    if (typeof node.type === 'string') out.push(node);
    for (const [k, v] of Object.entries(node)) if (k !== 'data') typedNodes(v, out);
  }
  return out;
}

function checkCard(json: AdaptiveCard): void {
  expect(acProblems(json)).toEqual([]);
  expect(json.type).toBe('AdaptiveCard');
  expect(json.version).toBe('1.5');
  const serialised = JSON.stringify(json);
  expect(Buffer.byteLength(serialised, 'utf8')).toBeLessThan(MAX_BYTES);
  expect(serialised).not.toMatch(/undefined|\[object |NaN/);

  const nodes = typedNodes(json);
  for (const action of nodes.filter((n) => n.type === 'Action.Execute')) {
    expect(isVerb(action.verb), `verb ${String(action.verb)}`).toBe(true);
    expect(verbs).toContain(action.verb);
    const schema = verbSchemas[action.verb as keyof typeof verbSchemas];
    const parsed = schema.safeParse(action.data ?? {});
    expect(parsed.success, `${String(action.verb)} data ${JSON.stringify(action.data)}`).toBe(true);
    expect(typeof action.title).toBe('string');
  }
  for (const n of nodes) expect(n.type).not.toBe('Action.Submit'); // Universal Actions only

  const ids = nodes.filter((n) => String(n.type).startsWith('Input.')).map((n) => n.id);
  for (const id of ids) expect(typeof id === 'string' && id.length > 0).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
}

const forum = (i: number, over: Partial<ForumRecord> = {}): ForumRecord => ({
  id: `forum-${i}`,
  name: `Trygghetsrådet ${DISTRICTS[i % DISTRICTS.length]} ${i}`,
  kind: forumKinds[i % forumKinds.length]!,
  districts: [DISTRICTS[i % DISTRICTS.length]!, DISTRICTS[(i + 1) % DISTRICTS.length]!],
  contacts: [{ name: `Kontakt ${i}`, aadObjectId: `aad-${i}` }, { name: 'Åsa Öberg' }],
  conversationId: `19:forum${i}@thread.tacv2`,
  active: i % 4 !== 3,
  memberIds: [],
  ...over,
});

const meeting = (index: number, over: Partial<MeetingRecord> = {}): MeetingRecord => ({
  id: `2027-${index}`,
  year: 2027,
  index,
  date: ['2027-02-17', '2027-05-19', '2027-10-13'][index - 1] ?? '2027-12-01',
  time: '13:00',
  durationMinutes: 120,
  status: 'confirmed',
  sequence: 0,
  uid: `samverkan-2027-${index}@example`,
  ...over,
});

const view = (m: MeetingRecord, version = 3): MeetingView => ({ meeting: m, version, icsUrl: `https://samverkan.example/ics/${m.id}.ics?t=abc` });

// --- inspel (issue 3) ---

const inputContext = (districts: readonly string[] = ['Berga', 'Ryd']): InputCardContext => ({
  meetingId: '2027-1',
  meetingTitle: 'Styrgruppsmöte 1/2027',
  forumId: 'trygghetsradet-berga',
  forumName: 'Trygghetsrådet Berga',
  districts,
  themes: defaultThemes,
  deadline: '2027-02-15 kl. 12:00',
});

/** An answer with every part filled: all districts, themes + annat, five questions, agenda, needs. */
const fullAnswer = (districts: readonly string[]): InputAnswer => ({
  districts: districts.map((district, i) => ({
    district,
    trend: (['battre', 'oforandrat', 'samre', 'vetej'] as const)[i % 4]!,
    situation: `Läget i ${district}: ${'lugnare kvällar kring centrum och skolan. '.repeat(5).trim()}`,
  })),
  themes: ['narkotika', 'skadegorelse', 'bedragerier'],
  otherTheme: 'Mopedtrafik på gångvägar',
  questions: questionNumbers.map((n) => ({ text: `Fråga ${n}: hur ser polisens närvaro ut på kvällstid vid torget?`, priority: (['hog', 'medel', 'lag'] as const)[n % 3]! })),
  agendaItems: ['Belysning i gångtunneln', 'Sommarlovsaktiviteter', 'Samarbete med fastighetsägare'],
  needs: 'Fler nattvandrare under helger, och en kontaktperson hos polisen.',
  sensitivity: 'intern',
});

const longNames = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${DISTRICTS[i % DISTRICTS.length]} ${i + 1}`);

function inputCardsFor(lang: Lang): [string, AdaptiveCard][] {
  const m = messages(lang);
  const ctx = inputContext();
  const six = inputContext(DISTRICTS);
  const stored = (answer: InputAnswer, late: boolean) => ({ answer, submittedByName: 'Anna Lind', submittedAtLocal: '2027-02-10 kl. 09:41', late });
  return [
    ['inputFormCard empty', inputFormCard(m, lang, ctx)],
    ['inputFormCard forum with 6 districts', inputFormCard(m, lang, six)],
    ['inputFormCard forum with 6 districts, prefilled (Ändra)', inputFormCard(m, lang, six, { values: formValuesOf(fullAnswer(DISTRICTS), DISTRICTS), basedOnVersion: 4 })],
    [
      'inputFormCard with values and field errors',
      inputFormCard(m, lang, ctx, {
        values: {
          trend_0: 'samre',
          situation_0: 'Ring 070-123 45 67 om något händer',
          themes: 'narkotika,bogus',
          otherTheme: 'x'.repeat(200),
          q1: 'Vad händer vid torget?',
          q1prio: 'akut',
          agenda: 'a\nb\nc\nd\ne\nf',
          needs: 'Mejla anna@example.se',
          sensitivity: '',
        },
        errors: {
          [inputFieldIds.form]: 'emptyAnswer',
          [inputFieldIds.trend(1)]: 'chooseOne',
          [inputFieldIds.situation(0)]: 'personalData|phone',
          [inputFieldIds.themes]: 'unknownTheme',
          [inputFieldIds.otherTheme]: 'tooLong',
          [inputFieldIds.question(1)]: 'personalData|personnummer',
          [inputFieldIds.questionPriority(1)]: 'chooseOne',
          [inputFieldIds.agenda]: 'tooMany',
          [inputFieldIds.needs]: 'personalData|email',
          [inputFieldIds.sensitivity]: 'chooseOne',
        },
        basedOnVersion: 2,
      }),
    ],
    ['inputFormCard stale banner', inputFormCard(m, lang, ctx, { values: formValuesOf(fullAnswer(ctx.districts), ctx.districts), basedOnVersion: 3, banner: m.inputs.staleAnswer })],
    ['inputSummaryCard on time, with thanks', inputSummaryCard(m, lang, ctx, stored(fullAnswer(ctx.districts), false), m.inputs.thanks)],
    ['inputSummaryCard late, five questions, 6 districts', inputSummaryCard(m, lang, six, stored(fullAnswer(DISTRICTS), true))],
    [
      'inputSummaryCard minimal (one theme, no questions)',
      inputSummaryCard(m, lang, ctx, stored({ districts: [], themes: ['narkotika'], questions: [], agendaItems: [], sensitivity: 'oppen' }, false)),
    ],
    ['inputProgressCard empty lists', inputProgressCard(m, 'Styrgruppsmöte 1/2027', '2027-02-15 kl. 12:00', { answered: [], late: [], missing: [] })],
    [
      'inputProgressCard long lists',
      inputProgressCard(m, 'Styrgruppsmöte 1/2027', '2027-02-15 kl. 12:00', {
        answered: longNames(40, 'Trygghetsrådet'),
        late: longNames(15, 'Sociala insatsgruppen'),
        missing: longNames(40, 'Säkerhetsenheten/kommunpolis'),
      }),
    ],
  ];
}

function cardsFor(lang: Lang): [string, AdaptiveCard][] {
  const m = messages(lang);
  const thirty = Array.from({ length: 30 }, (_, i) => ({ forum: forum(i), channel: `Team Trygghet › Kanal ${i}` }));
  const meetings = [view(meeting(1)), view(meeting(2, { status: 'cancelled', sequence: 2 })), view(meeting(3, { time: '09:30', sequence: 1 }))];
  return [
    ['helpCard chair, all commands', helpCard(m, ALL_COMMANDS, [m.help.roleChair, m.help.roleSteering])],
    ['helpCard forum member with lead', helpCard(m, ['help', 'listForums', 'meetings'], [m.help.roleForum('Trygghetsrådet Berga, Sociala insatsgruppen')], m.unknownCommand('hjälp'))],
    ['helpCard guest', helpCard(m, ['help'], [m.help.roleGuest], m.unknownCommand())],
    ['forumFormCard new', forumFormCard(m, DISTRICTS)],
    ['forumFormCard one district', forumFormCard(m, ['Berga'])],
    [
      'forumFormCard edit with values',
      forumFormCard(m, DISTRICTS, {
        existing: { id: 'trygghetsradet-berga', version: 7, name: 'Trygghetsrådet Berga' },
        values: { name: 'Trygghetsrådet Berga', kind: 'socialInsatsgrupp', districts: 'Berga,Skäggetorp', contacts: 'Anna Andersson, Bo Berg' },
      }),
    ],
    [
      'forumFormCard with field errors and banner',
      forumFormCard(m, DISTRICTS, {
        values: { name: 'A', kind: 'bogus', districts: 'Mars', contacts: 'x' },
        errors: { name: 'tooShort', kind: 'chooseOne', districts: 'unknownDistrict', contacts: 'tooMany', form: 'noSuchCode' },
        banner: m.errors.invalidInput,
      }),
    ],
    ['forumFormCard stale banner', forumFormCard(m, DISTRICTS, { existing: { id: 'x', version: 0, name: 'X' }, banner: m.errors.staleWrite })],
    ['forumSummaryCard active', forumSummaryCard(m, forum(0), 1, m.forum.saved('Trygghetsrådet Berga 0'))],
    ['forumSummaryCard inactive, no contacts', forumSummaryCard(m, forum(3, { active: false, contacts: [] }), 12, m.forum.deactivated('X'))],
    ['forumSummaryCard version 0', forumSummaryCard(m, forum(1), 0)],
    ['forumListCard empty', forumListCard(m, [])],
    ['forumListCard 30 forums', forumListCard(m, thirty)],
    ['planCard proposal', planCard(m, 2027, [1, 2, 3].map((i) => ({ index: i, windowLabel: ['feb–mar', 'maj–jun', 'sep–okt'][i - 1]!, date: meeting(i).date, time: '13:00' })))],
    [
      'planCard with errors and existing',
      planCard(
        m,
        2027,
        [1, 2, 3].map((i) => ({ index: i, windowLabel: `T${i}`, date: meeting(i).date, time: '13:00' })),
        { errors: { date1: 'holiday|Påskdagen', date2: 'blocked|sportlov', time3: 'time', date3: 'order' }, hasExisting: true },
      ),
    ],
    ['meetingsCard empty', meetingsCard(m, lang, [], true)],
    ['meetingsCard empty with lead', meetingsCard(m, lang, [], false, m.plan.confirmed(2027))],
    ['meetingsCard chair (one cancelled)', meetingsCard(m, lang, meetings, true, m.meetings.movedTo('Möte', '2027-05-20 kl. 13:00'))],
    ['meetingsCard member (read only)', meetingsCard(m, lang, meetings, false)],
    ['meetingsCard all cancelled', meetingsCard(m, lang, [view(meeting(1, { status: 'cancelled' }))], true)],
    ['moveMeetingCard', moveMeetingCard(m, lang, view(meeting(2)))],
    [
      'moveMeetingCard with errors, values and banner',
      moveMeetingCard(m, lang, view(meeting(2), 9), { errors: { date2: 'weekend', time2: 'time' }, values: { date: '2027-05-22', time: '25:00' }, banner: m.errors.conflict }),
    ],
    ['cancelMeetingCard', cancelMeetingCard(m, lang, view(meeting(3)))],
    ['meetingNoticeCard with calendar link', meetingNoticeCard(m, m.meetings.invitation('Styrgruppsmöte 1/2027', '2027-02-17 kl. 13:00'), 'https://samverkan.example/ics/2027-1.ics')],
    ['meetingNoticeCard without link', meetingNoticeCard(m, m.meetings.cancelledNotice('Styrgruppsmöte 2/2027'))],
    [
      'meetingNoticeCard with Teams join link',
      meetingNoticeCard(m, m.meetings.invitation('Styrgruppsmöte 1/2027', '2027-02-17 kl. 13:00'), 'https://samverkan.example/ics/2027-1.ics', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0'),
    ],
    [
      'meetingsCard with calendar status (Graph on)',
      meetingsCard(
        m,
        lang,
        [
          { ...view(meeting(1)), calendar: { status: 'in-calendar', joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc', attendeeCount: 12 } },
          { ...view(meeting(2)), calendar: { status: 'pending', attendeeCount: 0 } },
          { ...view(meeting(3)), calendar: { status: 'problem', attendeeCount: 0 } },
        ],
        true,
      ),
    ],
    ...inputCardsFor(lang),
  ];
}

describe.each(['sv', 'en'] as const)('every card builder in %s', (lang) => {
  const cards = cardsFor(lang);
  it.each(cards)('%s is a valid Adaptive Card 1.5 for Teams', (_name, json) => {
    checkCard(json);
  });
});

describe('card details', () => {
  it('the list of 30 forums has all of them and stays well under 40 KB', () => {
    const m = messages('sv');
    const json = forumListCard(m, Array.from({ length: 30 }, (_, i) => ({ forum: forum(i), channel: `Kanal ${i}` })));
    expect(json.body).toHaveLength(31);
    expect(Buffer.byteLength(JSON.stringify(json))).toBeLessThan(MAX_BYTES / 2);
  });

  it('field errors appear as sentences under their inputs', () => {
    const m = messages('en');
    const json = JSON.stringify(planCard(m, 2027, [{ index: 1, windowLabel: 'T1', date: '2027-03-28', time: '13:00' }], { errors: { date1: 'holiday|Påskdagen' } }));
    expect(json).toContain('That is a public holiday (Påskdagen).');
  });

  it('a cancelled meeting has no actions; read-only members get only the calendar link', () => {
    const m = messages('sv');
    const cancelled = typedNodes(meetingsCard(m, 'sv', [view(meeting(1, { status: 'cancelled' }))], true));
    expect(cancelled.filter((n) => String(n.type).startsWith('Action.'))).toEqual([]);
    const readOnly = typedNodes(meetingsCard(m, 'sv', [view(meeting(1))], false));
    expect(readOnly.filter((n) => String(n.type).startsWith('Action.')).map((n) => n.type)).toEqual(['Action.OpenUrl']);
  });

  it('every verb is used by some card', () => {
    const used = new Set(
      (['sv', 'en'] as const).flatMap((lang) =>
        cardsFor(lang).flatMap(([, json]) =>
          typedNodes(json)
            .filter((n) => n.type === 'Action.Execute')
            .map((n) => n.verb),
        ),
      ),
    );
    // The inspel cards are in this set; lägesbild, medborgarlöfte, publishing and linked-account verbs are checked by those features' own card tests.
    const featureVerbs = new Set<string>([...Object.keys(lagesbildVerbSchemas), ...Object.keys(promiseVerbSchemas), ...Object.keys(publicVerbSchemas), ...Object.keys(linkVerbSchemas), ...Object.keys(orgVerbSchemas)]);
    expect([...used].sort()).toEqual([...verbs].filter((v) => !featureVerbs.has(v)).sort());
    for (const v of Object.keys(inputsVerbSchemas)) expect(used, `inspel verb ${v}`).toContain(v);
  });
});

describe('the inspel cards', () => {
  const inputIds = (json: AdaptiveCard) => typedNodes(json).filter((n) => String(n.type).startsWith('Input.')).map((n) => String(n.id));
  /** Each Input's value as the card would send it back unchanged (what the user sees prefilled). */
  const inputValues = (json: AdaptiveCard) =>
    Object.fromEntries(typedNodes(json).filter((n) => String(n.type).startsWith('Input.')).map((n) => [String(n.id), typeof n.value === 'string' ? n.value : '']));
  const expectedIds = (districts: number) => [
    ...Array.from({ length: districts }, (_, i) => [inputFieldIds.trend(i), inputFieldIds.situation(i)]).flat(),
    inputFieldIds.themes,
    inputFieldIds.otherTheme,
    ...questionNumbers.flatMap((n) => [inputFieldIds.question(n), inputFieldIds.questionPriority(n)]),
    inputFieldIds.agenda,
    inputFieldIds.needs,
    inputFieldIds.sensitivity,
  ];

  it.each([1, 2, 6])('with %i district(s), the form renders exactly the input ids parseInputForm reads, and it reads every one', (n) => {
    const districts = DISTRICTS.slice(0, n);
    const ids = inputIds(inputFormCard(messages('sv'), 'sv', inputContext(districts)));
    expect([...ids].sort()).toEqual([...expectedIds(n)].sort());
    expect(ids).not.toContain(inputFieldIds.form); // 'form' carries errors only

    // parseInputForm reads each rendered id under that very key: a value of the wrong type
    // in that one field (and only there) earns an error keyed by the id.
    const valid: Record<string, unknown> = { sensitivity: 'oppen', ...Object.fromEntries(questionNumbers.map((q) => [inputFieldIds.question(q), `Fråga ${q}?`])) };
    const ctx = { districts, themeIds: defaultThemeIds };
    expect(parseInputForm(valid, ctx).ok).toBe(true);
    for (const id of ids) {
      const r = parseInputForm({ ...valid, [id]: 42 }, ctx);
      expect(r.ok, `parseInputForm ignores "${id}"`).toBe(false);
      if (!r.ok) expect(Object.keys(r.fieldErrors), id).toEqual([id]);
    }
    // …and it reads nothing the card does not render: junk under other keys is ignored.
    expect(parseInputForm({ ...valid, [inputFieldIds.trend(n)]: 42, q6: 42, q6prio: 42, verb: 'x', meetingId: 'y' }, ctx).ok).toBe(true);
  });

  it('a prefilled form (Ändra) sent back unchanged parses to the stored answer', () => {
    for (const districts of [['Berga'], DISTRICTS]) {
      const answer = fullAnswer(districts);
      const json = inputFormCard(messages('sv'), 'sv', inputContext(districts), { values: formValuesOf(answer, districts), basedOnVersion: 1 });
      const parsed = parseInputForm(inputValues(json), { districts, themeIds: defaultThemeIds });
      expect(parsed).toEqual({ ok: true, answer });
    }
  });

  it('field errors are sentences right under their inputs; "form" errors and the stale banner come first', () => {
    const m = messages('sv');
    const ctx = inputContext();
    const json = inputFormCard(m, 'sv', ctx, {
      values: { situation_0: 'Ring 070-123 45 67' },
      errors: { [inputFieldIds.form]: 'emptyAnswer', [inputFieldIds.situation(0)]: 'personalData|phone', [inputFieldIds.needs]: 'personalData|email' },
      banner: m.inputs.staleAnswer,
    });
    const flat = typedNodes(json.body).filter((n) => !['Container', 'ColumnSet', 'Column'].includes(String(n.type)));
    const at = (pred: (n: Node) => boolean) => flat.findIndex(pred);
    const phone = m.fieldErrors.personalData('phone');
    expect(phone).toContain('telefonnummer');
    const situation = at((n) => n.id === 'situation_0');
    expect(flat[situation + 1]).toMatchObject({ type: 'TextBlock', text: phone, color: 'Attention' });
    const needs = at((n) => n.id === 'needs');
    expect(flat[needs + 1]).toMatchObject({ type: 'TextBlock', text: m.fieldErrors.personalData('email'), color: 'Attention' });
    expect(flat[0]).toMatchObject({ type: 'TextBlock', text: m.inputs.staleAnswer, color: 'Attention' });
    const empty = at((n) => n.text === m.fieldErrors.emptyAnswer);
    expect(empty).toBeGreaterThan(0);
    expect(empty).toBeLessThan(at((n) => n.id === 'trend_0'));
    // The value the user typed is kept, so they can fix it.
    expect(flat[situation]!.value).toBe('Ring 070-123 45 67');
    // Only the fields with errors have one.
    expect(flat.filter((n) => n.color === 'Attention')).toHaveLength(4);
  });

  it('submit carries meeting, forum and (when editing) the version; the summary offers Ändra', () => {
    const m = messages('sv');
    const actions = (json: AdaptiveCard) => typedNodes(json).filter((n) => n.type === 'Action.Execute');
    expect(actions(inputFormCard(m, 'sv', inputContext()))).toEqual([expect.objectContaining({ verb: 'input.submit', title: 'Skicka inspel', data: { meetingId: '2027-1', forumId: 'trygghetsradet-berga' } })]);
    expect(actions(inputFormCard(m, 'sv', inputContext(), { basedOnVersion: 0 }))[0]!.data).toEqual({ meetingId: '2027-1', forumId: 'trygghetsradet-berga', version: 0 });
    const summary = inputSummaryCard(m, 'sv', inputContext(), { answer: fullAnswer(['Berga']), submittedByName: 'Anna Lind', submittedAtLocal: 'x', late: false });
    expect(actions(summary)).toEqual([expect.objectContaining({ verb: 'input.edit', title: 'Ändra', data: { meetingId: '2027-1', forumId: 'trygghetsradet-berga' } })]);
    expect(inputIds(summary)).toEqual([]); // read-only
  });

  it.each(['sv', 'en'] as const)('the late summary (%s) is marked late and lists all five questions with priorities', (lang) => {
    const m = messages(lang);
    const answer = fullAnswer(DISTRICTS);
    const json = JSON.stringify(inputSummaryCard(m, lang, inputContext(DISTRICTS), { answer, submittedByName: 'Anna Lind', submittedAtLocal: 'x', late: true }));
    expect(json).toContain(m.inputs.lateNote);
    for (const [i, q] of answer.questions.entries()) expect(json).toContain(`${i + 1}. ${q.text} (${m.inputs.priorities[q.priority]})`);
    for (const d of DISTRICTS) expect(json).toContain(`**${d}**`);
    expect(json).toContain(m.inputs.sensitivities.intern);
    const onTime = JSON.stringify(inputSummaryCard(m, lang, inputContext(DISTRICTS), { answer, submittedByName: 'Anna Lind', submittedAtLocal: 'x', late: false }));
    expect(onTime).not.toContain(m.inputs.lateNote);
  });

  it('the progress card lists every forum, and "–" for an empty list', () => {
    const m = messages('sv');
    const names = { answered: longNames(40, 'Trygghetsrådet'), late: [] as string[], missing: longNames(40, 'Säkerhetsenheten/kommunpolis') };
    const json = inputProgressCard(m, 'Styrgruppsmöte 1/2027', '2027-02-15 kl. 12:00', names);
    const facts = typedNodes(json).find((n) => n.type === 'FactSet')!.facts as { title: string; value: string }[];
    expect(facts).toEqual([
      { title: 'Har svarat', value: names.answered.join(', ') },
      { title: 'Svarade sent', value: '–' },
      { title: 'Saknas', value: names.missing.join(', ') },
    ]);
    expect(JSON.stringify(json)).toContain('40 har svarat, 0 sent, 40 saknas.');
  });
});

describe('the validator catches broken cards (so the checks above can fail)', () => {
  const base = { type: 'AdaptiveCard', version: '1.5' };
  const broken: [string, unknown, string][] = [
    ['unknown element type', { ...base, body: [{ type: 'TextBlok', text: 'x' }] }, 'UnknownElementType'],
    ['unknown action type', { ...base, body: [], actions: [{ type: 'Action.Exekute', title: 'x' }] }, 'UnknownActionType'],
    ['bad enum value', { ...base, body: [{ type: 'TextBlock', text: 'x', color: 'Purple' }] }, 'InvalidPropertyValue'],
    [
      'duplicate input ids',
      {
        ...base,
        body: [
          { type: 'Input.Text', id: 'name', label: 'a' },
          { type: 'Input.Text', id: 'name', label: 'b' },
        ],
      },
      'DuplicateId',
    ],
    ['required input without label', { ...base, body: [{ type: 'Input.Text', id: 'x', isRequired: true, errorMessage: 'e' }] }, 'RequiredInputsShouldHaveLabel'],
    ['required input without error message', { ...base, body: [{ type: 'Input.Text', id: 'x', isRequired: true, label: 'l' }] }, 'RequiredInputsShouldHaveErrorMessage'],
  ];
  it.each(broken)('%s → %s', (_name, json, event) => {
    expect(acProblems(json).map((p) => p.event)).toContain(event);
  });

  it('checkCard rejects a card with an unknown element', () => {
    const json = { type: 'AdaptiveCard', $schema: 'x', version: '1.5', body: [{ type: 'Carousel2' }] } as unknown as AdaptiveCard;
    expect(() => checkCard(json)).toThrow();
  });

  it('checkCard rejects an Action.Execute with an unknown verb or bad data', () => {
    const m = messages('sv');
    const badVerb = cancelMeetingCard(m, 'sv', view(meeting(1)));
    (badVerb.actions![0] as Record<string, unknown>).verb = 'meeting.delete';
    expect(() => checkCard(badVerb)).toThrow();
    const badData = cancelMeetingCard(m, 'sv', view(meeting(1)));
    (badData.actions![0] as Record<string, unknown>).data = { meetingId: '' };
    expect(() => checkCard(badData)).toThrow();
  });

  it('checkCard rejects a card over 40 KB', () => {
    const m = messages('sv');
    expect(() => checkCard(meetingNoticeCard(m, 'x'.repeat(MAX_BYTES)))).toThrow();
  });
});
