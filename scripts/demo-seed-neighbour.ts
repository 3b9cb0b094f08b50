// The demo's second municipality, invented: Kinnestads kommun, on the same service as
// Linköping (called from scripts/demo-seed.ts). Created the way an operator's `skapa
// organisation` creates one (createOrganisation), but bound to the Playground's group chat
// as its steering group: the Playground has one team, and that is Linköping's. Three forums
// with invented channels, next year's meetings, inspel for the first one compiled into a
// lägesbild that is approved and published, and an agreed medborgarlöfte. The Playground's
// user (Linköping's chair, the kommunpolis) is a steering member here; Erik Berg chairs it.
// Idempotent: the group chat's binding names the organisation on a re-run; what exists is kept.
import { forumIdFromName, type ForumKind, type ForumRecord } from '../src/domain/forum.js';
import { proposeYearPlan } from '../src/domain/calendar/yearPlan.js';
import { utcToZoned } from '../src/domain/calendar/zonedTime.js';
import { conversationKey } from '../src/domain/conversation.js';
import type { InputAnswer } from '../src/domain/inputs/answer.js';
import { answerId, type StoredAnswer } from '../src/domain/inputs/storedAnswer.js';
import { orgSettingsSchema } from '../src/domain/organisation/orgSettings.js';
import { STEERING_ID } from '../src/domain/steering.js';
import { editAgenda } from '../src/services/lagesbild/agenda.js';
import { requestCompile, runCompile } from '../src/services/lagesbild/compile.js';
import { publishLagesbild } from '../src/services/lagesbild/publish.js';
import { confirmPlan } from '../src/services/meetings.js';
import { createOrganisation } from '../src/services/orgs/createOrganisation.js';
import type { Platform } from '../src/services/platform.js';
import type { PromiseActor } from '../src/services/promise/actor.js';
import { changeStatus, createPromise, saveCommitment } from '../src/services/promise/promises.js';
import { currentPlanSettings } from '../src/services/schoolCalendars.js';
import type { Services } from '../src/services/services.js';
import { ORG_SETTINGS_ID } from '../src/store/organisations.js';
import { inventedConversationId } from './demo-connector.mjs';
import { DEMO_PLAYGROUND, upsertConversations, type SeedConversation } from './demo-playground.js';

export const NEIGHBOUR_NAME = 'Kinnestads kommun';
export const NEIGHBOUR_DISTRICTS = ['Centrum', 'Norrvik', 'Åsby', 'Hamnstaden'];
/** Kinnestad's chair: another of the Playground's (invented) users. */
export const NEIGHBOUR_CHAIR = DEMO_PLAYGROUND.users[0]!;
const ACTOR = NEIGHBOUR_CHAIR.aadObjectId;
const SEEDER: PromiseActor = { id: ACTOR, aadObjectId: ACTOR, isChair: true };

const steeringChat: SeedConversation = { conversationId: DEMO_PLAYGROUND.groupChat.id, kind: 'groupChat' };
/** Kinnestad's own team exists only in the demo data (the Playground's one team is Linköping's). */
const KINNESTAD_TEAM = '19:demo-team-kinnestad@thread.tacv2';
const channelOf = (slug: string, channelName: string): SeedConversation => ({
  conversationId: inventedConversationId(`kinnestad-${slug}`),
  kind: 'channel',
  teamId: KINNESTAD_TEAM,
  teamName: 'Kinnestads kommun',
  channelName,
});

interface NeighbourForum {
  name: string;
  kind: ForumKind;
  districts: string[];
  contact: string;
  conversation: SeedConversation;
  answer?: InputAnswer;
}

