/** People leaving the steering channel's team stop being steering members; Graph on, the meetings ahead are re-synced. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversationKey } from '../../../src/domain/conversation.js';
import { steeringRosterChanged } from '../../../src/services/calendar/steeringRosterChanged.js';
import { confirmPlan } from '../../../src/services/meetings.js';
import { proposeYearPlan } from '../../../src/domain/calendar/yearPlan.js';
import { makeTestServices, type TestServices } from '../../support/services.js';

const NOW = new Date('2026-11-25T09:00:00Z');
const STEERING = '19:steering@thread.tacv2';
const TEAM = '19:team@thread.tacv2';
const A = 'aaaaaaaa-0000-0000-0000-00000000000a';
const B = 'aaaaaaaa-0000-0000-0000-00000000000b';

async function setUp(t: TestServices): Promise<void> {
  const s = t.s;
  await s.repos.steering.create('styrgrupp', { conversationId: STEERING, registeredBy: 'chair', registeredAt: NOW.toISOString(), extraChairIds: [], memberIds: [A, B] }, 'chair');
  await s.repos.conversations.create(
    conversationKey(STEERING),
    { conversationId: STEERING, kind: 'channel', teamId: TEAM, reference: {}, active: true, installedAt: NOW.toISOString() },
    'chair',
  );
}

describe.each([
  ['Graph off', {}],
  ['Graph on', { GRAPH_ENABLED: 'true', GRAPH_TENANT_ID: '00000000-0000-0000-0000-0000000000aa', GRAPH_CLIENT_ID: 'app', GRAPH_CLIENT_SECRET: 'secret', GRAPH_ORGANIZER: 'styrgrupp@linkoping.example' }],
] as const)('steeringRosterChanged, %s', (label, env) => {
  let t: TestServices;
  beforeEach(async () => {
    t = await makeTestServices({ now: NOW, env });
    await setUp(t);
    await confirmPlan(t.s, 2027, proposeYearPlan(2027, t.s.planSettings).map((p) => ({ index: p.index, date: p.date, time: p.time })), 'chair');
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('someone who left the steering team is no longer a steering member', async () => {
    expect(await steeringRosterChanged(t.s, { teamId: TEAM, removedAadIds: [A.toUpperCase()], occasion: 'act-1' })).toBe(true);
    expect((await t.s.repos.steering.require('styrgrupp')).data.memberIds).toEqual([B]);
  });

  it('another team’s changes touch nothing', async () => {
    expect(await steeringRosterChanged(t.s, { teamId: '19:other@thread.tacv2', removedAadIds: [A], occasion: 'act-2' })).toBe(false);
    expect((await t.s.repos.steering.require('styrgrupp')).data.memberIds).toEqual([A, B]);
  });

  it(label === 'Graph on' ? 're-syncs the three meetings ahead, once per roster event' : 'queues no calendar job', async () => {
    await steeringRosterChanged(t.s, { teamId: TEAM, removedAadIds: [], occasion: 'act-3' });
    await steeringRosterChanged(t.s, { teamId: TEAM, removedAadIds: [], occasion: 'act-3' });
    const jobs = (await t.s.queues.calendar.raw.getJobs(['waiting'])).filter((j) => j.data.refreshAttendees);
    expect(jobs.map((j) => j.data.meetingId).sort()).toEqual(label === 'Graph on' ? ['2027-1', '2027-2', '2027-3'] : []);
  });
});
