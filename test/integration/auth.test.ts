import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { conversationKey } from '../../src/domain/conversation.js';
import { sv } from '../../src/i18n/sv.js';
import { MEMBER, TENANT, invokeExecute, message, post } from '../support/activities.js';
import { captureLogs } from '../support/logCapture.js';
import { KeyServer, strangerKey } from '../support/keyServer.js';
import { diffSnapshots, snapshotKeys } from '../support/redisSnapshot.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Authentication, black box: with BOT_ID set the real adapter validates Bot Connector
 * tokens against a local OpenID/JWKS server whose private key the test holds. Only a
 * token that is signed by that key, unexpired, issued by the Bot Connector, for this
 * bot (aud) and this serviceUrl gets through; everything else is a 401 and changes nothing.
 */
const BOT_ID = '00000000-0000-4000-8000-0000000000b0';
const OTHER_APP = '00000000-0000-4000-8000-0000000000ff';
let keys: KeyServer;
let t: TestRuntime;

beforeAll(async () => {
  // botbuilder prints every refused token with console.error; the assertions below say enough.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  keys = await new KeyServer().start();
  t = await startTestRuntime({ env: { BOT_ID, BOT_PASSWORD: 'not-used-by-these-tests', BOT_OPENID_METADATA_URL: keys.metadataUrl } });
});

afterAll(async () => {
  await t?.cleanup();
  await keys?.stop();
  vi.restoreAllMocks();
});

const chat = (id: string) => ({ conversationId: id, conversationType: 'personal' as const, serviceUrl: t.connector.url });
/** An Action.Execute: its answer comes back in the HTTP response, so no outbound token is needed. */
const invoke = (id: string) => invokeExecute(chat(id), MEMBER, 'meetings.show', {});
const stored = async (id: string) => (await t.runtime.services.repos.conversations.get(conversationKey(id))) !== null;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('Bot Connector tokens on /api/messages (BOT_ID set)', () => {
  it('a valid token is accepted and the activity processed', async () => {
    const res = await t.post(invoke('a:auth-valid'));
    expect(res.status).toBe(401);
    const ok = await post(t.botUrl, invoke('a:auth-valid'), bearer(keys.token(BOT_ID, t.connector.url)));
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).toContain('AdaptiveCard');
    expect(await stored('a:auth-valid')).toBe(true);
  });

  const bad: [string, () => Record<string, string>][] = [
    ['no Authorization header', () => ({})],
    ['an expired token (beyond the 5 minutes of clock skew)', () => bearer(keys.token(BOT_ID, t.connector.url, { exp: Math.floor(Date.now() / 1000) - 600, nbf: Math.floor(Date.now() / 1000) - 4000 }))],
    ['a token for another app (wrong audience)', () => bearer(keys.token(OTHER_APP, t.connector.url))],
    ['a token from another issuer', () => bearer(keys.token(BOT_ID, t.connector.url, { iss: 'https://evil.example/' }))],
    ['an unsigned token (alg none)', () => bearer(keys.unsignedToken(BOT_ID, t.connector.url))],
    ['a token signed by another key under the known key id', () => bearer(keys.token(BOT_ID, t.connector.url, {}, { key: strangerKey() }))],
    ['a token signed by another key under an unknown key id', () => bearer(keys.token(BOT_ID, t.connector.url, {}, { key: strangerKey(), kid: 'other-kid' }))],
    ['a token for another serviceUrl', () => bearer(keys.token(BOT_ID, 'https://smba.trafficmanager.net/evil/'))],
    ['a token that is not yet valid', () => bearer(keys.token(BOT_ID, t.connector.url, { nbf: Math.floor(Date.now() / 1000) + 3600 }))],
    ['a garbage bearer', () => ({ authorization: 'Bearer not.a.jwt' })],
    ['another scheme', () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })],
  ];

  it.each(bad)('%s → 401, nothing processed', async (_name, headers) => {
    const id = `a:auth-${Math.random().toString(36).slice(2, 8)}`;
    const prefixes = [t.runtime.services.config.KEY_PREFIX, t.runtime.services.config.QUEUE_PREFIX];
    const before = await snapshotKeys(t.runtime.redis, prefixes);
    const sentBefore = t.connector.received.length;
    const inv = await post(t.botUrl, invoke(id), headers());
    expect(inv.status).toBe(401);
    const msg = await post(t.botUrl, message(chat(id), MEMBER, 'hjälp'), headers());
    expect(msg.status).toBe(401);
    expect(await stored(id)).toBe(false);
    expect(diffSnapshots(before, await snapshotKeys(t.runtime.redis, prefixes))).toEqual([]);
    expect(t.connector.received.length).toBe(sentBefore);
  });
});

