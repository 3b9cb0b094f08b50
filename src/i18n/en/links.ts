import type { linksSv } from '../sv/links.js';

/** English strings of `link account` / `unlink account` (part of the en catalog). */
export const linksEn: typeof linksSv = {
  codeTitle: 'Link your accounts',
  codeShown: (code: string) => `Your code: **${code}**`,
  codeHowTo: (minutes: number) =>
    `Open the personal chat with Samverkan from your **other** account (e.g. as a guest in another organisation) and type **link account** followed by the code, within ${minutes} minutes. The code works once. Do not show it to anyone.`,
  linked: (other: string) => `Done: this account is now linked with ${other}. Type **unlink account** to remove a link.`,
  linkedNotice: (other: string) => `Your account was just linked with ${other} (using a code from this chat). Was it not you? Type **unlink account**.`,
  unlinkedNotice: (account: string) => `The link to ${account} is removed. The accounts are no longer the same person in Samverkan.`,
  account: (tenant: string | undefined, shortId: string) => (tenant ? `account ${shortId} in organisation ${tenant}` : `account ${shortId}`),
  unlinkTitle: 'Your linked accounts',
  unlinkIntro: 'Linked accounts count as the same person: your action items, data and digests from every organisation come together.',
  unlinkNone: 'This account is not linked to any other account. Type **link account** to link one.',
  accountLine: (tenant: string, shortId: string, here: boolean) => `${shortId} · organisation ${tenant}${here ? ' (this account)' : ''}`,
  unlinkButton: (shortId: string) => `Unlink ${shortId}`,
  unlinked: (shortId: string) => `Account ${shortId} is unlinked.`,
  codeDiscarded: 'The code was typed where others can see it and no longer works. Make a new one with **link account** in your personal chat.',
  refusals: {
    'malformed-code': 'The code has 8 digits, e.g. **link account 1234 5678**.',
    'wrong-code': 'That code is not right. Check the digits or make a new code with **link account** in your other account.',
    'expired-code': 'That code has expired or was already used. Make a new one with **link account** in your other account.',
    'too-many-attempts': 'Too many wrong codes. Try again in an hour.',
    'same-account': 'That code was made in this account. Type it in the personal chat of your **other** account.',
    'already-linked': 'The accounts are already linked.',
    'linked-elsewhere': 'Both accounts are already linked, to different people. Unlink one first (**unlink account**), then try again.',
    'not-personal-chat': 'This is done only in your personal chat with Samverkan, so nobody else sees the code.',
    'not-linked': 'That account is not linked to you.',
    'needs-identity': 'Teams did not say who you are, so the account cannot be linked.',
  },
};
