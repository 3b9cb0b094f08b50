import { describe, expect, it } from 'vitest';
import {
  LINK_MAX_WRONG_CODES,
  PersonLinkError,
  decideLink,
  decideUnlink,
  formatLinkCode,
  isPersonLinkError,
  linkCodeFromNumber,
  linkRefusals,
  mayTryCode,
  parseLinkCode,
  shortAccountId,
  type LinkRefusal,
  type PersonAccounts,
} from '../../../../src/domain/people/personLink.js';
import { userMessageFor } from '../../../../src/bot/errorMessages.js';
import { messages } from '../../../../src/i18n/index.js';

const A = 'aaaaaaaa-0000-0000-0000-00000000000a';
const B = 'bbbbbbbb-0000-0000-0000-00000000000b';

describe('parseLinkCode: tolerant of spaces and dashes, strict about digits', () => {
  const cases: [string, string | null][] = [
    ['1234 5678', '12345678'],
    ['12345678', '12345678'],
    ['  1234   5678 ', '12345678'],
    ['1234-5678', '12345678'],
    ['1 2 3 4 5 6 7 8', '12345678'],
    ['0000 0001', '00000001'],
    ['1234\u00a05678', '12345678'],
    ['1234 567', null],
    ['1234 56789', null],
    ['1234 567a', null],
    ['', null],
    ['abcd efgh', null],
    ['１２３４ ５６７８', null], // full-width digits are not digits here
    ['1234 5678 1234 5678 1234 5678 1234 5678 99', null],
  ];
  it.each(cases)('%j → %j', (typed, expected) => {
    expect(parseLinkCode(typed)).toBe(expected);
  });
});

describe('codes are shown as two groups of four, leading zeros kept', () => {
  it.each([
    [0, '0000 0000'],
    [42, '0000 0042'],
    [12345678, '1234 5678'],
    [99_999_999, '9999 9999'],
  ])('%d → %s', (n, shown) => {
    expect(formatLinkCode(linkCodeFromNumber(n))).toBe(shown);
    expect(parseLinkCode(shown)).toBe(linkCodeFromNumber(n));
  });
  it.each([-1, 100_000_000, 1.5, Number.NaN])('%d is out of range', (n) => {
    expect(() => linkCodeFromNumber(n)).toThrow(RangeError);
  });
});

describe('decideLink', () => {
  const cases: [string, { aad: string; pid: string | null }, { aad: string; pid: string | null }, string | LinkRefusal][] = [
    ['two unlinked accounts: a new person', { aad: A, pid: null }, { aad: B, pid: null }, 'new'],
    ['the issuer is linked: the redeemer joins it', { aad: A, pid: 'p-1' }, { aad: B, pid: null }, 'p-1'],
    ['the redeemer is linked: the issuer joins it', { aad: A, pid: null }, { aad: B, pid: 'p-2' }, 'p-2'],
    ['the same account twice', { aad: A, pid: null }, { aad: A, pid: null }, 'same-account'],
    ['the same account twice, linked', { aad: A, pid: 'p-1' }, { aad: A, pid: 'p-1' }, 'same-account'],
    ['already the same person', { aad: A, pid: 'p-1' }, { aad: B, pid: 'p-1' }, 'already-linked'],
    ['linked to different persons: unlink first', { aad: A, pid: 'p-1' }, { aad: B, pid: 'p-2' }, 'linked-elsewhere'],
  ];
  it.each(cases)('%s', (_name, issuer, redeemer, expected) => {
    let out: string;
    try {
      out = decideLink(issuer, redeemer);
    } catch (e) {
      expect(isPersonLinkError(e)).toBe(true);
      out = (e as PersonLinkError).refusal;
    }
    expect(out).toBe(expected);
  });
});

describe('decideUnlink', () => {
  const linked: PersonAccounts = { pid: 'p-1', accounts: [{ aad: A, tenant: 't1' }, { aad: B, tenant: 't2' }] };
  const alone: PersonAccounts = { pid: A, accounts: [{ aad: A }] };
  const cases: [string, PersonAccounts, string, boolean][] = [
    ['another account of the person', linked, B, true],
    ['the account itself', linked, A, true],
    ['an account of someone else', linked, 'cccccccc-0000-0000-0000-00000000000c', false],
    ['nothing linked: not even itself', alone, A, false],
    ['nothing linked: someone else', alone, B, false],
  ];
  it.each(cases)('%s → allowed %s', (_name, by, account, allowed) => {
    if (allowed) expect(() => decideUnlink(by, account)).not.toThrow();
    else expect(() => decideUnlink(by, account)).toThrow(expect.objectContaining({ refusal: 'not-linked' }));
  });
});

describe('the attempts limit', () => {
  it.each([
    [0, true],
    [LINK_MAX_WRONG_CODES - 1, true],
    [LINK_MAX_WRONG_CODES, false],
    [LINK_MAX_WRONG_CODES + 10, false],
  ])('%d wrong codes so far → may try: %s', (n, may) => {
    expect(mayTryCode(n)).toBe(may);
  });
  it('is five', () => expect(LINK_MAX_WRONG_CODES).toBe(5));
});

describe('refusals', () => {
  it.each(linkRefusals.map((r) => [r]))('%s has its own sentence in sv and en, and its error names no code', (refusal) => {
    const e = new PersonLinkError(refusal);
    const sv = userMessageFor(e, messages('sv'));
    const en = userMessageFor(e, messages('en'));
    expect(sv).toBe(messages('sv').links.refusals[refusal]);
    expect(en).toBe(messages('en').links.refusals[refusal]);
    expect(sv).not.toBe(en);
    expect(e.message).toBe(`link refused: ${refusal}`);
  });
  it('the sentences differ from each other', () => {
    const texts = linkRefusals.map((r) => messages('sv').links.refusals[r]);
    expect(new Set(texts).size).toBe(texts.length);
  });
  it('"linked elsewhere" says to unlink first', () => {
    expect(messages('sv').links.refusals['linked-elsewhere']).toMatch(/Avlänka först/);
  });
});

describe('shortAccountId', () => {
  it.each([
    [A, '…0000000a'],
    ['short', 'short'],
  ])('%s → %s', (id, shown) => expect(shortAccountId(id)).toBe(shown));
});
