/**
 * Hand-rolled generators for property tests and the scale test: a seeded PRNG
 * (mulberry32) and random compile inputs whose questions are built from a small
 * vocabulary, so near-duplicates are common.
 */
import type { Priority, Sensitivity, Trend } from '../../../../src/domain/inputs/answer.js';
import { priorityValues, sensitivityValues, trendValues } from '../../../../src/domain/inputs/answer.js';
import { defaultThemes } from '../../../../src/domain/inputs/themes.js';
import type { CompileAnswer, CompileInput } from '../../../../src/domain/lagesbild/compile.js';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** k distinct items in random order. */
  sample<T>(items: readonly T[], k: number): T[];
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    chance: (p) => next() < p,
    shuffle,
    sample: (items, k) => shuffle(items).slice(0, k),
  };
}

const openers = ['Hur arbetar polisen mot', 'Vad gör polisen åt', 'Kan polisen öka insatserna mot', 'Vad görs åt', 'Finns det en plan mot'];
const subjects = [
  'narkotikaförsäljningen',
  'narkotikaförsäljning',
  'skadegörelsen',
  'bränderna i soprummen',
  'rekryteringen av unga till nätverk',
  'mopedåkningen på gångvägarna',
  'otryggheten på kvällarna',
  'klotter och skadegörelse',
  'inbrotten i källarförråd',
  'bedrägerierna mot äldre',
  'ungdomsgängen',
  'våldet i nära relationer',
];
const places = ['centrum', 'gångtunnlarna', 'skolan', 'busshållplatsen', 'torget', 'parken'];
const situations = ['', 'Lugnt.', 'Oro bland boende.', 'Fler anmälningar än förra perioden.', 'Ingen större förändring.'];
const proposals = ['Trygghetsvandring', 'Belysning i gångtunnlarna', 'Kameraövervakning', 'Samverkan med skolan', 'Fältarbete kvällstid', 'Föräldravandringar'];

export function districtNames(n: number): string[] {
  const named = ['Berga', 'Ryd', 'Skäggetorp', 'Lambohov', 'Vasastaden', 'Johannelund', 'Tannefors', 'Ekholmen', 'Hjulsbro', 'Gottfridsberg'];
  return Array.from({ length: n }, (_, i) => named[i] ?? `Stadsdel ${i + 1}`);
}

export function questionText(r: Rng, district: string): string {
  const text = `${r.pick(openers)} ${r.pick(subjects)} ${r.chance(0.5) ? 'vid' : 'i'} ${r.chance(0.6) ? `${district}${r.chance(0.5) ? 's' : ''} ` : ''}${r.pick(places)}`;
  const punct = r.pick(['?', '', '?', ' ?', '!']);
  return r.chance(0.2) ? text.toLowerCase() + punct : text + punct;
}

export interface GenOptions {
  forums: number;
  districts: number;
  /** Questions per answer (0..5); random when omitted. */
  questionsPerAnswer?: number;
  /** Share of active forums that answer. */
  answerRate?: number;
  /** Up to this many stored versions per forum. */
  maxVersions?: number;
  meeting?: { id: string; date: string };
}

/** A random compile input (without `previous`). Forum ids are stable for a given count, so inputs for successive meetings share forums. */
export function genInput(r: Rng, o: GenOptions): Omit<CompileInput, 'previous'> {
  const districts = districtNames(o.districts);
  const forums = Array.from({ length: o.forums }, (_, i) => ({
    id: `forum-${i}`,
    name: `${r.pick(['Trygghetsrådet', 'Forum', 'Nätverket', 'Gruppen'])} ${i % 7 === 0 ? 'Ä' : ''}${String.fromCharCode(65 + (i % 26))}${i}`,
    districts: r.sample(districts, r.int(1, Math.min(3, districts.length))),
    active: r.chance(0.92),
  }));
  const themeIds = [...defaultThemes.map((t) => t.id), 'okant-tema'];
  const answers: CompileAnswer[] = [];
  for (const forum of forums) {
    if (!r.chance(o.answerRate ?? 0.8)) continue;
    const versions = r.int(1, o.maxVersions ?? 2);
    for (let v = 1; v <= versions; v++) {
      const rated = r.sample(forum.districts, r.int(0, forum.districts.length));
      const nQuestions = o.questionsPerAnswer ?? r.int(0, 5);
      answers.push({
        forumId: r.chance(0.03) ? `unknown-${forum.id}` : forum.id,
        submittedAt: new Date(Date.UTC(2026, 1, 1 + r.int(0, 40), r.int(0, 23), r.int(0, 59))).toISOString(),
        late: r.chance(0.15),
        version: v,
        answer: {
          districts: rated.map((district) => ({ district, trend: r.pick<Trend>(trendValues), situation: r.pick(situations) })),
          themes: r.sample(themeIds, r.int(0, 3)),
          ...(r.chance(0.2) ? { otherTheme: r.pick(['Bränder', 'Mopeder', 'Hundar utan koppel']) } : {}),
          questions: Array.from({ length: nQuestions }, () => ({ text: questionText(r, r.pick(forum.districts)), priority: r.pick<Priority>(priorityValues) })),
          agendaItems: r.chance(0.4) ? [`${r.pick(proposals)}${r.chance(0.5) ? ` i ${r.pick(forum.districts)}` : ''}`] : [],
          ...(r.chance(0.3) ? { needs: r.pick(['Fler fältare.', 'Lokal för kvällsverksamhet.', 'Analysstöd.']) } : {}),
          sensitivity: r.pick<Sensitivity>(sensitivityValues),
        },
      });
    }
  }
  return {
    meeting: o.meeting ?? { id: '2026-2', date: '2026-06-09' },
    forums,
    answers,
    themes: defaultThemes,
    compiledAt: '2026-06-07T10:00:00.000Z',
  };
}

/** The same input in another order: forums, answers and every list inside an answer shuffled. */
export function shuffled<I extends Omit<CompileInput, 'previous'>>(r: Rng, input: I): I {
  return {
    ...input,
    forums: r.shuffle(input.forums).map((f) => ({ ...f, districts: r.shuffle(f.districts) })),
    answers: r.shuffle(input.answers).map((a) => ({
      ...a,
      answer: {
        ...a.answer,
        districts: r.shuffle(a.answer.districts),
        themes: r.shuffle(a.answer.themes),
        questions: r.shuffle(a.answer.questions),
        agendaItems: r.shuffle(a.answer.agendaItems),
      },
    })),
    themes: r.shuffle(input.themes),
  };
}
