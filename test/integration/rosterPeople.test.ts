/**
 * Registering the steering channel or a forum makes its team's members known people, so
 * a chair can pick any of them as an action item's owner; a roster Teams will not give
 * changes nothing for the chair.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownOwners } from '../../src/services/promise/people.js';
import { CHAIR, channel, invokeExecute, mentionMessage } from '../support/activities.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

const TEAM = '19:team@thread.tacv2'; // the team every test channel activity names
const people = [
  { id: '29:p1', aadObjectId: 'cccccccc-0000-0000-0000-000000000001', name: 'Karin Påhittad' },
  { id: '29:p2', aadObjectId: 'cccccccc-0000-0000-0000-000000000002', name: 'Olle Exempel' },
];
let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime({ env: { CHAIR_IDS: CHAIR.aadObjectId } });
});
afterAll(async () => {
  await t?.cleanup();
});

describe('the roster becomes known people', () => {
  it('a roster Teams does not give: the steering channel is registered all the same', async () => {
    await t.post(mentionMessage(channel(t.connector.url, '19:steering@thread.tacv2', 'Styrgrupp'), CHAIR, 'registrera styrgrupp'));
    await t.connector.waitFor((r) => r.conversationId === '19:steering@thread.tacv2' && String(r.activity.text).includes('styrgruppens kanal'));
    expect(t.connector.rosterRequests).toContain(TEAM);
    expect((await knownOwners(t.runtime.services)).map((o) => o.name)).not.toContain('Karin Påhittad');
  });

  it('registering a forum: its team’s members can own action items', async () => {
    t.connector.rosters.set(TEAM, people.map((p) => ({ ...p })));
    const res = await t.post(invokeExecute(channel(t.connector.url, '19:ryd@thread.tacv2', 'Trygghetsrådet Ryd'), CHAIR, 'forum.save', { name: 'Trygghetsrådet Ryd', kind: 'trygghetsrad', districts: 'Ryd' }));
    expect(JSON.stringify(res.body)).toContain('är registrerat');
    const owners = (await knownOwners(t.runtime.services)).map((o) => o.name);
    expect(owners).toEqual(expect.arrayContaining(['Karin Påhittad', 'Olle Exempel']));
  });
});
