import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const GUID = '00000000-0000-4000-8000-000000000001';
const TENANT = '00000000-0000-4000-8000-000000000002';

/** The variables a ConfigError names, in order. */
function badVariables(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems.map((p) => p.variable);
  }
  return [];
}

describe('loadConfig: defaults', () => {
  const config = loadConfig({});
  it.each([
    ['NODE_ENV', 'development'],
    ['PORT', 3978],
    ['REDIS_URL', 'redis://127.0.0.1:6379'],
    ['KEY_PREFIX', 'samverkan'],
    ['QUEUE_PREFIX', '{samverkan}'],
    ['BOT_TYPE', 'MultiTenant'],
    ['TIMEZONE', 'Europe/Stockholm'],
    ['DEFAULT_LOCALE', 'sv'],
    ['PUBLIC_URL', 'http://localhost:3978'],
    ['LOG_LEVEL', 'info'],
    ['MEETING_WEEKDAY', 3],
    ['MEETING_TIME', '13:00'],
    ['MEETING_DURATION_MINUTES', 120],
    ['CHAIR_IDS', []],
    ['ALLOWED_TENANTS', []],
    ['BOT_ID', undefined],
    ['BOT_PASSWORD', undefined],
    ['ADMIN_TOKEN', undefined],
    ['NOTIFY_MAX_PACE_WAIT_MS', 250],
    ['NOTIFY_QUEUE_MAX_PER_SECOND', 1000],
    ['NOTIFY_CONCURRENCY', 16],
  ] as const)('%s = %j', (key, value) => {
    expect(config[key]).toEqual(value);
  });

  it('DISTRICTS include the priority districts Berga, Ryd and Skäggetorp', () => {
    expect(config.DISTRICTS).toEqual(expect.arrayContaining(['Berga', 'Ryd', 'Skäggetorp']));
  });
});

describe('loadConfig: parsing', () => {
  it.each([
    ['CHAIR_IDS', ' a , b,,c ', ['a', 'b', 'c']],
    ['CHAIR_IDS', 'only-one', ['only-one']],
    ['CHAIR_IDS', ',,', []],
    ['ALLOWED_TENANTS', `${TENANT}, ${GUID}`, [TENANT, GUID]],
    ['DISTRICTS', 'Berga, Ryd', ['Berga', 'Ryd']],
    ['DISTRICTS', ' , ', ['Berga', 'Ryd', 'Skäggetorp', 'Lambohov', 'Centrum', 'Johannelund']],
  ] as const)('%s=%j → %j', (key, raw, expected) => {
    expect(loadConfig({ [key]: raw })[key]).toEqual(expected);
  });

  it.each([
    ['PORT', '8080', 8080],
    ['PORT', '0', 0], // any free port (tests)
    ['REDIS_URL', 'redis://redis.internal:6380/2', 'redis://redis.internal:6380/2'],
    ['REDIS_URL', 'rediss://user:pw@cache.example:6380', 'rediss://user:pw@cache.example:6380'],
    ['PUBLIC_URL', 'https://samverkan.example', 'https://samverkan.example'],
    ['TIMEZONE', 'UTC', 'UTC'],
    ['TIMEZONE', 'America/New_York', 'America/New_York'],
    ['DEFAULT_LOCALE', 'en', 'en'],
    ['LOG_LEVEL', 'debug', 'debug'],
    ['MEETING_WEEKDAY', '5', 5],
    ['MEETING_TIME', '09:30', '09:30'],
    ['QUEUE_PREFIX', '{samverkan-test}', '{samverkan-test}'],
    ['NOTIFY_MAX_PACE_WAIT_MS', '0', 0], // never sleep for a slot: always back to the queue
    ['NOTIFY_CONCURRENCY', '4', 4],
  ] as const)('%s=%j is accepted', (key, raw, expected) => {
    expect(loadConfig({ [key]: raw })[key]).toEqual(expected);
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({ PORT: '', BOT_ID: '', BOT_PASSWORD: '', TIMEZONE: '', LOG_LEVEL: '', CHAIR_IDS: '', REDIS_URL: '', ADMIN_TOKEN: '', DISTRICTS: '' });
    expect(config.PORT).toBe(3978);
    expect(config.BOT_ID).toBeUndefined();
    expect(config.BOT_PASSWORD).toBeUndefined();
    expect(config.TIMEZONE).toBe('Europe/Stockholm');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.CHAIR_IDS).toEqual([]);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.DISTRICTS).toContain('Skäggetorp');
  });

  it('empty strings do not trigger production requirements of their own', () => {
    expect(badVariables({ NODE_ENV: 'production', BOT_ID: GUID, BOT_PASSWORD: 's3cret', ADMIN_TOKEN: 'x'.repeat(16), BOT_TENANT_ID: '' })).toEqual([]);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({ NODE_ENV: 'production', BOT_ID: GUID, BOT_PASSWORD: 's3cret', ADMIN_TOKEN: 'x'.repeat(32), BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: TENANT });
    expect(config.NODE_ENV).toBe('production');
    expect(config.BOT_TENANT_ID).toBe(TENANT);
  });

  it('a managed identity needs no BOT_PASSWORD in production', () => {
    expect(badVariables({ NODE_ENV: 'production', BOT_ID: GUID, ADMIN_TOKEN: 'x'.repeat(16), BOT_TYPE: 'UserAssignedMSI' })).toEqual([]);
  });
});

