/**
 * The golden scenario: one year in Linköping, three steering meetings, eight forums and
 * the three priority districts. Questions to the police repeat in other words across
 * forums and meetings; Säkerhetsenheten writes känslig, Sociala insatsgruppen intern.
 */
import type { Priority, Sensitivity, Trend } from '../../../../src/domain/inputs/answer.js';
import { defaultThemes } from '../../../../src/domain/inputs/themes.js';
import type { Malbild } from '../../../../src/domain/malbilder/malbild.js';
import type { CompileAnswer, CompileInput } from '../../../../src/domain/lagesbild/compile.js';
import { followUpReport } from '../../../../src/domain/promise/followUpReport.js';
import { action, citizenPromise, commitment, followUp } from '../promise/fixtures.js';

type Forum = CompileInput['forums'][number];

export const forums: Forum[] = [
  { id: 'tr-berga', name: 'Trygghetsrådet Berga', districts: ['Berga'], active: true },
  { id: 'tr-ryd', name: 'Trygghetsrådet Ryd', districts: ['Ryd'], active: true },
  { id: 'tr-skaggetorp', name: 'Trygghetsrådet Skäggetorp', districts: ['Skäggetorp'], active: true },
  { id: 'sig', name: 'Sociala insatsgruppen', districts: ['Berga', 'Ryd', 'Skäggetorp'], active: true },
  { id: 'sak', name: 'Säkerhetsenheten och kommunpolisen', districts: ['Berga', 'Ryd', 'Skäggetorp'], active: true },
  { id: 'falt', name: 'Fältsekreterarna', districts: ['Berga', 'Skäggetorp'], active: true },
  { id: 'bostad', name: 'Bostadsbolagens samverkan', districts: ['Ryd', 'Skäggetorp'], active: true },
  { id: 'skolor-berga', name: 'Skolorna i Berga', districts: ['Berga'], active: true },
];

interface A {
  forumId: string;
  at: string;
  late?: boolean;
  version?: number;
  sensitivity: Sensitivity;
  districts: [string, Trend, string][];
  themes: string[];
  otherTheme?: string;
  questions?: [string, Priority][];
  agendaItems?: string[];
  needs?: string;
}

function answer(a: A): CompileAnswer {
  return {
    forumId: a.forumId,
    submittedAt: a.at,
    late: a.late ?? false,
    version: a.version ?? 1,
    answer: {
      districts: a.districts.map(([district, trend, situation]) => ({ district, trend, situation })),
      themes: a.themes,
      ...(a.otherTheme ? { otherTheme: a.otherTheme } : {}),
      questions: (a.questions ?? []).map(([text, priority]) => ({ text, priority })),
      agendaItems: a.agendaItems ?? [],
      ...(a.needs ? { needs: a.needs } : {}),
      sensitivity: a.sensitivity,
    },
  };
}

