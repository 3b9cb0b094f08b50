// Demo data for `npm run demo` (run by scripts/demo.mjs through tsx; usable alone):
//
//   REDIS_URL=… KEY_PREFIX=samverkan-demo QUEUE_PREFIX={samverkan-demo} \
//   DEMO_SERVICE_URL=http://127.0.0.1:<port>/_connector \
//     npx tsx scripts/demo-seed.ts [--playground-config <file>]
//
// Writes two municipalities on one service. Linköping (the home organisation, bound to the
// Playground's team): the steering group in the team's channel "Styrgruppen", five forums
// (Trygghetsrådet Berga in General), the conversation records that let the bot name their
// channels and reach them, and the next calendar year's three meetings (confirmed through
// the same service a chair's card uses, so their timeline jobs are scheduled too). Its
// invented neighbour Kinnestad (scripts/demo-seed-neighbour.ts) meets in the group chat.
// Idempotent: what exists is kept (a chair's later changes survive a re-run); only the
// seeded conversations' connector URL is refreshed, since the demo's ports change.
// Every name is invented.
//
// `--playground-config <file>` also writes the Agents Playground config (the e2e harness's
// users and tenant, with the demo's team, channel and group chat) to <file>.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createQueues } from '../jobs/queues.js';
import { loadConfig } from '../src/config.js';
import { proposeYearPlan } from '../src/domain/calendar/yearPlan.js';
import { utcToZoned } from '../src/domain/calendar/zonedTime.js';
import { conversationKey } from '../src/domain/conversation.js';
import { forumIdFromName, type ForumKind, type ForumRecord } from '../src/domain/forum.js';
import { STEERING_ID } from '../src/domain/steering.js';
import { bootPlatform } from '../src/services/bootPlatform.js';
import { createLogger } from '../src/log.js';
import { confirmPlan, ensureTimeline } from '../src/services/meetings.js';
import { currentPlanSettings } from '../src/services/schoolCalendars.js';
import type { Services } from '../src/services/services.js';
import { Keys } from '../src/store/keys.js';
import { ORG_SETTINGS_ID } from '../src/store/organisations.js';
import { createQueueRedis, createStoreRedis } from '../src/store/redis.js';
import type { Platform } from '../src/services/platform.js';
import { playgroundConfigYaml } from '../test/e2e/harness.js';
import { inventedConversationId } from './demo-connector.mjs';
import { DEMO_PLAYGROUND, upsertConversations, type SeedConversation } from './demo-playground.js';
import { seedNeighbour } from './demo-seed-neighbour.js';
import { seedPromiseDemo } from './demo-seed-promise.js';
import { seedDemoAnswers } from './demo-seed-answers.js';

const ACTOR = 'demo-seed';

export { DEMO_PLAYGROUND };

/** Linköping's General channel (its conversation id is the team's): Trygghetsrådet Berga meets there. */
const generalChannel: SeedConversation = {
  conversationId: DEMO_PLAYGROUND.team.id,
  kind: 'channel',
  teamId: DEMO_PLAYGROUND.team.id,
  teamName: DEMO_PLAYGROUND.team.name,
  channelName: 'General',
};

/** Berga's chat in demos before there were two municipalities: a re-run moves Berga to General. */
const OLD_BERGA_CHAT = 'demo-chat-trygghetsradet-berga';

const steeringChannel: SeedConversation = {
  conversationId: DEMO_PLAYGROUND.team.channels[0]!.id,
  kind: 'channel',
  teamId: DEMO_PLAYGROUND.team.id,
  teamName: DEMO_PLAYGROUND.team.name,
  channelName: DEMO_PLAYGROUND.team.channels[0]!.name,
};

/**
 * Invented teams and channels: they exist only in these records, not in the Playground;
 * the demo's proxy answers for them like the Bot Connector (scripts/demo-connector.mjs).
 */
const invented = (slug: string, teamName: string, channelName: string): SeedConversation => ({
  conversationId: inventedConversationId(slug),
  kind: 'channel',
  teamId: `19:demo-team-${slug}@thread.tacv2`,
  teamName,
  channelName,
});

interface SeedForum {
  name: string;
  kind: ForumKind;
  districts: string[];
  contacts: string[];
  conversation: SeedConversation;
}

