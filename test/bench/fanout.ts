/**
 * Scenario 2 — fan-out: the T−21 prompt (the inspel card) and a reminder to each of
 * 5,000 forum channels through the notify queue, enqueued by the real services
 * (promptForums, remindForums), sent by worker processes (`src/main.ts --role=worker`,
 * one, then two) to a fake Bot Connector that enforces a global rate and Teams'
 * per-conversation limits and answers 429 above them. The baseline is the rate the fake
 * connector allows: the platform's limit is the physical limit here.
 */
import { parseRateWindows } from '../../src/store/conversationRateLimiter.js';
import { promptForums } from '../../src/services/inputs/prompts.js';
import { remindForums } from '../../src/services/inputs/reminders.js';
import { FakeConnector, type CapturedActivity } from '../support/fakeConnector.js';
import { adminRuntime, botEnv } from './lib/env.js';
import { teamsRateLimits } from './lib/limits.js';
import { sleep, spawnTsx, waitForHttp, type Child } from './lib/proc.js';
import { round } from './lib/stats.js';
import { confirmYear, meeting, seedForums } from './lib/world.js';
import { freePort } from '../support/freePort.js';

export interface FanoutOptions {
  redisUrl: string;
  conversations: number;
  /** The global limit the fake connector enforces, and NOTIFY_RATE_PER_SECOND. */
  ratePerSecond: number;
  workers: number;
  /** Which of the consecutive runs this is (1…). */
  run?: number;
  log: (line: string) => void;
}

export interface FanoutResult {
  workers: number;
  run: number;
  conversations: number;
  messages: number;
  allowedPerSecond: number;
  achievedPerSecond: number;
  rateRatio: number;
  seconds: number;
  /** 429s the workers received: all, and after the first two seconds (steady state). */
  refusals: { total: number; global: number; perConversation: number; steady: number };
  lost: number;
  duplicated: number;
  deadLetter: number;
  enqueueSeconds: number;
  workerPeakRssMiB: number[];
}

/** Which notice an activity is (the card's text says it). */
function kindOf(a: CapturedActivity): 'prompt' | 'reminder' | 'other' {
  const json = JSON.stringify(a.activity.attachments?.[0]?.content ?? a.activity.text ?? '');
  if (json.includes('har inte lämnat inspel')) return 'reminder';
  if (json.includes('input.submit')) return 'prompt';
  return 'other';
}

export async function runFanout(o: FanoutOptions): Promise<FanoutResult> {
  const prefix = `bench-fan${o.workers}-${o.run ?? 1}`;
  const windows = parseRateWindows('7/1,8/2,60/30,1800/3600');
  const connector = await new FakeConnector().start();
  const limits = teamsRateLimits(o.ratePerSecond, windows);
  connector.fault = limits.rule;
  const env = botEnv(o.redisUrl, prefix, { NOTIFY_RATE_PER_SECOND: String(o.ratePerSecond), NOTIFY_CONVERSATION_LIMITS: '7/1,8/2,60/30,1800/3600' });
  const admin = await adminRuntime(o.redisUrl, prefix, { NOTIFY_RATE_PER_SECOND: String(o.ratePerSecond) });
  const s = admin.runtime.services!;
  const workers: Child[] = [];
  try {
    const forums = await seedForums(s, connector.url, o.conversations);
    const meetingId = await confirmYear(s, 2027);
    const m = await meeting(s, meetingId);
    // No steering channel here: the plan's invitations went nowhere; only this scenario's notices are sent.
    for (let i = 0; i < o.workers; i++) {
      const port = await freePort();
      const w = spawnTsx('src/main.ts', { args: ['--role=worker'], env: { ...env, PORT: String(port) } });
      workers.push(w);
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, w);
    }
    const expected = forums.length * 2;
    const t0 = Date.now();
    await promptForums(s, m.data, 'bench');
    await remindForums(s, m.data, 'bench');
    const enqueueSeconds = (Date.now() - t0) / 1000;
    // Twice the time the allowed rate needs: a slower run is reported, not waited for.
    const budgetMs = Math.max(60_000, (2 * expected * 1000) / o.ratePerSecond);
    let lastLog = Date.now();
    for (;;) {
      const c = await s.queues.notify.raw.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      const pending = Object.values(c).reduce((a, b) => a + b, 0);
      if (pending === 0) break;
      if (Date.now() - t0 > budgetMs) {
        o.log(`  fan-out: gave up after ${budgetMs} ms with ${pending} pending`);
        break;
      }
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        o.log(`  ${o.workers} worker(s): ${connector.received.length}/${expected} sent, ${limits.stats.globalRefusals + limits.stats.conversationRefusals} refused`);
      }
      await sleep(200);
    }
    const deadLetter = await s.queues.notify.raw.getFailedCount();
    const accepted = connector.requests.filter((r) => r.status === 200).map((r) => r.at);
    const first = Math.min(...accepted);
    const last = Math.max(...accepted);
    const seconds = (last - first) / 1000;
    // Over the span from the first accepted send to the last.
    const achievedPerSecond = accepted.length > 1 ? (accepted.length - 1) / seconds : 0;

    const seen = new Map<string, number>();
    for (const a of connector.received) {
      const k = `${a.conversationId} ${kindOf(a)}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    let lost = 0;
    let duplicated = 0;
    for (const f of forums) {
      for (const kind of ['prompt', 'reminder']) {
        const n = seen.get(`${f.conversationId} ${kind}`) ?? 0;
        if (n === 0) lost++;
        if (n > 1) duplicated += n - 1;
      }
    }
    const other = [...seen.entries()].filter(([k]) => k.endsWith(' other')).reduce((a, [, n]) => a + n, 0);
    duplicated += other;
    const peaks = workers.map((w) => w.peakRss());
    return {
      workers: o.workers,
      run: o.run ?? 1,
      conversations: forums.length,
      messages: expected,
      allowedPerSecond: o.ratePerSecond,
      achievedPerSecond: round(achievedPerSecond, 1),
      rateRatio: round(achievedPerSecond / o.ratePerSecond, 3),
      seconds: round(seconds, 1),
      refusals: {
        total: limits.stats.globalRefusals + limits.stats.conversationRefusals,
        global: limits.stats.globalRefusals,
        perConversation: limits.stats.conversationRefusals,
        steady: limits.stats.refusedAt.filter((t) => t - first > 2000).length,
      },
      lost,
      duplicated,
      deadLetter,
      enqueueSeconds: round(enqueueSeconds, 1),
      workerPeakRssMiB: peaks.map((b) => round(b / 1024 / 1024, 1)),
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await admin.runtime.close();
    await connector.stop();
  }
}
