// `npm run demo [-- --english] [-- --open]`: Samverkan with demo data in the Microsoft 365
// Agents Playground (an offline Teams client in the browser). Plain Node ESM so it runs
// on a fresh clone before `npm ci`:
//
//   1. `npm ci` when node_modules is missing or older than package-lock.json;
//   2. Redis: REDIS_URL if reachable, else a private redis-server (scripts/redis-helper.mjs);
//   3. demo data for two municipalities on one service, Linköping (the Playground's team)
//      and the invented Kinnestad (its group chat), under KEY_PREFIX=samverkan-demo
//      (scripts/demo-seed.ts);
//   4. the bot (src/main.ts) and the Playground, with a small proxy between them that sets
//      the activities' locale to sv-SE (the Playground always sends en-US);
//   5. prints the URL and three things to try; Ctrl-C (or SIGTERM) stops all of it.
//
// Environment: REDIS_URL, DEMO_PORT (Playground UI, default 56150), DEMO_BOT_PORT (default
// 3978, or the next free port), DEMO_KEY_PREFIX (default samverkan-demo), LOG_LEVEL (bot,
// default info), DEMO_KEEP_TMP=1 (keep the temp dir with the logs).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inventedChannelAnswer } from './demo-connector.mjs';
import { depsAreStale } from './deps.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const english = args.includes('--english') || process.env.DEMO_LOCALE === 'en';
const openBrowser = args.includes('--open');

if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: npm run demo [-- --english] [-- --open]

  --english   let the Playground's en-US through (Samverkan answers in English)
  --open      let the Playground open your default browser

  REDIS_URL         Redis to use (default redis://127.0.0.1:6379; a private redis-server otherwise)
  DEMO_PORT         Playground UI port (default 56150)
  DEMO_BOT_PORT     bot port (default 3978, or the next free one)
  DEMO_KEY_PREFIX   Redis key prefix of the demo data (default samverkan-demo)
  DEMO_KEEP_TMP=1   keep the temp dir (bot and Playground logs) after stopping`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------

function say(line) {
  console.log(`[demo] ${line}`);
}

function portIsFree(port) {
  return new Promise((res) => {
    const s = createNetServer();
    s.once('error', () => res(false));
    s.listen(port, () => s.close(() => res(true)));
  });
}

async function firstFreePort(start) {
  for (let p = start; p < start + 50; p++) if (await portIsFree(p)) return p;
  return randomFreePort();
}

function randomFreePort() {
  return new Promise((res, rej) => {
    const s = createNetServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A child in its own process group (tsx starts a second node process); output to a log file. */
function startChild(name, cmd, argv, { cwd, env, logFile, echo }) {
  const proc = spawn(cmd, argv, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  let text = '';
  const onData = (d) => {
    log.write(d);
    text = (text + d.toString()).slice(-64 * 1024);
    if (echo) process.stdout.write(d);
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  let exited = false;
  const exit = new Promise((res) => {
    proc.once('exit', (code, signal) => {
      exited = true;
      log.end();
      res({ code, signal });
    });
    proc.once('error', (err) => {
      exited = true;
      text += `\nspawn error: ${err.message}`;
      res({ code: null, signal: null });
    });
  });
  return {
    name,
    proc,
    logFile,
    exit,
    hasExited: () => exited,
    output: () => text,
    tail: (n = 30) => text.split('\n').slice(-n).join('\n'),
  };
}

/** SIGTERM to the child's process group, SIGKILL after `graceMs`, then a final sweep. */
async function stopChild(child, graceMs) {
  if (!child || !child.proc.pid) return;
  const pid = child.proc.pid;
  const signal = (s) => {
    try {
      process.kill(-pid, s);
    } catch {
      /* group gone */
    }
  };
  if (!child.hasExited()) {
    signal('SIGTERM');
    const timedOut = await Promise.race([child.exit.then(() => false), sleep(graceMs).then(() => true)]);
    if (timedOut) {
      say(`${child.name} did not stop within ${graceMs / 1000} s; killing it`);
      signal('SIGKILL');
      await Promise.race([child.exit, sleep(2000)]);
    }
  }
  signal('SIGKILL'); // grandchildren (tsx's node) that outlived their parent
}

async function waitFor(what, timeoutMs, probe, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child?.hasExited()) throw new Error(`${child.name} exited while waiting for ${what}`);
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch {
      /* not yet */
    }
    await sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}


// ---------------------------------------------------------------------------------------
// The proxy between the Playground and the bot: Playground → /api/messages → bot (locale
// rewritten), bot → /_connector → Playground. The bot's replies find it through the
// serviceUrl the Playground puts in each activity (its --service-url). Messages to the demo
// data's invented channels are answered by the proxy itself (scripts/demo-connector.mjs).
// ---------------------------------------------------------------------------------------
/** The path of the connector (the Playground's --service-url) on the proxy. */
const CONNECTOR_PATH = '/_connector';
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'content-encoding']);

function rewriteLocale(activity, locale) {
  const out = { ...activity };
  if ('locale' in out || out.type === 'message' || out.type === 'invoke') out.locale = locale;
  if (Array.isArray(out.entities)) out.entities = out.entities.map((e) => (e && e.type === 'clientInfo' ? { ...e, locale } : e));
  return out;
}

async function startProxy(port, botPort, locale) {
  let playgroundPort = 0;
  const server = createHttpServer((req, res) => {
    void (async () => {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      let body = Buffer.concat(chunks);
      const url = req.url ?? '/';
      try {
        let target;
        if (url.startsWith('/api/messages')) {
          target = `http://127.0.0.1:${botPort}${url}`;
          if (locale && body.length) {
            try {
              body = Buffer.from(JSON.stringify(rewriteLocale(JSON.parse(body.toString()), locale)));
            } catch {
              /* not JSON: pass it on as it is */
            }
          }
        } else {
          const invented = url.startsWith(CONNECTOR_PATH) ? inventedChannelAnswer(req.method ?? 'GET', url.slice(CONNECTOR_PATH.length)) : null;
          if (invented) {
            // An invented channel of the demo data: answered here as Teams would (the Playground does not know it).
            if (invented.delivered === 'sent') say(`message to an invented demo channel (${invented.conversationId}): delivered in the demo data, not shown in the Playground`);
            res.writeHead(invented.status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(invented.body));
            return;
          }
          if (!playgroundPort) throw new Error('the Playground is not up yet');
          target = `http://127.0.0.1:${playgroundPort}${url}`;
        }
        const headers = {};
        for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_HEADERS.has(k)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        const method = req.method ?? 'GET';
        const r = await fetch(target, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body, redirect: 'manual' });
        const out = Buffer.from(await r.arrayBuffer());
        const outHeaders = {};
        r.headers.forEach((v, k) => {
          if (!HOP_HEADERS.has(k)) outHeaders[k] = v;
        });
        res.writeHead(r.status, outHeaders);
        res.end(out);
      } catch (e) {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`demo proxy: ${e instanceof Error ? e.message : String(e)}`);
      }
    })();
  });
  await new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(port, '127.0.0.1', res);
  });
  return {
    setPlaygroundPort: (p) => (playgroundPort = p),
    close: () =>
      new Promise((res) => {
        server.closeAllConnections();
        server.close(() => res());
      }),
  };
}