export const DEMO_FORUMS: SeedForum[] = [
  {
    name: 'Trygghetsrådet Berga',
    kind: 'trygghetsrad',
    districts: ['Berga'],
    contacts: ['Mira Solberg', 'Jonas Ekvik'],
    // The one forum the Playground can show: the team's General channel.
    conversation: generalChannel,
  },
  {
    name: 'Trygghetsrådet Ryd',
    kind: 'trygghetsrad',
    districts: ['Ryd'],
    contacts: ['Leyla Dahlgren'],
    conversation: invented('ryd', 'Stadsdel Ryd', 'Trygghetsrådet Ryd'),
  },
  {
    name: 'Trygghetsrådet Skäggetorp',
    kind: 'trygghetsrad',
    districts: ['Skäggetorp'],
    contacts: ['Tove Rask', 'Ali Norrby'],
    conversation: invented('skaggetorp', 'Stadsdel Skäggetorp', 'Trygghetsrådet Skäggetorp'),
  },
  {
    name: 'Sociala insatsgruppen',
    kind: 'socialInsatsgrupp',
    districts: ['Berga', 'Ryd', 'Skäggetorp'],
    contacts: ['Hanna Vretman'],
    conversation: invented('sig', 'Socialförvaltningen', 'Sociala insatsgruppen'),
  },
  {
    name: 'Säkerhetsenheten/kommunpolis',
    kind: 'sakerhetsenhetKommunpolis',
    districts: ['Berga', 'Ryd', 'Skäggetorp', 'Centrum'],
    contacts: ['Per Lindvall', 'Sofie Granat'],
    conversation: invented('sakerhet', 'Säkerhetsenheten', 'Säkerhetsenhet och kommunpolis'),
  },
];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env'); // as src/main.ts does, so both see the same settings
  } catch {
    // no .env
  }
}

export interface SeedReport {
  year: number;
  lines: string[];
}

export async function seed(s: Services, opts: { serviceUrl: string; locale: string }): Promise<SeedReport> {
  const lines: string[] = [];
  const pg = DEMO_PLAYGROUND;

  // Conversations: the reference the notify worker needs, and the names the forum list shows.
  const conversations = [steeringChannel, ...DEMO_FORUMS.map((f) => f.conversation)];
  const convCreated = await upsertConversations(s, conversations, opts);
  lines.push(`conversations: ${conversations.length} (${convCreated} new)`);

  // Next calendar year's meetings: confirmed once; later runs keep them (and re-check their jobs).
  // Planned before the steering group exists on a first run, so no invitations are queued:
  // sent now, they would reach a Playground page nobody has opened yet, which drops them.
  const year = Number(utcToZoned(s.clock(), s.planSettings.timeZone).date.slice(0, 4)) + 1;
  const existing = (await s.repos.meetings.list()).filter((m) => m.data.year === year);
  if (existing.length === 0) {
    const proposal = proposeYearPlan(year, await currentPlanSettings(s));
    const confirmed = await confirmPlan(
      s,
      year,
      proposal.map((p) => ({ index: p.index, date: p.date, time: p.time })),
      ACTOR,
    );
    lines.push(`meetings ${year}: ${confirmed.map((m) => `${m.data.date} ${m.data.time}`).join(', ')} (new)`);
  } else {
    for (const m of existing) await ensureTimeline(s, m.data);
    const confirmed = existing.filter((m) => m.data.status === 'confirmed').sort((a, b) => a.data.index - b.data.index);
    lines.push(`meetings ${year}: ${confirmed.map((m) => `${m.data.date} ${m.data.time}`).join(', ') || 'none confirmed'} (kept)`);
  }

  // The steering group: the team channel "Styrgruppen", unless a chair moved it since.
  const steering = await s.repos.steering.get(STEERING_ID);
  if (!steering) {
    await s.repos.steering.create(STEERING_ID, { conversationId: steeringChannel.conversationId, registeredBy: ACTOR, registeredAt: s.clock().toISOString(), extraChairIds: [], memberIds: [] }, ACTOR, 'register');
    lines.push(`steering group: channel "${pg.team.name} › ${steeringChannel.channelName}" (new)`);
  } else {
    const where = steering.data.conversationId === steeringChannel.conversationId ? `"${pg.team.name} › ${steeringChannel.channelName}"` : steering.data.conversationId;
    lines.push(`steering group: channel ${where} (kept)`);
  }

  // Forums.
  let forumsCreated = 0;
  for (const f of DEMO_FORUMS) {
    const id = forumIdFromName(f.name);
    if (await s.repos.forums.get(id)) {
      await s.repos.forums.mutate(id, ACTOR, 'seed', (cur) => (cur && cur.conversationId === OLD_BERGA_CHAT ? { ...cur, conversationId: f.conversation.conversationId } : null));
      continue;
    }
    const record: ForumRecord = {
      id,
      name: f.name,
      kind: f.kind,
      districts: f.districts.filter((d) => s.config.DISTRICTS.includes(d)),
      contacts: f.contacts.map((name) => ({ name })),
      conversationId: f.conversation.conversationId,
      active: true,
      memberIds: [],
    };
    if (record.districts.length === 0) record.districts = [s.config.DISTRICTS[0]!];
    await s.repos.forums.create(id, record, ACTOR, 'register');
    forumsCreated++;
  }
  lines.push(`forums: ${DEMO_FORUMS.length} (${forumsCreated} new)`);
  // The medborgarlöfte (issue 5): a promise, action items of the Playground's user, a målbild.
  await seedPromiseDemo(s, { aadObjectId: pg.currentUser.aadObjectId, name: pg.currentUser.name }, lines);
  // Inspel (issue 3) from four forums for the first meeting, so `sammanställ` has a picture to compile.
  await seedDemoAnswers(s, `${year}-1`, lines);
  await seedHomeOrganisation(s, lines);

  return { year, lines };
}

