/**
 * Scenario 4 — footprint: resident memory of the web process (`src/main.ts --role=web`)
 * idle, and after 10,000 stored answers (2,000 forums × 5 meetings, a county keeping two
 * years of answers) with traffic over them; and Redis memory per stored answer. The
 * answers are stored through the service layer (`submitAnswer`: validation, versioned
 * write, history, audit line, card-refresh and progress jobs) from this process; the
 * web process then serves edits and `status` over that data. Baselines: the echo bot's
 * idle RSS, the web process's own idle RSS, the answer's JSON size.
 */
import type { Redis } from 'ioredis';
import { submitAnswer } from '../../src/services/inputs/answers.js';
import type { Services } from '../../src/services/services.js';
import { CHAIR, MEMBER, channel, invokeExecute, mentionMessage, message, post } from '../support/activities.js';
import { FakeConnector } from '../support/fakeConnector.js';
import { rng } from '../unit/domain/lagesbild/generators.js';
import { inspelData } from './lib/answers.js';
import { adminRuntime, botEnv } from './lib/env.js';
import { runLoad } from './lib/load.js';
import { sleep, spawnTsx, waitForHttp, type Child } from './lib/proc.js';
import { mib, round } from './lib/stats.js';
import { STEERING, confirmYear, seedForums } from './lib/world.js';
import { freePort } from '../support/freePort.js';

export interface FootprintOptions {
  redisUrl: string;
  forums: number;
  /** Answers stored: meeting by meeting, each answered by every forum in turn (10,000 over 2,000 forums: five meetings; over 20,000: half of one). */
  answers: number;
  log: (line: string) => void;
}

export interface FootprintResult {
  answers: number;
  forums: number;
  meetings: number;
  echoIdleRssMiB: number;
  webIdleRssMiB: number;
  webAfterRssMiB: number;
  webPeakRssMiB: number;
  idleVsEcho: number;
  afterVsIdle: number;
  storeSeconds: number;
  answerJsonBytes: number;
  redisBytesPerAnswer: number;
  redisQueueBytesPerAnswer: number;
  redisVsJson: number;
  trafficAfter: { submits: number; submitErrors: number; statusReplies: number };
}

async function usedMemory(redis: Redis): Promise<number> {
  // Let lazy frees and the allocator settle, then read.
  await sleep(300);
  const info = await redis.info('memory');
  return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** Mean RSS over a few samples a little apart (one reading can catch a GC in progress). */
async function steadyRss(child: Child): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(child.rss());
    await sleep(200);
  }
  return samples.reduce((a, b) => a + b, 0) / samples.length;
}

async function startWeb(entry: string, env: Record<string, string>, args: string[]): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const child = spawnTsx(entry, { env: { ...env, PORT: String(port) }, args });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, child);
  return { child, url };
}

