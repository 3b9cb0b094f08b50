import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { createTimelineStepProcessor } from '../../jobs/processors/timelineStep.js';
import type { TimelineJob } from '../../jobs/queues.js';
import { renderNotice } from '../../src/bot/notices.js';
import { proposeYearPlan } from '../../src/domain/calendar/yearPlan.js';
import { confirmPlan } from '../../src/services/meetings.js';
import { actionRevision, updateAction } from '../../src/services/promise/actions.js';
import { changeStatus } from '../../src/services/promise/promises.js';
import { makeTestServices, type TestServices } from '../support/services.js';
import { CHAIR_ID, chair, ownerActor, registerSteering, seedAction, seedPromise } from '../support/promise.js';
import { publishNow } from '../support/publicSeed.js';

/**
 * After each follow-up round (the timeline's T+1 step, with the decisions card) the chairs
 * are asked whether to publish the update for the residents — once per meeting, and only
 * when the round brought something the residents have not seen.
 */
let t: TestServices;
const STEERING = '19:steering@thread.tacv2';

beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-01-10T08:00:00Z'), env: { CHAIR_IDS: CHAIR_ID } });
  await registerSteering(t.s, STEERING);
  const choices = proposeYearPlan(2027, t.s.planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time }));
  await confirmPlan(t.s, 2027, choices, CHAIR_ID);
  await t.queues.notify.drain(true);
});

afterEach(async () => {
  await t.cleanup();
});

const runStep = (meetingId: string, kind: string, sequence = 0) => createTimelineStepProcessor(t.s)({ data: { meetingId, kind, sequence } } as Job<TimelineJob>);
const prompts = async () => (await t.queues.notify.getJobs(['waiting', 'delayed', 'prioritized'])).filter((j) => j.data.template === 'public.publishPrompt');

describe('the publish question after a follow-up round', () => {
  it('goes to the chairs once per meeting, opens the preview, and is not sent when there is nothing new', async () => {
    const { promiseId, commitmentId } = await seedPromise(t.s);
    const item = (await seedAction(t.s, promiseId, commitmentId, { aadObjectId: 'aad-anna', name: 'Anna Påhittad' }, '2027-06-01', 'Trygghetsvandringar')).action;
    await changeStatus(t.s, promiseId, (await t.s.repos.promises.require(promiseId)).version, 'faststallt', chair);

    // No follow-up for meeting 1 yet: the question is queued but renders to nothing.
    await runStep('2027-1', 'decisions');
    expect((await prompts()).map((j) => j.data.conversationId)).toEqual([STEERING]);
    expect(await renderNotice(t.s, (await prompts())[0]!.data, 'sv-SE')).toBeNull();
    await t.queues.notify.drain(true);

    await updateAction(t.s, promiseId, item.id, actionRevision(item), { followUpText: 'Två vandringar gjorda', count: 2 }, '2027-2', ownerActor('aad-anna'));
    await runStep('2027-2', 'decisions');
    await runStep('2027-2', 'decisions'); // a re-run asks once
    const queued = await prompts();
    expect(queued).toHaveLength(1);
    const card = JSON.stringify(await renderNotice(t.s, queued[0]!.data, 'sv-SE'));
    expect(card).toContain('Ny uppföljning – publicera för invånarna?');
    expect(card).toContain('Styrgruppsmöte 2/2027');
    expect(card).toContain('"verb":"public.preview"');
    expect(card).not.toContain('Anna Påhittad');
    expect(JSON.stringify(await renderNotice(t.s, queued[0]!.data, 'en-US'))).toContain('New follow-up – publish for residents?');
    // Asking publishes nothing.
    expect(await t.s.repos.publicVersions.current('linkoping')).toBeNull();

    // Once published, the same round has nothing new to ask about.
    await publishNow(t.s, promiseId);
    expect(await renderNotice(t.s, queued[0]!.data, 'sv-SE')).toBeNull();
  });
});
