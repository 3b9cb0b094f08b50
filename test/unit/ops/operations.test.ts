import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { activityShape } from '../../../src/bot/activityShape.js';
import { botAuthConfig } from '../../../src/bot/adapter.js';
import { turnMarkerId } from '../../../src/bot/idempotency.js';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { Keys } from '../../../src/store/keys.js';
import { redisTarget } from '../../../src/store/redis.js';
import { settingsWarnings } from '../../../src/store/redisSettings.js';

const GUID = '00000000-0000-4000-8000-000000000001';
const root = fileURLToPath(new URL('../../../', import.meta.url));

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    return (e as ConfigError).problems.map((p) => p.variable);
  }
}

describe('configuration of issue 6', () => {
  it('defaults: 24 months of retention, nightly at 03:15, 30 s worker lock, no cluster', () => {
    const c = loadConfig({});
    expect([c.RETENTION_MONTHS, c.RETENTION_CRON, c.WORKER_LOCK_SECONDS, c.REDIS_CLUSTER_NODES, c.BOT_OPENID_METADATA_URL]).toEqual([24, '15 3 * * *', 30, [], undefined]);
    expect(redisTarget(c)).toEqual({ url: 'redis://127.0.0.1:6379', clusterNodes: undefined });
  });

  it('REDIS_CLUSTER_NODES lists host:port seeds', () => {
    const c = loadConfig({ REDIS_CLUSTER_NODES: 'redis-a:7000, 10.0.0.2:7001' });
    expect(redisTarget(c).clusterNodes).toEqual(['redis-a:7000', '10.0.0.2:7001']);
    expect(problems({ REDIS_CLUSTER_NODES: 'redis-a' })).toEqual(['REDIS_CLUSTER_NODES']);
  });

  it.each([
    [{ RETENTION_MONTHS: '0' }, ['RETENTION_MONTHS']],
    [{ RETENTION_CRON: 'nightly' }, ['RETENTION_CRON']],
    [{ WORKER_LOCK_SECONDS: '1' }, ['WORKER_LOCK_SECONDS']],
    [{ BOT_OPENID_METADATA_URL: 'ftp://x' }, ['BOT_OPENID_METADATA_URL']],
    [{ NODE_ENV: 'production', BOT_ID: GUID, BOT_PASSWORD: 'x', ADMIN_TOKEN: 'x'.repeat(16), BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/openid' }, ['BOT_OPENID_METADATA_URL']],
    [{ NODE_ENV: 'production', BOT_ID: GUID, BOT_PASSWORD: 'x', ADMIN_TOKEN: 'x'.repeat(16), BOT_OPENID_METADATA_URL: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration' }, []],
  ] as const)('%j → %j', (env, bad) => {
    expect(problems(env)).toEqual(bad);
  });

  it('production without credentials refuses to start (see also config.test.ts)', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual(['BOT_ID', 'BOT_PASSWORD', 'ADMIN_TOKEN']);
  });
});

describe('bot authentication settings', () => {
  it('without BOT_ID: none (local mode, refused in production)', () => {
    expect(botAuthConfig(loadConfig({}))).toEqual({});
  });

  it('with BOT_ID: credentials; the public cloud unless a metadata URL replaces where the keys come from', () => {
    const plain = botAuthConfig(loadConfig({ BOT_ID: GUID, BOT_PASSWORD: 's' }));
    expect(plain).toEqual({ MicrosoftAppId: GUID, MicrosoftAppPassword: 's', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: undefined });
    const local = botAuthConfig(loadConfig({ BOT_ID: GUID, BOT_PASSWORD: 's', BOT_OPENID_METADATA_URL: 'http://127.0.0.1:1/openid' }));
    expect(local).toMatchObject({
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:1/openid',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      ValidateAuthority: true,
    });
  });
});

describe('Redis settings warnings', () => {
  it.each([
    [{ maxmemoryPolicy: 'noeviction', appendonly: 'yes', appendfsync: 'everysec' }, 0],
    [{ maxmemoryPolicy: 'noeviction', appendonly: 'yes', appendfsync: 'always' }, 0],
    [{ maxmemoryPolicy: 'noeviction', appendonly: 'yes', appendfsync: 'no' }, 1],
    [{ maxmemoryPolicy: 'allkeys-lru', appendonly: 'yes', appendfsync: 'everysec' }, 1],
    [{ maxmemoryPolicy: 'volatile-ttl', appendonly: 'no', appendfsync: 'everysec' }, 2],
    [{ maxmemoryPolicy: null, appendonly: null, appendfsync: null }, 1],
  ] as const)('%j → %d warning(s)', (settings, count) => {
    expect(settingsWarnings(settings)).toHaveLength(count);
  });
});

describe('activity shape (checked before the adapter)', () => {
  const ok = { type: 'message', id: '1', serviceUrl: 'https://smba.trafficmanager.net/emea/', text: 'hej', from: { id: '29:x', aadObjectId: 'a' }, conversation: { id: 'a:1' }, channelData: { tenant: { id: 't' } } };
  it.each([
    ['a Teams message', ok, true],
    ['unknown extra fields', { ...ok, somethingNew: { deep: [1, 2] } }, true],
    ['nulls where Teams omits', { ...ok, replyToId: null, entities: null }, true],
    ['no type', { ...ok, type: undefined }, false],
    ['a numeric type', { ...ok, type: 7 }, false],
    ['from as a string', { ...ok, from: 'chair' }, false],
    ['a conversation without id', { ...ok, conversation: {} }, false],
    ['no conversation', { ...ok, conversation: undefined }, false],
    ['no from', { ...ok, from: undefined }, false],
    ['no serviceUrl', { ...ok, serviceUrl: undefined }, false],
    ['a serviceUrl that is not http(s)', { ...ok, serviceUrl: 'file:///etc/passwd' }, false],
    ['text as an object', { ...ok, text: { x: 1 } }, false],
    ['a tenant id as a number', { ...ok, channelData: { tenant: { id: 5 } } }, false],
    ['an array', [ok], false],
    ['a huge locale', { ...ok, locale: 'x'.repeat(1000) }, false],
    ['a locale that is not a language tag', { ...ok, locale: '<script>' }, false],
    ['an empty locale', { ...ok, locale: '' }, false],
    ['Teams locales', { ...ok, locale: 'zh-Hans-CN' }, true],
  ] as const)('%s → %s', (_what, body, accepted) => {
    expect(activityShape.safeParse(body).success).toBe(accepted);
  });
});

describe('idempotency marker ids', () => {
  it('are stable per conversation and activity id, channel threads included, and short', () => {
    const a = turnMarkerId('19:abc@thread.tacv2;messageid=123', 'f:1');
    expect(a).toBe(turnMarkerId('19:abc@thread.tacv2', 'f:1'));
    expect(a).not.toBe(turnMarkerId('19:abc@thread.tacv2', 'f:2'));
    expect(a).toMatch(/^[A-Za-z0-9_.-]{10,60}$/);
  });
});

describe('deployment files', () => {
  it('docker-compose.yml: Redis with AOF everysec and noeviction, web, two workers', () => {
    const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8')) as { services: Record<string, { command?: unknown; environment?: Record<string, string>; depends_on?: unknown; deploy?: { replicas?: number } }> };
    const redisCmd = JSON.stringify(compose.services.redis?.command);
    expect(redisCmd).toContain('--appendonly');
    expect(redisCmd).toContain('everysec');
    expect(redisCmd).toContain('noeviction');
    expect(JSON.stringify(compose.services.web?.command)).toContain('--role=web');
    const workers = Object.entries(compose.services).filter(([, s]) => JSON.stringify(s.command ?? '').includes('--role=worker'));
    const replicas = workers.reduce((n, [, s]) => n + (s.deploy?.replicas ?? 1), 0);
    expect(replicas).toBe(2);
  });

  it('docker-compose.yml passes every setting that belongs to the municipality to web and workers', () => {
    const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8'), { merge: true }) as { services: Record<string, { environment?: Record<string, string> }> };
    const municipal = ['CHAIR_IDS', 'DISTRICTS', 'TIMEZONE', 'DEFAULT_LOCALE', 'MEETING_WEEKDAY', 'MEETING_TIME', 'MEETING_DURATION_MINUTES', 'AGENDA_MINUTES', 'SCHOOL_HOLIDAYS', 'RETENTION_MONTHS', 'PUBLIC_SLUG', 'PUBLIC_ORGANISATION_NAME', 'PUBLIC_EMBED_ORIGINS'];
    for (const name of ['web', 'worker']) {
      const env = compose.services[name]?.environment ?? {};
      expect(municipal.filter((v) => !(v in env)), name).toEqual([]);
    }
    // The residents' page shows the municipality's name at its own address: no default fits every deployment.
    expect(compose.services.web?.environment?.PUBLIC_ORGANISATION_NAME).toMatch(/^\$\{PUBLIC_ORGANISATION_NAME:\?/);
    expect(compose.services.web?.environment?.PUBLIC_SLUG).toMatch(/^\$\{PUBLIC_SLUG:\?/);
  });

  it('Dockerfile: multi-stage, production dependencies only, runs as a non-root user', () => {
    const dockerfile = readFileSync(`${root}Dockerfile`, 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER (node|\d+)/m);
    expect(dockerfile).toMatch(/HEALTHCHECK/);
  });

  it('production runs the compiled JavaScript with plain node and source maps; tsx is a development tool', () => {
    const dockerfile = readFileSync(`${root}Dockerfile`, 'utf8');
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/^CMD \["node", "--enable-source-maps", "dist\/src\/main\.js"\]/m);
    const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8')) as { services: Record<string, { command?: string[] }> };
    for (const name of ['web', 'worker']) expect(compose.services[name]?.command?.slice(0, 3)).toEqual(['node', '--enable-source-maps', 'dist/src/main.js']);
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const script of ['start', 'start:web', 'start:worker']) expect(pkg.scripts[script]).toMatch(/^node --enable-source-maps dist\/src\/main\.js/);
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.devDependencies.tsx).toBeDefined();
    expect(`${readFileSync(`${root}.gitignore`, 'utf8')}`).toMatch(/^dist\/$/m);
  });
});

/** Redis Cluster hashes only the first non-empty {…} of a key: equal tags, same slot. */
function hashTag(key: string): string {
  const open = key.indexOf('{');
  const close = open >= 0 ? key.indexOf('}', open + 1) : -1;
  return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : key;
}

describe('multi-key Lua scripts stay on one Cluster slot', () => {
  const keys = new Keys('samverkan');
  it('a record, its audit trail and its history share a hash tag', () => {
    const tags = new Set([keys.record('answer', '2027-1.berga'), keys.audit('answer', '2027-1.berga'), keys.history('answer', '2027-1.berga')].map(hashTag));
    expect([...tags]).toEqual(['answer:2027-1.berga']);
  });

  it('the per-conversation limiter’s log and sequence share a hash tag', () => {
    expect(hashTag(keys.of('rl', '{c123}'))).toBe(hashTag(keys.of('rlseq', '{c123}')));
  });

  it('every BullMQ key of the default queue prefix shares one hash tag', () => {
    for (const suffix of ['notify:wait', 'notify:1', 'timeline:delayed', 'actions:events']) expect(hashTag(`{samverkan}:${suffix}`)).toBe('samverkan');
  });
});