const meeting1Answers = [
  answer({
    forumId: 'tr-berga',
    at: '2026-02-20T09:12:00.000Z',
    sensitivity: 'oppen',
    districts: [['Berga', 'samre', 'Fler anmälningar om skadegörelse kring Berga centrum under vintern.']],
    themes: ['skadegorelse', 'ungdomar-i-riskmiljoer'],
    questions: [
      ['Kan polisen öka närvaron vid Berga centrum på kvällarna?', 'hog'],
      ['Hur följer polisen upp anmälningar om skadegörelse i Berga?', 'medel'],
    ],
    agendaItems: ['Trygghetsvandring i Berga centrum'],
    needs: 'Fler vuxna på stan under helgkvällar.',
  }),
  answer({
    forumId: 'tr-ryd',
    at: '2026-02-21T14:30:00.000Z',
    sensitivity: 'oppen',
    districts: [['Ryd', 'samre', 'Öppen narkotikaförsäljning vid Ryds centrum oroar boende.']],
    themes: ['narkotika', 'otrygghet-i-offentlig-miljo'],
    questions: [
      ['Hur arbetar polisen mot narkotikaförsäljningen vid Ryds centrum?', 'hog'],
      ['Kan polisen öka närvaron vid Ryds centrum på kvällarna?', 'medel'],
    ],
    agendaItems: ['Belysning i gångtunnlarna i Ryd'],
  }),
  answer({
    forumId: 'tr-skaggetorp',
    at: '2026-03-09T08:00:00.000Z',
    late: true,
    sensitivity: 'oppen',
    districts: [['Skäggetorp', 'oforandrat', 'Lugnare vid Skäggetorps centrum men oro kring unga som rekryteras.']],
    themes: ['ungdomar-i-riskmiljoer', 'gangkriminalitet'],
    otherTheme: 'Bränder i soprum',
    questions: [['Vad gör polisen för att förhindra rekrytering av unga till kriminella nätverk i Skäggetorp?', 'hog']],
    agendaItems: ['Trygghetsvandring i Skäggetorp'],
  }),
  answer({
    forumId: 'sig',
    at: '2026-02-25T10:00:00.000Z',
    sensitivity: 'intern',
    districts: [
      ['Berga', 'samre', 'Fler unga i riskmiljöer runt Berga centrum.'],
      ['Ryd', 'samre', 'Narkotikaförsäljningen vid Ryds centrum drar till sig unga.'],
      ['Skäggetorp', 'vetej', ''],
    ],
    themes: ['ungdomar-i-riskmiljoer', 'narkotika'],
    questions: [
      ['Vad gör polisen åt narkotikaförsäljning i Ryd centrum', 'hog'],
      ['Hur kan skola och polis samverka kring unga i riskmiljöer?', 'medel'],
    ],
    needs: 'Fler fältsekreterare kvällstid.',
  }),
  answer({
    forumId: 'sak',
    at: '2026-02-26T16:45:00.000Z',
    sensitivity: 'kanslig',
    districts: [
      ['Berga', 'oforandrat', 'En känd gruppering etablerar sig i Berga.'],
      ['Ryd', 'samre', 'Konflikt mellan två grupperingar i Ryd.'],
      ['Skäggetorp', 'battre', 'Lugnare efter insatserna i höstas.'],
    ],
    themes: ['gangkriminalitet', 'narkotika'],
    questions: [
      ['Narkotikaförsäljning vid Ryds centrum – vad gör polisen?', 'medel'],
      ['Finns det en risk för våldsamma konflikter mellan grupperingar i Ryd?', 'hog'],
    ],
    needs: 'Analysstöd för en lägesbild om grupperingarna.',
  }),
  answer({
    forumId: 'skolor-berga',
    at: '2026-02-27T07:30:00.000Z',
    sensitivity: 'oppen',
    districts: [['Berga', 'oforandrat', '']],
    themes: ['ungdomar-i-riskmiljoer'],
    questions: [['hur kan skola och polis samverka kring unga i riskmiljöer', 'lag']],
    agendaItems: ['Trygghetsvandring i Berga centrum'],
  }),
];

const meeting2Answers = [
  answer({
    forumId: 'tr-berga',
    at: '2026-05-20T09:00:00.000Z',
    sensitivity: 'oppen',
    districts: [['Berga', 'oforandrat', 'Skadegörelsen har minskat något sedan våren.']],
    themes: ['skadegorelse'],
    questions: [['Kan polisen öka närvaron vid Berga centrum på kvällarna?', 'medel']],
  }),
  answer({
    forumId: 'tr-ryd',
    at: '2026-05-21T11:00:00.000Z',
    sensitivity: 'oppen',
    districts: [['Ryd', 'samre', 'Försäljningen fortsätter, nu även kvällstid i gångtunnlarna.']],
    themes: ['narkotika', 'otrygghet-i-offentlig-miljo'],
    questions: [
      ['Vad gör polisen åt narkotikaförsäljningen vid Ryds centrum?', 'hog'],
      ['Kan kameraövervakning införas vid Ryds centrum?', 'medel'],
    ],
  }),
  answer({
    forumId: 'tr-skaggetorp',
    at: '2026-05-22T13:15:00.000Z',
    sensitivity: 'oppen',
    districts: [['Skäggetorp', 'battre', 'Färre larm om bränder.']],
    themes: ['ungdomar-i-riskmiljoer'],
    agendaItems: ['Trygghetsvandring i Skäggetorp i augusti'],
  }),
  answer({
    forumId: 'sig',
    at: '2026-05-18T10:00:00.000Z',
    sensitivity: 'intern',
    districts: [
      ['Berga', 'oforandrat', 'Oförändrat läge bland unga.'],
      ['Ryd', 'samre', 'Fler unga dras in i försäljningen.'],
      ['Skäggetorp', 'battre', 'Fritidsgården har fler besökare.'],
    ],
    themes: ['narkotika', 'ungdomar-i-riskmiljoer', 'vald-i-nara-relation'],
    questions: [['Hur arbetar polisen mot narkotikaförsäljningen vid Ryds centrum och i gångtunnlarna?', 'hog']],
    needs: 'Fler fältsekreterare kvällstid.',
  }),
  answer({
    forumId: 'sak',
    at: '2026-05-19T15:00:00.000Z',
    sensitivity: 'kanslig',
    districts: [
      ['Berga', 'samre', 'Grupperingen i Berga har vuxit.'],
      ['Ryd', 'samre', 'Konflikten består.'],
      ['Skäggetorp', 'oforandrat', ''],
    ],
    themes: ['gangkriminalitet'],
    questions: [['Finns det risk för våldsamma konflikter mellan grupperingarna i Ryd?', 'hog']],
  }),
  answer({
    forumId: 'falt',
    at: '2026-06-08T19:40:00.000Z',
    late: true,
    sensitivity: 'intern',
    districts: [
      ['Berga', 'samre', 'Större grupper av unga vid centrum på kvällarna.'],
      ['Skäggetorp', 'oforandrat', ''],
    ],
    themes: ['ungdomar-i-riskmiljoer', 'ordningsstorningar'],
    otherTheme: 'Mopedåkning på gångvägar',
    questions: [['Kan polisen öka närvaron i Berga centrum på kvällar?', 'medel']],
    needs: 'Lokal för kvällsverksamhet i Berga.',
  }),
  answer({
    forumId: 'bostad',
    at: '2026-05-25T08:20:00.000Z',
    sensitivity: 'oppen',
    districts: [
      ['Ryd', 'samre', 'Skadegörelse i trapphus.'],
      ['Skäggetorp', 'battre', 'Färre klotteranmälningar.'],
    ],
    themes: ['skadegorelse', 'otrygghet-i-offentlig-miljo'],
    questions: [['Kan polisen och bostadsbolagen göra gemensamma trygghetsvandringar?', 'lag']],
    agendaItems: ['Belysningen i gångtunnlarna i Ryd'],
  }),
];

