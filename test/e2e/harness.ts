// End-to-end harness: the bot (child process) + Microsoft 365 Agents Playground (the offline
// Teams client, child process) + headless Debian Chromium driving the Playground UI.
//
//   const e2e = useE2EStack();                         // in a vitest file (hooks + failure artifacts)
//   test('...', async () => {
//     const mark = await e2e.stack.sendMessage('hej');
//     await e2e.stack.waitForBotMessage(/Hej/, 20_000, { since: mark });
//   });
//
// Or by hand: `const stack = await startStack(); ...; await stack.stop();`
// See test/e2e/PLAYGROUND.md for what the Playground sends and how its DOM is read.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { TAG_INPUTS, TAG_MESSAGES } from './pageScripts.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/browser.js';
import { freePort } from '../support/freePort.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results', 'e2e');
const PLAYGROUND_CLI = join(REPO_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const TSX_CLI = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

// ---------------------------------------------------------------------------------------
// Playground configuration (.m365agentsplayground.yml, schema version 0.1.1)
// ---------------------------------------------------------------------------------------

export interface PlaygroundUser {
  id: string;
  name: string;
  /** sic: the Playground's schema spells it "Principle". */
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

export interface PlaygroundConfig {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  /** Exactly 5 users (schema: minItems = maxItems = 5); all are in the group chat and the team. */
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  /** General channel's conversation id = team.id; at most ONE extra channel. */
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

export interface PlaygroundConfigOverrides {
  tenantId?: string;
  bot?: Partial<PlaygroundConfig['bot']>;
  currentUser?: Partial<PlaygroundUser>;
  users?: PlaygroundUser[];
  personalChat?: Partial<PlaygroundConfig['personalChat']>;
  groupChat?: Partial<PlaygroundConfig['groupChat']>;
  team?: Partial<PlaygroundConfig['team']>;
}

function user(n: number, given: string, surname: string): PlaygroundUser {
  const login = `${given}.${surname}`.toLowerCase().replace(/ö/g, 'o').replace(/[åä]/g, 'a');
  return {
    id: `e2e-user-${n}`,
    name: `${given} ${surname}`,
    userPrincipleName: `${login}@kommun.example`,
    aadObjectId: `e2e0e2e0-0000-4000-8000-0000000000${String(20 + n).padStart(2, '0')}`,
    givenName: given,
    surname,
    email: `${login}@kommun.example`,
  };
}

/**
 * The harness's default Playground config. Unlike the Playground's built-in one (whose
 * tenant and aadObjectIds have 13 hex digits in the last group, i.e. are NOT valid GUIDs),
 * every tenant/aadObjectId/aadGroupId here is a well-formed GUID.
 */
export const DEFAULT_PLAYGROUND_CONFIG: PlaygroundConfig = {
  version: '0.1.1',
  tenantId: 'e2e0e2e0-0000-4000-8000-000000000001',
  bot: { id: 'e2e0e2e0-0000-4000-8000-0000000000b0', name: 'Samverkan' },
  currentUser: user(0, 'Anna', 'Lind'),
  users: [user(1, 'Erik', 'Berg'), user(2, 'Maria', 'Holm'), user(3, 'Johan', 'Ek'), user(4, 'Sara', 'Nord'), user(5, 'Karin', 'Sjöberg')],
  personalChat: { id: 'e2e-personal-chat' },
  groupChat: { id: 'e2e-group-chat', name: 'Trygghetsgruppen chatt' },
  team: {
    id: 'e2e-team',
    name: 'Trygghetsgruppen',
    aadGroupId: 'e2e0e2e0-0000-4000-8000-000000000031',
    channels: [{ id: 'e2e-channel-moten', name: 'Möten' }],
  },
};

export function buildPlaygroundConfig(o: PlaygroundConfigOverrides = {}): PlaygroundConfig {
  const d = DEFAULT_PLAYGROUND_CONFIG;
  const cfg: PlaygroundConfig = {
    version: '0.1.1',
    tenantId: o.tenantId ?? d.tenantId,
    bot: { ...d.bot, ...o.bot },
    currentUser: { ...d.currentUser, ...o.currentUser },
    users: o.users ?? d.users.map((u) => ({ ...u })),
    personalChat: { ...d.personalChat, ...o.personalChat },
    groupChat: { ...d.groupChat, ...o.groupChat },
    team: { ...d.team, ...o.team, channels: (o.team?.channels ?? d.team.channels).map((c) => ({ ...c })) },
  };
  if (cfg.users.length !== 5) throw new Error('Playground config: exactly 5 users are required');
  if (cfg.team.channels.length > 1) throw new Error('Playground config: at most one channel besides General');
  if (cfg.bot.name.length > 42) throw new Error('Playground config: bot name max 42 characters');
  return cfg;
}

/** YAML for `.m365agentsplayground.yml` (JSON is valid YAML; the Playground parses it with `yaml`). */
export function playgroundConfigYaml(cfg: PlaygroundConfig): string {
  return '# generated by test/e2e/harness.ts\n' + JSON.stringify(cfg, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------

/** An activity as JSON (what the Playground sends to the bot, or the bot to the connector). */
export interface ActivityJson {
  type?: string;
  id?: string;
  name?: string;
  text?: string;
  locale?: string;
  value?: unknown;
  from?: { id?: string; name?: string; aadObjectId?: string };
  conversation?: { id?: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  channelData?: Record<string, unknown>;
  entities?: Record<string, unknown>[];
  attachments?: { contentType?: string; content?: unknown }[];
  [key: string]: unknown;
}

export interface ExchangeToBot {
  at: number;
  method: string;
  activity: ActivityJson | undefined;
  status: number;
  /** Body of the bot's HTTP response (an invoke response for Action.Execute). */
  response: string;
}

export interface ExchangeFromBot {
  at: number;
  method: string;
  /** Path under the connector, e.g. /v3/conversations/<id>/activities/<replyToId>. */
  path: string;
  activity: ActivityJson | undefined;
  status: number;
}

export interface BotMessage {
  id: string;
  conversationId: string;
  /** Visible text of the rendered message (cards included), whitespace collapsed. */
  text: string;
  hasCard: boolean;
  /** Playwright locator of the rendered message container. */
  element: Locator;
  /** Message as the Playground pushed it to the UI (text + attachments as sent by the bot). */
  raw: { text?: string; attachments?: { contentType?: string; content?: unknown }[] };
}

export type MessageMatcher = RegExp | string | ((m: BotMessage) => boolean);

export interface StackOptions {
  /** Extra env for the bot process (wins over the harness's defaults). */
  env?: Record<string, string>;
  /** Overrides of the Playground config (users, tenant, team, ...). */
  playgroundConfig?: PlaygroundConfigOverrides;
  /** Bot command (argv), run with cwd = repo root. Default: tsx src/main.ts. */
  botCommand?: string[];
  /**
   * Locale written into every activity the Playground sends to the bot (`locale` and the
   * clientInfo entity). The Playground itself always sends "en-US"; default here "sv-SE".
   * `null` leaves the Playground's value untouched.
   */
  locale?: string | null;
  /** Time zone of the Playground (activity localTimezone / clientInfo) and Chromium. Default Europe/Stockholm. */
  timezone?: string;
  /** Health check path on the bot. Default /healthz. */
  healthPath?: string;
  /** Milliseconds to wait for the bot's health check. Default 60 000. */
  botStartTimeoutMs?: number;
  /** Keep the Redis keys of this run after stop() (default: delete them). */
  keepRedisKeys?: boolean;
  /** Viewport of the page. Default 1400x900. */
  viewport?: { width: number; height: number };
}

export interface Stack {
  page: Page;
  context: BrowserContext;
  /** e.g. http://127.0.0.1:41234 — the bot itself (POST /api/messages, GET /healthz). */
  botUrl: string;
  /** e.g. http://127.0.0.1:41235 — the Playground UI and its connector. */
  playgroundUrl: string;
  /** Recording proxy between the Playground and the bot (its /api/messages and /_connector). */
  tapUrl: string;
  config: PlaygroundConfig;
  redisUrl: string;
  keyPrefix: string;
  queuePrefix: string;
  /** Conversation id currently open in the UI. */
  readonly conversationId: string;

  /** Types a message in the compose box and sends it. Returns a mark for waitForBotMessage's `since`. */
  sendMessage(text: string, opts?: { mention?: boolean }): Promise<number>;
  /** The newest bot message of the open conversation. Throws if there is none. */
  lastBotMessage(): Promise<BotMessage>;
  /** All bot messages of the open conversation, oldest first (or those after `since`). */
  botMessages(opts?: { since?: number }): Promise<BotMessage[]>;
  /** Waits until a bot message of the open conversation matches (newest first). */
  waitForBotMessage(matcher: MessageMatcher, timeoutMs?: number, opts?: { since?: number }): Promise<BotMessage>;
  /** Current position in the message stream (use as `since`). */
  mark(): number;
  /** Fills a card input by its card id (Input.Text/Number/Date/Time; Toggle takes true/false). */
  fillInput(id: string, value: string | boolean, opts?: { message?: BotMessage }): Promise<void>;
  /** Selects choice(s) of an Input.ChoiceSet by value or title (compact, expanded, multi-select). */
  selectChoice(id: string, valueOrTitle: string | string[], opts?: { message?: BotMessage }): Promise<void>;
  /** Clicks a card action button by its title (newest card that has it). */
  pressAction(title: string, opts?: { message?: BotMessage }): Promise<void>;
  /** Opens another conversation in the left pane: 'personal', 'group', or a channel name ('General', ...). */
  openConversation(target: 'personal' | 'group' | string): Promise<void>;
  /** "Mock an Activity": sends a Playground template activity (install, userAdded, ...) merged with overrides. */
  mockActivity(type: string, overrides?: Partial<ActivityJson>, conversationId?: string): Promise<void>;
  /** Everything the Playground sent to the bot (via the tap), oldest first. */
  activitiesToBot(): ExchangeToBot[];
  /** Everything the bot sent to the Playground's connector (via the tap), oldest first. */
  activitiesFromBot(): ExchangeFromBot[];
  waitForActivityToBot(pred: (a: ActivityJson) => boolean, timeoutMs?: number): Promise<ExchangeToBot>;
  /** Saves test-results/e2e/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Tails of the child processes' output. */
  logs(): { bot: string; playground: string };
  /** Closes Chromium, stops the Playground and the bot (whole process groups). Idempotent. */
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------
// Process helpers
// ---------------------------------------------------------------------------------------

class Tail {
  private buf = '';
  constructor(private readonly max = 64 * 1024) {}
  push(chunk: Buffer | string): void {
    this.buf += chunk.toString();
    if (this.buf.length > this.max) this.buf = this.buf.slice(this.buf.length - this.max);
  }
  tail(lines = 60): string {
    return this.buf.split('\n').slice(-lines).join('\n');
  }
  get text(): string {
    return this.buf;
  }
}

const liveGroups = new Set<number>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of liveGroups) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
}

interface Child {
  proc: ChildProcess;
  out: Tail;
  exited: Promise<number | null>;
  hasExited: () => boolean;
}

function startChild(cmd: string[], cwd: string, env: NodeJS.ProcessEnv): Child {
  installExitHook();
  const [file, ...args] = cmd;
  if (!file) throw new Error('empty command');
  const proc = spawn(file, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = new Tail();
  proc.stdout?.on('data', (d: Buffer) => out.push(d));
  proc.stderr?.on('data', (d: Buffer) => out.push(d));
  let done = false;
  const exited = new Promise<number | null>((res) => {
    proc.on('exit', (code) => {
      done = true;
      if (proc.pid) liveGroups.delete(proc.pid);
      res(code);
    });
    proc.on('error', (err) => {
      out.push(`spawn error: ${err.message}\n`);
      done = true;
      res(null);
    });
  });
  if (proc.pid) liveGroups.add(proc.pid);
  return { proc, out, exited, hasExited: () => done };
}

async function killGroup(child: Child | undefined, graceMs = 5000): Promise<void> {
  if (!child || child.hasExited() || !child.proc.pid) return;
  const pid = child.proc.pid;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const timedOut = await Promise.race([child.exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    signal('SIGKILL');
    await Promise.race([child.exited, sleep(2000)]);
  }
  // The leader may be gone while grandchildren (tsx's node) linger: sweep the group.
  signal('SIGKILL');
  liveGroups.delete(pid);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}


async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, onFail?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastErr = '';
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      if (e instanceof FatalWait) throw new Error(`${what}: ${e.message}${onFail ? '\n' + onFail() : ''}`);
      lastErr = e instanceof Error ? e.message : String(e);
    }
    await sleep(200);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? ` (last error: ${lastErr})` : ''}${onFail ? '\n' + onFail() : ''}`);
}

class FatalWait extends Error {}

// ---------------------------------------------------------------------------------------
// Tap: a recording proxy. Playground -> tap/api/messages -> bot; bot -> tap/_connector -> Playground.
// ---------------------------------------------------------------------------------------

interface Tap {
  server: Server;
  port: number;
  toBot: ExchangeToBot[];
  fromBot: ExchangeFromBot[];
  setPlaygroundPort(p: number): void;
}

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'content-encoding']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(buf: Buffer | string): ActivityJson | undefined {
  try {
    const v: unknown = JSON.parse(buf.toString());
    return v && typeof v === 'object' ? (v as ActivityJson) : undefined;
  } catch {
    return undefined;
  }
}

async function startTap(port: number, botPort: number, locale: string | null): Promise<Tap> {
  let pgPort = 0;
  const toBot: ExchangeToBot[] = [];
  const fromBot: ExchangeFromBot[] = [];

  async function forward(req: IncomingMessage, res: ServerResponse, target: string, body: Buffer): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined || HOP_HEADERS.has(k.toLowerCase())) continue;
      headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const method = req.method ?? 'GET';
    const r = await fetch(target, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body, redirect: 'manual' });
    const text = await r.text();
    const outHeaders: Record<string, string> = {};
    r.headers.forEach((v, k) => {
      if (!HOP_HEADERS.has(k.toLowerCase())) outHeaders[k] = v;
    });
    res.writeHead(r.status, outHeaders);
    res.end(text);
    return { status: r.status, text };
  }

  const server = createHttpServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/';
      let body = await readBody(req);
      try {
        if (url.startsWith('/api/messages')) {
          let activity = body.length ? parseJson(body) : undefined;
          if (activity && locale) {
            activity = rewriteLocale(activity, locale);
            body = Buffer.from(JSON.stringify(activity));
          }
          const rec: ExchangeToBot = { at: Date.now(), method: req.method ?? '', activity, status: 0, response: '' };
          if (activity) toBot.push(rec);
          const r = await forward(req, res, `http://127.0.0.1:${botPort}${url}`, body);
          rec.status = r.status;
          rec.response = r.text;
        } else {
          if (!pgPort) throw new Error('playground port not known yet');
          const rec: ExchangeFromBot = {
            at: Date.now(),
            method: req.method ?? '',
            path: url.replace(/^\/_connector/, ''),
            activity: body.length ? parseJson(body) : undefined,
            status: 0,
          };
          if (url.startsWith('/_connector')) fromBot.push(rec);
          const r = await forward(req, res, `http://127.0.0.1:${pgPort}${url}`, body);
          rec.status = r.status;
        }
      } catch (e) {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`e2e tap: ${e instanceof Error ? e.message : String(e)}`);
      }
    })();
  });
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(port, '127.0.0.1', () => res());
  });
  return { server, port, toBot, fromBot, setPlaygroundPort: (p) => (pgPort = p) };
}

