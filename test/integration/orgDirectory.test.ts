import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOrg } from '../../src/bot/orgResolution.js';
import { conversationKey } from '../../src/domain/conversation.js';
import type { OrgId } from '../../src/domain/organisation/organisation.js';
import { createOrganisation } from '../../src/services/orgs/createOrganisation.js';
import { saveOrgSettings } from '../../src/services/orgs/saveOrgSettings.js';
import { OrgDirectory, SETTINGS_CHECK_MS, type Platform } from '../../src/services/platform.js';
import { ORG_SETTINGS_ID } from '../../src/store/organisations.js';
import type { RedisClient } from '../../src/store/redis.js';
import { CHAIR, MEMBER, TENANT } from '../support/activities.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/**
 * What resolving a turn's organisation costs in Redis commands (counted, not timed): an
 * organisation already seen costs no registry reads however long ago and however many
 * organisations took turns since, so a turn costs the same in one of 300 organisations as
 * in a deployment of one (issue 12, the Spread bench). Changes made by another process
 * still show within SETTINGS_CHECK_MS.
 */
const ORGS = 4;
let t: TestServices;
const orgs: { id: OrgId; teamId: string; channel: string }[] = [];

/** Every command this client sends, as `name first-key` with the test's prefix cut off. */
function recordCommands(redis: RedisClient, prefix: string) {
  const seen: string[] = [];
  const original = redis.sendCommand.bind(redis);
  (redis as { sendCommand: typeof redis.sendCommand }).sendCommand = ((command: { name: string; args: unknown[] }, ...rest: unknown[]) => {
    seen.push(`${command.name} ${String(command.args[0] ?? '').replace(`${prefix}:`, '')}`);
    return (original as (...a: unknown[]) => unknown)(command, ...rest);
  }) as typeof redis.sendCommand;
  return {
    take(): string[] {
      return seen.splice(0);
    },
    stop() {
      (redis as { sendCommand?: unknown }).sendCommand = undefined;
      delete (redis as { sendCommand?: unknown }).sendCommand;
    },
  };
}

/** A card invoke in one of the organisation's channels, the team named as Teams names it. */
const channelTurn = (o: (typeof orgs)[number]): Partial<Activity> => ({
  type: 'invoke',
  conversation: { id: `${o.channel};messageid=1`, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: 'Allmänt' },
  channelData: { tenant: { id: TENANT }, team: { id: o.teamId } },
  from: { id: MEMBER.id, aadObjectId: MEMBER.aadObjectId, name: MEMBER.name },
});

beforeAll(async () => {
  t = await makeTestServices();
  for (let i = 0; i < ORGS; i++) {
    const teamId = `19:dir-team-${i}@thread.tacv2`;
    const steering = `19:dir-steering-${i}@thread.tacv2`;
    const created = await createOrganisation(t.platform, { name: `Påhittade kommun ${i}`, actor: CHAIR.aadObjectId, conversationId: steering, convKey: conversationKey(steering), teamId, tenantId: TENANT });
    if (!created.ok) throw new Error(created.reason);
    orgs.push({ id: created.s.org.id, teamId, channel: `19:dir-forum-${i}@thread.tacv2` });
  }
});

afterAll(async () => {
  await t?.cleanup();
});

describe('OrgDirectory: what a turn costs in Redis commands', () => {
  it('an organisation already seen costs no registry reads, however long since and however many took turns in between', async () => {
    let now = 1_000_000;
    const dir = new OrgDirectory(t.platform, () => now);
    const first = [];
    for (const o of orgs) first.push(await dir.services(o.id));
    const rec = recordCommands(t.redis, t.keyPrefix);
    try {
      // Ten check intervals later, every organisation in turn, three rounds.
      now += 10 * SETTINGS_CHECK_MS;
      for (let round = 0; round < 3; round++) for (const [i, o] of orgs.entries()) expect(await dir.services(o.id)).toBe(first[i]);
      // One look at the registry's generation for the whole process, nothing per organisation.
      expect(rec.take()).toEqual(['get org:gen']);
      now += SETTINGS_CHECK_MS - 1;
      for (const o of orgs) await dir.services(o.id);
      expect(rec.take()).toEqual([]);
    } finally {
      rec.stop();
    }
  });

  it("a channel turn's organisation costs its two binding reads, the same in every organisation", async () => {
    let now = 2_000_000;
    const platform: Platform = { ...t.platform, orgs: undefined as unknown as OrgDirectory };
    platform.orgs = new OrgDirectory(platform, () => now);
    for (const o of orgs) await resolveOrg(platform, channelTurn(o));
    now += 10 * SETTINGS_CHECK_MS;
    await platform.orgs.services(orgs[0]!.id);
    const rec = recordCommands(t.redis, t.keyPrefix);
    try {
      for (const o of orgs) {
        const res = await resolveOrg(platform, channelTurn(o));
        expect(res.kind === 'org' && res.s.org.id).toBe(o.id);
        expect(rec.take()).toEqual([`get org:bind:conv:${conversationKey(o.channel)}`, `get org:bind:team:${o.teamId}`]);
      }
    } finally {
      rec.stop();
    }
  });

  it("another process's settings save and status change show within SETTINGS_CHECK_MS", async () => {
    let now = 3_000_000;
    const dir = new OrgDirectory(t.platform, () => now);
    const [a, b] = [orgs[0]!, orgs[1]!];
    const before = (await dir.services(a.id))!;
    const otherB = (await dir.services(b.id))!;
    // Another process (the platform's own directory) saves A's name.
    const sA = (await t.platform.orgs.require(a.id))!;
    const version = (await t.platform.repos.orgs.settingsRepository(a.id).require(ORG_SETTINGS_ID)).version;
    await saveOrgSettings(sA, version, { name: 'Omdöpta kommun' }, CHAIR.aadObjectId);
    now += 1_000;
    expect(await dir.services(a.id)).toBe(before);
    now += SETTINGS_CHECK_MS;
    const after = (await dir.services(a.id))!;
    expect(after).not.toBe(before);
    expect(after.org.settings.data.name).toBe('Omdöpta kommun');
    // B's settings did not change: its Services stay the same object (re-read once, not rebuilt).
    expect(await dir.services(b.id)).toBe(otherB);
    // B starts leaving in another process: refused here once the check comes round.
    await t.platform.repos.orgs.setStatus(b.id, 'deleting');
    expect(await dir.services(b.id)).toBe(otherB);
    now += SETTINGS_CHECK_MS;
    expect(await dir.services(b.id)).toBeNull();
    await t.platform.repos.orgs.setStatus(b.id, 'active');
  });
});
