import { forumIdFromName } from '../src/domain/forum.js';
import type { InputAnswer } from '../src/domain/inputs/answer.js';
import { answerId, type StoredAnswer } from '../src/domain/inputs/storedAnswer.js';
import type { Services } from '../src/services/services.js';

/**
 * Inspel from four demo forums for the year's first meeting, so `sammanställ` shows a real
 * lägesbild in the demo (Trygghetsrådet Berga is left for the Playground user to answer).
 * Invented content; stored directly so no cards go to the demo's invented channels.
 */
const demoAnswers: { forum: string; by: string; answer: InputAnswer }[] = [
  {
    forum: 'Trygghetsrådet Ryd',
    by: 'Leyla Dahlgren',
    answer: {
      districts: [{ district: 'Ryd', trend: 'samre', situation: 'Fler larm om narkotikaförsäljning vid Ryds centrum på kvällstid.' }],
      themes: ['narkotika', 'ungdomar-i-riskmiljoer'],
      questions: [
        { text: 'Hur arbetar polisen mot narkotikaförsäljningen vid Ryds centrum?', priority: 'hog' },
        { text: 'Kan kvällspatrullerna i Ryd bli fler under sommarlovet?', priority: 'medel' },
      ],
      agendaItems: ['Samordnad insats vid Ryds centrum'],
      needs: 'Fler vuxna på plats kvällstid, fältassistenter.',
      sensitivity: 'oppen',
    },
  },
  {
    forum: 'Trygghetsrådet Skäggetorp',
    by: 'Tove Rask',
    answer: {
      districts: [{ district: 'Skäggetorp', trend: 'battre', situation: 'Lugnare i centrum sedan belysningen byttes ut.' }],
      themes: ['otrygghet-i-offentlig-miljo', 'skadegorelse'],
      questions: [{ text: 'Vad gör polisen åt skadegörelsen vid skolorna i Skäggetorp?', priority: 'medel' }],
      agendaItems: [],
      sensitivity: 'oppen',
    },
  },
  {
    forum: 'Sociala insatsgruppen',
    by: 'Hanna Vretman',
    answer: {
      districts: [
        { district: 'Berga', trend: 'oforandrat', situation: 'Stabilt läge.' },
        { district: 'Ryd', trend: 'samre', situation: 'Fler unga i riskmiljöer kring centrum.' },
        { district: 'Skäggetorp', trend: 'vetej', situation: '' },
      ],
      themes: ['ungdomar-i-riskmiljoer', 'narkotika'],
      questions: [{ text: 'Narkotikaförsäljning vid Ryd centrum – vad gör polisen?', priority: 'hog' }],
      agendaItems: ['Uppföljning av sociala insatsgruppens ärenden'],
      needs: 'Snabbare återkoppling från polisen om orosanmälningar.',
      sensitivity: 'intern',
    },
  },
  {
    forum: 'Säkerhetsenheten/kommunpolis',
    by: 'Per Lindvall',
    answer: {
      districts: [
        { district: 'Berga', trend: 'oforandrat', situation: 'Inga större förändringar.' },
        { district: 'Ryd', trend: 'samre', situation: 'Konflikt mellan grupper har ökat oron.' },
      ],
      themes: ['gangkriminalitet'],
      questions: [{ text: 'Hur ser polisens lägesbild av gängkonflikten i Ryd ut?', priority: 'hog' }],
      agendaItems: [],
      sensitivity: 'kanslig',
    },
  },
];

export async function seedDemoAnswers(s: Services, meetingId: string, lines: string[]): Promise<void> {
  let created = 0;
  for (const d of demoAnswers) {
    const forumId = forumIdFromName(d.forum);
    const id = answerId(meetingId, forumId);
    if (!(await s.repos.forums.get(forumId)) || (await s.repos.answers.get(id))) continue;
    const now = s.clock().toISOString();
    const record: StoredAnswer = {
      meetingId,
      forumId,
      answer: { ...d.answer, districts: d.answer.districts.filter((x) => s.config.DISTRICTS.includes(x.district)) },
      submittedBy: 'demo-seed',
      submittedByName: d.by,
      submittedAt: now,
      firstSubmittedAt: now,
      late: false,
      answeredOnTime: true,
    };
    await s.repos.answers.create(id, record, 'demo-seed', 'answer');
    created++;
  }
  lines.push(`inspel for ${meetingId}: ${demoAnswers.length} forums (${created} new)`);
}
