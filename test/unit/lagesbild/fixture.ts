/**
 * Snapshots for the lägesbild cards and reports: one forum per sensitivity, each of whose
 * texts carries a marker (ÖPPEN-/INTERN-/KÄNSLIG-MARKÖR), so a test can see at a glance
 * which audience got what. Two meetings, so the change since the previous one shows.
 */
import { proposeAgenda } from '../../../src/domain/agenda/agenda.js';
import type { Sensitivity } from '../../../src/domain/inputs/answer.js';
import { defaultThemes } from '../../../src/domain/inputs/themes.js';
import { compileLagesbild, type CompileAnswer } from '../../../src/domain/lagesbild/compile.js';
import type { LagesbildSnapshot } from '../../../src/domain/lagesbild/schema.js';
import { viewFor } from '../../../src/domain/lagesbild/view.js';

export const MARK = { oppen: 'ÖPPEN-MARKÖR', intern: 'INTERN-MARKÖR', kanslig: 'KÄNSLIG-MARKÖR' } as const;

export const forums = [
  { id: 'tr-berga', name: 'Trygghetsrådet Berga', districts: ['Berga'], active: true },
  { id: 'sig', name: 'Sociala insatsgruppen', districts: ['Berga', 'Ryd'], active: true },
  { id: 'sak', name: 'Säkerhetsenheten', districts: ['Berga', 'Ryd', 'Skäggetorp'], active: true },
  { id: 'falt', name: 'Fältsekreterarna', districts: ['Skäggetorp'], active: true },
];

const forumOf: Record<Sensitivity, string> = { oppen: 'tr-berga', intern: 'sig', kanslig: 'sak' };

function answerOf(sensitivity: Sensitivity, n: number, trend: 'battre' | 'samre' | 'oforandrat'): CompileAnswer {
  const mark = MARK[sensitivity];
  return {
    forumId: forumOf[sensitivity],
    submittedAt: `2027-0${n}-10T10:00:00.000Z`,
    late: false,
    version: 1,
    answer: {
      districts: [{ district: 'Berga', trend, situation: `Läget i Berga ${mark} <b>&</b>` }],
      themes: sensitivity === 'kanslig' ? ['gangkriminalitet'] : ['narkotika', 'skadegorelse'],
      otherTheme: `Eget tema ${mark}`,
      questions: [{ text: `Vad gör polisen åt frågan ${mark} nummer ${sensitivity}?`, priority: 'hog' }],
      agendaItems: [`Dagordningspunkt ${mark}`],
      needs: `Behov ${mark}`,
      sensitivity,
    },
  };
}

export function meetingSnapshots(): { s1: LagesbildSnapshot; s2: LagesbildSnapshot } {
  const s1 = compileLagesbild({
    meeting: { id: '2027-1', date: '2027-02-17' },
    forums,
    answers: [answerOf('oppen', 1, 'samre'), answerOf('intern', 1, 'oforandrat')],
    themes: defaultThemes,
    compiledAt: '2027-02-15T11:00:00.000Z',
  });
  const s2 = compileLagesbild({
    meeting: { id: '2027-2', date: '2027-05-19' },
    forums,
    answers: [answerOf('oppen', 5, 'battre'), answerOf('intern', 5, 'battre'), answerOf('kanslig', 5, 'samre')],
    previous: s1,
    themes: defaultThemes,
    compiledAt: '2027-05-17T11:00:00.000Z',
  });
  return { s1, s2 };
}

export const agendaOf = (s: LagesbildSnapshot) => proposeAgenda(viewFor(s, 'steering'), { meetingMinutes: 120 });

/** A meeting with many forums, long texts and many questions: the card must cut it down. */
export function hugeSnapshot(forumsCount = 300): LagesbildSnapshot {
  const districts = Array.from({ length: 12 }, (_, i) => `Stadsdel ${i + 1}`);
  const many = Array.from({ length: forumsCount }, (_, i) => ({ id: `f${String(i).padStart(3, '0')}`, name: `Forum nummer ${i} med ett ganska långt namn`, districts: [districts[i % 12]!], active: true }));
  const answers: CompileAnswer[] = many.map((f, i) => ({
    forumId: f.id,
    submittedAt: '2027-05-10T10:00:00.000Z',
    late: i % 7 === 0,
    version: 1,
    answer: {
      districts: [{ district: f.districts[0]!, trend: (['battre', 'samre', 'oforandrat', 'vetej'] as const)[i % 4]!, situation: 'x'.repeat(900) }],
      themes: defaultThemes.slice(0, (i % 8) + 1).map((t) => t.id),
      otherTheme: `Eget tema ${i}`,
      questions: Array.from({ length: 5 }, (_, q) => ({ text: `Unik fråga ${i}-${q} om ${'lång text '.repeat(40)}`, priority: 'medel' as const })),
      agendaItems: [`Förslag ${i}`],
      needs: 'y'.repeat(1500),
      sensitivity: 'oppen',
    },
  }));
  // A fifth of the forums do not answer.
  return compileLagesbild({ meeting: { id: '2027-2', date: '2027-05-19' }, forums: many, answers: answers.filter((_, i) => i % 5 !== 0), themes: defaultThemes, compiledAt: '2027-05-17T11:00:00.000Z' });
}
