import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileJobId } from '../../src/services/lagesbild/compile.js';
import { CHAIR, message } from '../support/activities.js';
import { CHAIR_CHAT, cardOf, drained, posts, setUpWorld, updatesOf, type World } from '../support/lagesbild.js';
import { eventually, startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * Fault: the worker process is killed (SIGKILL) in the middle of a compile. The web process
 * (this test's runtime, role 'web') and a separate worker process (`src/main.ts
 * --role=worker`, as in production) share Redis and the queue prefix. After a new worker
 * starts, the stalled job is taken up again, finishes, and the chair has exactly one card.
 */
const FORUMS = 20;
let t: TestRuntime;
let w: World;
const workers: ChildProcess[] = [];
const output: string[] = [];

function startWorker(name: string): ChildProcess {
  const c = t.runtime.services.config;
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/main.ts', '--role=worker'], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: '0',
      REDIS_URL: c.REDIS_URL,
      ...(process.env.REDIS_CLUSTER_NODES ? { REDIS_CLUSTER_NODES: process.env.REDIS_CLUSTER_NODES } : {}),
      KEY_PREFIX: c.KEY_PREFIX,
      QUEUE_PREFIX: c.QUEUE_PREFIX,
      CHAIR_IDS: CHAIR.aadObjectId,
      PUBLIC_URL: c.PUBLIC_URL,
      LINK_SECRET: 'f'.repeat(40),
      LOG_LEVEL: 'warn',
      RECONCILE_CRON: '0 0 1 1 *',
      // A crashed worker's job is picked up after 2 s instead of 30.
      WORKER_LOCK_SECONDS: '2',
      // Slow enough per forum to kill the worker in the middle (honoured only with NODE_ENV=test).
      COMPILE_TEST_DELAY_MS: '250',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the app in a child process, and a SIGKILL cannot be
    // passed on, so the whole group is killed (the app itself, not only the tsx wrapper).
    detached: true,
  });
  child.stdout!.on('data', (d: Buffer) => output.push(`[${name}] ${d.toString()}`));
  child.stderr!.on('data', (d: Buffer) => output.push(`[${name}!] ${d.toString()}`));
  workers.push(child);
  return child;
}

/** Signals the worker's process group (tsx and the app under it). */
function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, sig);
  } catch {
    // already gone
  }
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

beforeAll(async () => {
  t = await startTestRuntime({ role: 'web', env: { CHAIR_IDS: CHAIR.aadObjectId, LINK_SECRET: 'f'.repeat(40) } });
  startWorker('worker-1');
  await eventually(async () => (await t.runtime.services.queues.notify.raw.getWorkersCount()) > 0, 'worker 1 up', 30_000);
  w = await setUpWorld(t, { forums: FORUMS, answered: 15 });
}, 90_000);

afterAll(async () => {
  for (const child of workers) {
    if (child.exitCode === null && child.signalCode === null) {
      signal(child, 'SIGTERM');
      await Promise.race([exited(child), new Promise((r) => setTimeout(r, 10_000))]);
    }
    // Whatever is left of the group (never more than this test started).
    signal(child, 'SIGKILL');
  }
  await t?.cleanup();
});

describe('worker killed mid-compile', () => {
  it('resumes after a restart, finishes, and posts exactly one card', async () => {
    const s = t.runtime.services;
    const chairChat = { conversationId: CHAIR_CHAT, conversationType: 'personal' as const, serviceUrl: t.connector.url };
    await t.post(message(chairChat, CHAIR, 'sammanställ 2027-1'));
    const jobId = compileJobId(w.meetingId, 1);
    // Wait until the worker is in the middle: some forums loaded, not all.
    await eventually(async () => {
      const job = await s.queues.compile.getJob(jobId);
      const p = job?.progress as { loaded?: number } | undefined;
      return (p?.loaded ?? 0) >= 5;
    }, 'the compile half way', 30_000);
    const first = workers[0]!;
    signal(first, 'SIGKILL');
    await exited(first);
    // Nothing of the first worker runs on: the job stays where it was.
    const frozen = ((await s.queues.compile.getJob(jobId))!.progress as { loaded: number }).loaded;
    await new Promise((r) => setTimeout(r, 1_000));
    expect(((await s.queues.compile.getJob(jobId))!.progress as { loaded: number }).loaded).toBe(frozen);
    const job = await s.queues.compile.getJob(jobId);
    expect(await job!.getState()).toBe('active');
    expect((job!.progress as { loaded: number }).loaded).toBeLessThan(FORUMS);
    expect(await s.repos.lagesbilder.get(w.meetingId)).toBeNull();

    startWorker('worker-2');
    await eventually(async () => (await (await s.queues.compile.getJob(jobId))!.getState()) === 'completed', `the job completed after the restart\n${output.join('')}`, 60_000);
    await drained(t);

    const done = (await s.queues.compile.getJob(jobId))!;
    expect(done.progress).toEqual({ loaded: FORUMS, total: FORUMS });
    // BullMQ saw the first worker's attempt stall and gave the job to the second worker.
    expect(done.stalledCounter).toBe(1);
    // One snapshot, one card: the progress card the chair got, updated in place to the result.
    expect((await s.repos.lagesbilder.require(w.meetingId)).version).toBe(1);
    const cards = posts(t, CHAIR_CHAT).filter((r) => /Styrgruppsmöte 1\/2027/.test(cardOf(r)));
    expect(cards).toHaveLength(1);
    const run = await s.repos.compileRuns.require(w.meetingId);
    expect(run.data).toMatchObject({ run: 1, state: 'done' });
    const id = (await s.repos.markers.getCard(run.data.watchers[0]!.cardKey))!.activityId;
    const last = updatesOf(t, CHAIR_CHAT, id).at(-1)!;
    expect(cardOf(last)).toContain('15 av 20 forum har svarat');
    expect(cardOf(last)).toContain('agenda.approve');
  }, 120_000);
});
