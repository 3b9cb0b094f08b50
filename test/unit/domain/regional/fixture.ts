/**
 * Invented municipalities for the regional picture: each compiled from three forums, one
 * answer per sensitivity, every text carrying its sensitivity's marker, so a test sees at
 * a glance what reached the picture. Names and places are made up.
 */
import type { Priority, Sensitivity } from '../../../../src/domain/inputs/answer.js';
import { defaultThemes } from '../../../../src/domain/inputs/themes.js';
import { compileLagesbild, type CompileAnswer } from '../../../../src/domain/lagesbild/compile.js';
import type { LagesbildSnapshot } from '../../../../src/domain/lagesbild/schema.js';
import { viewFor } from '../../../../src/domain/lagesbild/view.js';
import type { RegionalSource } from '../../../../src/domain/regional/regionalPicture.js';

export const MARK: Record<Sensitivity, string> = { oppen: 'ÖPPEN-MARKÖR', intern: 'INTERN-MARKÖR', kanslig: 'KÄNSLIG-MARKÖR' };

export interface Municipality {
  orgId: string;
  orgName: string;
  district: string;
  /** The öppen forum's question (the one that may merge with other municipalities'). */
  question: string;
  priority?: Priority;
  /** Forums that do not answer (response rate). */
  silent?: number;
  themes?: string[];
}

export const ALDERBY: Municipality = { orgId: 'org-alderby', orgName: 'Alderby kommun', district: 'Norrängen', question: 'Kan polisen och bostadsbolagen göra gemensamma trygghetsvandringar?', themes: ['narkotika', 'skadegorelse'] };
export const BJORKVIK: Municipality = { orgId: 'org-bjorkvik', orgName: 'Björkvik kommun', district: 'Sjöstaden', question: 'Kan polisen göra gemensamma trygghetsvandringar med bostadsbolagen?', priority: 'medel', silent: 1, themes: ['narkotika'] };
export const CEDERSTAD: Municipality = { orgId: 'org-cederstad', orgName: 'Cederstad kommun', district: 'Hagalund', question: 'Vad gör polisen för att förhindra rekrytering av unga till kriminella nätverk?', themes: ['gangkriminalitet', 'narkotika'] };

const sensitivities: Sensitivity[] = ['oppen', 'intern', 'kanslig'];

export function snapshotOf(m: Municipality, meetingId = '2027-2'): LagesbildSnapshot {
  const forums = [
    ...sensitivities.map((s, i) => ({ id: `forum-${i}`, name: `Trygghetsrådet ${m.district} ${i}`, districts: [m.district], active: true })),
    ...Array.from({ length: m.silent ?? 0 }, (_, i) => ({ id: `tyst-${i}`, name: `Tyst forum ${i}`, districts: [m.district], active: true })),
  ];
  const answers: CompileAnswer[] = sensitivities.map((sensitivity, i) => ({
    forumId: `forum-${i}`,
    submittedAt: '2027-05-10T10:00:00.000Z',
    late: false,
    version: 1,
    answer: {
      districts: [{ district: m.district, trend: (['battre', 'samre', 'samre'] as const)[i]!, situation: `Läget ${MARK[sensitivity]}` }],
      themes: sensitivity === 'oppen' ? (m.themes ?? ['narkotika']) : ['ungdomar-i-riskmiljoer'],
      otherTheme: `Eget tema ${MARK[sensitivity]}`,
      questions: [{ text: sensitivity === 'oppen' ? m.question : `Vad vet polisen om ${MARK[sensitivity]} i ${m.district}?`, priority: m.priority ?? 'hog' }],
      agendaItems: [],
      needs: `Behov ${MARK[sensitivity]}`,
      sensitivity,
    },
  }));
  return compileLagesbild({ meeting: { id: meetingId, date: '2027-05-19' }, forums, answers, themes: defaultThemes, compiledAt: '2027-05-17T11:00:00.000Z' });
}

export const sourceOf = (m: Municipality, audience: 'steering' | 'chairs' | 'open' = 'steering'): RegionalSource => {
  const snapshot = snapshotOf(m);
  return { orgId: m.orgId, orgName: m.orgName, meetingId: snapshot.meeting.id, view: viewFor(snapshot, audience) };
};