/**
 * Both municipalities on one service: Linköping (the home organisation, `s`) and its
 * invented neighbour Kinnestad, with the Playground's user a steering member of both.
 */
export async function seedDemo(platform: Platform, home: Services, opts: { serviceUrl: string; locale: string }): Promise<SeedReport> {
  const report = await seed(home, opts);
  const neighbour = await seedNeighbour(platform, { ...opts, year: report.year, kommunpolis: DEMO_PLAYGROUND.currentUser.aadObjectId });
  return { year: report.year, lines: [...report.lines, ...neighbour.lines] };
}

export const HOME_NAME = 'Linköpings kommun';

/**
 * Linköping as one organisation of a shared service: its name and regional sharing (once:
 * a chair's later settings survive a re-run), its team and channels bound to it, and the
 * Playground's user (its chair) listed among its people, as a chair's first turn would.
 */
async function seedHomeOrganisation(s: Services, lines: string[]): Promise<void> {
  const registry = s.platform.repos.orgs;
  const settings = await registry.settingsRepository(s.org.id).require(ORG_SETTINGS_ID);
  if (settings.version === 1) {
    await registry.settingsRepository(s.org.id).update(ORG_SETTINGS_ID, settings.version, { ...settings.data, name: HOME_NAME, regionalSharing: true }, ACTOR);
    await registry.audit({ actor: ACTOR, action: 'sharing-on', org: s.org.id });
    s.platform.orgs.invalidate(s.org.id);
  }
  await registry.bindTeam(DEMO_PLAYGROUND.team.id, s.org.id);
  for (const c of [steeringChannel, generalChannel]) await registry.bindConversation(conversationKey(c.conversationId), s.org.id);
  await registry.addMember(DEMO_PLAYGROUND.currentUser.aadObjectId, s.org.id);
  lines.push(`organisation ${s.org.id}: ${settings.version === 1 ? HOME_NAME : settings.data.name}, the team "${DEMO_PLAYGROUND.team.name}" (${settings.version === 1 ? 'new' : 'kept'})`);
}

async function main(): Promise<void> {
  const configFile = argValue('--playground-config');
  if (configFile) writeFileSync(configFile, playgroundConfigYaml(DEMO_PLAYGROUND));

  loadDotEnv();
  const config = loadConfig({ ...process.env, KEY_PREFIX: process.env.KEY_PREFIX || 'samverkan-demo', QUEUE_PREFIX: process.env.QUEUE_PREFIX || '{samverkan-demo}' });
  const serviceUrl = process.env.DEMO_SERVICE_URL;
  if (!serviceUrl) throw new Error('DEMO_SERVICE_URL is required (the connector URL the bot reaches the Playground through)');
  const locale = process.env.DEMO_LOCALE || 'sv-SE';

  const redis = createStoreRedis(config.REDIS_URL);
  const queueRedis = createQueueRedis(config.REDIS_URL);
  const queues = createQueues(queueRedis, config.QUEUE_PREFIX);
  const clock = () => new Date();
  const log = createLogger('warn', 'demo-seed');
  const { platform, home } = await bootPlatform({ config, redis, keys: new Keys(config.KEY_PREFIX), queues, clock, log });
  if (!home) throw new Error('no organisation to seed (OPERATOR_IDS is set and no organisation exists yet)');
  const s: Services = home;

  try {
    const report = await seedDemo(platform, s, { serviceUrl, locale });
    for (const line of report.lines) console.log(`[seed] ${line}`);
    console.log(`[seed] done (KEY_PREFIX=${config.KEY_PREFIX})`);
  } finally {
    await queues.close();
    await Promise.allSettled([redis.quit(), queueRedis.quit()]);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(`[seed] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });
}