// ---------------------------------------------------------------------------------------

async function runDemo() {
  const t0 = Date.now();
  const launcherPid = Number(process.env.SAMVERKAN_DEMO_INNER);
  const keyPrefix = process.env.DEMO_KEY_PREFIX || 'samverkan-demo';
  const queuePrefix = `{${keyPrefix}}`;
  const locale = english ? null : 'sv-SE';
  const children = [];
  let installer;
  let redis;
  let proxy;
  let workDir;
  let stopping = false;
  let firstSignalAt = 0;

  async function shutdown(code, reason) {
    if (stopping) return;
    stopping = true;
    if (reason) say(reason);
    say('stopping…');
    if (installer && !installer.hasExited()) await stopChild(installer, 5000);
    await Promise.all(children.map((c) => stopChild(c, c.name === 'bot' ? 15_000 : 5_000)));
    await proxy?.close();
    if (redis?.private) await redis.stop().catch(() => undefined);
    if (workDir) {
      if (code === 0 && !process.env.DEMO_KEEP_TMP) rmSync(workDir, { recursive: true, force: true });
      else say(`logs kept in ${workDir}`);
    }
    say('stopped.');
    process.exit(code);
  }

  const onSignal = (sig) => {
    const now = Date.now();
    if (stopping) {
      // npm forwards the terminal's Ctrl-C too, so the first repeat is expected; a later one forces.
      if (now - firstSignalAt > 1500) {
        say(`${sig} again: killing everything now`);
        for (const c of children) {
          try {
            process.kill(-c.proc.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
        if (redis?.private) redis.child?.kill('SIGKILL');
        process.exit(130);
      }
      return;
    }
    firstSignalAt = now;
    void shutdown(0, `${sig} received`);
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGHUP', () => onSignal('SIGHUP'));
  // If the launcher disappears (killed hard), stop rather than linger as orphans.
  setInterval(() => {
    if (launcherPid && process.ppid !== launcherPid) void shutdown(1, 'the launcher went away');
  }, 1000).unref();
  // Last resort on an unexpected exit: no process group left behind.
  process.on('exit', () => {
    for (const c of children) {
      try {
        process.kill(-c.proc.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });

  try {
    // 1. dependencies
    if (depsAreStale(ROOT)) {
      say('installing dependencies (npm ci)…');
      installer = startChild('npm ci', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci'], {
        cwd: ROOT,
        env: process.env,
        logFile: join(tmpdir(), `samverkan-demo-npm-ci-${process.pid}.log`),
        echo: true,
      });
      const { code } = await installer.exit;
      if (stopping) return;
      if (code !== 0) throw new Error(`npm ci failed (exit code ${code}); see the output above`);
      rmSync(installer.logFile, { force: true });
    }
    const tsxCli = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const playgroundCli = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
    for (const f of [tsxCli, playgroundCli]) if (!existsSync(f)) throw new Error(`${f} is missing: run npm ci`);

    // 2. Redis (the helper prints how to install redis-server and exits 1 when it is missing)
    const { ensureRedis } = await import('./redis-helper.mjs');
    redis = await ensureRedis();
    if (stopping) return;
    say(redis.private ? `started a private redis-server at ${redis.url} (removed on exit)` : `using Redis at ${redis.url}`);

    // 3. ports, temp dir, demo data (+ the Playground's config)
    const botPort = await firstFreePort(Number(process.env.DEMO_BOT_PORT || 3978));
    const proxyPort = await randomFreePort();
    const wantedUiPort = Number(process.env.DEMO_PORT || 56150);
    const proxyUrl = `http://127.0.0.1:${proxyPort}`;
    workDir = mkdtempSync(join(tmpdir(), 'samverkan-demo-'));
    const pgDir = join(workDir, 'playground');
    mkdirSync(pgDir);
    const configPath = join(pgDir, '.m365agentsplayground.yml');

    const seedEnv = {
      ...process.env,
      REDIS_URL: redis.url,
      KEY_PREFIX: keyPrefix,
      QUEUE_PREFIX: queuePrefix,
      NODE_ENV: 'development',
      BOT_ID: '',
      BOT_PASSWORD: '',
      BOT_TENANT_ID: '',
      DEMO_SERVICE_URL: `${proxyUrl}${CONNECTOR_PATH}`,
      DEMO_LOCALE: locale ?? 'en-US',
    };
    const seeder = startChild('seed', process.execPath, [tsxCli, 'scripts/demo-seed.ts', '--playground-config', configPath], {
      cwd: ROOT,
      env: seedEnv,
      logFile: join(workDir, 'seed.log'),
      echo: true,
    });
    children.push(seeder);
    const seeded = await seeder.exit;
    if (stopping) return;
    if (seeded.code !== 0) throw new Error('seeding the demo data failed (see above)');
    const pg = JSON.parse(readFileSync(configPath, 'utf8').replace(/^#.*\n/, ''));
    const chair = pg.currentUser;

    // 4. proxy, Playground and bot
    proxy = await startProxy(proxyPort, botPort, locale);
    const playground = startChild(
      'Playground',
      process.execPath,
      [playgroundCli, '-e', `${proxyUrl}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(wantedUiPort), '--service-url', `${proxyUrl}${CONNECTOR_PATH}`],
      {
        cwd: pgDir,
        env: {
          ...process.env,
          ...(openBrowser ? {} : { TEAMSAPPTESTER_BROWSER: 'none' }),
          M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
          M365_AGENTS_PLAYGROUND_LOGFILE: join(pgDir, 'devTools', 'm365agentsplayground.log'),
        },
        logFile: join(workDir, 'playground.log'),
      },
    );
    children.push(playground);
    const bot = startChild('bot', process.execPath, [tsxCli, 'src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(botPort),
        REDIS_URL: redis.url,
        KEY_PREFIX: keyPrefix,
        QUEUE_PREFIX: queuePrefix,
        CHAIR_IDS: chair.aadObjectId,
        ALLOWED_TENANTS: pg.tenantId,
        PUBLIC_URL: `http://localhost:${botPort}`,
        NODE_ENV: 'development',
        LOG_LEVEL: process.env.LOG_LEVEL || 'info',
        // The Playground does not authenticate: a real bot's credentials must not apply here.
        BOT_ID: '',
        BOT_PASSWORD: '',
        BOT_TENANT_ID: '',
      },
      logFile: join(workDir, 'bot.log'),
    });
    children.push(bot);

    const uiPort = await waitFor(
      'the Playground',
      60_000,
      async () => {
        const m = /Listening on (\d+)/.exec(playground.output());
        if (!m) return undefined;
        const r = await fetch(`http://127.0.0.1:${m[1]}/_debug/ping`);
        return r.ok && (await r.text()).includes('pong') ? Number(m[1]) : undefined;
      },
      playground,
    ).catch((e) => {
      throw new Error(`${e.message}\n--- Playground output (tail) ---\n${playground.tail()}`);
    });
    proxy.setPlaygroundPort(uiPort);
    await waitFor('the bot', 90_000, async () => (await fetch(`http://127.0.0.1:${botPort}/readyz`)).status === 200, bot).catch((e) => {
      throw new Error(`${e.message}\n--- bot output (tail) ---\n${bot.tail()}`);
    });
    if (stopping) return;

    const url = `http://localhost:${uiPort}`;
    const channel = pg.team.channels[0].name;
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    const col = (label) => `  ${label}`.padEnd(44);
    console.log(`
Samverkan demo is running (started in ${secs} s).

  Open ${url}
  — the Microsoft 365 Agents Playground, an offline Teams client. You are ${chair.name},
    the kommunpolis: chair of Linköping's steering group (her Entra object id is in CHAIR_IDS)
    and a steering member of the invented neighbour Kinnestad's. One service, two municipalities.

Four things to try (in a channel or the group chat, type @ and pick "${pg.bot.name}" first, as in Teams):
${col(`1. Personal Chat`)}status
     → you are in two municipalities: pick one on the card, then type status again;
       byt organisation picks the other.
${col(`2. ${pg.team.name} - ${channel}`)}@${pg.bot.name} möten
     → Linköping's three steering meetings next year with .ics links; Flytta one, and the
       channel gets the new invitation.
${col(`3. ${pg.groupChat.name} (group chat)`)}@${pg.bot.name} status
     → Kinnestad's forums: its steering group meets in this chat (Linköping's in the team).
${col(`4. ${pg.team.name} - General`)}@${pg.bot.name} registrera forum
     → fill in the card, press Spara; then @${pg.bot.name} forum lists it beside the demo forums.

Demo data (KEY_PREFIX=${keyPrefix}${redis.private ? ', in the private Redis: gone on exit' : ` in ${redis.url}; a re-run keeps it`}):
  Linköping (the team "${pg.team.name}"): the steering group's channel is "${channel}"; Trygghetsrådet
  Berga's is General; Trygghetsrådet Ryd, Trygghetsrådet Skäggetorp, Sociala insatsgruppen and
  Säkerhetsenheten/kommunpolis have invented channels that exist only in the demo data (the Playground
  has one channel besides General); the demo answers for them as Teams would, so \`skicka inspel\`
  reaches all five forums (lines below say so).
  Kinnestads kommun (the group chat "${pg.groupChat.name}"): three forums in invented channels, next
  year's meetings, a published lägesbild and a medborgarlöfte; both municipalities share regionally.
${
  english
    ? "Language: English (--english). Without it the demo sets each activity's locale to sv-SE, as a Swedish Teams client does."
    : 'Language: Swedish. The Playground always sends locale en-US; the demo rewrites it to sv-SE on the way to the bot,\n  as a Swedish Teams client would send (npm run demo -- --english shows the English texts).'
}
Bot: http://localhost:${botPort} (/healthz, /readyz, /meetings/<year>-1.ics); logs in ${workDir}
Ctrl-C stops the bot and the Playground${redis.private ? ', and removes the private Redis' : ''}.
`);

    // 5. run until a signal, or until a child dies
    const died = await Promise.race([bot.exit.then((r) => ({ child: bot, ...r })), playground.exit.then((r) => ({ child: playground, ...r }))]);
    if (!stopping) {
      console.error(`--- ${died.child.name} output (tail) ---\n${died.child.tail()}`);
      await shutdown(1, `${died.child.name} exited unexpectedly (code ${died.code ?? died.signal})`);
    }
  } catch (e) {
    console.error(`[demo] ${e instanceof Error ? e.message : String(e)}`);
    await shutdown(1);
  }
}

// ---------------------------------------------------------------------------------------
// Launcher. A terminal's Ctrl-C signals the whole foreground process group; the demo runs
// in its own group instead, so a private redis-server is not killed before the bot has
// shut down. This process only forwards signals and exits with the demo's exit code.
// ---------------------------------------------------------------------------------------
if (!process.env.SAMVERKAN_DEMO_INNER) {
  const child = spawn(process.execPath, [SELF, ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: { ...process.env, SAMVERKAN_DEMO_INNER: String(process.pid) },
  });
  const forward = (sig) => {
    try {
      process.kill(child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  process.on('SIGHUP', () => forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await runDemo();
}
