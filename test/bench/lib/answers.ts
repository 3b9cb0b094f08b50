import { priorityValues, sensitivityValues, trendValues } from '../../../src/domain/inputs/answer.js';
import { defaultThemes } from '../../../src/domain/inputs/themes.js';
import { questionText, type Rng } from '../../unit/domain/lagesbild/generators.js';

const situations = [
  'Mer oro kring centrumet på kvällarna.',
  'Lugnare än förra perioden, färre anmälningar om skadegörelse.',
  'Ungdomar samlas vid busshållplatsen efter skolan.',
  'Boende hör av sig om mopeder på gångvägarna.',
  'Ingen större förändring sedan förra mötet.',
  '',
];
const needs = ['Fler fältare kvällstid.', 'Lokal för fritidsverksamhet.', 'Analysstöd från säkerhetsenheten.'];
const agenda = ['Trygghetsvandring i centrum', 'Belysning i gångtunnlarna', 'Samverkan med skolan'];

/**
 * The raw data of a submitted inspel card, as Teams sends it (all strings): trend and
 * situation per district, themes, 1–5 frågor till polisen with priority, sometimes
 * agenda items and needs, and the sensitivity. Varied per call so each submit is a real edit.
 */
export function inspelData(r: Rng, districts: readonly string[]): Record<string, string> {
  const data: Record<string, string> = {};
  districts.forEach((d, i) => {
    data[`trend_${i}`] = r.pick(trendValues);
    data[`situation_${i}`] = r.pick(situations);
  });
  data.themes = r.sample(defaultThemes.map((t) => t.id), r.int(1, 3)).join(',');
  const questions = r.int(1, 5);
  for (let n = 1; n <= questions; n++) {
    data[`q${n}`] = questionText(r, r.pick(districts));
    data[`q${n}prio`] = r.pick(priorityValues);
  }
  if (r.chance(0.4)) data.agenda = r.sample(agenda, r.int(1, 2)).join('\n');
  if (r.chance(0.3)) data.needs = r.pick(needs);
  data.sensitivity = r.pick(sensitivityValues);
  return data;
}
