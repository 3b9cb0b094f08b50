/**
 * The public-page benchmark's server process: the app's real HTTP stack
 * (createHttpApp: security headers, JSON parser, the /invanare routes and their cache)
 * behind one express app that also serves STATIC_DIR at /static with express.static and
 * the same security headers — the baseline, in the same process and on the same port.
 * Env: the bot's (botEnv) plus PORT and STATIC_DIR.
 */
import express from 'express';
import { loadConfig } from '../../src/config.js';
import { createHttpApp, listen } from '../../src/http/server.js';
import { securityHeaders } from '../../src/http/securityHeaders.js';
import { createLogger } from '../../src/log.js';
import { startRuntime } from '../../src/runtime.js';

const port = Number(process.env.PORT ?? 3990);
const staticDir = process.env.STATIC_DIR ?? '';
// A web-role runtime on a free port only for its services (Redis, repositories); requests go to `outer`.
const runtime = await startRuntime(loadConfig({ ...process.env, PORT: '0' }), { role: 'web', log: createLogger('error') });
const outer = express();
outer.disable('x-powered-by');
outer.use('/static', securityHeaders, express.static(staticDir, { maxAge: 300_000 }));
outer.use(createHttpApp({ platform: runtime.platform, ready: async () => ({ ok: true, checks: {} }) }));
const server = await listen(outer, port);
console.log(`public bench server on ${port}`);
process.on('SIGTERM', () => {
  server.close();
  void runtime.close().then(() => process.exit(0));
});