describe('loadConfig: SCHOOL_HOLIDAYS', () => {
  it('defaults to Linköping’s weeks: sportlov 8, påsklov after Easter, höstlov 44', () => {
    expect(loadConfig({}).SCHOOL_HOLIDAYS.filter((r) => r.kind !== 'dates')).toEqual([
      { kind: 'week', week: 8, label: 'sportlov' },
      { kind: 'easter', offsetWeeks: 1, label: 'påsklov' },
      { kind: 'week', week: 44, label: 'höstlov' },
    ]);
  });

  it('takes another region’s sportlov week', () => {
    expect(loadConfig({ SCHOOL_HOLIDAYS: 'sportlov:9,höstlov:44' }).SCHOOL_HOLIDAYS).toEqual([
      { kind: 'week', week: 9, label: 'sportlov' },
      { kind: 'week', week: 44, label: 'höstlov' },
    ]);
  });
});

describe('loadConfig: Microsoft Graph', () => {
  it('is off by default', () => {
    expect(loadConfig({}).GRAPH_ENABLED).toBe(false);
  });
  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
  ])('GRAPH_ENABLED=%s → %s (with the required settings)', (value, expected) => {
    const env = { GRAPH_ENABLED: value, GRAPH_TENANT_ID: '11111111-2222-3333-4444-666666666666', GRAPH_CLIENT_ID: 'app', GRAPH_CLIENT_SECRET: 's', GRAPH_ORGANIZER: 'styrgrupp@linkoping.example' };
    expect(loadConfig(env).GRAPH_ENABLED).toBe(expected);
  });
});