export const NEIGHBOUR_FORUMS: NeighbourForum[] = [
  {
    name: 'Trygghetsrådet Norrvik',
    kind: 'trygghetsrad',
    districts: ['Norrvik'],
    contact: 'Elin Tornberg',
    conversation: channelOf('norrvik', 'Trygghetsrådet Norrvik'),
    answer: {
      districts: [{ district: 'Norrvik', trend: 'samre', situation: 'Fler mopedbränningar vid Norrviks skola på helgerna.' }],
      themes: ['skadegorelse', 'ungdomar-i-riskmiljoer'],
      questions: [{ text: 'Kan polisen vara synlig vid Norrviks skola på fredagskvällar?', priority: 'hog' }],
      agendaItems: ['Helgkvällar vid Norrviks skola'],
      sensitivity: 'oppen',
    },
  },
  {
    name: 'Trygghetsrådet Hamnstaden',
    kind: 'trygghetsrad',
    districts: ['Hamnstaden', 'Centrum'],
    contact: 'Viktor Almgren',
    conversation: channelOf('hamnstaden', 'Trygghetsrådet Hamnstaden'),
    answer: {
      districts: [
        { district: 'Hamnstaden', trend: 'battre', situation: 'Lugnare i hamnen sedan kameraövervakningen kom på plats.' },
        { district: 'Centrum', trend: 'oforandrat', situation: 'Stabilt läge.' },
      ],
      themes: ['otrygghet-i-offentlig-miljo'],
      questions: [{ text: 'Hur följer polisen upp kameraövervakningen i hamnen?', priority: 'medel' }],
      agendaItems: [],
      sensitivity: 'oppen',
    },
  },
  {
    name: 'Sociala insatsgruppen Kinnestad',
    kind: 'socialInsatsgrupp',
    districts: ['Centrum', 'Norrvik', 'Åsby'],
    contact: 'Nora Vallin',
    conversation: channelOf('sig', 'Sociala insatsgruppen'),
  },
];

/** Kinnestads kommun with its demo data; the Playground's user is a steering member. */
export async function seedNeighbour(platform: Platform, opts: { serviceUrl: string; locale: string; year: number; kommunpolis: string }): Promise<{ s: Services; lines: string[] }> {
  const lines: string[] = [];
  const s = await ensureOrganisation(platform, lines);
  const registry = platform.repos.orgs;

  await upsertConversations(s, [steeringChat, ...NEIGHBOUR_FORUMS.map((f) => f.conversation)], opts);
  await s.repos.steering.mutate(STEERING_ID, ACTOR, 'seed', (cur) => (cur && !cur.memberIds.includes(opts.kommunpolis) ? { ...cur, memberIds: [...cur.memberIds, opts.kommunpolis] } : null));
  await registry.addMember(opts.kommunpolis, s.org.id);
  await s.repos.people.seen(NEIGHBOUR_CHAIR.aadObjectId, NEIGHBOUR_CHAIR.name);

  let forumsCreated = 0;
  for (const f of NEIGHBOUR_FORUMS) {
    const id = forumIdFromName(f.name);
    if (await s.repos.forums.get(id)) continue;
    const record: ForumRecord = { id, name: f.name, kind: f.kind, districts: f.districts, contacts: [{ name: f.contact }], conversationId: f.conversation.conversationId, active: true, memberIds: [] };
    await s.repos.forums.create(id, record, ACTOR, 'register');
    await registry.bindConversation(conversationKey(f.conversation.conversationId), s.org.id);
    forumsCreated++;
  }
  lines.push(`  forums: ${NEIGHBOUR_FORUMS.length} (${forumsCreated} new)`);

  const meetingId = `${opts.year}-1`;
  if ((await s.repos.meetings.list()).some((m) => m.data.year === opts.year)) lines.push(`  meetings ${opts.year}: (kept)`);
  else {
    const proposal = proposeYearPlan(opts.year, await currentPlanSettings(s));
    const confirmed = await confirmPlan(s, opts.year, proposal.map((p) => ({ index: p.index, date: p.date, time: p.time })), ACTOR);
    lines.push(`  meetings ${opts.year}: ${confirmed.map((m) => `${m.data.date} ${m.data.time}`).join(', ')} (new)`);
  }
  await seedAnswersAndPublish(s, meetingId, lines);
  await seedPromise(s, opts.year, lines);
  return { s, lines };
}