const meeting3Answers = [
  answer({
    forumId: 'tr-berga',
    at: '2026-09-25T09:00:00.000Z',
    sensitivity: 'oppen',
    districts: [['Berga', 'battre', 'Färre anmälningar om skadegörelse.']],
    themes: ['skadegorelse', 'ungdomar-i-riskmiljoer'],
    questions: [['Hur följer polisen upp anmälningar om skadegörelse i Berga?', 'medel']],
  }),
  // Trygghetsrådet Ryd answered in time and edited after the deadline: version 2 is compiled, the forum counts as in time.
  answer({
    forumId: 'tr-ryd',
    at: '2026-09-20T10:00:00.000Z',
    version: 1,
    sensitivity: 'oppen',
    districts: [['Ryd', 'samre', 'Ingen förändring.']],
    themes: ['narkotika'],
  }),
  answer({
    forumId: 'tr-ryd',
    at: '2026-10-12T07:00:00.000Z',
    late: true,
    version: 2,
    sensitivity: 'oppen',
    districts: [['Ryd', 'oforandrat', 'Försäljningen har flyttat från centrum till gångtunnlarna.']],
    themes: ['narkotika'],
    questions: [
      ['Narkotikaförsäljningen i gångtunnlarna vid Ryd – vad gör polisen?', 'hog'],
      ['Kan kameraövervakning införas vid Ryds centrum?', 'medel'],
    ],
  }),
  answer({
    forumId: 'tr-skaggetorp',
    at: '2026-09-28T12:00:00.000Z',
    sensitivity: 'intern',
    districts: [['Skäggetorp', 'battre', 'Lugnt under sommaren.']],
    themes: ['ungdomar-i-riskmiljoer', 'gangkriminalitet'],
    questions: [['Vad gör polisen för att förhindra rekrytering av unga till kriminella nätverk i Skäggetorp?', 'hog']],
  }),
  answer({
    forumId: 'sig',
    at: '2026-09-26T10:00:00.000Z',
    sensitivity: 'intern',
    districts: [
      ['Berga', 'battre', 'Fler unga i fritidsverksamhet.'],
      ['Ryd', 'oforandrat', ''],
      ['Skäggetorp', 'battre', ''],
    ],
    themes: ['narkotika', 'ungdomar-i-riskmiljoer'],
    questions: [['Hur kan skola och polis samverka kring unga i riskmiljöer?', 'medel']],
  }),
  answer({
    forumId: 'sak',
    at: '2026-09-29T15:00:00.000Z',
    sensitivity: 'kanslig',
    districts: [
      ['Berga', 'oforandrat', 'Grupperingen är kvar men mindre synlig.'],
      ['Ryd', 'samre', 'Försäljningen har flyttat till gångtunnlarna.'],
      ['Skäggetorp', 'battre', ''],
    ],
    themes: ['gangkriminalitet', 'narkotika'],
    questions: [['Vad gör polisen åt narkotikaförsäljningen i gångtunnlarna i Ryd?', 'hog']],
    needs: 'Kameror i gångtunnlarna.',
  }),
  answer({
    forumId: 'falt',
    at: '2026-09-30T18:00:00.000Z',
    sensitivity: 'oppen',
    districts: [
      ['Berga', 'oforandrat', ''],
      ['Skäggetorp', 'battre', ''],
    ],
    themes: ['ordningsstorningar'],
    otherTheme: 'Mopedåkning på gångvägar',
    agendaItems: ['Mopedåkning på gång- och cykelvägar'],
  }),
  answer({
    forumId: 'bostad',
    at: '2026-10-01T08:00:00.000Z',
    sensitivity: 'oppen',
    districts: [
      ['Ryd', 'oforandrat', ''],
      ['Skäggetorp', 'battre', ''],
    ],
    themes: ['skadegorelse'],
    questions: [['Kan polisen och bostadsbolagen göra gemensamma trygghetsvandringar?', 'medel']],
    agendaItems: ['Belysning i gångtunnlarna i Ryd'],
  }),
  answer({
    forumId: 'skolor-berga',
    at: '2026-10-12T09:00:00.000Z',
    late: true,
    sensitivity: 'oppen',
    districts: [['Berga', 'battre', '']],
    themes: ['ungdomar-i-riskmiljoer'],
    questions: [['Hur kan skola och polis samverka kring unga i riskmiljöer?', 'hog']],
    needs: 'Skolpolis en dag i veckan.',
  }),
];

