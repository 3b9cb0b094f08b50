import { afterAll, describe, it } from 'vitest';
import { FigureTable, measured } from './support/figures.js';
import { workerKilledDuringCompile } from './scenarios/compileKill.js';
import { workerKilledDuringCalendarCreate } from './scenarios/calendarKill.js';
import { connectorFailing } from './scenarios/connectorFaults.js';
import { fuzz } from './scenarios/fuzz.js';
import { redisUnreachable } from './scenarios/redisOutage.js';
import { redisRestartedWhileAnswering } from './scenarios/redisRestart.js';
import { teamsRetries } from './scenarios/teamsRetries.js';
import { workerKilledDuringFanout } from './scenarios/workerKill.js';

/**
 * npm run test:reliability — each scenario runs against its own redis-server (and, where
 * processes matter, separate app processes), on loopback only, bounded in time. The
 * figures of every scenario are printed as one table at the end (and saved to
 * test-results/reliability/figures.json).
 */
const table = new FigureTable();

afterAll(() => {
  table.save();
  console.log(`\nReliability figures\n${table.render()}\n`);
});

describe.sequential('reliability', () => {
  it('a worker process killed with SIGKILL during a fan-out of 500 prompts: every job completes, lost 0, duplicated 0', () =>
    measured(table, 'worker SIGKILL during fan-out', workerKilledDuringFanout), 180_000);
  it('a worker process killed with SIGKILL during a compile: it completes once, one snapshot, one card', () =>
    measured(table, 'worker SIGKILL during compile', workerKilledDuringCompile), 150_000);
  it('a worker process killed with SIGKILL after Graph made an event but before its id was stored: one event per meeting', () =>
    measured(table, 'worker SIGKILL during a Graph create', workerKilledDuringCalendarCreate), 150_000);
  it('Redis restarted (SIGTERM, then SIGKILL; AOF everysec) while answers come in: every acknowledged answer is still there', () =>
    measured(table, 'Redis restarted under answers', redisRestartedWhileAnswering), 120_000);
  it('Redis unreachable for 30 s: "try again shortly", /readyz 503, no process exits, recovery by itself', () =>
    measured(table, 'Redis unreachable 30 s', redisUnreachable), 150_000);
  it('the connector failing (429 + Retry-After, 500, 502, timeouts, resets): delivered exactly once', () =>
    measured(table, 'connector failing', connectorFailing), 150_000);
  it('Teams retrying the same activity (same id): one effect', () => measured(table, 'Teams retries', teamsRetries), 90_000);
  it('fuzzing: 10,000 malformed or hostile activities and card payloads: 2xx/4xx, no crash, no stored change', () =>
    measured(table, 'fuzz', fuzz), 240_000);
});