function rewriteLocale(a: ActivityJson, locale: string): ActivityJson {
  const out: ActivityJson = { ...a };
  if ('locale' in out || out.type === 'message' || out.type === 'invoke') out.locale = locale;
  if (Array.isArray(out.entities)) {
    out.entities = out.entities.map((e) => (e && e.type === 'clientInfo' ? { ...e, locale } : e));
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Redis cleanup (best effort)
// ---------------------------------------------------------------------------------------

async function deleteRedisKeys(redisUrl: string, patterns: string[]): Promise<void> {
  const { Redis } = await import('ioredis');
  const r = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  r.on('error', () => undefined);
  try {
    await r.connect();
    for (const match of patterns) {
      let cursor = '0';
      do {
        const [next, keys] = await r.scan(cursor, 'MATCH', match, 'COUNT', 500);
        cursor = next;
        if (keys.length) await r.del(...keys);
      } while (cursor !== '0');
    }
  } finally {
    r.disconnect();
  }
}

// ---------------------------------------------------------------------------------------
// startStack
// ---------------------------------------------------------------------------------------

interface WsMessage {
  seq: number;
  id: string;
  conversationId: string;
  fromId: string;
  text?: string;
  attachments?: { contentType?: string; content?: unknown }[];
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const t0 = Date.now();
  const runId = randomBytes(5).toString('hex');
  const keyPrefix = `e2e-${runId}`;
  const queuePrefix = `{e2e-${runId}}`;
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const config = buildPlaygroundConfig(opts.playgroundConfig);
  const timezone = opts.timezone ?? 'Europe/Stockholm';
  const locale = opts.locale === undefined ? 'sv-SE' : opts.locale;
  const healthPath = opts.healthPath ?? '/healthz';
  const workDir = mkdtempSync(join(tmpdir(), `samverkan-e2e-${runId}-`));
  const pgDir = join(workDir, 'playground');
  const profileDir = join(workDir, 'chromium-profile');
  mkdirSync(pgDir);
  mkdirSync(profileDir);
  const configPath = join(pgDir, '.m365agentsplayground.yml');
  writeFileSync(configPath, playgroundConfigYaml(config));

  const [botPort, tapPort, pgPortWanted] = (await distinctFreePorts(3)) as [number, number, number];
  const botUrl = `http://127.0.0.1:${botPort}`;
  const tapUrl = `http://127.0.0.1:${tapPort}`;

  let bot: Child | undefined;
  let pg: Child | undefined;
  let tap: Tap | undefined;
  let context: BrowserContext | undefined;
  let stopped = false;

  const cleanup = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (context) await Promise.race([context.close().catch(() => undefined), sleep(10_000)]);
    await Promise.all([killGroup(pg), killGroup(bot)]);
    if (tap) {
      tap.server.closeAllConnections();
      await new Promise<void>((r) => tap!.server.close(() => r()));
    }
    if (!opts.keepRedisKeys) {
      await deleteRedisKeys(redisUrl, [`${keyPrefix}:*`, `${keyPrefix}*`, `${queuePrefix}*`]).catch(() => undefined);
    }
    if (!process.env.E2E_KEEP_TMP) rmSync(workDir, { recursive: true, force: true });
  };

  try {
    // 1. bot
    const botCmd = opts.botCommand ?? [process.execPath, TSX_CLI, 'src/main.ts'];
    bot = startChild(botCmd, REPO_ROOT, {
      ...process.env,
      PORT: String(botPort),
      REDIS_URL: redisUrl,
      KEY_PREFIX: keyPrefix,
      QUEUE_PREFIX: queuePrefix,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      TIMEZONE: timezone,
      ...opts.env,
    });
    const botChild = bot;

    // 2. tap (needs only the bot port now; learns the Playground port later)
    tap = await startTap(tapPort, botPort, locale);

    // 3. Playground (cwd = temp dir: it writes devTools/ and reads .m365agentsplayground.yml there)
    pg = startChild(
      [
        process.execPath,
        PLAYGROUND_CLI,
        '-e',
        `${tapUrl}/api/messages`,
        '-c',
        'msteams',
        '--disable-telemetry',
        '-p',
        String(pgPortWanted),
        '--service-url',
        `${tapUrl}/_connector`,
      ],
      pgDir,
      {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        TZ: timezone,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(pgDir, 'devTools', 'm365agentsplayground.log'),
      },
    );
    const pgChild = pg;

    // 4. Chromium, in parallel with the children starting
    const contextP = chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: opts.viewport ?? { width: 1400, height: 900 },
      timezoneId: timezone,
    });
    contextP.catch(() => undefined);

    const botTail = () => `--- bot output (tail) ---\n${botChild.out.tail(80)}`;
    const pgTail = () => `--- playground output (tail) ---\n${pgChild.out.tail(40)}`;

    const pgPort = await waitFor(
      'the Playground to listen',
      30_000,
      async () => {
        if (pgChild.hasExited()) throw new FatalWait('Playground exited');
        const m = /Listening on (\d+)/.exec(pgChild.out.text);
        if (!m) return undefined;
        const p = Number(m[1]);
        const r = await fetch(`http://127.0.0.1:${p}/_debug/ping`);
        return r.ok && (await r.text()).includes('pong') ? p : undefined;
      },
      pgTail,
    );
    tap.setPlaygroundPort(pgPort);
    const playgroundUrl = `http://127.0.0.1:${pgPort}`;

    await waitFor(
      `bot ${botUrl}${healthPath} → 200`,
      opts.botStartTimeoutMs ?? 60_000,
      async () => {
        if (botChild.hasExited()) throw new FatalWait(`bot exited with code ${String(botChild.proc.exitCode)}`);
        const r = await fetch(`${botUrl}${healthPath}`);
        return r.status === 200 ? true : undefined;
      },
      botTail,
    );

    context = await contextP;
    const page = context.pages()[0] ?? (await context.newPage());

    // Messages pushed to the UI over the Playground's websocket: identity, order, sender.
    const wsMessages: WsMessage[] = [];
    let seq = 0;
    page.on('websocket', (ws) => {
      ws.on('framereceived', (f) => {
        const s = typeof f.payload === 'string' ? f.payload : f.payload.toString();
        if (!s.startsWith('{"action"')) return;
        let ev: { action?: string; actionConversationId?: string; messageId?: string; message?: Record<string, unknown> };
        try {
          ev = JSON.parse(s) as typeof ev;
        } catch {
          return;
        }
        const m = ev.message ?? {};
        const id = typeof m.messageId === 'string' ? m.messageId : ev.messageId;
        if (!id) return;
        const from = m.from as { id?: string } | undefined;
        const existing = wsMessages.find((x) => x.id === id);
        if (ev.action === 'createMessage' && !existing) {
          wsMessages.push({
            seq: seq++,
            id,
            conversationId: ev.actionConversationId ?? '',
            fromId: from?.id ?? '',
            text: m.text as string | undefined,
            attachments: m.attachments as WsMessage['attachments'],
          });
        } else if (ev.action === 'updateMessage' && existing) {
          if (typeof m.text === 'string') existing.text = m.text;
          if (Array.isArray(m.attachments)) existing.attachments = m.attachments as WsMessage['attachments'];
        }
      });
    });

    const installed = page.waitForResponse((r) => /\/_debug\/conversation\/[^/]+\/installation$/.test(new URL(r.url()).pathname), { timeout: 30_000 });
    installed.catch(() => undefined);
    await page.goto(playgroundUrl, { waitUntil: 'load' });
    await composer(page).waitFor({ state: 'visible', timeout: 30_000 });
    await installed;

    const stack = makeStack({ page, context, botUrl, playgroundUrl, tapUrl, config, redisUrl, keyPrefix, queuePrefix, tap, wsMessages, bot, pg, cleanup });
    if (process.env.E2E_VERBOSE) console.log(`[e2e] stack up in ${Date.now() - t0} ms (bot ${botUrl}, playground ${playgroundUrl}, tap ${tapUrl})`);
    return stack;
  } catch (e) {
    const tails = [bot ? `--- bot output (tail) ---\n${bot.out.tail(80)}` : '', pg ? `--- playground output (tail) ---\n${pg.out.tail(40)}` : ''].join('\n');
    await cleanup().catch(() => undefined);
    const err = e instanceof Error ? e : new Error(String(e));
    if (!err.message.includes('--- bot output')) err.message += `\n${tails}`;
    throw err;
  }
}

