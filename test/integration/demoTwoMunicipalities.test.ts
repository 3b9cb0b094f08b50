import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PLAYGROUND, HOME_NAME, seedDemo } from '../../scripts/demo-seed.js';
import { NEIGHBOUR_FORUMS, NEIGHBOUR_NAME } from '../../scripts/demo-seed-neighbour.js';
import { conversationKey } from '../../src/domain/conversation.js';
import { ORG_SETTINGS_ID } from '../../src/store/organisations.js';
import { startTestRuntime, type TestRuntime } from '../support/testRuntime.js';

/**
 * `npm run demo`'s two municipalities on one service, without a browser: Linköping owns the
 * Playground's team, Kinnestad its group chat; the Playground's user is in both, and a
 * re-run of the seed changes nothing.
 */
const KOMMUNPOLIS = DEMO_PLAYGROUND.currentUser.aadObjectId;

let t: TestRuntime;

beforeEach(async () => {
  t = await startTestRuntime({ now: new Date('2026-12-02T09:00:00Z'), env: { CHAIR_IDS: KOMMUNPOLIS } });
  await seedDemo(t.runtime.platform, t.runtime.services, { serviceUrl: t.connector.url, locale: 'sv-SE' });
});

afterEach(async () => {
  await t?.cleanup();
});

async function snapshot() {
  const p = t.runtime.platform;
  const out: Record<string, unknown> = {};
  for (const id of await p.orgs.activeIds()) {
    const s = await p.orgs.require(id);
    const [forums, meetings, answers, promises, agendas, settings] = await Promise.all([
      s.repos.forums.list(),
      s.repos.meetings.list(),
      s.repos.answers.list(),
      s.repos.promises.list(),
      s.repos.agendas.list(),
      p.repos.orgs.settingsRepository(id).require(ORG_SETTINGS_ID),
    ]);
    out[id] = [forums, meetings, answers, promises, agendas].map((rs) => rs.map((r) => `${r.id}@${r.version}`).sort()).concat([[`settings@${settings.version}`]]);
  }
  return out;
}

describe('the demo’s two municipalities', () => {
  it('Linköping owns the team, Kinnestad the group chat; the kommunpolis is in both, sharing on in both', async () => {
    const p = t.runtime.platform;
    // Fresh: the seed renamed the home organisation after the runtime had cached it.
    const home = await p.orgs.require(t.runtime.services.org.id);
    const ids = await p.orgs.activeIds();
    expect(ids).toHaveLength(2);
    const neighbourId = ids.find((id) => id !== home.org.id)!;
    const neighbour = await p.orgs.require(neighbourId);
    expect(home.org.settings.data.name).toBe(HOME_NAME);
    expect(neighbour.org.settings.data.name).toBe(NEIGHBOUR_NAME);
    expect([home.org.settings.data.regionalSharing, neighbour.org.settings.data.regionalSharing]).toEqual([true, true]);

    const registry = p.repos.orgs;
    expect(await registry.boundOrg(conversationKey(DEMO_PLAYGROUND.groupChat.id), undefined)).toBe(neighbourId);
    expect(await registry.boundOrg(conversationKey(DEMO_PLAYGROUND.team.id), DEMO_PLAYGROUND.team.id)).toBe(home.org.id);
    expect(await registry.boundOrg(conversationKey(DEMO_PLAYGROUND.team.channels[0]!.id), DEMO_PLAYGROUND.team.id)).toBe(home.org.id);
    expect((await registry.candidateOrgs(KOMMUNPOLIS)).sort()).toEqual([home.org.id, neighbourId].sort());

    const steering = await neighbour.repos.steering.require('styrgrupp');
    expect(steering.data.conversationId).toBe(DEMO_PLAYGROUND.groupChat.id);
    expect(steering.data.memberIds).toContain(KOMMUNPOLIS);
    expect((await neighbour.repos.forums.list()).map((f) => f.data.name).sort()).toEqual(NEIGHBOUR_FORUMS.map((f) => f.name).sort());
    const agenda = await neighbour.repos.agendas.require('2027-1');
    expect(agenda.data.published).not.toBeNull();
    expect((await neighbour.repos.promises.list())[0]!.data.status).toBe('faststallt');
    // Kinnestad's data is Kinnestad's: none of it in Linköping.
    expect((await home.repos.forums.list()).map((f) => f.data.name)).not.toContain(NEIGHBOUR_FORUMS[0]!.name);
    expect(await home.repos.agendas.get('2027-1')).toBeNull();
  });

  it('a re-run creates nothing and changes no record', async () => {
    const before = await snapshot();
    const report = await seedDemo(t.runtime.platform, t.runtime.services, { serviceUrl: t.connector.url, locale: 'sv-SE' });
    expect(await snapshot()).toEqual(before);
    expect(report.lines.filter((l) => l.includes('(new)'))).toEqual([]);
  });
});
