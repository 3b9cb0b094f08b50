// Usage: node scripts/with-redis.mjs <command...>
// Runs the command with REDIS_URL pointing at a reachable Redis, starting a private one if needed,
// after installing the dependencies when node_modules is missing or stale (so `npm test` works as
// the very first command on a fresh clone, as `npm run demo` does).
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDepsSync } from './deps.mjs';
import { ensureRedis } from './redis-helper.mjs';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: node scripts/with-redis.mjs <command...>');
  process.exit(2);
}
try {
  ensureDepsSync(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
} catch (e) {
  console.error(`[with-redis] ${e.message}`);
  process.exit(1);
}
const redis = await ensureRedis();
if (redis.private) console.log(`[with-redis] started a private redis-server at ${redis.url}`);
const child = spawn(cmd, args, {
  stdio: 'inherit',
  env: { ...process.env, REDIS_URL: redis.url },
  shell: process.platform === 'win32',
});
const forward = (sig) => child.kill(sig);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', async (code, signal) => {
  await redis.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