/** The organisation bound to the group chat, or a new one (settings: invented districts, sharing on). */
async function ensureOrganisation(platform: Platform, lines: string[]): Promise<Services> {
  const registry = platform.repos.orgs;
  const convKey = conversationKey(steeringChat.conversationId);
  const bound = await registry.boundOrg(convKey, undefined);
  if (bound) {
    const s = await platform.orgs.require(bound);
    lines.push(`organisation ${bound}: ${s.org.settings.data.name}, the group chat "${DEMO_PLAYGROUND.groupChat.name}" (kept)`);
    return s;
  }
  const created = await createOrganisation(platform, { name: NEIGHBOUR_NAME, actor: ACTOR, conversationId: steeringChat.conversationId, convKey, teamId: KINNESTAD_TEAM, tenantId: DEMO_PLAYGROUND.tenantId });
  if (!created.ok) throw new Error(`${NEIGHBOUR_NAME}: its team is bound to ${created.boundTo} already`);
  const id = created.s.org.id;
  const repo = registry.settingsRepository(id);
  const settings = await repo.require(ORG_SETTINGS_ID);
  await repo.update(ORG_SETTINGS_ID, settings.version, orgSettingsSchema.parse({ ...settings.data, districts: NEIGHBOUR_DISTRICTS, meetingWeekday: 2, meetingTime: '09:00', regionalSharing: true }), ACTOR);
  await registry.audit({ actor: ACTOR, action: 'sharing-on', org: id });
  platform.orgs.invalidate(id);
  lines.push(`organisation ${id}: ${NEIGHBOUR_NAME}, the group chat "${DEMO_PLAYGROUND.groupChat.name}" (new)`);
  return platform.orgs.require(id);
}

/** Inspel from two forums, compiled here (not by the worker), the agenda approved, the lägesbild published. */
async function seedAnswersAndPublish(s: Services, meetingId: string, lines: string[]): Promise<void> {
  let created = 0;
  for (const f of NEIGHBOUR_FORUMS) {
    if (!f.answer) continue;
    const forumId = forumIdFromName(f.name);
    const id = answerId(meetingId, forumId);
    if (await s.repos.answers.get(id)) continue;
    const now = s.clock().toISOString();
    const record: StoredAnswer = { meetingId, forumId, answer: f.answer, submittedBy: 'demo-seed', submittedByName: f.contact, submittedAt: now, firstSubmittedAt: now, late: false, answeredOnTime: true };
    await s.repos.answers.create(id, record, 'demo-seed', 'answer');
    created++;
  }
  lines.push(`  inspel for ${meetingId}: ${NEIGHBOUR_FORUMS.filter((f) => f.answer).length} forums (${created} new)`);
  if ((await s.repos.agendas.get(meetingId))?.data.published) {
    lines.push(`  lägesbild ${meetingId}: published (kept)`);
    return;
  }
  if (!(await s.repos.lagesbilder.get(meetingId))) {
    const { run } = await requestCompile(s, { meetingId, trigger: 'command', actor: ACTOR });
    await runCompile(s, meetingId, run);
  }
  const agenda = await s.repos.agendas.require(meetingId);
  const approved = agenda.data.agenda.status === 'approved' ? agenda : await editAgenda(s, meetingId, agenda.version, { kind: 'approve' }, { id: ACTOR, isChair: true });
  const published = await publishLagesbild(s, meetingId, { id: ACTOR, isChair: true }, approved.version);
  if (!published.ok) throw new Error(`${NEIGHBOUR_NAME}: the lägesbild was not published (${published.reason})`);
  lines.push(`  lägesbild ${meetingId}: compiled, agenda approved, published (new)`);
}

async function seedPromise(s: Services, year: number, lines: string[]): Promise<void> {
  if ((await s.repos.promises.ids()).length > 0) {
    lines.push('  medborgarlöfte: (kept)');
    return;
  }
  const thisYear = Number(utcToZoned(s.clock(), s.config.TIMEZONE).date.slice(0, 4));
  const promise = await createPromise(s, { title: `Medborgarlöfte Kinnestad ${thisYear}–${year}`, periodFrom: `${thisYear}-01-01`, periodTo: `${year}-12-31` }, SEEDER);
  await saveCommitment(s, promise.id, undefined, { text: 'Polis och kommun är synliga vid Norrviks skola på helgkvällar', responsible: 'bada', districts: ['Norrvik'] }, SEEDER);
  await saveCommitment(s, promise.id, undefined, { text: 'Kommunen rustar upp belysningen i Hamnstaden', responsible: 'kommunen', districts: ['Hamnstaden'] }, SEEDER);
  const latest = await s.repos.promises.require(promise.id);
  await changeStatus(s, promise.id, latest.version, 'faststallt', SEEDER);
  lines.push(`  medborgarlöfte: "${promise.data.title}" with 2 commitments (new)`);
}
