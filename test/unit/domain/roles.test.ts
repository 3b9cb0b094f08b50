import { describe, expect, it } from 'vitest';
import type { ForumRecord } from '../../../src/domain/forum.js';
import { can, permissions, rolesOf, type Actor, type Permission, type Roles } from '../../../src/domain/roles.js';
import type { SteeringRecord } from '../../../src/domain/steering.js';

const STEERING_CONV = '19:steering@thread.tacv2';

function steering(over: Partial<SteeringRecord> = {}): SteeringRecord {
  return {
    conversationId: STEERING_CONV,
    registeredBy: 'chair-1',
    registeredAt: '2026-01-10T09:00:00.000Z',
    extraChairIds: [],
    memberIds: [],
    ...over,
  };
}

function forum(id: string, over: Partial<ForumRecord> = {}): ForumRecord {
  return {
    id,
    name: `Forum ${id}`,
    kind: 'trygghetsrad',
    districts: ['Berga'],
    contacts: [],
    conversationId: `19:${id}@thread.tacv2`,
    active: true,
    memberIds: [],
    ...over,
  };
}

const baseCtx = { chairIds: ['chair-1'] as readonly string[], steering: steering() as SteeringRecord | null, forums: [] as ForumRecord[] };

describe('rolesOf: chair', () => {
  const cases: [string, Actor, Partial<typeof baseCtx>, boolean][] = [
    ['listed in CHAIR_IDS', { aadObjectId: 'chair-1', conversationId: 'personal' }, {}, true],
    ['listed in CHAIR_IDS, no steering registered', { aadObjectId: 'chair-1', conversationId: 'personal' }, { steering: null }, true],
    ['added by a chair (steering.extraChairIds)', { aadObjectId: 'chair-2', conversationId: 'personal' }, { steering: steering({ extraChairIds: ['chair-2'] }) }, true],
    ['extraChairIds but no steering record', { aadObjectId: 'chair-2', conversationId: 'personal' }, { steering: null }, false],
    ['someone else', { aadObjectId: 'user-9', conversationId: 'personal' }, { steering: steering({ extraChairIds: ['chair-2'] }) }, false],
    ['no aadObjectId, even in the steering channel', { conversationId: STEERING_CONV }, {}, false],
    ['no aadObjectId while CHAIR_IDS contains an empty string', { conversationId: 'personal' }, { chairIds: [''] }, false],
    ['empty aadObjectId while CHAIR_IDS contains an empty string', { aadObjectId: '', conversationId: 'personal' }, { chairIds: [''] }, false],
    ['empty aadObjectId while extraChairIds contains an empty string', { aadObjectId: '', conversationId: 'personal' }, { steering: steering({ extraChairIds: [''] }) }, false],
  ];
  it.each(cases)('%s → chair=%s', (_label, actor, ctx, expected) => {
    const roles = rolesOf(actor, { ...baseCtx, ...ctx });
    expect(roles.chair).toBe(expected);
    if (expected) expect(roles.steeringMember).toBe(true); // a chair is a steering member
  });
});

describe('rolesOf: steering member', () => {
  const cases: [string, Actor, SteeringRecord | null, boolean][] = [
    ['acting in the steering channel', { aadObjectId: 'user-1', conversationId: STEERING_CONV }, steering(), true],
    ['acting in the steering channel without an aadObjectId', { conversationId: STEERING_CONV }, steering(), true],
    ['seen in the steering channel earlier (memberIds), acting elsewhere', { aadObjectId: 'user-1', conversationId: 'personal' }, steering({ memberIds: ['user-1'] }), true],
    ['not a member, acting elsewhere', { aadObjectId: 'user-1', conversationId: 'personal' }, steering({ memberIds: ['user-2'] }), false],
    ['no aadObjectId, acting elsewhere', { conversationId: 'personal' }, steering({ memberIds: ['user-2'] }), false],
    ['no steering registered', { aadObjectId: 'user-1', conversationId: STEERING_CONV }, null, false],
  ];
  it.each(cases)('%s → steeringMember=%s', (_label, actor, st, expected) => {
    const roles = rolesOf(actor, { ...baseCtx, steering: st });
    expect(roles.steeringMember).toBe(expected);
    expect(roles.chair).toBe(false);
  });
});