async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

function composer(page: Page): Locator {
  // Lexical editor; in a channel the first one is "Start a new post", the others are reply boxes.
  return page.locator('[data-lexical-editor="true"][role="textbox"]').first();
}

interface StackParts {
  page: Page;
  context: BrowserContext;
  botUrl: string;
  playgroundUrl: string;
  tapUrl: string;
  config: PlaygroundConfig;
  redisUrl: string;
  keyPrefix: string;
  queuePrefix: string;
  tap: Tap;
  wsMessages: WsMessage[];
  bot: Child;
  pg: Child;
  cleanup: () => Promise<void>;
}

function makeStack(p: StackParts): Stack {
  const { page, config, wsMessages, tap } = p;
  let conversationId = config.personalChat.id;
  let isPersonal = true;

  const inConversation = (m: WsMessage) => m.conversationId === conversationId || m.conversationId.startsWith(`${conversationId};`);
  const botWs = (since = 0) => wsMessages.filter((m) => m.fromId === config.bot.id && inConversation(m) && m.seq >= since);

  async function render(msgs: WsMessage[]): Promise<BotMessage[]> {
    if (msgs.length === 0) return [];
    const res = (await page.evaluate(`(${TAG_MESSAGES})(${JSON.stringify(msgs.map((m) => m.id))})`)) as {
      id: string;
      found: boolean;
      text: string;
      hasCard: boolean;
    }[];
    const out: BotMessage[] = [];
    for (const m of msgs) {
      const r = res.find((x) => x.id === m.id);
      if (!r?.found) continue;
      out.push({
        id: m.id,
        conversationId: m.conversationId,
        text: r.text,
        hasCard: r.hasCard,
        element: page.locator(`[data-e2e-msg-id=${JSON.stringify(m.id)}]`),
        raw: { text: m.text, attachments: m.attachments },
      });
    }
    return out;
  }

  const matches = (m: BotMessage, matcher: MessageMatcher): boolean =>
    typeof matcher === 'function' ? matcher(m) : typeof matcher === 'string' ? m.text.includes(matcher) : matcher.test(m.text);

  async function scopeFor(selector: (l: Locator) => Locator, message?: BotMessage): Promise<Locator> {
    await page.evaluate(`(${TAG_INPUTS})()`);
    if (message) {
      await render(wsMessages.filter((m) => m.id === message.id));
      const l = selector(message.element);
      if ((await l.count()) === 0) throw new Error(`not found in message ${message.id}`);
      return l.first();
    }
    const rendered = await render(botWs());
    for (const m of rendered.reverse()) {
      const l = selector(m.element);
      if ((await l.count()) > 0) return l.first();
    }
    // Fallback: any card on the page, last in DOM order.
    const l = selector(page.locator('.ac-adaptiveCard'));
    if ((await l.count()) > 0) return l.last();
    throw new Error('not found in any rendered card');
  }

  const inputSel = (id: string) => (l: Locator) => l.locator(`[data-e2e-input-id=${JSON.stringify(id)}]`);

  const stack: Stack = {
    page,
    context: p.context,
    botUrl: p.botUrl,
    playgroundUrl: p.playgroundUrl,
    tapUrl: p.tapUrl,
    config,
    redisUrl: p.redisUrl,
    keyPrefix: p.keyPrefix,
    queuePrefix: p.queuePrefix,
    get conversationId() {
      return conversationId;
    },

    mark: () => wsMessages.length,

    async sendMessage(text, opts = {}) {
      const mark = wsMessages.length;
      const mention = opts.mention ?? !isPersonal;
      const box = composer(page);
      const posted = page.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/_conversation\/v1\/conversations\/[^/]+\/messages$/.test(new URL(r.url()).pathname),
        { timeout: 15_000 },
      );
      posted.catch(() => undefined);
      await box.click();
      if (mention) {
        await page.keyboard.type('@');
        await page.locator('#typeahead-menu [role=menuitem]', { hasText: config.bot.name }).first().click();
        await page.keyboard.type(' ');
      }
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (i > 0) await page.keyboard.press('Shift+Enter');
        if (lines[i]) await page.keyboard.type(lines[i]!);
      }
      await page.keyboard.press('Enter');
      const r = await posted;
      if (!r.ok()) throw new Error(`Playground refused the message: HTTP ${r.status()} ${await r.text()}`);
      return mark;
    },

    async botMessages(opts = {}) {
      return render(botWs(opts.since ?? 0));
    },

    async lastBotMessage() {
      const all = botWs();
      for (let i = all.length - 1; i >= 0; i--) {
        const [m] = await render([all[i]!]);
        if (m) return m;
      }
      throw new Error(`no bot message rendered in conversation ${conversationId}`);
    },

    async waitForBotMessage(matcher, timeoutMs = 20_000, opts = {}) {
      const deadline = Date.now() + timeoutMs;
      let seen: BotMessage[] = [];
      for (;;) {
        seen = await render(botWs(opts.since ?? 0));
        for (let i = seen.length - 1; i >= 0; i--) if (matches(seen[i]!, matcher)) return seen[i]!;
        if (Date.now() > deadline) break;
        await sleep(150);
      }
      const got = seen.map((m) => `  [${m.id}] ${m.text.slice(0, 200)}`).join('\n') || '  (none)';
      throw new Error(`No bot message matching ${String(matcher)} within ${timeoutMs} ms in conversation ${conversationId}. Bot messages seen:\n${got}`);
    },

    async fillInput(id, value, opts = {}) {
      const el = await scopeFor(inputSel(id), opts.message).catch((e: Error) => {
        throw new Error(`fillInput: card input "${id}" ${e.message}`);
      });
      const type = await el.getAttribute('data-e2e-input-type');
      if (type === 'Input.ChoiceSet') return stack.selectChoice(id, String(value), opts);
      if (type === 'Input.Toggle' || (await el.getAttribute('type')) === 'checkbox') {
        const on = value === true || value === 'true' || value === 'on';
        const box = (await el.getAttribute('type')) === 'checkbox' ? el : el.locator('input[type=checkbox]').first();
        await box.setChecked(on);
        return;
      }
      const tag = await el.evaluate((n) => n.tagName.toLowerCase());
      const target = tag === 'input' || tag === 'textarea' ? el : el.locator('input, textarea').first();
      await target.fill(String(value));
      await target.press('Tab').catch(() => undefined);
    },

    async selectChoice(id, valueOrTitle, opts = {}) {
      const el = await scopeFor(inputSel(id), opts.message).catch((e: Error) => {
        throw new Error(`selectChoice: choice set "${id}" ${e.message}`);
      });
      const choices = JSON.parse((await el.getAttribute('data-e2e-choices')) ?? '[]') as { title: string; value: string }[];
      const wanted = Array.isArray(valueOrTitle) ? valueOrTitle : [valueOrTitle];
      const titles = wanted.map((w) => {
        const c = choices.find((x) => x.value === w) ?? choices.find((x) => x.title === w);
        if (!c) throw new Error(`selectChoice: "${w}" is not a choice of "${id}" (choices: ${choices.map((x) => `${x.value}=${x.title}`).join(', ')})`);
        return c.title;
      });
      const role = await el.getAttribute('role');
      if (role === 'combobox') {
        // compact / filtered: a Fluent Combobox; options render in a popup listbox.
        for (const title of titles) {
          await el.click();
          const listbox = page.locator('[role=listbox]:visible');
          await listbox.getByRole('option', { name: title, exact: true }).first().click();
        }
        if ((await el.getAttribute('data-e2e-multi')) === 'true') await page.keyboard.press('Escape');
        return;
      }
      // expanded: radio group (single) or a group of checkboxes (multi-select). Their
      // accessible names include the set's label (aria-labelledby), so match each option by
      // its own aria-label / <label for> text instead of getByLabel.
      const options = el.locator('input[type=radio], input[type=checkbox]');
      const names: string[] = [];
      for (let i = 0; i < (await options.count()); i++) {
        const o = options.nth(i);
        let name = (await o.getAttribute('aria-label')) ?? '';
        const oid = await o.getAttribute('id');
        if (!name && oid) name = (await el.locator(`label[for=${JSON.stringify(oid)}]`).first().textContent()) ?? '';
        names.push(name.trim());
      }
      const multi = (await el.getAttribute('data-e2e-multi')) === 'true';
      for (const title of titles) {
        if (!names.includes(title)) throw new Error(`selectChoice: option "${title}" of "${id}" is not rendered (rendered: ${names.join(', ')})`);
      }
      for (let i = 0; i < names.length; i++) {
        const want = titles.includes(names[i]!);
        if (multi) await options.nth(i).setChecked(want);
        else if (want) await options.nth(i).check();
      }
    },

    async pressAction(title, opts = {}) {
      const btn = await scopeFor((l) => l.locator('.ac-adaptiveCard').getByRole('button', { name: title, exact: true }), opts.message).catch(
        (e: Error) => {
          throw new Error(`pressAction: action "${title}" ${e.message}`);
        },
      );
      await btn.click();
    },

    async openConversation(target) {
      let name: string;
      if (target === 'personal') {
        name = 'Personal Chat';
        conversationId = config.personalChat.id;
        isPersonal = true;
      } else if (target === 'group') {
        name = config.groupChat.name;
        conversationId = config.groupChat.id;
        isPersonal = false;
      } else {
        const ch = target === 'General' ? { id: config.team.id, name: 'General' } : config.team.channels.find((c) => c.name === target);
        if (!ch) throw new Error(`openConversation: unknown channel "${target}"`);
        name = `${config.team.name} - ${ch.name}`;
        conversationId = ch.id;
        isPersonal = false;
      }
      await page.getByRole('treeitem', { name, exact: true }).click();
      await composer(page).waitFor({ state: 'visible' });
    },

    async mockActivity(type, overrides = {}, convId = conversationId) {
      const q = new URLSearchParams({ conversationId: convId, type });
      const t = await fetch(`${p.playgroundUrl}/_internal/v1/customActivities/template?${q.toString()}`);
      if (!t.ok) throw new Error(`mockActivity: template ${type}: HTTP ${t.status} ${await t.text()}`);
      const activity = { ...((await t.json()) as ActivityJson), ...overrides };
      const r = await fetch(`${p.playgroundUrl}/_internal/v1/customActivities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      if (!r.ok) throw new Error(`mockActivity: HTTP ${r.status} ${await r.text()}`);
    },

    activitiesToBot: () => [...tap.toBot],
    activitiesFromBot: () => [...tap.fromBot],

    async waitForActivityToBot(pred, timeoutMs = 15_000) {
      return waitFor('an activity to the bot', timeoutMs, async () => tap.toBot.find((x) => x.activity && x.status > 0 && pred(x.activity)));
    },

    async screenshot(name) {
      mkdirSync(RESULTS_DIR, { recursive: true });
      const file = join(RESULTS_DIR, `${safeName(name)}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },

    logs: () => ({ bot: p.bot.out.text, playground: p.pg.out.text }),

    stop: p.cleanup,
  };
  return stack;
}

