// Self-test of the e2e harness against the throwaway echo bot (test/e2e/fixtures/echoBot.ts):
// proves Playground + Chromium + selectors work before the real bot exists.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, reportFailure, useE2EStack } from './harness.js';

const e2e = useE2EStack({
  botCommand: [process.execPath, `${REPO_ROOT}/node_modules/tsx/dist/cli.mjs`, 'test/e2e/fixtures/echoBot.ts'],
});

describe('e2e harness (echo bot)', () => {
  test('opening the personal chat installs the bot with the configured Teams identity', async () => {
    const { stack } = e2e;
    await stack.waitForBotMessage('Welcome from echo bot', 15_000);
    const install = await stack.waitForActivityToBot((a) => a.type === 'installationUpdate');
    const a = install.activity!;
    expect(a.conversation?.conversationType).toBe('personal');
    expect(a.conversation?.id).toBe(stack.config.personalChat.id);
    expect(a.conversation?.tenantId).toBe(stack.config.tenantId);
    expect(a.from?.id).toBe(stack.config.currentUser.id);
    expect(a.from?.aadObjectId).toBe(stack.config.currentUser.aadObjectId);
    expect(a.recipient).toMatchObject({ id: stack.config.bot.id, name: stack.config.bot.name });
    expect(a.locale).toBe('sv-SE'); // rewritten by the harness (the Playground sends en-US)
    expect(a.serviceUrl).toBe(`${stack.tapUrl}/_connector`);
  });

  test('a text message is echoed', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('hello');
    const reply = await stack.waitForBotMessage(/^Echo: hello$/, 15_000, { since: mark });
    expect(reply.hasCard).toBe(false);
    expect(await reply.element.isVisible()).toBe(true);
    expect((await stack.lastBotMessage()).id).toBe(reply.id);

    const msg = stack.activitiesToBot().find((x) => x.activity?.type === 'message' && x.activity.text === 'hello')!.activity!;
    expect(msg.from).toMatchObject({ id: stack.config.currentUser.id, name: stack.config.currentUser.name, aadObjectId: stack.config.currentUser.aadObjectId });
  });

  test('a card renders; Action.Execute replaces it in place', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('card');
    const card = await stack.waitForBotMessage((m) => m.hasCard, 15_000, { since: mark });
    expect(card.text).toContain('Echo form');
    expect(card.raw.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const cardsBefore = await stack.page.locator('.ac-adaptiveCard').count();

    await stack.fillInput('name', 'Anna');
    await stack.selectChoice('color', 'Green'); // compact, by title
    await stack.selectChoice('size', 'l'); // expanded radio, by value
    await stack.selectChoice('tags', ['a', 'Gamma']); // expanded multi-select
    await stack.fillInput('agree', true); // Input.Toggle
    await stack.fillInput('when', '2026-03-04'); // Input.Date
    await stack.pressAction('Save');

    const saved = await stack.waitForBotMessage(/Saved name=Anna/, 15_000);
    expect(saved.id).toBe(card.id); // same message, card replaced in place
    expect(saved.text).toContain('Saved name=Anna color=green size=l when=2026-03-04 agree=yes tags=a,g');
    expect(await stack.page.locator('.ac-adaptiveCard').count()).toBe(cardsBefore);

    const invoke = stack.activitiesToBot().find((x) => x.activity?.type === 'invoke')!;
    expect(invoke.activity?.name).toBe('adaptiveCard/action');
    expect(invoke.status).toBe(200);
  });

  test('Action.Submit sends a message with the card values', async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('card');
    const card = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Echo form'), 15_000, { since: mark });
    await stack.fillInput('name', 'Bo', { message: card });
    await stack.pressAction('Submit', { message: card });
    const reply = await stack.waitForBotMessage(/^Submitted name=Bo color=red/, 15_000, { since: mark });
    expect(reply.id).not.toBe(card.id);
  });

  test('a channel message needs an @mention and is answered in the thread', async () => {
    const { stack } = e2e;
    await stack.openConversation('General');
    expect(stack.conversationId).toBe(stack.config.team.id);
    const mark = await stack.sendMessage('hello channel'); // mentions the bot automatically outside personal chat
    const reply = await stack.waitForBotMessage('Echo: hello channel', 15_000, { since: mark });
    expect(reply.conversationId.startsWith(`${stack.config.team.id};messageid=`)).toBe(true);
    const msg = stack.activitiesToBot().find((x) => x.activity?.text?.includes('hello channel'))!.activity!;
    expect(msg.conversation).toMatchObject({ conversationType: 'channel', isGroup: true });
    expect(msg.channelData).toMatchObject({ team: { id: stack.config.team.id } });
    await stack.openConversation('personal');
  });

  test('failure artifacts: screenshot file and log tails', async () => {
    const { stack } = e2e;
    await reportFailure(stack, 'harness self-test artifact');
    expect(existsSync(`${REPO_ROOT}/test-results/e2e/harness_self-test_artifact.png`)).toBe(true);
    expect(stack.logs().bot).toContain('echo bot listening');
  });
});