describe('ALLOWED_TENANTS, checked on every activity', () => {
  it('another tenant gets no reply, nothing is stored, and it is logged without free text', async () => {
    const { log, lines } = captureLogs('info');
    const other = await startTestRuntime({ env: { ALLOWED_TENANTS: TENANT }, log });
    try {
      const secret = 'Hemlig text från en annan organisation';
      const foreign = (a: ReturnType<typeof message>) => ({ ...a, conversation: { ...a.conversation, tenantId: 'ffffffff-0000-0000-0000-00000000ffff' }, channelData: { tenant: { id: 'ffffffff-0000-0000-0000-00000000ffff' } } });
      const where = { conversationId: 'a:foreign', conversationType: 'personal' as const, serviceUrl: other.connector.url };
      const prefixes = [other.runtime.services.config.KEY_PREFIX, other.runtime.services.config.QUEUE_PREFIX];
      const before = await snapshotKeys(other.runtime.redis, prefixes);
      expect((await other.post(foreign(message(where, MEMBER, secret)))).status).toBe(200);
      expect((await other.post(foreign(message(where, MEMBER, 'hjälp')))).status).toBe(200);
      const inv = invokeExecute(where, MEMBER, 'meetings.show', { note: secret });
      const res = await other.post({ ...inv, conversation: { ...inv.conversation, tenantId: 'x' }, channelData: { tenant: { id: 'x' } } });
      expect(res.status).toBeLessThan(500);
      // An activity without any tenant is not allowed either.
      const bare = message(where, MEMBER, 'hjälp');
      expect((await other.post({ ...bare, conversation: { ...bare.conversation, tenantId: undefined }, channelData: {} })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(other.connector.received).toEqual([]);
      expect(diffSnapshots(before, await snapshotKeys(other.runtime.redis, prefixes))).toEqual([]);
      const refusals = lines.filter((l) => l.includes('tenant that is not allowed'));
      expect(refusals.length).toBe(4);
      expect(refusals[0]).toContain('ffffffff-0000-0000-0000-00000000ffff');
      expect(lines.join('\n')).not.toContain(secret);

      // The allowed tenant still gets its answer.
      await other.post(message(where, MEMBER, 'hjälp'));
      await other.connector.waitFor((r) => r.conversationId === 'a:foreign');
    } finally {
      await other.cleanup();
    }
  });
});

describe('tenants allowed by an operator in Teams (no env edit, no restart)', () => {
  it('tillåt klient lets a new tenant in at once, spärra klient shuts it out again; operators only; audited', async () => {
    const OPERATOR = { id: '29:operator', aadObjectId: 'aaaaaaaa-0000-4000-8000-0000000000e1', name: 'Drift Påhittad' };
    const NEW = 'cccccccc-1111-4000-8000-00000000cccc';
    const rt = await startTestRuntime({ env: { ALLOWED_TENANTS: TENANT, OPERATOR_IDS: OPERATOR.aadObjectId } });
    try {
      const mine = { conversationId: 'a:operator', conversationType: 'personal' as const, serviceUrl: rt.connector.url };
      const theirs = { conversationId: 'a:new-tenant', conversationType: 'personal' as const, serviceUrl: rt.connector.url };
      const fromNew = (a: ReturnType<typeof message>) => ({ ...a, conversation: { ...a.conversation, tenantId: NEW }, channelData: { tenant: { id: NEW } } });
      const say = async (where: typeof mine, from: typeof MEMBER, text: string, tenant?: 'new') => {
        const n = rt.connector.to(where.conversationId).length;
        const a = message(where, from, text);
        await rt.post(tenant ? fromNew(a) : a);
        return n;
      };
      const lastIn = async (id: string, n: number) => {
        await rt.connector.waitFor(() => rt.connector.to(id).length > n);
        return JSON.stringify(rt.connector.to(id).at(-1)!.activity);
      };

      // Not allowed yet: no answer.
      await say(theirs, MEMBER, 'hjälp', 'new');
      await new Promise((r) => setTimeout(r, 200));
      expect(rt.connector.to('a:new-tenant')).toEqual([]);

      // Someone who is not an operator cannot allow it; an operator with a malformed id is told how.
      let n = await say({ ...mine, conversationId: 'a:member' }, MEMBER, `tillåt klient ${NEW}`);
      expect(await lastIn('a:member', n)).toContain(sv.organisations.tenants.notOperator);
      n = await say(mine, OPERATOR, 'tillåt klient kinnestad');
      expect(await lastIn('a:operator', n)).toContain(sv.organisations.tenants.badId.slice(0, 40));

      n = await say(mine, OPERATOR, `tillåt klient ${NEW.toUpperCase()}`);
      expect(await lastIn('a:operator', n)).toContain(sv.organisations.tenants.allowed(NEW));
      n = await say(theirs, MEMBER, 'hjälp', 'new');
      await lastIn('a:new-tenant', n);

      n = await say(mine, OPERATOR, 'klienter');
      const list = await lastIn('a:operator', n);
      expect(list).toContain(sv.organisations.tenants.listEnv(TENANT));
      expect(list).toContain(sv.organisations.tenants.listTeams(NEW));
      // The tenant of ALLOWED_TENANTS is not blocked from Teams.
      n = await say(mine, OPERATOR, `spärra klient ${TENANT}`);
      expect(await lastIn('a:operator', n)).toContain(sv.organisations.tenants.fromEnv(TENANT));

      n = await say(mine, OPERATOR, `spärra klient ${NEW}`);
      expect(await lastIn('a:operator', n)).toContain(sv.organisations.tenants.blocked(NEW));
      const answered = rt.connector.to('a:new-tenant').length;
      await say(theirs, MEMBER, 'hjälp', 'new');
      await new Promise((r) => setTimeout(r, 200));
      expect(rt.connector.to('a:new-tenant')).toHaveLength(answered);

      const audit = (await rt.runtime.platform.repos.orgs.auditLines()).filter((l) => l.tenant);
      expect(audit.map((l) => [l.action, l.tenant, l.actor])).toEqual([
        ['tenant-allowed', NEW, OPERATOR.aadObjectId],
        ['tenant-blocked', NEW, OPERATOR.aadObjectId],
      ]);
    } finally {
      await rt.cleanup();
    }
  });

  it('another process sees the change within seconds, without a restart', async () => {
    const { TenantGate } = await import('../../src/services/orgs/tenantGate.js');
    const { AllowedTenants } = await import('../../src/store/allowedTenants.js');
    const p = t.runtime.platform;
    let now = 0;
    const config = { ...p.config, ALLOWED_TENANTS: [TENANT] };
    const other = new TenantGate({ config, store: new AllowedTenants(p.redis, p.keys), registry: p.repos.orgs, log: p.log, now: () => now });
    const here = new TenantGate({ config, store: new AllowedTenants(p.redis, p.keys), registry: p.repos.orgs, log: p.log });
    const NEW = 'dddddddd-1111-4000-8000-00000000dddd';
    expect(await other.allows(NEW)).toBe(false);
    expect(await here.allow('operator', NEW)).toBe('allowed');
    expect(await here.allow('operator', NEW)).toBe('already');
    expect(await other.allows(NEW)).toBe(false); // its copy is fresh for 5 s
    now += 5_000;
    expect(await other.allows(NEW)).toBe(true);
    expect(await here.block('operator', NEW)).toBe('blocked');
    now += 5_000;
    expect(await other.allows(NEW)).toBe(false);
  });
});