describe('loadConfig: one ConfigError lists every bad variable', () => {
  const single: [string, NodeJS.ProcessEnv, string[]][] = [
    ['PORT not a number', { PORT: 'abc' }, ['PORT']],
    ['PORT out of range', { PORT: '70000' }, ['PORT']],
    ['PORT negative', { PORT: '-1' }, ['PORT']],
    ['PORT fractional', { PORT: '80.5' }, ['PORT']],
    ['REDIS_URL http', { REDIS_URL: 'http://127.0.0.1:6379' }, ['REDIS_URL']],
    ['REDIS_URL not a URL', { REDIS_URL: 'localhost:6379' }, ['REDIS_URL']],
    ['PUBLIC_URL ftp', { PUBLIC_URL: 'ftp://example.com' }, ['PUBLIC_URL']],
    ['unknown TIMEZONE', { TIMEZONE: 'Europe/Linkoping' }, ['TIMEZONE']],
    ['bad LOG_LEVEL', { LOG_LEVEL: 'verbose' }, ['LOG_LEVEL']],
    ['bad DEFAULT_LOCALE', { DEFAULT_LOCALE: 'de' }, ['DEFAULT_LOCALE']],
    ['bad NODE_ENV', { NODE_ENV: 'staging' }, ['NODE_ENV']],
    ['BOT_ID not a GUID', { BOT_ID: 'my-bot' }, ['BOT_ID']],
    ['short ADMIN_TOKEN', { ADMIN_TOKEN: 'short' }, ['ADMIN_TOKEN']],
    ['bad MEETING_TIME', { MEETING_TIME: '25:00' }, ['MEETING_TIME']],
    ['bad MEETING_WEEKDAY', { MEETING_WEEKDAY: '8' }, ['MEETING_WEEKDAY']],
    ['KEY_PREFIX with a colon', { KEY_PREFIX: 'a:b' }, ['KEY_PREFIX']],
    ['SingleTenant without BOT_TENANT_ID', { BOT_TYPE: 'SingleTenant' }, ['BOT_TENANT_ID']],
    ['BOT_PASSWORD without BOT_ID', { BOT_PASSWORD: 'secret' }, ['BOT_ID']],
    ['production without credentials', { NODE_ENV: 'production' }, ['BOT_ID', 'BOT_PASSWORD', 'ADMIN_TOKEN']],
    ['GRAPH_ENABLED not a boolean', { GRAPH_ENABLED: 'maybe' }, ['GRAPH_ENABLED']],
    ['GRAPH_ENABLED without anything', { GRAPH_ENABLED: 'true' }, ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET', 'GRAPH_ORGANIZER']],
    [
      'GRAPH_ENABLED borrowing the bot’s credentials still needs the organizer',
      { GRAPH_ENABLED: 'true', BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 'pw', BOT_TENANT_ID: '11111111-2222-3333-4444-666666666666' },
      ['GRAPH_ORGANIZER'],
    ],
    ['GRAPH_ORGANIZER not an address', { GRAPH_ORGANIZER: 'styrgruppen' }, ['GRAPH_ORGANIZER']],
    ['GRAPH_TENANT_ID not a GUID', { GRAPH_TENANT_ID: 'linkoping.se' }, ['GRAPH_TENANT_ID']],
    ['GRAPH_BASE_URL over http', { GRAPH_BASE_URL: 'http://graph.microsoft.com' }, ['GRAPH_BASE_URL']],
    ['GRAPH_ATTEMPTS zero', { GRAPH_ATTEMPTS: '0' }, ['GRAPH_ATTEMPTS']],
    ['NOTIFY_CONCURRENCY zero', { NOTIFY_CONCURRENCY: '0' }, ['NOTIFY_CONCURRENCY']],
    ['NOTIFY_MAX_PACE_WAIT_MS negative', { NOTIFY_MAX_PACE_WAIT_MS: '-1' }, ['NOTIFY_MAX_PACE_WAIT_MS']],
    ['NOTIFY_QUEUE_MAX_PER_SECOND not a number', { NOTIFY_QUEUE_MAX_PER_SECOND: 'lots' }, ['NOTIFY_QUEUE_MAX_PER_SECOND']],
    ['SCHOOL_HOLIDAYS with a week 60', { SCHOOL_HOLIDAYS: 'höstlov:60' }, ['SCHOOL_HOLIDAYS']],
    ['SCHOOL_HOLIDAYS without a label', { SCHOOL_HOLIDAYS: '44' }, ['SCHOOL_HOLIDAYS']],
  ];
  it.each(single)('%s → %j', (_label, env, expected) => {
    expect(badVariables(env)).toEqual(expected);
  });

  it('reports all problems at once, with a message naming each', () => {
    const env = {
      PORT: 'abc',
      REDIS_URL: 'http://127.0.0.1:6379',
      TIMEZONE: 'Mars/Olympus_Mons',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'production',
      BOT_TYPE: 'SingleTenant',
    };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const ce = error as ConfigError;
    const vars = ce.problems.map((p) => p.variable);
    expect(new Set(vars)).toEqual(new Set(['PORT', 'REDIS_URL', 'TIMEZONE', 'LOG_LEVEL', 'BOT_ID', 'BOT_PASSWORD', 'ADMIN_TOKEN', 'BOT_TENANT_ID']));
    for (const p of ce.problems) {
      expect(p.message.length).toBeGreaterThan(0);
      expect(ce.message).toContain(`${p.variable}: ${p.message}`);
    }
    expect(ce.message).toMatch(/^Invalid configuration \(8 problems\)/);
    expect(ce.name).toBe('ConfigError');
  });

  it('does not read process.env when given an env', () => {
    expect(() => loadConfig({})).not.toThrow();
  });
});

describe('src/main.ts with a bad environment', () => {
  it('exits with code 1 and lists every bad variable on stderr', { timeout: 30_000 }, async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: 'abc',
      NODE_ENV: 'production',
      REDIS_URL: 'http://nope',
      TIMEZONE: 'Mars/Olympus_Mons',
      LOG_LEVEL: 'loud',
      BOT_TYPE: 'SingleTenant',
    };
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn('npx', ['tsx', 'src/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`main.ts did not exit in time; stderr so far:\n${stderr}`));
      }, 25_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    for (const v of ['PORT', 'REDIS_URL', 'TIMEZONE', 'LOG_LEVEL', 'BOT_ID', 'BOT_PASSWORD', 'ADMIN_TOKEN', 'BOT_TENANT_ID']) {
      expect(result.stderr).toMatch(new RegExp(`^\\s+- ${v}: `, 'm'));
    }
  });
});
