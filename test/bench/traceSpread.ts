/**
 * `npx tsx test/bench/traceSpread.ts [orgs]`: the Redis commands of the spread scenario's
 * turns, per submit, in both worlds (`orgs` organisations × 10 forums, and one organisation
 * of the same forums), as MONITOR sees them on a private redis-server: totals per submit
 * and the command shapes (names, key shapes, no values) whose counts differ between the
 * worlds. Every forum is answered once to warm up; the traced pass edits every forum once
 * more, one at a time, interleaved over the organisations as the scenario does.
 */
import { Redis } from 'ioredis';
import { startPrivateRedis } from '../../scripts/redis-helper.mjs';
import { FakeConnector } from '../support/fakeConnector.js';
import { adminRuntime } from './lib/env.js';
import { runLoad } from './lib/load.js';
import { seedOrg, seedOrgs } from './lib/orgWorld.js';
import { interleave, startBot, submitter } from './spread.js';

const orgCount = Number(process.argv[2] ?? 30);
const forumsEach = 10;
const redis = await startPrivateRedis();
const connector = await new FakeConnector().start();
const monitor = new Redis(redis.url);
const info = new Redis(redis.url);
const commands = async () => Number(/^total_commands_processed:(\d+)/m.exec(await info.info('stats'))?.[1] ?? NaN);

/** `P:{o:o1234567}:rec:forum:abc` → `P:{o:*}:rec:forum:*`: command and key shape only. */
function shape(args: string[]): string {
  const [cmd, ...rest] = args;
  const keyed = cmd === 'evalsha' || cmd === 'eval' ? [`<script ${String(rest[0]).slice(0, 8)}>`, ...rest.slice(2, 2 + Number(rest[1]))] : rest.slice(0, 1);
  const norm = (k: string) =>
    k
      .replace(/bench-spread-(many|one)/g, 'P')
      .replace(/\{o:o[0-9a-z]{7}\}/g, '{o:*}')
      // Job ids, turn markers, conversation keys and record ids: the part after the last separator.
      .replace(/^(.*?:(?:notify|timeline|compile|actions|calendar|done:turn|lkp:forum|rec:answer|hist:answer|audit:answer|rec:forum|rec:conversation|rec:meeting|fair:[a-z]+)):.*$/, '$1:*')
      .replace(/\d+/g, 'N');
  return `${cmd} ${keyed.map(norm).join(' ')}`;
}

const bots: Awaited<ReturnType<typeof startBot>>[] = [];
const admins: Awaited<ReturnType<typeof adminRuntime>>[] = [];
try {
  const perWorld: Record<string, { perSubmit: number; shapes: Map<string, number>; n: number }> = {};
  for (const name of ['many', 'one'] as const) {
    const prefix = `bench-spread-${name}`;
    const admin = await adminRuntime(redis.url, prefix);
    admins.push(admin);
    const orgs =
      name === 'many'
        ? await seedOrgs(admin.runtime.platform, connector.url, orgCount, { label: 'sp', forums: forumsEach, answers: forumsEach })
        : [await seedOrg(admin.runtime.platform, connector.url, { label: 'sp-one', forums: orgCount * forumsEach, answers: orgCount * forumsEach })];
    const bot = await startBot(redis.url, prefix);
    bots.push(bot);
    const targets = interleave(orgs);
    const load = submitter(targets, connector.url, 1, 7);
    const pass = () => runLoad(`${bot.url}/api/messages`, { concurrency: 1, count: targets.length, maxMs: 120_000, next: (l) => load.next(l), onDone: (l, st, b) => load.done(l, st, b) });
    await pass();
    const shapes = new Map<string, number>();
    const m = await monitor.monitor();
    m.on('monitor', (_t: string, args: string[]) => {
      if (args[0] === 'info' || args[0] === 'monitor') return;
      const s = shape(args);
      shapes.set(s, (shapes.get(s) ?? 0) + 1);
    });
    await new Promise((r) => setTimeout(r, 200));
    const before = await commands();
    const res = await pass();
    const after = await commands();
    await new Promise((r) => setTimeout(r, 300));
    m.disconnect();
    perWorld[name] = { perSubmit: (after - before - 1) / targets.length, shapes, n: targets.length };
    console.log(`${name}: ${orgs.length} org(s), ${targets.length} submits, ${res.errors} errors; ${((after - before - 1) / targets.length).toFixed(2)} commands per submit (INFO, script bodies counted)`);
  }
  const many = perWorld.many!;
  const one = perWorld.one!;
  const all = new Set([...many.shapes.keys(), ...one.shapes.keys()]);
  console.log('\ncommand shape, per submit: many | one');
  for (const s of [...all].sort()) {
    const a = (many.shapes.get(s) ?? 0) / many.n;
    const b = (one.shapes.get(s) ?? 0) / one.n;
    console.log(`${Math.abs(a - b) > 0.005 ? '*' : ' '} ${a.toFixed(2).padStart(6)} | ${b.toFixed(2).padStart(6)}  ${s}`);
  }
} finally {
  await Promise.all(bots.map((b) => b.child.stop()));
  for (const a of admins) await a.runtime.close();
  monitor.disconnect();
  info.disconnect();
  await connector.stop();
  await redis.stop();
}
process.exit(0);
