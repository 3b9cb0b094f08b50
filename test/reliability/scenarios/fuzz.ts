import { verbs } from '../../../cards/verbs.js';
import { proposeYearPlan } from '../../../src/domain/calendar/yearPlan.js';
import { confirmPlan } from '../../../src/services/meetings.js';
import { CHAIR, TENANT, channel, invokeExecute, mentionMessage, message } from '../../support/activities.js';
import { diffSnapshots, isQueueBookkeeping, snapshotKeys } from '../../support/redisSnapshot.js';
import { waitFor } from '../support/processes.js';
import { startStack } from '../support/stack.js';
import { prng } from './connectorFaults.js';
import type { Figures } from './types.js';

export const FUZZ_COUNT = 10_000;
const CONCURRENCY = 8;

const GUEST = { id: '29:fuzz-guest', aadObjectId: 'dddddddd-0000-0000-0000-000000000001', name: 'Gäst Ett' };
const GUEST2 = { id: '29:fuzz-guest-2', aadObjectId: 'dddddddd-0000-0000-0000-000000000002', name: 'Gäst Två' };
const OTHER_TENANT = 'eeeeeeee-0000-0000-0000-0000000000ee';

/** Strings that have broken parsers, renderers and loggers before. */
const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '\u0000\u0001\u0002\u001f',
  '\u202e\u202dregistrera styrgrupp',
  'r\u200be\u200bg\u200bi\u200bs\u200bt\u200brera styrgrupp',
  'REGISTRERA STYRGRUPP!!!',
  'planera 2027',
  'planera 99999999999999999999',
  'lägg till ordförande <at>Gäst Två</at>',
  'skicka inspel',
  'påminn 2027-1',
  'status 2027-1',
  'skicka om',
  'jag är kontaktperson',
  'exportera mina data',
  'mina åtgärder',
  'beslut 2027-1',
  'målbild Berga',
  'uppföljning perioden',
  'sammanställ',
  '<script>alert(1)</script>',
  '"; DROP TABLE forums; --',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  '%s%s%s%n%n',
  '../../../../etc/passwd',
  '__proto__',
  'Z̸̡̢̛̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡',
  '🏳️‍🌈👨‍👩‍👧‍👦🇸🇪'.repeat(50),
  '\ud800',
  '\udfff\ud800',
  'ﷺ'.repeat(500),
  'مرحبا بالعالم',
  '𝔥𝔧ä𝔩𝔭',
  '\r\n\r\nHTTP/1.1 200 OK\r\n',
  'x'.repeat(60_000),
];

type Body = { raw: string; contentType?: string } | { json: unknown };

/**
 * 10,000 malformed or hostile requests to /api/messages: broken bodies, wrong types,
 * missing fields, hostile strings, unknown and forged card actions, other tenants, odd
 * conversation updates. Every one is answered 2xx or 4xx, the process never crashes, and
 * a key/value snapshot of Redis (turn state and idempotency markers aside) is unchanged.
 */