describe('rolesOf: forum membership', () => {
  const forums = [
    forum('berga', { memberIds: ['user-1'] }),
    forum('ryd', { contacts: [{ name: 'Rut', aadObjectId: 'user-2' }, { name: 'Utan id' }] }),
    forum('sig', { conversationId: '19:sig@thread.tacv2' }),
    forum('old', { active: false, memberIds: ['user-1', 'user-2'], conversationId: '19:old@thread.tacv2' }),
  ];
  const cases: [string, Actor, string[]][] = [
    ['acting in the forum channel', { aadObjectId: 'user-9', conversationId: '19:sig@thread.tacv2' }, ['sig']],
    ['acting in the forum channel without aadObjectId', { conversationId: '19:sig@thread.tacv2' }, ['sig']],
    ['memberIds', { aadObjectId: 'user-1', conversationId: 'personal' }, ['berga']],
    ["a contact's aadObjectId", { aadObjectId: 'user-2', conversationId: 'personal' }, ['ryd']],
    ['memberIds + acting in another forum channel', { aadObjectId: 'user-1', conversationId: '19:sig@thread.tacv2' }, ['berga', 'sig']],
    ['inactive forum: channel does not count', { aadObjectId: 'user-9', conversationId: '19:old@thread.tacv2' }, []],
    ['inactive forum: memberIds do not count', { aadObjectId: 'user-2', conversationId: 'personal' }, ['ryd']],
    ['no aadObjectId never matches a contact without id', { conversationId: 'personal' }, []],
    ['a stranger', { aadObjectId: 'user-9', conversationId: 'personal' }, []],
  ];
  it.each(cases)('%s → %j', (_label, actor, expected) => {
    expect(rolesOf(actor, { ...baseCtx, forums }).forumIds).toEqual(expected);
  });
});

describe('can: every permission × role', () => {
  const roleSets: Record<'chair' | 'steeringMember' | 'forumMember' | 'guest', Roles> = {
    chair: { chair: true, steeringMember: true, forumIds: [] },
    steeringMember: { chair: false, steeringMember: true, forumIds: [] },
    forumMember: { chair: false, steeringMember: false, forumIds: ['berga'] },
    guest: { chair: false, steeringMember: false, forumIds: [] },
  };
  const expected: Record<Permission, Record<keyof typeof roleSets, boolean>> = {
    help: { chair: true, steeringMember: true, forumMember: true, guest: true },
    listForums: { chair: true, steeringMember: true, forumMember: true, guest: false },
    listMeetings: { chair: true, steeringMember: true, forumMember: true, guest: false },
    registerSteering: { chair: true, steeringMember: false, forumMember: false, guest: false },
    registerForum: { chair: true, steeringMember: false, forumMember: false, guest: false },
    editForum: { chair: true, steeringMember: false, forumMember: false, guest: false },
    planYear: { chair: true, steeringMember: false, forumMember: false, guest: false },
    changeMeeting: { chair: true, steeringMember: false, forumMember: false, guest: false },
    addChair: { chair: true, steeringMember: false, forumMember: false, guest: false },
    becomeContact: { chair: true, steeringMember: false, forumMember: true, guest: false },
    manageInputs: { chair: true, steeringMember: false, forumMember: false, guest: false },
    viewStatus: { chair: true, steeringMember: true, forumMember: false, guest: false },
    compile: { chair: true, steeringMember: false, forumMember: false, guest: false },
    viewPromise: { chair: true, steeringMember: true, forumMember: true, guest: false },
    editPromise: { chair: true, steeringMember: false, forumMember: false, guest: false },
    ownActions: { chair: true, steeringMember: true, forumMember: true, guest: true },
    viewGoals: { chair: true, steeringMember: true, forumMember: true, guest: false },
    viewFollowUp: { chair: true, steeringMember: true, forumMember: false, guest: false },
    exportOwnData: { chair: true, steeringMember: true, forumMember: true, guest: true },
    switchOrg: { chair: true, steeringMember: true, forumMember: true, guest: true },
    createOrg: { chair: true, steeringMember: true, forumMember: true, guest: true },
    manageTenants: { chair: true, steeringMember: true, forumMember: true, guest: true },
    editSettings: { chair: true, steeringMember: false, forumMember: false, guest: false },
    linkAccounts: { chair: true, steeringMember: true, forumMember: true, guest: true },
    regionalPicture: { chair: true, steeringMember: true, forumMember: false, guest: false },
  };

  it('the matrix covers every permission', () => {
    expect(Object.keys(expected).sort()).toEqual([...permissions].sort());
  });

  const rows = permissions.flatMap((p) => (Object.keys(roleSets) as (keyof typeof roleSets)[]).map((r) => [p, r, expected[p][r]] as const));
  it.each(rows)('can(%s) for %s → %s', (permission, role, allowed) => {
    expect(can(roleSets[role], permission)).toBe(allowed);
  });

  it('a chair who is not in steering.memberIds may still do everything', () => {
    const roles = rolesOf({ aadObjectId: 'chair-1', conversationId: 'personal' }, baseCtx);
    for (const p of permissions) expect(can(roles, p)).toBe(true);
  });
});