const malbilder: Malbild[] = [
  {
    id: 'mb-ryd',
    district: 'Ryd',
    statements: ['Ingen öppen narkotikaförsäljning i Ryds centrum'],
    indicators: [
      {
        id: 'ryd-trygghet',
        name: 'Andel som känner sig trygga i centrum på kvällen',
        unit: '%',
        direction: 'increase',
        baseline: { value: 48, date: '2025-10-01' },
        target: { value: 65, date: '2027-10-01' },
        readings: [
          { value: 50, date: '2026-03-01', by: 'aad-chair' },
          { value: 55, date: '2026-09-01', by: 'aad-chair' },
        ],
      },
    ],
  },
  {
    id: 'mb-berga',
    district: 'Berga',
    statements: ['Boende i Berga känner sig trygga utomhus på kvällen'],
    indicators: [
      {
        id: 'berga-skadegorelse',
        name: 'Anmäld skadegörelse',
        unit: 'antal',
        direction: 'decrease',
        baseline: { value: 120, date: '2025-12-31' },
        target: { value: 80, date: '2027-12-31' },
        readings: [
          { value: 130, date: '2026-04-30', by: 'aad-chair' },
          { value: 110, date: '2026-08-31', by: 'aad-chair' },
        ],
      },
    ],
  },
];

const promise = citizenPromise([
  commitment(
    'c-ryd-narkotika',
    [
      action('a-narkotikasok', { due: '2026-12-31', status: 'pagar', followUps: [followUp('2026-3', '6 narkotikasök i gångtunnlarna', { count: 6 })] }),
      action('a-belysning', { due: '2026-08-31', status: 'pagar' }),
    ],
    { text: 'Minska den öppna narkotikaförsäljningen i Ryd', responsible: 'bada', districts: ['Ryd'], malbildId: 'mb-ryd' },
  ),
  commitment(
    'c-berga-vandringar',
    [action('a-vandringar', { due: '2026-09-30', status: 'klar', completedAt: '2026-09-15', followUps: [followUp('2026-3', '4 trygghetsvandringar', { count: 4 })] })],
    { text: 'Trygghetsvandringar i Berga varje månad', responsible: 'kommunen', districts: ['Berga'] },
  ),
]);

const base = { forums, themes: defaultThemes };

export const meeting1: Omit<CompileInput, 'previous'> = {
  ...base,
  meeting: { id: '2026-1', date: '2026-03-10' },
  answers: meeting1Answers,
  compiledAt: '2026-03-08T11:00:05.000Z',
};

export const meeting2: Omit<CompileInput, 'previous'> = {
  ...base,
  meeting: { id: '2026-2', date: '2026-06-09' },
  answers: meeting2Answers,
  compiledAt: '2026-06-07T10:00:03.000Z',
};

export const meeting3: Omit<CompileInput, 'previous'> = {
  ...base,
  meeting: { id: '2026-3', date: '2026-10-13' },
  answers: meeting3Answers,
  promise: followUpReport(promise, '2026-3', '2026-10-11', malbilder),
  malbilder,
  compiledAt: '2026-10-11T10:00:02.000Z',
};
