import { proposeYearPlan } from '../../../src/domain/calendar/yearPlan.js';
import { confirmPlan } from '../../../src/services/meetings.js';
import { CHAIR, MEMBER, channel, mentionMessage } from '../../support/activities.js';
import { FakeGraph } from '../../support/fakeGraph.js';
import { ORGANIZER, STEERING, graphEnvFor } from '../../support/graphWorld.js';
import { startApp, waitFor, type AppProcess } from '../support/processes.js';
import { startStack } from '../support/stack.js';
import type { Figures } from './types.js';


/**
 * Issue 8: a worker process is killed with SIGKILL while Graph has made a meeting's event
 * but its answer has not arrived (the id is not stored). A new worker takes the stalled
 * job over and repeats the create with the stored transaction id: Graph answers with the
 * event it already made. Three meetings, three events — none lost, none doubled.
 */
export async function workerKilledDuringCalendarCreate(figures: Figures): Promise<void> {
  const fake = await FakeGraph.start({ mailboxes: [ORGANIZER] });
  fake.addUser({ id: CHAIR.aadObjectId, displayName: CHAIR.name, mail: 'ordforande.testsson@linkoping.example', userPrincipalName: 'ordforande.testsson@linkoping.example' });
  fake.addUser({ id: MEMBER.aadObjectId, displayName: MEMBER.name, mail: 'medlem.pahittad@polisen.example', userPrincipalName: 'medlem.pahittad@polisen.example' });
  const env = {
    CHAIR_IDS: CHAIR.aadObjectId,
    PUBLIC_URL: 'https://samverkan.example.se',
    ...graphEnvFor(fake),
  };
  const stack = await startStack({ role: 'web', env });
  const workers: AppProcess[] = [];
  try {
    const s = stack.runtime.services!;
    const workerEnv = { ...env, REDIS_URL: stack.redis.url, KEY_PREFIX: s.config.KEY_PREFIX, QUEUE_PREFIX: s.config.QUEUE_PREFIX, RECONCILE_CRON: '0 0 1 1 *', WORKER_LOCK_SECONDS: '2' };
    workers.push(await startApp('worker', workerEnv));
    stack.connector.rosters.set(STEERING, [CHAIR, MEMBER].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })));
    await stack.post(mentionMessage(channel(stack.connector.url, STEERING, 'Styrgrupp'), CHAIR, 'registrera styrgrupp'));
    await waitFor(() => stack.connector.to(STEERING).length > 0, 'the steering channel registered');

    // The first create is carried out by Graph, and its answer held back until the worker is dead.
    let held = false;
    fake.fault = (req) => {
      if (held || req.method !== 'POST' || !req.path.endsWith('/events')) return undefined;
      held = true;
      return { holdResponse: true };
    };
    const choices = proposeYearPlan(2027, s.planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time }));
    await confirmPlan(s, 2027, choices, CHAIR.aadObjectId);
    await waitFor(() => held && fake.events(ORGANIZER).length >= 1, 'Graph made the first event (answer held)', 60_000);
    const statesAtKill = await Promise.all(['2027-1', '2027-2', '2027-3'].map(async (id) => (await s.repos.calendarEvents.get(id))?.data.state ?? 'none'));
    await workers[0]!.kill9();
    const killedAt = Date.now();
    workers.push(await startApp('worker', workerEnv));
    const allCreated = async () => (await Promise.all(['2027-1', '2027-2', '2027-3'].map((id) => s.repos.calendarEvents.get(id)))).every((r) => r?.data.state === 'created');
    await waitFor(allCreated, 'every meeting’s event stored after the restart', 90_000, 100);
    const recoveredS = (Date.now() - killedAt) / 1000;

    const events = fake.events(ORGANIZER);
    const records = await Promise.all(['2027-1', '2027-2', '2027-3'].map(async (id) => (await s.repos.calendarEvents.require(id)).data));
    const matched = records.filter((r) => events.some((e) => e.id === r.eventId)).length;
    const creates = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events')).length;
    figures.push(
      ['meetings confirmed', 3],
      ['calendar states at SIGKILL', statesAtKill.join(', ')],
      ['create requests to Graph', creates],
      ['events in the organizer’s calendar', events.length],
      ['stored after kill (s)', recoveredS.toFixed(1)],
      ['lost', 3 - matched],
      ['duplicated', Math.max(0, events.length - 3)],
    );
    if (!statesAtKill.includes('creating')) throw new Error(`the kill did not land mid-create (states ${statesAtKill.join(', ')})`);
    if (events.length !== 3 || matched !== 3) throw new Error(`expected 3 events matching the 3 meetings, got ${events.length} events, ${matched} matched`);
    if (creates < 4) throw new Error('the held create was not repeated');
  } finally {
    fake.fault = undefined;
    for (const w of workers) await w.stop();
    await stack.close();
    await fake.stop();
  }
}