export async function runFootprint(o: FootprintOptions): Promise<FootprintResult> {
  const prefix = `bench-fp${o.forums}`;
  const connector = await new FakeConnector().start();
  const admin = await adminRuntime(o.redisUrl, prefix);
  const s: Services = admin.runtime.services!;
  const redis = admin.runtime.redis as Redis;
  let web: { child: Child; url: string } | undefined;
  let echo: { child: Child; url: string } | undefined;
  try {
    echo = await startWeb('test/bench/echoBot.ts', {}, []);
    await sleep(2000);
    const echoIdle = await steadyRss(echo.child);
    await echo.child.stop();
    echo = undefined;

    web = await startWeb('src/main.ts', botEnv(o.redisUrl, prefix), ['--role=web']);
    const steering = channel(connector.url, STEERING, 'Styrgrupp');
    await post(web.url, mentionMessage(steering, CHAIR, 'registrera styrgrupp'));
    const forums = await seedForums(s, connector.url, o.forums);
    const meetingIds = [...new Set([await confirmYear(s, 2027), await confirmYear(s, 2028)])];
    const meetings = Math.ceil(o.answers / o.forums);
    const all = (await s.repos.meetings.list()).map((m) => m).sort((a, b) => a.id.localeCompare(b.id)).slice(0, meetings);
    if (all.length < meetings) throw new Error(`only ${all.length} meetings (${meetingIds.join(',')})`);
    await sleep(2000);
    const webIdle = await steadyRss(web.child);

    // Redis before: queued notices (plan invitations) removed so the delta is the answers' own.
    await s.queues.notify.raw.obliterate({ force: true });
    const before = await usedMemory(redis);
    const r = rng(11);
    const pairs = all.flatMap((m) => forums.map((f) => ({ m, f }))).slice(0, o.answers);
    let next = 0;
    let jsonBytes = 0;
    const t0 = Date.now();
    const lane = async () => {
      while (next < pairs.length) {
        const { m, f } = pairs[next++]!;
        const stored = await submitAnswer(s, {
          meeting: m,
          forum: { id: f.id, version: 1, updatedAt: '', updatedBy: '', data: { id: f.id, name: f.name, kind: 'trygghetsrad', districts: f.districts, contacts: [], conversationId: f.conversationId, active: true, memberIds: [] } },
          raw: inspelData(r, f.districts),
          basedOnVersion: undefined,
          actor: { id: MEMBER.aadObjectId, name: MEMBER.name },
        });
        jsonBytes += Buffer.byteLength(JSON.stringify(stored.data));
      }
    };
    await Promise.all(Array.from({ length: 16 }, lane));
    const storeSeconds = (Date.now() - t0) / 1000;
    const withJobs = await usedMemory(redis);
    await s.queues.notify.raw.obliterate({ force: true });
    const dataOnly = await usedMemory(redis);
    o.log(`  stored ${pairs.length} answers in ${storeSeconds.toFixed(1)} s`);

    // Traffic over the data: edits from the forums' channels, and the status of each meeting.
    const edits = pairs.filter((_, i) => i % 50 === 0);
    let e = 0;
    const load = await runLoad(`${web.url}/api/messages`, {
      concurrency: 16,
      count: edits.length,
      maxMs: 120_000,
      next: () => {
        const { m, f } = edits[e++ % edits.length]!;
        const body = JSON.stringify(invokeExecute(channel(connector.url, f.conversationId, f.name), MEMBER, 'input.submit', { meetingId: m.id, forumId: f.id, version: 1, ...inspelData(r, f.districts) }));
        return { body, ok: (status, text) => status === 200 && text.includes('Tack!') };
      },
    });
    const repliesBefore = connector.received.length;
    for (const m of all) await post(web.url, message(steering, CHAIR, `status ${m.id}`));
    const statusReplies = connector.received.length - repliesBefore;
    o.log(`  ${load.requests} edits (${load.errors} refused), ${statusReplies} status replies`);
    await sleep(2000);
    const webAfter = await steadyRss(web.child);
    const n = pairs.length;
    return {
      answers: n,
      forums: forums.length,
      meetings: all.length,
      echoIdleRssMiB: mib(echoIdle),
      webIdleRssMiB: mib(webIdle),
      webAfterRssMiB: mib(webAfter),
      webPeakRssMiB: mib(web.child.peakRss()),
      idleVsEcho: round(webIdle / echoIdle, 2),
      afterVsIdle: round(webAfter / webIdle, 2),
      storeSeconds: round(storeSeconds, 1),
      answerJsonBytes: Math.round(jsonBytes / n),
      redisBytesPerAnswer: Math.round((dataOnly - before) / n),
      redisQueueBytesPerAnswer: Math.round((withJobs - dataOnly) / n),
      redisVsJson: round((dataOnly - before) / jsonBytes, 2),
      trafficAfter: { submits: load.requests, submitErrors: load.errors, statusReplies },
    };
  } finally {
    await echo?.child.stop();
    await web?.child.stop();
    await admin.runtime.close();
    await connector.stop();
  }
}
