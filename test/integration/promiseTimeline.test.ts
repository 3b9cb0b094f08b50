import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { createTimelineStepProcessor } from '../../jobs/processors/timelineStep.js';
import type { TimelineJob } from '../../jobs/queues.js';
import { renderNotice } from '../../src/bot/notices.js';
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import { confirmPlan } from '../../src/services/meetings.js';
import { actionRevision, updateAction } from '../../src/services/promise/actions.js';
import { makeTestServices, type TestServices } from '../support/services.js';
import { CHAIR_ID, addConversation, ownerActor, registerSteering, seedAction, seedPromise } from '../support/promise.js';

/** The meeting timeline asks owners for their follow-up (at the prompt) and gives chairs the decisions card (T+1). */
let t: TestServices;
const STEERING = '19:steering@thread.tacv2';

beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-01-10T08:00:00Z'), env: { CHAIR_IDS: CHAIR_ID } });
  await registerSteering(t.s, STEERING);
});

afterEach(async () => {
  await t.cleanup();
});

const runStep = (meetingId: string, kind: string, sequence = 0) => createTimelineStepProcessor(t.s)({ data: { meetingId, kind, sequence } } as Job<TimelineJob>);

describe('medborgarlöfte steps of the meeting timeline', () => {
  it("'prompt': every owner of an open item is asked once (1:1 or channel); 'decisions': the chairs get the card", async () => {
    const choices = proposeYearPlan(2027, t.s.planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time }));
    await confirmPlan(t.s, 2027, choices, CHAIR_ID);
    await t.queues.notify.drain(true);
    const { promiseId, commitmentId } = await seedPromise(t.s);
    await addConversation(t.s, 'a:anna', 'personal', 'aad-anna');
    await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-anna', name: 'Anna' }, '2027-06-01', 'Första');
    await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-anna', name: 'Anna' }, '2027-07-01', 'Andra');
    const done = (await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-done', name: 'Klar' }, '2027-07-01', 'Klar redan')).action;
    await updateAction(t.s, promiseId, done.id, actionRevision(done), { status: 'klar' }, '2027-1', ownerActor('aad-done'));
    await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-bo', name: 'Bo' }, '2027-07-01', 'Bos');

    await runStep('2027-1', 'prompt');
    await runStep('2027-1', 'prompt'); // a re-run is harmless
    const requests = (await t.queues.notify.getJobs(['waiting', 'delayed', 'prioritized'])).filter((j) => j.data.template === 'promise.followUpRequest');
    expect(requests.map((j) => [j.data.conversationId, j.data.userAadObjectId]).sort()).toEqual([
      [STEERING, 'aad-bo'],
      ['a:anna', 'aad-anna'],
    ]);
    const annaCard = JSON.stringify(await renderNotice(t.s, requests.find((j) => j.data.userAadObjectId === 'aad-anna')!.data, 'sv-SE'));
    expect(annaCard).toContain('Inför Styrgruppsmöte 1/2027');
    expect(annaCard).toContain('Första');
    expect(annaCard).toContain('Andra');
    expect(annaCard).toContain('action.open');
    expect(annaCard).not.toContain('<at>');
    const boCard = JSON.stringify(await renderNotice(t.s, requests.find((j) => j.data.userAadObjectId === 'aad-bo')!.data, 'sv-SE'));
    expect(boCard).toContain('"mentioned":{"id":"aad-bo","name":"Bo"}');
    expect(boCard).toContain('<at>Bo</at>: Inför Styrgruppsmöte 1/2027');

    await runStep('2027-1', 'decisions');
    const decisions = (await t.queues.notify.getJobs(['waiting', 'delayed', 'prioritized'])).filter((j) => j.data.template === 'promise.decisions');
    expect(decisions.map((j) => j.data.conversationId)).toEqual([STEERING]);
    const card = JSON.stringify(await renderNotice(t.s, decisions[0]!.data, 'sv-SE'));
    expect(card).toContain('Beslut och åtgärder – Styrgruppsmöte 1/2027');
    expect(card).toContain('"verb":"action.create"');
  });
});
