import { describe, expect, it } from 'vitest';
import { linkCodeCard, linkedAccountsCard } from '../../../cards/linkCards.js';
import { linkVerbSchemas } from '../../../cards/linkVerbs.js';
import type { PersonAccounts } from '../../../src/domain/people/personLink.js';
import { messages, type Lang } from '../../../src/i18n/index.js';
import { checkCard, typedNodes } from './adaptiveCardCheck.js';

const A = 'aaaaaaaa-0000-0000-0000-00000000000a';
const B = 'bbbbbbbb-0000-0000-0000-00000000000b';
const linked: PersonAccounts = { pid: 'p-1', accounts: [{ aad: A, tenant: 'tenant-kommun' }, { aad: B, tenant: 'tenant-polis' }] };

describe.each(['sv', 'en'] as Lang[])('linked-account cards (%s)', (lang) => {
  const m = messages(lang);
  const cards = [
    ['code', linkCodeCard(m, '1234 5678', 10)],
    ['linked accounts', linkedAccountsCard(m, linked, A)],
    ['linked accounts after an unlink', linkedAccountsCard(m, linked, A, m.links.unlinked('…0000000b'))],
    ['not linked', linkedAccountsCard(m, { pid: A, accounts: [{ aad: A }] }, A)],
  ] as const;

  it.each(cards)('%s is a valid card', (_name, json) => {
    checkCard(json);
  });

  it('the code card shows the code and how to use it', () => {
    const json = JSON.stringify(linkCodeCard(m, '1234 5678', 10));
    expect(json).toContain('1234 5678');
    expect(json).toContain(lang === 'sv' ? 'länka konto' : 'link account');
  });

  it('one Avlänka button per account, tenant shown, ids shortened', () => {
    const json = linkedAccountsCard(m, linked, A);
    const buttons = typedNodes(json).filter((n) => n.type === 'Action.Execute');
    expect(buttons.map((b) => [b.verb, b.data])).toEqual([
      ['link.unlink', { account: A }],
      ['link.unlink', { account: B }],
    ]);
    // What the user reads (texts and button titles); the full id is only in the button's data.
    const shown = typedNodes(json)
      .map((n) => String(n.text ?? n.title ?? ''))
      .join('\n');
    expect(shown).toContain('tenant-kommun');
    expect(shown).toContain('tenant-polis');
    expect(shown).toContain('…0000000b');
    expect(shown).not.toContain(B);
    expect(shown).not.toContain(A);
  });

  it('nothing linked: no buttons', () => {
    const json = linkedAccountsCard(m, { pid: A, accounts: [{ aad: A }] }, A);
    expect(typedNodes(json).filter((n) => n.type === 'Action.Execute')).toEqual([]);
  });
});

describe('link verbs', () => {
  it('link.unlink takes one account id and nothing else matters', () => {
    expect(linkVerbSchemas['link.unlink'].safeParse({ account: A }).success).toBe(true);
    expect(linkVerbSchemas['link.unlink'].safeParse({}).success).toBe(false);
    expect(linkVerbSchemas['link.unlink'].safeParse({ account: '' }).success).toBe(false);
    expect(linkVerbSchemas['link.unlink'].safeParse({ account: 'x'.repeat(101) }).success).toBe(false);
  });
});
