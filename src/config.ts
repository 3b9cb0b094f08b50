import cron from 'node-cron';
import { z } from 'zod';
import { DEFAULT_SCHOOL_HOLIDAYS, parseSchoolHolidayRules } from './domain/calendar/schoolHolidays.js';
import { parseRateWindows } from './store/conversationRateLimiter.js';

/**
 * The whole environment, validated once at start-up. A bad or missing value stops the
 * process with one message that lists every bad variable (see `formatConfigError`).
 */
const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
    /** Redis Cluster seed nodes (host:port,…); set = cluster mode (REDIS_URL then only supplies credentials/TLS). */
    REDIS_CLUSTER_NODES: csv.pipe(z.array(z.string().regex(/^[A-Za-z0-9_.-]+:\d{1,5}$/, 'must be host:port,host:port,…'))),
    KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_{}-]+$/, 'letters, digits, _ - { } only')
      .default('samverkan'),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_{}-]+$/, 'letters, digits, _ - { } only')
      .default('{samverkan}'),
    BOT_ID: z.string().regex(guid, 'must be the bot’s Microsoft App ID (a GUID)').optional(),
    BOT_PASSWORD: z.string().min(1).optional(),
    BOT_TENANT_ID: z.string().regex(guid, 'must be a tenant id (GUID)').optional(),
    BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    /**
     * OpenID metadata of the Bot Connector's signing keys. Unset = Microsoft's public cloud
     * (login.botframework.com). Only for tests (a local key server) or a sovereign cloud.
     */
    BOT_OPENID_METADATA_URL: z.url({ protocol: /^https?$/ }).optional(),
    ALLOWED_TENANTS: csv,
    /** Entra object ids of the deployment's operators: they may create organisations (`skapa organisation`). */
    OPERATOR_IDS: csv,
    /** Chairs of the organisation upgraded from the single-municipality version (and of the default one). */
    CHAIR_IDS: csv,
    TIMEZONE: z
      .string()
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('sv-SE', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone, e.g. Europe/Stockholm')
      .default('Europe/Stockholm'),
    DEFAULT_LOCALE: z.enum(['sv', 'en']).default('sv'),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3978'),
    /** The residents' page: its path segment (/invanare/<slug>) and the organisation's name on it (one organisation today). */
    PUBLIC_SLUG: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and - only').default('linkoping'),
    PUBLIC_ORGANISATION_NAME: z.string().trim().min(1).max(120).default('Linköpings kommun'),
    /** Origins allowed to frame the residents' embed page (CSP frame-ancestors); empty = none. */
    PUBLIC_EMBED_ORIGINS: csv.pipe(
      // A strict shape, not just a URL: the value goes into a CSP header verbatim.
      z.array(z.string().regex(/^https?:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/, 'must be bare origins, e.g. https://www.linkoping.se')),
    ),
    ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Signs expiring report links; unset = a random secret per process (links die on restart). */
    LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    REPORT_LINK_TTL_MINUTES: z.coerce.number().int().min(1).max(60 * 24 * 30).default(60 * 24),
    /** Planned meeting length used to time-box the proposed agenda. */
    AGENDA_MINUTES: z.coerce.number().int().min(15).max(600).default(120),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DISTRICTS: csv.transform((list) => (list.length ? list : ['Berga', 'Ryd', 'Skäggetorp', 'Lambohov', 'Centrum', 'Johannelund'])),
    MEETING_WEEKDAY: z.coerce.number().int().min(1).max(5).default(3),
    MEETING_TIME: z.string().regex(hhmm, 'must be HH:MM').default('13:00'),
    MEETING_DURATION_MINUTES: z.coerce.number().int().min(15).max(480).default(120),
    /** School holidays with no meetings: label:week, label:påsk±N or label:MM-DD..MM-DD (README: "School holidays"). */
    SCHOOL_HOLIDAYS: z
      .string()
      .default(DEFAULT_SCHOOL_HOLIDAYS)
      .transform((s, ctx) => {
        const parsed = parseSchoolHolidayRules(s);
        if ('rules' in parsed) return parsed.rules;
        ctx.addIssue({ code: 'custom', message: `${parsed.error}; e.g. ${DEFAULT_SCHOOL_HOLIDAYS}` });
        return z.NEVER;
      }),
    RECONCILE_CRON: z.string().refine((c) => cron.validate(c), 'must be a cron expression').default('*/5 * * * *'),
    /** Teams' documented global limit: 50 requests per second per app per tenant. */
    NOTIFY_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(50),
    /** The horizon of a tenant's send slots: a job with no slot for its turn within it waits delayed in the queue, not in a worker. */
    NOTIFY_MAX_PACE_WAIT_MS: z.coerce.number().int().min(0).max(10_000).default(250),
    /** Backstop on notify job starts per second across all tenants (the pacer keeps each tenant's limit). */
    NOTIFY_QUEUE_MAX_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(1000),
    /** Notify jobs in progress at once per worker process. */
    NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    /** Teams' documented per-bot-per-conversation limits, as max/seconds windows. */
    NOTIFY_CONVERSATION_LIMITS: z
      .string()
      .default('7/1,8/2,60/30,1800/3600')
      .refine((s) => {
        try {
          return parseRateWindows(s).length > 0;
        } catch {
          return false;
        }
      }, 'must be max/seconds windows, e.g. 7/1,60/30')
      .transform((s) => parseRateWindows(s)),
    /** Attempts for a failing outbound message (412, 5xx, timeouts) before the dead-letter list. */
    NOTIFY_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    /** A Bot Connector call that has not answered by then is abandoned and retried (the message may have arrived). */
    CONNECTOR_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
    /** A worker's job lock; a job of a crashed worker is retried by another after at most about twice this. */
    WORKER_LOCK_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
    /** Forum answers older than this many months are deleted by the nightly retention job. */
    RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
    RETENTION_CRON: z.string().refine((c) => cron.validate(c), 'must be a cron expression').default('15 3 * * *'),
    /** Meetings as Outlook/Teams calendar events through Microsoft Graph (README: "Microsoft Graph calendar"). Off = .ics only. */
    GRAPH_ENABLED: z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false')
      .default('false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
    /** The tenant whose calendars are used (a GUID); unset = BOT_TENANT_ID. */
    GRAPH_TENANT_ID: z.string().regex(guid, 'must be a tenant id (GUID)').optional(),
    /** The app registration holding the Graph permissions; unset = BOT_ID / BOT_PASSWORD. */
    GRAPH_CLIENT_ID: z.string().min(1).optional(),
    GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
    /** The organizer's mailbox (the steering group's shared calendar), e.g. styrgrupp@linkoping.se. */
    GRAPH_ORGANIZER: z.email('must be the organizer mailbox’s address, e.g. styrgrupp@kommun.se').optional(),
    /** Sovereign clouds only (or a local test server): the identity platform and Graph hosts. */
    GRAPH_AUTHORITY_HOST: z.url({ protocol: /^https$/ }).default('https://login.microsoftonline.com'),
    GRAPH_BASE_URL: z.url({ protocol: /^https$/ }).default('https://graph.microsoft.com'),
    /** Attempts for a failing Graph call (5xx, network) before the chairs are told. */
    GRAPH_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  });

