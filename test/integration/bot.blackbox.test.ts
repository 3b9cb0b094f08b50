import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';
import { conversationKey } from '../../src/domain/conversation.js';
import { FakeConnector } from '../support/fakeConnector.js';
import { BOT, CHAIR, MEMBER, botAdded, botRemoved, channel, invokeExecute, mentionMessage, message, post } from '../support/activities.js';

/**
 * Black box: the real server on a real port, Teams-shaped activities posted to
 * /api/messages, replies and proactive messages captured by a local fake connector.
 */
let t: TestRuntime;
let runtime: Runtime;
let connector: FakeConnector;
let botUrl: string;

const cardText = (a: { attachments?: { content: Record<string, unknown> }[]; text?: string }) => JSON.stringify(a.attachments?.[0]?.content ?? a.text ?? '');

beforeAll(async () => {
  t = await startTestRuntime({ env: { CHAIR_IDS: CHAIR.aadObjectId, PUBLIC_URL: 'https://samverkan.example.se' } });
  ({ runtime, connector, botUrl } = t);
});

afterAll(async () => {
  await t?.cleanup();
});

describe('the bot through /api/messages', () => {
  const steering = () => channel(connector.url, '19:steering@thread.tacv2', 'Styrgrupp');
  const forumChannel = () => channel(connector.url, '19:berga@thread.tacv2', 'Trygghetsrådet Berga');

  it('answers hjälp with the help card at the connector', async () => {
    const where = { conversationId: 'a:personal-1', conversationType: 'personal' as const, serviceUrl: connector.url };
    const res = await post(botUrl, message(where, MEMBER, 'hjälp'));
    expect(res.status).toBe(200);
    const reply = await connector.waitFor((r) => r.conversationId === 'a:personal-1');
    expect(reply.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(reply.activity)).toContain('det här kan du göra');
  });

  it('answers in English when the locale is English', async () => {
    const where = { conversationId: 'a:personal-en', conversationType: 'personal' as const, serviceUrl: connector.url };
    await post(botUrl, message(where, MEMBER, 'help', 'en-US'));
    const reply = await connector.waitFor((r) => r.conversationId === 'a:personal-en');
    expect(cardText(reply.activity)).toContain('what you can do here');
  });

  it('stores the conversation reference on install and marks it inactive on removal', async () => {
    const where = channel(connector.url, '19:install@thread.tacv2');
    await post(botUrl, botAdded(where, CHAIR));
    await connector.waitFor((r) => r.conversationId === '19:install@thread.tacv2');
    const key = conversationKey('19:install@thread.tacv2');
    expect((await runtime.services!.repos.conversations.get(key))?.data.active).toBe(true);
    await post(botUrl, botRemoved(where, CHAIR));
    expect((await runtime.services!.repos.conversations.get(key))?.data.active).toBe(false);
  });

  it('refuses a chair-only command to a non-chair, with a clear sentence', async () => {
    await post(botUrl, mentionMessage(steering(), MEMBER, 'registrera styrgrupp'));
    const reply = await connector.waitFor((r) => r.conversationId === '19:steering@thread.tacv2' && String(r.activity.text).includes('ordförande'));
    expect(reply.activity.text).toContain('Bara styrgruppens ordförande');
    expect(await runtime.services!.repos.steering.get('styrgrupp')).toBeNull();
  });

  it('suggests the closest command for a typo', async () => {
    const where = { conversationId: 'a:personal-typo', conversationType: 'personal' as const, serviceUrl: connector.url };
    await post(botUrl, message(where, CHAIR, 'möteb'));
    const reply = await connector.waitFor((r) => r.conversationId === 'a:personal-typo');
    expect(cardText(reply.activity)).toContain('Menade du');
  });

  it('lets a chair register the steering channel (with @mention) and a forum through its card', async () => {
    await post(botUrl, mentionMessage(steering(), CHAIR, 'Registrera Styrgrupp'));
    await connector.waitFor((r) => r.conversationId === '19:steering@thread.tacv2' && String(r.activity.text).includes('styrgruppens kanal'));
    expect((await runtime.services!.repos.steering.get('styrgrupp'))?.data.conversationId).toBe('19:steering@thread.tacv2');

    const bad = await post(botUrl, invokeExecute(forumChannel(), CHAIR, 'forum.save', { name: 'x', kind: 'trygghetsrad', districts: '' }));
    expect(bad.status).toBe(200);
    expect(JSON.stringify(bad.body)).toContain('För kort');
    expect(await runtime.services!.repos.forums.list()).toHaveLength(0);

    const ok = await post(
      botUrl,
      invokeExecute(forumChannel(), CHAIR, 'forum.save', { name: 'Trygghetsrådet Berga', kind: 'trygghetsrad', districts: 'Berga', contacts: 'Anna Påhittad' }),
    );
    expect(JSON.stringify(ok.body)).toContain('är registrerat');
    const forums = await runtime.services!.repos.forums.list();
    expect(forums.map((f) => f.data.name)).toEqual(['Trygghetsrådet Berga']);
    expect(forums[0]!.data.conversationId).toBe('19:berga@thread.tacv2');
  });

  it('refuses a forged card action from a non-chair and changes nothing', async () => {
    const res = await post(botUrl, invokeExecute(forumChannel(), MEMBER, 'forum.deactivate', { forumId: 'trygghetsradet-berga', version: 1 }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('Det får du inte');
    expect((await runtime.services!.repos.forums.get('trygghetsradet-berga'))?.data.active).toBe(true);
  });

  it('answers an unknown verb and malformed data with a refusal card', async () => {
    const unknown = await post(botUrl, invokeExecute(forumChannel(), CHAIR, 'forum.explode', {}));
    expect(JSON.stringify(unknown.body)).toContain('Kortet innehöll data');
    const wrongType = await post(botUrl, invokeExecute(forumChannel(), CHAIR, 'forum.deactivate', { forumId: 42, version: 'x' }));
    expect(JSON.stringify(wrongType.body)).toContain('Kortet innehöll data');
  });

  it('plans a year: card, confirm, meetings stored, invitations sent to the steering channel', async () => {
    await post(botUrl, message(steering(), CHAIR, 'planera 2027'));
    const planReply = await connector.waitFor((r) => cardText(r.activity).includes('styrgruppens möten 2027'));
    const body = JSON.stringify(planReply.activity.attachments?.[0]?.content);
    const dates = [...body.matchAll(/"id":"date(\d)","label":"Datum","value":"(\d{4}-\d{2}-\d{2})"/g)].map((m) => [m[1], m[2]]);
    expect(dates).toHaveLength(3);
    const data: Record<string, unknown> = { year: 2027 };
    for (const [i, d] of dates) {
      data[`date${i}`] = d;
      data[`time${i}`] = '13:00';
    }
    const res = await post(botUrl, invokeExecute(steering(), CHAIR, 'plan.confirm', data));
    expect(JSON.stringify(res.body)).toContain('bekräftade');
    const meetings = await runtime.services!.repos.meetings.list();
    expect(meetings.map((m) => m.id)).toEqual(['2027-1', '2027-2', '2027-3']);
    const invitations = await connector.waitFor(
      (r) => r.conversationId === '19:steering@thread.tacv2' && cardText(r.activity).includes('Kallelse'),
      15_000,
    );
    expect(invitations.replyToId).toBeUndefined();

    const ics = await fetch(`${botUrl}/meetings/2027-1.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(await ics.text()).toContain('BEGIN:VEVENT');
  });

  it('acknowledges activity types it does not handle', async () => {
    const where = { conversationId: 'a:personal-2', conversationType: 'personal' as const, serviceUrl: connector.url };
    const typing = await post(botUrl, { ...message(where, MEMBER, ''), type: 'typing' });
    expect(typing.status).toBeLessThan(300);
    const otherInvoke = await post(botUrl, { ...message(where, MEMBER, ''), type: 'invoke', name: 'composeExtension/query', value: {} });
    expect(otherInvoke.status).toBe(200);
  });

  it('answers malformed HTTP bodies with 4xx and stays up', async () => {
    const res = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    const huge = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(1_000_000) }) });
    expect(huge.status).toBe(413);
    expect((await fetch(`${botUrl}/healthz`)).status).toBe(200);
    expect(BOT.id).toBeTruthy();
  });
});