export function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 150) || 'unnamed';
}

// ---------------------------------------------------------------------------------------
// Failure artifacts + vitest wiring
// ---------------------------------------------------------------------------------------

/** Screenshot to test-results/e2e/<name>.png, and the tails of the bot/Playground output to stderr. */
export async function reportFailure(stack: Stack, name: string): Promise<void> {
  let shot = '';
  try {
    shot = await stack.screenshot(name);
  } catch (e) {
    shot = `(screenshot failed: ${e instanceof Error ? e.message : String(e)})`;
  }
  const tail = (s: string, n: number) => s.split('\n').slice(-n).join('\n');
  const logs = stack.logs();
  console.error(
    [
      `[e2e] failure artifacts for: ${name}`,
      `[e2e] screenshot: ${shot}`,
      '--- bot output (tail) ---',
      tail(logs.bot, 60),
      '--- playground output (tail) ---',
      tail(logs.playground, 20),
    ].join('\n'),
  );
}

/** Runs fn; on error saves a screenshot + prints the logs, then rethrows. */
export async function withScreenshotOnFailure<T>(stack: Stack, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    await reportFailure(stack, name);
    throw e;
  }
}

interface NamedTask {
  name: string;
  suite?: NamedTask;
  file?: { name: string };
}
/** "<file stem> > <describe> > <test>", e.g. "harness > e2e harness (echo bot) > a text message is echoed". */
function fullTestName(task: NamedTask): string {
  const parts: string[] = [];
  for (let t: NamedTask | undefined = task; t; t = t.suite) if (t.name && t.name !== task.file?.name) parts.unshift(t.name);
  const stem = task.file?.name.split('/').pop()?.replace(/\.test\.[cm]?[jt]s$/, '');
  if (stem) parts.unshift(stem);
  return parts.join(' > ');
}

/**
 * Vitest wiring: starts one stack for the file (beforeAll), stops it (afterAll), and on a
 * failed test writes test-results/e2e/<file > suite > test>.png and prints the bot's output.
 *
 * `opts` may also be a function, called in that beforeAll: for options known only once an
 * earlier beforeAll has run (e.g. the env pointing at a fake server started there).
 */
export function useE2EStack(opts: StackOptions | (() => StackOptions | Promise<StackOptions>) = {}): { readonly stack: Stack } {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startStack(typeof opts === 'function' ? await opts() : opts);
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  }, 60_000);
  beforeEach((ctx) => {
    ctx.onTestFailed(async () => {
      if (stack) await reportFailure(stack, fullTestName(ctx.task as unknown as NamedTask));
    });
  });
  return {
    get stack(): Stack {
      if (!stack) throw new Error('e2e stack is not started (did beforeAll fail?)');
      return stack;
    },
  };
}
