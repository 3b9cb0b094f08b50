/**
 * `npx tsx test/bench/traceSubmit.ts [forums]`: the Redis commands of one inspel submit,
 * as MONITOR sees them on a private redis-server (command names and key shapes only, no
 * values). For working on the inbound scenario's commands per submit.
 */
import { Redis } from 'ioredis';
import { startPrivateRedis } from '../../scripts/redis-helper.mjs';
import { MEMBER, channel, invokeExecute, post } from '../support/activities.js';
import { FakeConnector } from '../support/fakeConnector.js';
import { freePort } from '../support/freePort.js';
import { rng } from '../unit/domain/lagesbild/generators.js';
import { inspelData } from './lib/answers.js';
import { adminRuntime, botEnv } from './lib/env.js';
import { spawnTsx, waitForHttp } from './lib/proc.js';
import { setUpOverHttp } from './lib/world.js';

const forumCount = Number(process.argv[2] ?? 4);
const redis = await startPrivateRedis();
const connector = await new FakeConnector().start();
const port = await freePort();
const prefix = 'trace';
const bot = spawnTsx('src/main.ts', { env: { ...botEnv(redis.url, prefix), PORT: String(port) }, args: ['--role=web'] });
const url = `http://127.0.0.1:${port}`;
try {
  await waitForHttp(`${url}/healthz`, bot);
  const admin = await adminRuntime(redis.url, prefix);
  const world = await setUpOverHttp(url, connector.url, admin.runtime.services!, forumCount);
  const r = rng(3);
  const submit = (i: number, version?: number) => {
    const f = world.forums[i % world.forums.length]!;
    const data = { meetingId: world.meetingId, forumId: f.id, ...(version ? { version } : {}), ...inspelData(r, f.districts) };
    return post(url, invokeExecute(channel(connector.url, f.conversationId, f.name), MEMBER, 'input.submit', data));
  };
  // Warm: the first submit of each forum creates; the traced one is an edit (version 1).
  for (let i = 0; i < world.forums.length; i++) await submit(i);
  await submit(0, 1);
  const monitor = new Redis(redis.url);
  const lines: string[] = [];
  const m = await monitor.monitor();
  m.on('monitor', (_t: string, args: string[]) => {
    const [cmd, ...rest] = args;
    if (cmd === 'info' || cmd === 'monitor') return;
    const shown = cmd === 'evalsha' || cmd === 'eval' ? [`<script ${String(rest[0]).slice(0, 8)}>`, ...rest.slice(1, 2 + Number(rest[1]))] : rest.slice(0, cmd?.startsWith('h') || cmd === 'set' || cmd === 'get' ? 2 : 1);
    lines.push(`${cmd} ${shown.map((a) => (a.length > 70 ? `${a.slice(0, 70)}…` : a)).join(' ')}`);
  });
  await new Promise((res) => setTimeout(res, 200));
  const res = await submit(0, 2);
  await new Promise((res) => setTimeout(res, 500));
  console.log(`status ${res.status}; ${lines.length} commands:`);
  for (const l of lines) console.log(`  ${l}`);
  m.disconnect();
  monitor.disconnect();
  await admin.runtime.close();
} finally {
  await bot.stop();
  await connector.stop();
  await redis.stop();
}
process.exit(0);
