import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversationRecordSchema, type ConversationRecord } from '../../src/domain/conversation.js';
import { personalChatsOf } from '../../src/services/people/personalChats.js';
import { VersionedRepository } from '../../src/store/versionedRepository.js';
import { makeTestServices, type TestServices } from '../support/services.js';

/** A person's personal chat is found by lookup in the deployment's directory, not by listing every conversation. */
let t: TestServices;
const conv = (id: string, kind: ConversationRecord['kind'], user?: string, active = true): ConversationRecord => ({
  conversationId: id,
  kind,
  ...(user ? { userAadObjectId: user } : {}),
  reference: {},
  active,
  installedAt: '2027-01-01T00:00:00.000Z',
});

beforeEach(async () => {
  t = await makeTestServices();
});
afterEach(async () => {
  await t.cleanup();
});

describe('personal chats by person', () => {
  it('finds the person’s active personal chat, whatever the case of the id; not channels, not others, not removed ones', async () => {
    const repo = t.platform.repos.conversations;
    await repo.create('c1', conv('a:anna', 'personal', 'AAAA-1'), 'system');
    await repo.create('c2', conv('19:chan', 'channel'), 'system');
    await repo.create('c3', conv('a:bo', 'personal', 'bbbb-2'), 'system');
    await repo.create('c4', conv('a:anna-old', 'personal', 'aaaa-1', false), 'system');
    expect((await personalChatsOf(repo, 'aaaa-1')).map((c) => c.data.conversationId)).toEqual(['a:anna']);
    expect((await personalChatsOf(repo, 'BBBB-2')).map((c) => c.data.conversationId)).toEqual(['a:bo']);
    expect(await personalChatsOf(repo, 'nobody')).toEqual([]);
  });

  it('chats stored before they had lookup terms are filed once by the start-up/reconcile backfill', async () => {
    // Written as the previous version did: no lookup terms.
    const old = new VersionedRepository(t.redis, t.platform.keys, 'conversation', conversationRecordSchema, t.clock);
    await old.create('c9', conv('a:cara', 'personal', 'cccc-3'), 'system');
    expect(await personalChatsOf(t.platform.repos.conversations, 'cccc-3')).toEqual([]);
    expect(await t.platform.repos.conversations.ensureLookups()).toBeGreaterThanOrEqual(1);
    expect((await personalChatsOf(t.platform.repos.conversations, 'cccc-3')).map((c) => c.id)).toEqual(['c9']);
    // Done once: the next call files nothing.
    expect(await t.platform.repos.conversations.ensureLookups()).toBe(0);
  });
});