/** Rules across variables; checked on the raw strings so they are reported even when other variables are bad. */
function crossFieldProblems(env: Record<string, string | undefined>): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  if (env.NODE_ENV === 'production') {
    if (!env.BOT_ID) problems.push({ variable: 'BOT_ID', message: 'required when NODE_ENV=production (unauthenticated mode is refused)' });
    if (!env.BOT_PASSWORD && env.BOT_TYPE !== 'UserAssignedMSI') problems.push({ variable: 'BOT_PASSWORD', message: 'required when NODE_ENV=production' });
    if (!env.ADMIN_TOKEN) problems.push({ variable: 'ADMIN_TOKEN', message: 'required when NODE_ENV=production' });
    if (env.BOT_OPENID_METADATA_URL && !env.BOT_OPENID_METADATA_URL.startsWith('https://')) {
      problems.push({ variable: 'BOT_OPENID_METADATA_URL', message: 'must be https when NODE_ENV=production' });
    }
  }
  if (['true', '1', 'yes'].includes(env.GRAPH_ENABLED ?? '')) {
    const need = (variable: string, fallback: string | undefined, message: string) => {
      if (!env[variable] && !fallback) problems.push({ variable, message });
    };
    need('GRAPH_TENANT_ID', env.BOT_TENANT_ID, 'required when GRAPH_ENABLED=true (or set BOT_TENANT_ID)');
    need('GRAPH_CLIENT_ID', env.BOT_ID, 'required when GRAPH_ENABLED=true (or set BOT_ID)');
    need('GRAPH_CLIENT_SECRET', env.BOT_PASSWORD, 'required when GRAPH_ENABLED=true (or set BOT_PASSWORD)');
    need('GRAPH_ORGANIZER', undefined, 'required when GRAPH_ENABLED=true: the mailbox whose calendar holds the meetings');
  }
  if (env.BOT_TYPE === 'SingleTenant' && !env.BOT_TENANT_ID) problems.push({ variable: 'BOT_TENANT_ID', message: 'required when BOT_TYPE=SingleTenant' });
  if (env.BOT_PASSWORD && !env.BOT_ID && env.NODE_ENV !== 'production') problems.push({ variable: 'BOT_ID', message: 'required when BOT_PASSWORD is set' });
  return problems;
}

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
  }
}

function formatProblems(problems: { variable: string; message: string }[]): string {
  const lines = problems.map((p) => `  - ${p.variable}: ${p.message}`);
  return `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}\nSee .env.example and the README's configuration table.`;
}

/** Empty strings count as unset, so `.env` lines like `BOT_ID=` are harmless. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '(env)'), message: i.message }))),
    ...crossFieldProblems(cleaned),
  ];
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}
