import { describe, expect, it } from 'vitest';
import { escalationList, forumsToRemind, reminderTargets, type PersonalConversation } from '../../../../src/domain/inputs/reminders.js';

const forums = [
  { id: 'ryd', name: 'Trygghetsrådet Ryd', active: true },
  { id: 'berga', name: 'Trygghetsrådet Berga', active: true },
  { id: 'old', name: 'Nedlagt forum', active: false },
  { id: 'oster', name: 'Östra forumet' },
  { id: 'sig', name: 'Sociala insatsgruppen', active: true },
];

describe('forumsToRemind', () => {
  const cases: [string, string[], string[]][] = [
    ['nobody answered: every active forum', [], ['ryd', 'berga', 'oster', 'sig']],
    ['answered ones are skipped', ['ryd', 'sig'], ['berga', 'oster']],
    ['everyone answered: nobody', ['ryd', 'berga', 'oster', 'sig'], []],
    ['an answer by an inactive forum changes nothing', ['old'], ['ryd', 'berga', 'oster', 'sig']],
    ['unknown ids are harmless', ['nope'], ['ryd', 'berga', 'oster', 'sig']],
  ];
  it.each(cases)('%s', (_label, answered, expected) => {
    expect(forumsToRemind(forums, answered).map((f) => f.id)).toEqual(expected);
  });

  it('accepts any iterable of ids, e.g. a Set', () => {
    expect(forumsToRemind(forums, new Set(['ryd'])).map((f) => f.id)).toEqual(['berga', 'oster', 'sig']);
  });
});

describe('reminderTargets', () => {
  const forum = {
    conversationId: '19:forum@thread.tacv2',
    contacts: [
      { name: 'Anna', aadObjectId: 'AAAA-1111' },
      { name: 'Bo', aadObjectId: 'bbbb-2222' },
      { name: 'Cia' }, // no Entra id known: cannot be reached 1:1
      { name: 'Dan', aadObjectId: 'dddd-4444' },
    ],
  };
  const chats: PersonalConversation[] = [
    { conversationId: 'a:anna', userAadObjectId: 'aaaa-1111', active: true },
    { conversationId: 'a:bo', userAadObjectId: 'bbbb-2222', active: false },
    { conversationId: 'a:eve', userAadObjectId: 'eeee-5555', active: true },
    { conversationId: 'a:nobody', active: true },
  ];

  const cases: [string, typeof forum, PersonalConversation[], string[]][] = [
    ['channel plus the active contacts with a chat (id case ignored)', forum, chats, ['19:forum@thread.tacv2', 'a:anna']],
    ['no personal chats: the channel only', forum, [], ['19:forum@thread.tacv2']],
    ['no contacts: the channel only', { ...forum, contacts: [] }, chats, ['19:forum@thread.tacv2']],
    ['duplicate chat entries give one id', forum, [...chats, chats[0]!, { conversationId: '19:forum@thread.tacv2', userAadObjectId: 'dddd-4444', active: true }], ['19:forum@thread.tacv2', 'a:anna']],
    ['the same person listed twice gets one message', { ...forum, contacts: [...forum.contacts, { name: 'Anna igen', aadObjectId: 'aaaa-1111' }] }, chats, ['19:forum@thread.tacv2', 'a:anna']],
    ['a channel known to be inactive is skipped', forum, [...chats, { conversationId: '19:forum@thread.tacv2', active: false }], ['a:anna']],
    ['a contact with two active chats gets both', forum, [...chats, { conversationId: 'a:anna2', userAadObjectId: 'AAAA-1111', active: true }], ['19:forum@thread.tacv2', 'a:anna', 'a:anna2']],
  ];
  it.each(cases)('%s', (_label, f, conversations, expected) => {
    expect(reminderTargets(f, conversations)).toEqual(expected);
  });
});

describe('escalationList', () => {
  const cases: [string, string[], string[]][] = [
    ['names of the missing active forums in Swedish order', ['ryd'], ['Sociala insatsgruppen', 'Trygghetsrådet Berga', 'Östra forumet']],
    ['nobody missing', ['ryd', 'berga', 'oster', 'sig'], []],
    ['nobody answered', [], ['Sociala insatsgruppen', 'Trygghetsrådet Berga', 'Trygghetsrådet Ryd', 'Östra forumet']],
  ];
  it.each(cases)('%s', (_label, answered, expected) => {
    expect(escalationList(forums, answered)).toEqual(expected);
  });
});