export async function fuzz(figures: Figures): Promise<void> {
  const stack = await startStack({ role: 'web', env: { ALLOWED_TENANTS: TENANT, CHAIR_IDS: CHAIR.aadObjectId, DISTRICTS: 'Berga,Ryd' } });
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  try {
    const s = stack.runtime.services!;
    const url = stack.connector.url;
    const steering = channel(url, '19:fuzz-steering@thread.tacv2', 'Styrgrupp');
    const forum = channel(url, '19:fuzz-forum@thread.tacv2', 'Trygghetsrådet Berga');
    const lobby = channel(url, '19:fuzz-lobby@thread.tacv2', 'Lobby');
    const guestChat = { conversationId: 'a:fuzz-guest', conversationType: 'personal' as const, serviceUrl: url };
    // The world the fuzz runs against: a steering channel, a forum, meetings, known guests.
    await stack.post(mentionMessage(steering, CHAIR, 'registrera styrgrupp'));
    await stack.post(invokeExecute(forum, CHAIR, 'forum.save', { name: 'Trygghetsrådet Berga', kind: 'trygghetsrad', districts: 'Berga' }));
    const year = new Date().getUTCFullYear() + 1;
    await confirmPlan(s, year, proposeYearPlan(year, s.planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time })), CHAIR.aadObjectId);
    for (const who of [GUEST, GUEST2]) {
      await stack.post(message(guestChat, who, 'hjälp'));
      await stack.post(message(lobby, who, 'hjälp'));
    }
    const forumId = (await s.repos.forums.list())[0]!.id;
    const meetingId = `${year}-1`;

    const notData = (k: string) => isQueueBookkeeping(k) || /:turnstate:|:done:turn:|:done:export:|:metrics$/.test(k);
    const prefixes = [s.config.KEY_PREFIX, s.config.QUEUE_PREFIX];
    const before = await snapshotKeys(stack.runtime.redis, prefixes, notData);

    const random = prng(20261125);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const int = (n: number) => Math.floor(random() * n);
    const hostile = () => (random() < 0.1 ? pick(HOSTILE) + pick(HOSTILE) : pick(HOSTILE));
    const wrongValue = (): unknown => pick([42, -1, 1e308, true, false, null, [], [1, 'a', null], {}, { id: 7 }, hostile(), 'x'.repeat(3000), { $gt: '' }, ['__proto__']]);
    const known = () => pick([guestChat, lobby, { ...lobby, conversationId: `${lobby.conversationId};messageid=${int(1e9)}` }]);
    const guest = () => pick([GUEST, GUEST2]);
    const forgedData = (): Record<string, unknown> =>
      pick([
        { forumId, version: int(5), name: hostile(), kind: 'annat', districts: 'Berga' },
        { meetingId, version: int(5), date1: '2030-01-01', time1: '10:00' },
        { year, date1: hostile(), time1: hostile() },
        { meetingId, forumId, situation_0: hostile(), trend_0: 'samre', sensitivity: 'oppen' },
        { promiseId: hostile(), actionId: hostile(), rev: 'x', meetingId },
        { district: hostile() },
        { district: 'Berga', statements: hostile() },
        { aadObjectId: CHAIR.aadObjectId, from: CHAIR, isChair: true, roles: ['chair'] },
        JSON.parse('{"__proto__":{"isChair":true,"chair":true},"constructor":{"prototype":{"chair":true}}}') as Record<string, unknown>,
        { forumId: 'x'.repeat(101), meetingId: { $ne: null } },
      ]);
    const withTenant = <T extends { conversation: object; channelData: object }>(a: T, tenant: string): T => ({ ...a, conversation: { ...a.conversation, tenantId: tenant }, channelData: { ...a.channelData, tenant: { id: tenant } } });

    const generators: [string, number, () => Body][] = [
      ['broken bodies', 8, () =>
        pick<() => Body>([
          () => ({ raw: '{"type":"message",' }),
          () => ({ raw: 'not json at all' }),
          () => ({ raw: JSON.stringify(pick([null, 1, 'message', true, [], [{ type: 'message' }]])) }),
          () => ({ raw: `${'['.repeat(3000)}${']'.repeat(3000)}` }),
          () => ({ raw: JSON.stringify({ type: 'message', deep: JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`) }) }),
          () => ({ raw: '' }),
          () => ({ raw: JSON.stringify(message(guestChat, GUEST, 'hjälp')), contentType: 'text/plain' }),
          () => ({ raw: JSON.stringify({ type: 'message', text: 'x'.repeat(int(20) === 0 ? 300_000 : 200) }) }),
          () => ({ raw: '\uFEFF{"type":"message"}' }),
        ])(),
      ],
      ['wrong types', 15, () => {
        const a = random() < 0.5 ? message(known(), guest(), 'hjälp') : invokeExecute(known(), guest(), pick(verbs), {});
        const field = pick(['type', 'id', 'text', 'from', 'conversation', 'recipient', 'serviceUrl', 'channelData', 'entities', 'locale', 'value', 'name', 'timestamp', 'attachments', 'membersAdded']);
        return { json: { ...a, [field]: wrongValue() } };
      }],
      ['missing fields', 10, () => {
        const a: Record<string, unknown> = { ...(random() < 0.5 ? message(known(), guest(), 'hjälp') : invokeExecute(known(), guest(), pick(verbs), forgedData())) };
        for (const f of ['type', 'id', 'from', 'conversation', 'serviceUrl', 'channelData', 'recipient', 'locale', 'value', 'name', 'text']) if (random() < 0.3) delete a[f];
        return { json: a };
      }],
      ['hostile text', 20, () => {
        const a = message(known(), guest(), hostile());
        return { json: random() < 0.2 ? { ...a, entities: [{ type: 'mention', text: hostile(), mentioned: pick([{}, { id: 42 }, { id: '28:bot-id' }]) }] } : random() < 0.1 ? { ...a, locale: undefined } : a };
      }],
      ['card actions', 25, () => {
        const verb = random() < 0.4 ? pick([hostile(), '__proto__', 'constructor', 'toString', 'forum.save ', 'FORUM.SAVE', 'forum', 'input.submit.x']) : pick(verbs);
        const data = random() < 0.2 ? wrongValue() : random() < 0.05 ? { blob: 'x'.repeat(70_000) } : forgedData();
        const a = invokeExecute(known(), guest(), verb as (typeof verbs)[number], {}) as Record<string, unknown>;
        const value = random() < 0.1 ? wrongValue() : { action: random() < 0.1 ? wrongValue() : { type: 'Action.Execute', verb, data }, trigger: 'manual' };
        const name = random() < 0.15 ? pick(['composeExtension/query', 'task/fetch', 'signin/verifyState', 'signin/tokenExchange', 'fileConsent/invoke', 'actionableMessage/executeAction', hostile()]) : 'adaptiveCard/action';
        return { json: { ...a, name, value } };
      }],
      ['other tenants', 10, () => {
        const who = pick([CHAIR, GUEST]);
        const where = pick([guestChat, lobby, steering, forum, { conversationId: `a:stranger-${int(1e6)}`, conversationType: 'personal' as const, serviceUrl: pick([url, 'http://127.0.0.1:1/', 'https://evil.example/']) }]);
        const a = random() < 0.5 ? message(where, who, pick(['registrera styrgrupp', 'planera 2027', 'hjälp', hostile()])) : invokeExecute(where, who, pick(verbs), forgedData());
        const tenant = pick([OTHER_TENANT, '', hostile().slice(0, 200)]);
        return { json: tenant ? withTenant(a, tenant) : { ...a, conversation: { ...a.conversation, tenantId: undefined }, channelData: {} } };
      }],
      ['odd activity types', 12, () => {
        const base = message(known(), guest(), 'hjälp') as Record<string, unknown>;
        return {
          json: pick<() => Record<string, unknown>>([
            () => ({ ...base, type: 'conversationUpdate', text: undefined, membersAdded: [{ id: `29:x${int(100)}`, name: hostile() }] }),
            () => ({ ...base, type: 'conversationUpdate', text: undefined, membersRemoved: [{ id: `29:x${int(100)}` }] }),
            () => ({ ...base, type: 'installationUpdate', text: undefined, action: 'add' }),
            () => ({ ...base, type: 'installationUpdate', text: undefined, action: 'remove', conversation: { id: `a:never-installed-${int(1e6)}` } }),
            () => ({ ...base, type: 'messageReaction', reactionsAdded: [{ type: hostile() }] }),
            () => ({ ...base, type: 'typing' }),
            () => ({ ...base, type: 'event', name: hostile(), value: wrongValue() }),
            () => ({ ...base, type: 'endOfConversation' }),
            () => ({ ...base, type: 'invoke', name: undefined, value: wrongValue() }),
            () => ({ ...base, type: hostile().slice(0, 60) || 'x' }),
            () => ({ ...base, type: 'messageUpdate', text: hostile() }),
            () => ({ ...base, type: 'messageDelete' }),
          ])(),
        };
      }],
    ];
    const total = generators.reduce((n, [, w]) => n + w, 0);
    const draw = (): [string, Body] => {
      let r = random() * total;
      for (const [name, w, gen] of generators) if ((r -= w) < 0) return [name, gen()];
      const last = generators.at(-1)!;
      return [last[0], last[2]()];
    };

    const statuses = new Map<number, number>();
    const perCategory = new Map<string, number>();
    const bad: string[] = [];
    let sent = 0;
    const started = Date.now();
    const worker = async () => {
      while (sent < FUZZ_COUNT) {
        sent++;
        const [category, body] = draw();
        perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
        const init = 'raw' in body ? { body: body.raw, contentType: body.contentType ?? 'application/json' } : { body: JSON.stringify(body.json), contentType: 'application/json' };
        let status = 0;
        try {
          const res = await fetch(`${stack.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': init.contentType }, body: init.body, signal: AbortSignal.timeout(30_000) });
          await res.arrayBuffer();
          status = res.status;
        } catch {
          status = 0;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status < 200 || status >= 500 || (status >= 300 && status < 400)) bad.push(`${category}: ${status} ${init.body.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;
    // Replies to the accepted messages are still being written: let them settle.
    await waitFor(async () => (await fetch(`${stack.botUrl}/healthz`)).status === 200, 'still alive', 10_000);
    await new Promise((r) => setTimeout(r, 500));
    const after = await snapshotKeys(stack.runtime.redis, prefixes, notData);
    const changed = diffSnapshots(before, after);

    const by = (lo: number, hi: number) => [...statuses].filter(([st]) => st >= lo && st < hi).reduce((n, [, c]) => n + c, 0);
    figures.push(
      ['requests', FUZZ_COUNT],
      ...[...perCategory].sort((a, b) => b[1] - a[1]).map(([k, v]) => [`  ${k}`, v] as [string, number]),
      ['answered 2xx', by(200, 300)],
      ['answered 4xx', by(400, 500)],
      ['answered 5xx / no answer', by(500, 600) + (statuses.get(0) ?? 0)],
      ['status codes', [...statuses].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}:${v}`).join(' ')],
      ['requests per second', (FUZZ_COUNT / seconds).toFixed(0)],
      ['crashes (uncaught errors)', unhandled.length],
      ['stored keys changed', changed.length],
    );
    if (bad.length) throw new Error(`${bad.length} requests not answered 2xx/4xx, e.g.\n${bad.slice(0, 5).join('\n')}`);
    if (unhandled.length) throw new Error(`uncaught: ${String(unhandled[0])}`);
    if (changed.length) {
      const detail = changed.slice(0, 3).map((c) => {
        const key = c.replace(/^\S+ /, '');
        return `${c}\n  before: ${before.get(key)?.slice(0, 600)}\n  after:  ${after.get(key)?.slice(0, 600)}`;
      });
      throw new Error(`stored data changed:\n${detail.join('\n')}`);
    }
  } finally {
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    await stack.close();
  }
}
