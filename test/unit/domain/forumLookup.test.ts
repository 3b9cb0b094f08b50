import { describe, expect, it } from 'vitest';
import { hasRoleIn } from '../../../src/bot/requestContext.js';
import { forumLookupTerms, type ForumRecord } from '../../../src/domain/forum.js';
import { rolesOf } from '../../../src/domain/roles.js';

const forum = (over: Partial<ForumRecord> = {}): ForumRecord => ({
  id: 'f1',
  name: 'Trygghetsrådet Berga',
  kind: 'trygghetsrad',
  districts: ['Berga'],
  contacts: [],
  conversationId: '19:f1@thread.tacv2',
  active: true,
  memberIds: [],
  ...over,
});

describe('forumLookupTerms', () => {
  const cases: [string, ForumRecord, string[]][] = [
    ['channel only', forum(), ['conversation:19:f1@thread.tacv2']],
    ['members', forum({ memberIds: ['a', 'b'] }), ['conversation:19:f1@thread.tacv2', 'person:a', 'person:b']],
    ['contacts with an id; a contact without one is nobody to find', forum({ contacts: [{ name: 'Anna', aadObjectId: 'c' }, { name: 'Bo' }] }), ['conversation:19:f1@thread.tacv2', 'person:c']],
    ['a member who is also a contact: one term', forum({ memberIds: ['a'], contacts: [{ name: 'Anna', aadObjectId: 'a' }] }), ['conversation:19:f1@thread.tacv2', 'person:a']],
  ];
  it.each(cases)('%s', (_name, f, terms) => expect(forumLookupTerms(f)).toEqual(terms));

  it('covers everyone rolesOf gives a forum role (so a lookup by person or channel misses nobody)', () => {
    const f = forum({ memberIds: ['m'], contacts: [{ name: 'K', aadObjectId: 'k' }] });
    const terms = forumLookupTerms(f);
    for (const [aad, conversationId] of [['m', 'a:1'], ['k', 'a:2'], ['x', f.conversationId]] as const) {
      expect(rolesOf({ aadObjectId: aad, conversationId }, { chairIds: [], steering: null, forums: [f] }).forumIds).toEqual(['f1']);
      expect(terms.includes(`person:${aad}`) || terms.includes(`conversation:${conversationId}`)).toBe(true);
    }
  });
});

describe('hasRoleIn (the one forum a card acts on)', () => {
  const cases: [string, ForumRecord, { aadObjectId?: string; conversationId: string }, boolean][] = [
    ['in its channel', forum(), { aadObjectId: 'x', conversationId: '19:f1@thread.tacv2' }, true],
    ['a member, elsewhere', forum({ memberIds: ['m'] }), { aadObjectId: 'm', conversationId: 'a:1' }, true],
    ['a contact, in a 1:1 chat', forum({ contacts: [{ name: 'K', aadObjectId: 'k' }] }), { aadObjectId: 'k', conversationId: 'a:1' }, true],
    ['no longer a contact (a stale lookup)', forum({ contacts: [{ name: 'K' }] }), { aadObjectId: 'k', conversationId: 'a:1' }, false],
    ['another channel', forum(), { aadObjectId: 'x', conversationId: '19:other@thread.tacv2' }, false],
    ['inactive forum, its own channel', forum({ active: false }), { aadObjectId: 'x', conversationId: '19:f1@thread.tacv2' }, false],
  ];
  it.each(cases)('%s', (_name, f, who, expected) => expect(hasRoleIn(who, f)).toBe(expected));
});
