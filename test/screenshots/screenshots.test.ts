// `npm run screenshots`: regenerates the README's pictures in docs/screenshots/ with the e2e
// harness (the bot, the Microsoft 365 Agents Playground and Chromium) on the demo's data
// (scripts/demo-seed.ts): the inspel card in a forum's chat, the lägesbild card and the
// promise card in the chair's chat, the "Publicera för invånarna" preview, and the
// residents' page after the chair published it. Not part of CI (it only draws pictures),
// but every step still waits for what it shows, so a broken flow fails here too.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createQueues, type Queues } from '../../jobs/queues.js';
import { DEMO_PLAYGROUND, seed } from '../../scripts/demo-seed.js';
import { loadConfig } from '../../src/config.js';
import { bootPlatform } from '../../src/services/bootPlatform.js';
import { createLogger } from '../../src/log.js';
import type { Services } from '../../src/services/services.js';
import { Keys } from '../../src/store/keys.js';
import { createQueueRedis, createStoreRedis, type RedisClient } from '../../src/store/redis.js';
import { REPO_ROOT, useE2EStack } from '../e2e/harness.js';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const STEP_MS = 30_000;
const PG = DEMO_PLAYGROUND;
const STEERING = PG.team.channels[0]!.name; // "Styrgruppen"

async function shoot(target: Locator, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await target.scrollIntoViewIfNeeded();
  await target.screenshot({ path: join(OUT, `${name}.png`) });
}

describe('screenshots for the README', () => {
  const e2e = useE2EStack({
    env: { CHAIR_IDS: PG.currentUser.aadObjectId, ALLOWED_TENANTS: PG.tenantId, LINK_SECRET: 's'.repeat(40) },
    playgroundConfig: { personalChat: PG.personalChat, groupChat: PG.groupChat, team: PG.team },
    // Tall, so a whole card fits in the chat pane (an element screenshot cannot scroll inside it).
    viewport: { width: 1400, height: 3200 },
  });
  let redis: RedisClient | undefined;
  let queueRedis: RedisClient | undefined;
  let queues: Queues | undefined;

  beforeAll(async () => {
    const { stack } = e2e;
    // The demo's world, written under this run's prefixes, as `npm run demo` does.
    const config = loadConfig({ REDIS_URL: stack.redisUrl, KEY_PREFIX: stack.keyPrefix, QUEUE_PREFIX: stack.queuePrefix, LOG_LEVEL: 'silent' });
    redis = createStoreRedis(config.REDIS_URL);
    queueRedis = createQueueRedis(config.REDIS_URL);
    queues = createQueues(queueRedis, config.QUEUE_PREFIX);
    const clock = () => new Date();
    const { home } = await bootPlatform({ config, redis, keys: new Keys(config.KEY_PREFIX), queues, clock, log: createLogger('silent') });
    const s: Services = home!;
    await seed(s, { serviceUrl: `${stack.tapUrl}/_connector`, locale: 'sv-SE' });
  }, 60_000);

  afterAll(async () => {
    await queues?.close();
    await Promise.allSettled([redis?.quit(), queueRedis?.quit()]);
  });

  test('the inspel card in the forum’s chat', async () => {
    const { stack } = e2e;
    await stack.openConversation(STEERING);
    const mark = await stack.sendMessage('skicka inspel');
    await stack.waitForBotMessage((m) => m.text.includes('Inspelskortet skickas till'), STEP_MS, { since: mark });
    await stack.openConversation('General');
    const card = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Inspel från Trygghetsrådet Berga'), STEP_MS);
    await shoot(card.element, 'inspel-card');
  });

  test('the lägesbild card in the chair’s chat', async () => {
    const { stack } = e2e;
    await stack.openConversation('personal');
    const mark = await stack.sendMessage('sammanställ');
    // The progress card becomes the lägesbild in place (often before the page shows the progress).
    const card = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Lägesbild inför'), 60_000, { since: mark });
    await shoot(card.element, 'lagesbild-card');
  });

  test('the promise card, the publish preview and the residents’ page', async () => {
    const { stack } = e2e;
    await stack.openConversation('personal');
    const mark = await stack.sendMessage('löfte');
    const card = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Publicera för invånarna'), STEP_MS, { since: mark });
    await shoot(card.element, 'promise-card');

    await stack.pressAction('Publicera för invånarna', { message: card });
    const preview = await stack.waitForBotMessage((m) => m.id === card.id && m.text.includes('Förhandsvisning: detta blir offentligt'), STEP_MS);
    await shoot(preview.element, 'publish-preview-card');
    await stack.pressAction('Publicera', { message: preview });
    const done = await stack.waitForBotMessage((m) => m.id === card.id && m.text.includes('Publicerat.'), STEP_MS);
    expect(done.text).toContain('/invanare/linkoping');

    const page = await stack.context.newPage();
    for (const [path, name, width] of [
      ['/invanare/linkoping/sv', 'public-page', 1100],
      ['/invanare/linkoping/en', 'public-page-en', 1100],
      ['/invanare/linkoping/sv', 'public-page-mobile', 400],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      const res = await page.goto(`${stack.botUrl}${path}`);
      expect(res?.status()).toBe(200);
      mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    }
    await page.close();
  });
});
