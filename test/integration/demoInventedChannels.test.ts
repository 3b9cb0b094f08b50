import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inventedChannelAnswer, isInventedConversation } from '../../scripts/demo-connector.mjs';
import { DEMO_FORUMS, DEMO_PLAYGROUND, seed } from '../../scripts/demo-seed.js';
import { conversationKey } from '../../src/domain/conversation.js';
import { channel, mentionMessage } from '../support/activities.js';
import { drained } from '../support/lagesbild.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * `npm run demo`'s connector path without a browser: the demo proxy's stand-in answers for
 * the invented channels, everything else goes to a fake of the Agents Playground that,
 * like the real one, only knows its own team channel, group chat and personal chat (it
 * answers 404 for anything else). A chair's `skicka inspel` in Styrgruppen must reach all
 * five demo forums and produce no "the app was removed" notices.
 */
const CHAIR = { id: '29:demo-chair', aadObjectId: DEMO_PLAYGROUND.currentUser.aadObjectId, name: DEMO_PLAYGROUND.currentUser.name };
const PLAYGROUND_KNOWS = new Set([DEMO_PLAYGROUND.team.id, ...DEMO_PLAYGROUND.team.channels.map((c) => c.id), DEMO_PLAYGROUND.groupChat.id, DEMO_PLAYGROUND.personalChat.id]);

let t: TestRuntime;
let proxy: Server;
let connectorUrl: string;
const inventedDeliveries: string[] = [];

beforeEach(async () => {
  inventedDeliveries.length = 0;
  t = await startTestRuntime({ now: new Date('2026-12-02T09:00:00Z'), env: { CHAIR_IDS: CHAIR.aadObjectId } });
  t.connector.fault = ({ conversationId }) =>
    PLAYGROUND_KNOWS.has(conversationId.split(';')[0]!) ? undefined : { status: 404, headers: { 'content-type': 'application/json' } };
  // The demo proxy's connector half (scripts/demo.mjs): invented channels answered here, the rest forwarded.
  proxy = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const path = (req.url ?? '/').replace(/^\/_connector/, '');
      const invented = inventedChannelAnswer(req.method ?? 'GET', path);
      if (invented) {
        if (invented.delivered === 'sent') inventedDeliveries.push(invented.conversationId);
        res.writeHead(invented.status, { 'content-type': 'application/json' }).end(JSON.stringify(invented.body));
        return;
      }
      const r = await fetch(new URL(path.replace(/^\//, ''), t.connector.url), {
        method: req.method,
        headers: { 'content-type': 'application/json' },
        body: req.method === 'GET' ? undefined : Buffer.concat(chunks),
      });
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(Buffer.from(await r.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  connectorUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/_connector`;
  await seed(t.runtime.services, { serviceUrl: connectorUrl, locale: 'sv-SE' });
});

afterEach(async () => {
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  await t?.cleanup();
});

describe('the demo’s invented channels', () => {
  it('are the four forums the Playground cannot show, and no Playground conversation', () => {
    const invented = DEMO_FORUMS.filter((f) => isInventedConversation(f.conversation.conversationId)).map((f) => f.name);
    expect(invented).toEqual(['Trygghetsrådet Ryd', 'Trygghetsrådet Skäggetorp', 'Sociala insatsgruppen', 'Säkerhetsenheten/kommunpolis']);
    for (const id of PLAYGROUND_KNOWS) expect(isInventedConversation(id), id).toBe(false);
  });

  it('`skicka inspel` in Styrgruppen reaches all five forums: no forum turns inactive, no "removed" notice', async () => {
    const s = t.runtime.services;
    const steering = channel(connectorUrl, DEMO_PLAYGROUND.team.channels[0]!.id, DEMO_PLAYGROUND.team.channels[0]!.name);
    const res = await t.post(mentionMessage(steering, CHAIR, 'skicka inspel'));
    expect(res.status).toBe(200);
    await drained(t);

    // Four cards to the invented channels, one to Berga's General channel in the Playground.
    expect(inventedDeliveries.sort()).toEqual(DEMO_FORUMS.map((f) => f.conversation.conversationId).filter(isInventedConversation).sort());
    expect(t.connector.to(DEMO_PLAYGROUND.team.id).filter((r) => r.method === 'POST')).toHaveLength(1);
    for (const f of DEMO_FORUMS) {
      expect((await s.repos.conversations.require(conversationKey(f.conversation.conversationId))).data.active, f.name).toBe(true);
    }
    const everything = JSON.stringify(t.connector.received.map((r) => r.activity));
    expect(everything).not.toMatch(/tagits bort|was removed/);
    expect(t.connector.requests.filter((r) => r.status === 404)).toEqual([]);
  });

  it('a re-run of the seed brings back an invented channel that an earlier demo turned inactive', async () => {
    const s = t.runtime.services;
    const id = DEMO_FORUMS[1]!.conversation.conversationId;
    await s.repos.conversations.mutate(conversationKey(id), 'system', 'deactivate', (c) => (c ? { ...c, active: false, removedAt: s.clock().toISOString() } : null));
    await seed(s, { serviceUrl: connectorUrl, locale: 'sv-SE' });
    const after = (await s.repos.conversations.require(conversationKey(id))).data;
    expect(after.active).toBe(true);
    expect(after.removedAt).toBeUndefined();
  });
});
