// End-to-end through the Microsoft 365 Agents Playground and Chromium (issue 12): the
// multi-organisation scenario on `npm run demo`'s data. One service, two municipalities:
// Linköping owns the Playground's team, the invented Kinnestad its group chat. The
// Playground's user, the kommunpolis, is in both: in her personal chat a command that needs
// an organisation asks which one, the answer is that organisation's, `byt organisation`
// switches; the group chat answers for Kinnestad and the team's channel for Linköping.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createQueues, type Queues } from '../../jobs/queues.js';
import { DEMO_PLAYGROUND as PG, HOME_NAME, seedDemo } from '../../scripts/demo-seed.js';
import { NEIGHBOUR_NAME } from '../../scripts/demo-seed-neighbour.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { bootPlatform } from '../../src/services/bootPlatform.js';
import { Keys } from '../../src/store/keys.js';
import { createQueueRedis, createStoreRedis, type RedisClient } from '../../src/store/redis.js';
import { useE2EStack, type BotMessage } from './harness.js';

const STEP_MS = 20_000;
const STEERING = PG.team.channels[0]!.name;
/** A forum of each municipality: the status card of one names its own forums only. */
const LINKOPING_FORUM = 'Trygghetsrådet Ryd';
const KINNESTAD_FORUM = 'Trygghetsrådet Norrvik';

const isStatus = (m: BotMessage) => m.hasCard && m.text.includes('Inspel inför');
const isChoice = (m: BotMessage) => m.hasCard && m.text.includes('Vilken organisation gäller det?');

function expectOrgOf(card: BotMessage, own: string, other: string): void {
  expect(card.text).toContain(own);
  expect(card.text).not.toContain(other);
}

describe('one service, two municipalities: the kommunpolis in both', () => {
  const e2e = useE2EStack({
    env: { CHAIR_IDS: PG.currentUser.aadObjectId, ALLOWED_TENANTS: PG.tenantId },
    playgroundConfig: { personalChat: PG.personalChat, groupChat: PG.groupChat, team: PG.team },
  });
  let redis: RedisClient | undefined;
  let queueRedis: RedisClient | undefined;
  let queues: Queues | undefined;

  beforeAll(async () => {
    const { stack } = e2e;
    // The demo's two municipalities, written under this run's prefixes, as `npm run demo` does.
    const config = loadConfig({ REDIS_URL: stack.redisUrl, KEY_PREFIX: stack.keyPrefix, QUEUE_PREFIX: stack.queuePrefix, LOG_LEVEL: 'silent' });
    redis = createStoreRedis(config.REDIS_URL);
    queueRedis = createQueueRedis(config.REDIS_URL);
    queues = createQueues(queueRedis, config.QUEUE_PREFIX);
    const { platform, home } = await bootPlatform({ config, redis, keys: new Keys(config.KEY_PREFIX), queues, clock: () => new Date(), log: createLogger('silent') });
    await seedDemo(platform, home!, { serviceUrl: `${stack.tapUrl}/_connector`, locale: 'sv-SE' });
    // The bot started before the seed renamed Linköping; it re-reads an organisation's settings
    // at most every 5 s (src/services/platform.ts), so the choice card names it after that.
    await new Promise((r) => setTimeout(r, 6_000));
  }, 90_000);

  afterAll(async () => {
    await queues?.close();
    await Promise.allSettled([redis?.quit(), queueRedis?.quit()]);
  });

  /** Sends `status`, answers the choice card with `org` when it comes, and returns the status card. */
  async function statusAfterChoosing(org: string, command = 'status'): Promise<BotMessage> {
    const { stack } = e2e;
    const mark = await stack.sendMessage(command);
    const choice = await stack.waitForBotMessage(isChoice, STEP_MS, { since: mark });
    expect(choice.text).toContain(HOME_NAME);
    expect(choice.text).toContain(NEIGHBOUR_NAME);
    await stack.pressAction(org, { message: choice });
    const chosen = await stack.waitForBotMessage((m) => m.id === choice.id && m.text.includes('Nu gäller den här chatten'), STEP_MS);
    expect(chosen.text).toContain(org);
    const again = await stack.sendMessage('status');
    return stack.waitForBotMessage(isStatus, STEP_MS, { since: again });
  }

  test('in the personal chat, `status` asks which municipality; the answer is the chosen one’s', async () => {
    const { stack } = e2e;
    await stack.openConversation('personal');
    const status = await statusAfterChoosing(NEIGHBOUR_NAME);
    expectOrgOf(status, KINNESTAD_FORUM, LINKOPING_FORUM);
  });

  test('the choice is remembered: `status` again answers for the same municipality, no card', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('status');
    const status = await stack.waitForBotMessage(isStatus, STEP_MS, { since: mark });
    expectOrgOf(status, KINNESTAD_FORUM, LINKOPING_FORUM);
    expect((await stack.botMessages({ since: mark })).filter(isChoice)).toEqual([]);
  });

  test('`byt organisation` switches to the other municipality', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('byt organisation');
    const choice = await stack.waitForBotMessage(isChoice, STEP_MS, { since: mark });
    await stack.pressAction(HOME_NAME, { message: choice });
    await stack.waitForBotMessage((m) => m.id === choice.id && m.text.includes(`Nu gäller den här chatten ${HOME_NAME}`), STEP_MS);
    const again = await stack.sendMessage('status');
    const status = await stack.waitForBotMessage(isStatus, STEP_MS, { since: again });
    expectOrgOf(status, LINKOPING_FORUM, KINNESTAD_FORUM);
  });

  test('in the group chat (Kinnestad’s steering group) `status` is Kinnestad’s, with no choice', async () => {
    const { stack } = e2e;
    await stack.openConversation('group');
    const mark = await stack.sendMessage('status');
    const status = await stack.waitForBotMessage(isStatus, STEP_MS, { since: mark });
    expectOrgOf(status, KINNESTAD_FORUM, LINKOPING_FORUM);
  });

  test('in the team’s channel (Linköping’s steering group) `status` is Linköping’s', async () => {
    const { stack } = e2e;
    await stack.openConversation(STEERING);
    const mark = await stack.sendMessage('status');
    const status = await stack.waitForBotMessage(isStatus, STEP_MS, { since: mark });
    expectOrgOf(status, LINKOPING_FORUM, KINNESTAD_FORUM);
  });
});
