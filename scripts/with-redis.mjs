// Usage: node scripts/with-redis.mjs <command...>
// Runs the command with REDIS_URL pointing at a reachable Redis, starting a private one if needed.
import { spawn } from 'node:child_process';
import { ensureRedis } from './redis-helper.mjs';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: node scripts/with-redis.mjs <command...>');
  process.exit(2);
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
