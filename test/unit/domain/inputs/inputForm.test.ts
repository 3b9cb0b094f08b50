import { describe, expect, it } from 'vitest';
import { inputAnswerSchema, type InputAnswer } from '../../../../src/domain/inputs/answer.js';
import { inputFieldIds, questionNumbers } from '../../../../src/domain/inputs/fieldIds.js';
import { parseInputForm } from '../../../../src/domain/inputs/inputForm.js';
import { defaultThemeIds } from '../../../../src/domain/inputs/themes.js';

const ctx = { districts: ['Berga', 'Ryd', 'Skäggetorp'], themeIds: defaultThemeIds };
const base = { sensitivity: 'oppen', trend_0: 'oforandrat' };
const parse = (raw: Record<string, unknown>) => parseInputForm(raw, ctx);
const MB = 'x'.repeat(1_000_000);

const answer = (over: Partial<InputAnswer>): InputAnswer => ({
  districts: [{ district: 'Berga', trend: 'oforandrat', situation: '' }],
  themes: [],
  questions: [],
  agendaItems: [],
  sensitivity: 'oppen',
  ...over,
});

describe('inputFieldIds', () => {
  it('names the card inputs', () => {
    expect([inputFieldIds.trend(0), inputFieldIds.situation(2), inputFieldIds.question(1), inputFieldIds.questionPriority(5)]).toEqual([
      'trend_0',
      'situation_2',
      'q1',
      'q5prio',
    ]);
    expect(questionNumbers).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('parseInputForm: valid answers', () => {
  const cases: [string, Record<string, unknown>, InputAnswer][] = [
    ['one trend', base, answer({})],
    [
      'every field',
      {
        trend_0: 'samre',
        situation_0: '  Fler bränder i soprum.\r\nOro bland boende.  ',
        trend_2: 'battre',
        themes: 'skadegorelse,narkotika',
        otherTheme: 'Mopedbuskörning',
        q1: 'Kan ni öka närvaron kvällstid?',
        q1prio: 'hog',
        q2: 'Hur går det med kameraärendet?',
        q2prio: 'lag',
        agenda: 'Trygghetsvandring i Berga\n\n  Uppföljning av medborgarlöftet  \n',
        needs: 'Fler fältassistenter',
        sensitivity: 'kanslig',
      },
      {
        districts: [
          { district: 'Berga', trend: 'samre', situation: 'Fler bränder i soprum.\nOro bland boende.' },
          { district: 'Skäggetorp', trend: 'battre', situation: '' },
        ],
        themes: ['narkotika', 'skadegorelse'],
        otherTheme: 'Mopedbuskörning',
        questions: [
          { text: 'Kan ni öka närvaron kvällstid?', priority: 'hog' },
          { text: 'Hur går det med kameraärendet?', priority: 'lag' },
        ],
        agendaItems: ['Trygghetsvandring i Berga', 'Uppföljning av medborgarlöftet'],
        needs: 'Fler fältassistenter',
        sensitivity: 'kanslig',
      },
    ],
    ['a description without a trend gets "vet ej"', { sensitivity: 'intern', situation_1: 'Lugnt.' }, answer({ districts: [{ district: 'Ryd', trend: 'vetej', situation: 'Lugnt.' }], sensitivity: 'intern' })],
    ['only a theme', { sensitivity: 'oppen', themes: 'narkotika' }, answer({ districts: [], themes: ['narkotika'] })],
    ['only another theme', { sensitivity: 'oppen', otherTheme: 'Klotter' }, answer({ districts: [], otherTheme: 'Klotter' })],
    ['only a question (priority defaults to medel)', { sensitivity: 'oppen', q3: 'Fråga?' }, answer({ districts: [], questions: [{ text: 'Fråga?', priority: 'medel' }] })],
    ['empty priority defaults to medel', { ...base, q1: 'Fråga?', q1prio: '' }, answer({ questions: [{ text: 'Fråga?', priority: 'medel' }] })],
    ['questions keep their order, gaps closed', { ...base, q2: 'B', q5: 'E', q5prio: 'hog' }, answer({ questions: [{ text: 'B', priority: 'medel' }, { text: 'E', priority: 'hog' }] })],
    ['a priority without text is ignored, even a bad one', { ...base, q1prio: 'hog', q2prio: 'bogus', q3prio: 7 }, answer({})],
    ['whitespace-only question is no question', { ...base, q1: '   \n ' }, answer({})],
    ['theme ids deduplicated, trimmed and in list order', { ...base, themes: ' bedragerier , narkotika,bedragerier,,' }, answer({ themes: ['narkotika', 'bedragerier'] })],
    ['empty strings are absent', { ...base, trend_1: '', situation_1: '', themes: '', otherTheme: ' ', agenda: '\n\n', needs: '' }, answer({})],
    ['exactly five agenda lines', { ...base, agenda: 'a\nb\r\nc\rd\ne' }, answer({ agendaItems: ['a', 'b', 'c', 'd', 'e'] })],
    ['text at the limits', { ...base, situation_0: 'x'.repeat(1000), q1: 'q'.repeat(500), otherTheme: 'o'.repeat(200), needs: 'n'.repeat(2000), agenda: 'a'.repeat(300) }, answer({ districts: [{ district: 'Berga', trend: 'oforandrat', situation: 'x'.repeat(1000) }], questions: [{ text: 'q'.repeat(500), priority: 'medel' }], otherTheme: 'o'.repeat(200), needs: 'n'.repeat(2000), agendaItems: ['a'.repeat(300)] })],
    ['unknown and extra keys are ignored', { ...base, q6: 'Sjätte?', trend_3: 'samre', verb: 'submitInput', forumId: 'x', version: 3 }, answer({})],
    ['numbers that are not personal data', { ...base, situation_0: '6 narkotikasök v. 12, 3 av 15 klara, möte 2027-03-10 kl 13:00, ärende 850101-1235' }, answer({ districts: [{ district: 'Berga', trend: 'oforandrat', situation: '6 narkotikasök v. 12, 3 av 15 klara, möte 2027-03-10 kl 13:00, ärende 850101-1235' }] })],
  ];
  it.each(cases)('%s', (_label, raw, expected) => {
    const r = parse(raw);
    expect(r).toEqual({ ok: true, answer: expected });
    if (r.ok) expect(inputAnswerSchema.parse(r.answer)).toEqual(r.answer);
  });
});

describe('parseInputForm: field errors', () => {
  const cases: [string, Record<string, unknown>, Record<string, string>][] = [
    ['sensitivity missing', { trend_0: 'samre' }, { sensitivity: 'chooseOne' }],
    ['sensitivity empty', { ...base, sensitivity: '' }, { sensitivity: 'chooseOne' }],
    ['sensitivity unknown', { ...base, sensitivity: 'hemlig' }, { sensitivity: 'chooseOne' }],
    ['entirely empty', { sensitivity: 'oppen' }, { form: 'emptyAnswer' }],
    ['entirely empty, no sensitivity either', {}, { form: 'emptyAnswer', sensitivity: 'chooseOne' }],
    ['agenda and needs alone are not an answer', { sensitivity: 'oppen', agenda: 'Punkt', needs: 'Behov' }, { form: 'emptyAnswer' }],
    ['trend unknown', { ...base, trend_1: 'bra' }, { trend_1: 'chooseOne' }],
    ['situation too long', { ...base, situation_0: 'x'.repeat(1001) }, { situation_0: 'tooLong' }],
    ['question too long', { ...base, q2: 'x'.repeat(501) }, { q2: 'tooLong' }],
    ['question priority unknown', { ...base, q1: 'Fråga?', q1prio: 'akut' }, { q1prio: 'chooseOne' }],
    ['other theme too long', { ...base, otherTheme: 'x'.repeat(201) }, { otherTheme: 'tooLong' }],
    ['needs too long', { ...base, needs: 'x'.repeat(2001) }, { needs: 'tooLong' }],
    ['six agenda lines', { ...base, agenda: 'a\nb\nc\nd\ne\nf' }, { agenda: 'tooMany' }],
    ['agenda line too long', { ...base, agenda: `ok\n${'x'.repeat(301)}` }, { agenda: 'tooLong' }],
    ['unknown theme', { ...base, themes: 'narkotika,hemligt' }, { themes: 'unknownTheme' }],
    ['theme label instead of id', { ...base, themes: 'Narkotika' }, { themes: 'unknownTheme' }],
    ['several fields at once', { trend_0: 'x', q1: 'x'.repeat(501), sensitivity: 'y' }, { trend_0: 'chooseOne', q1: 'tooLong', sensitivity: 'chooseOne' }],
  ];
  it.each(cases)('%s', (_label, raw, fieldErrors) => {
    expect(parse(raw)).toEqual({ ok: false, fieldErrors });
  });
});

describe('parseInputForm: personal data in every free-text field', () => {
  const fields: [string, string][] = [
    ['situation_0', inputFieldIds.situation(0)],
    ['situation_2', inputFieldIds.situation(2)],
    ['otherTheme', inputFieldIds.otherTheme],
    ['q1', inputFieldIds.question(1)],
    ['q5', inputFieldIds.question(5)],
    ['agenda', inputFieldIds.agenda],
    ['needs', inputFieldIds.needs],
  ];
  const samples: [string, string][] = [
    ['personnummer', 'Gäller 811218-9876.'],
    ['samordningsnummer', 'Sam.nr 19701063-2391'],
    ['phone', 'Ring 070-123 45 67'],
    ['email', 'Mejla anna@linkoping.se'],
  ];
  const table = fields.flatMap(([label, id]) => samples.map(([kind, text]) => [label, kind, id, text] as const));
  it.each(table)('%s with a %s', (_label, kind, id, text) => {
    expect(parse({ ...base, [id]: text })).toEqual({ ok: false, fieldErrors: { [id]: `personalData|${kind}` } });
  });

  it('finds personal data on any agenda line', () => {
    expect(parse({ ...base, agenda: 'Punkt ett\nKontakt: a@b.se\nPunkt tre' })).toEqual({ ok: false, fieldErrors: { agenda: 'personalData|email' } });
  });
});

describe('parseInputForm: values of the wrong type or size never throw', () => {
  const wrong: [string, unknown][] = [
    ['number', 42],
    ['object', { text: 'x' }],
    ['array', ['narkotika']],
    ['null', null],
    ['boolean', true],
  ];
  const textFields = ['situation_0', 'otherTheme', 'q1', 'agenda', 'needs'];
  const choiceFields = ['trend_0', 'themes', 'sensitivity'];
  const table = wrong.flatMap(([kind, value]) => [
    ...textFields.map((f) => [f, kind, value, 'required'] as const),
    ...choiceFields.map((f) => [f, kind, value, 'chooseOne'] as const),
  ]);
  it.each(table)('%s as %s', (field, _kind, value, code) => {
    const r = parse({ ...base, trend_1: 'samre', [field]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors[field]).toBe(code);
  });

  it.each([['number', 1], ['object', {}], ['null', null]])('question priority as %s (with a question)', (_kind, value) => {
    expect(parse({ ...base, q1: 'Fråga?', q1prio: value })).toEqual({ ok: false, fieldErrors: { q1prio: 'chooseOne' } });
  });

  const huge: [string, string][] = [
    ['situation_0', 'tooLong'],
    ['otherTheme', 'tooLong'],
    ['q1', 'tooLong'],
    ['agenda', 'tooLong'],
    ['needs', 'tooLong'],
    ['themes', 'unknownTheme'],
    ['trend_0', 'chooseOne'],
    ['q1prio', 'chooseOne'],
    ['sensitivity', 'chooseOne'],
  ];
  it.each(huge)('1 MB in %s', (field, code) => {
    const r = parse({ ...base, q1: 'Fråga?', [field]: MB });
    expect(r).toEqual({ ok: false, fieldErrors: { [field]: code } });
  });

  it('1 MB of agenda lines', () => {
    expect(parse({ ...base, agenda: 'a\n'.repeat(500_000) })).toEqual({ ok: false, fieldErrors: { agenda: 'tooLong' } });
  });

  it.each([['null', null], ['array', []], ['string', 'trend_0=samre']])('raw data as %s reads as empty', (_kind, raw) => {
    expect(parseInputForm(raw as unknown as Record<string, unknown>, ctx)).toEqual({ ok: false, fieldErrors: { form: 'emptyAnswer', sensitivity: 'chooseOne' } });
  });

  it('does not read inherited properties', () => {
    const raw = Object.create({ sensitivity: 'oppen', trend_0: 'samre' }) as Record<string, unknown>;
    expect(parse(raw)).toEqual({ ok: false, fieldErrors: { form: 'emptyAnswer', sensitivity: 'chooseOne' } });
  });

  it('a theme list of another forum configuration is refused', () => {
    expect(parseInputForm({ ...base, themes: 'narkotika' }, { districts: ctx.districts, themeIds: ['klotter'] })).toEqual({
      ok: false,
      fieldErrors: { themes: 'unknownTheme' },
    });
  });
});
