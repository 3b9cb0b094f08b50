/** Linked accounts on real Redis: codes, single use, the attempts limit, linking, unlinking, audit. */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LINK_CODE_TTL_SECONDS, type LinkRefusal, type LinkCode } from '../../src/domain/people/personLink.js';
import { isPersonLinkError } from '../../src/domain/people/personLink.js';
import { PersonLinks } from '../../src/store/personLinks.js';
import { makeTestServices, type TestServices } from '../support/services.js';

const A = 'aaaaaaaa-0000-0000-0000-00000000000a';
const B = 'bbbbbbbb-0000-0000-0000-00000000000b';
const C = 'cccccccc-0000-0000-0000-00000000000c';
const D = 'dddddddd-0000-0000-0000-00000000000d';
const KOMMUN = 'tenant-kommun-1';
const KOMMUN2 = 'tenant-kommun-2';
const POLIS = 'tenant-polis';

let t: TestServices;
let links: PersonLinks;
beforeEach(async () => {
  t = await makeTestServices({ now: new Date('2027-01-10T08:00:00Z') });
  links = t.s.repos.personLinks;
});
afterEach(async () => {
  await t.cleanup();
});

/** The refusal a promise ends in (undefined: it did not fail with one). */
async function refusalOf(p: Promise<unknown>): Promise<LinkRefusal | string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return isPersonLinkError(e) ? e.refusal : String((e as { reason?: string }).reason ?? e);
  }
}

const otherCode = (code: LinkCode): LinkCode => String((Number(code) + 1) % 100_000_000).padStart(8, '0');
const k = (...parts: string[]) => t.platform.keys.of(...parts);

async function link(issuer: string, issuerTenant: string, redeemer: string, redeemerTenant: string) {
  const { code } = await links.createCode(issuer, issuerTenant);
  return links.redeem(code, redeemer, redeemerTenant);
}

describe('codes', () => {
  it('only the digest of the code is stored, with the issuing account, for ten minutes', async () => {
    const { code, expiresAt } = await links.createCode(A, KOMMUN);
    expect(code).toMatch(/^\d{8}$/);
    expect(expiresAt).toBe('2027-01-10T08:10:00.000Z');
    const digest = createHash('sha256').update(code).digest('hex');
    expect(JSON.parse((await t.redis.get(k('linkcode', digest)))!)).toEqual({ aad: A, tenant: KOMMUN });
    const ttl = await t.redis.ttl(k('linkcode', digest));
    expect(ttl).toBeGreaterThan(LINK_CODE_TTL_SECONDS - 10);
    expect(ttl).toBeLessThanOrEqual(LINK_CODE_TTL_SECONDS);
    for (const key of await t.listKeys()) {
      expect(key).not.toContain(code);
      expect((await t.redis.type(key)) === 'string' ? await t.redis.get(key) : '').not.toContain(code);
    }
  });

  it('a code is single use: a second redeem is refused as expired or used, and counts as a wrong try', async () => {
    const { code } = await links.createCode(A, KOMMUN);
    await links.redeem(code, B, POLIS);
    expect(await refusalOf(links.redeem(code, C, KOMMUN2))).toBe('expired-code');
    expect(await t.redis.get(k('linktries', C))).toBe('1');
    expect((await links.accountsOf(C)).pid).toBe(C);
  });

  it('an expired code (gone from Redis) is told apart from a wrong one', async () => {
    const { code } = await links.createCode(A, KOMMUN);
    await t.redis.del(k('linkcode', createHash('sha256').update(code).digest('hex')));
    expect(await refusalOf(links.redeem(code, B, POLIS))).toBe('expired-code');
    expect(await refusalOf(links.redeem(otherCode(code), B, POLIS))).toBe('wrong-code');
  });

  it('the account that made the code cannot redeem it; the other account still can', async () => {
    const { code } = await links.createCode(A, KOMMUN);
    expect(await refusalOf(links.redeem(code, A, KOMMUN))).toBe('same-account');
    expect(Number(await t.redis.get(k('linktries', A)))).toBe(0);
    await links.redeem(code, B, POLIS);
    expect((await links.accountsOf(A)).accounts.map((a) => a.aad)).toEqual([A, B]);
  });

  it('five wrong codes an hour: the sixth try is refused, even with the right code', async () => {
    const { code } = await links.createCode(A, KOMMUN);
    const wrong = otherCode(code);
    for (let i = 0; i < 5; i++) expect(await refusalOf(links.redeem(wrong, B, POLIS))).toBe('wrong-code');
    expect(await refusalOf(links.redeem(wrong, B, POLIS))).toBe('too-many-attempts');
    expect(await refusalOf(links.redeem(code, B, POLIS))).toBe('too-many-attempts');
    const ttl = await t.redis.ttl(k('linktries', B));
    expect(ttl).toBeGreaterThan(3590);
    expect(ttl).toBeLessThanOrEqual(3600);
    expect(await t.redis.get(k('linktries', B))).toBe('7');
    // The lock is the typing account's: the code was not spent and works from another account.
    await links.redeem(code, C, KOMMUN2);
    expect((await links.accountsOf(C)).accounts.map((a) => a.aad)).toEqual([A, C]);
  });
});

describe('linking', () => {
  it('two accounts become one person: acct keys, the accounts with their tenants, one audit line each place', async () => {
    const r = await link(A, KOMMUN, B, POLIS);
    expect(r.pid).toMatch(/^p-[0-9a-f-]{36}$/);
    expect(r.issuer).toEqual({ aad: A, tenant: KOMMUN });
    const person = { pid: r.pid, accounts: [{ aad: A, tenant: KOMMUN }, { aad: B, tenant: POLIS }] };
    expect(await links.accountsOf(A)).toEqual(person);
    expect(await links.accountsOf(B)).toEqual(person);
    expect(await t.redis.get(k('acct', A))).toBe(r.pid);
    const line = { at: '2027-01-10T08:00:00.000Z', action: 'link', accounts: [{ aad: A, tenant: KOMMUN }, { aad: B, tenant: POLIS }], by: B };
    expect(await links.audit(r.pid)).toEqual([line]);
    expect(await links.audit(A)).toEqual([line]);
    expect(await links.audit(B)).toEqual([line]);
    // A person's keys share one hash tag (one Cluster slot for the MULTI).
    const personKeys = (await t.listKeys()).filter((key) => key.includes(':person:{p-'));
    expect(personKeys.sort()).toEqual([k('person', `{${r.pid}}`, 'accounts'), k('person', `{${r.pid}}`, 'audit')].sort());
  });

  it('an unlinked account is its own person', async () => {
    expect(await links.accountsOf(D)).toEqual({ pid: D, accounts: [{ aad: D }] });
    expect(await links.audit(D)).toEqual([]);
  });

  it('a person id names its accounts now (a job queued with it checks them again); a person gone has none', async () => {
    const { pid } = await link(A, KOMMUN, B, POLIS);
    expect(await links.accountsOfPerson(pid)).toEqual([A, B]);
    expect(await links.accountsOfPerson(D)).toEqual([D]);
    await links.unlink(A, B);
    expect(await links.accountsOfPerson(pid)).toEqual([]);
  });

  it('a third account joins the person, from either side', async () => {
    const { pid } = await link(A, KOMMUN, B, POLIS);
    await link(C, KOMMUN2, B, POLIS);
    expect(await links.accountsOf(C)).toEqual({ pid, accounts: [{ aad: A, tenant: KOMMUN }, { aad: B, tenant: POLIS }, { aad: C, tenant: KOMMUN2 }] });
    expect(await links.audit(pid)).toHaveLength(2);
  });

  it('accounts already the same person, or linked to different persons, are refused and nothing changes', async () => {
    const ab = await link(A, KOMMUN, B, POLIS);
    expect(await refusalOf(link(A, KOMMUN, B, POLIS))).toBe('already-linked');
    const cd = await link(C, KOMMUN2, D, POLIS);
    const before = (await t.listKeys()).filter((key) => !key.includes(':linkcode:'));
    expect(await refusalOf(link(A, KOMMUN, D, POLIS))).toBe('linked-elsewhere');
    expect((await t.listKeys()).filter((key) => !key.includes(':linkcode:'))).toEqual(before);
    expect((await links.accountsOf(D)).pid).toBe(cd.pid);
    expect((await links.accountsOf(A)).pid).toBe(ab.pid);
    expect(await links.audit(ab.pid)).toHaveLength(1);
  });

  it('parallel guesses cannot slip past the limit: at most five are looked at', async () => {
    const { code } = await links.createCode(A, KOMMUN);
    const wrong = otherCode(code);
    const other = new PersonLinks(t.newStoreConnection(), t.platform.keys, t.clock);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => refusalOf((i % 2 ? other : links).redeem(wrong, B, POLIS))));
    expect(outcomes.filter((o) => o === 'wrong-code')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'too-many-attempts')).toHaveLength(15);
  });

  it('a right code does not count as a try', async () => {
    await link(A, KOMMUN, B, POLIS);
    expect(await t.redis.get(k('linktries', B))).toBe('0');
  });

  it('two links racing for one account: it ends up in exactly one person, and the stored state is consistent', async () => {
    const [c1, c2] = await Promise.all([links.createCode(A, KOMMUN), links.createCode(C, KOMMUN2)]);
    const other = new PersonLinks(t.newStoreConnection(), t.platform.keys, t.clock);
    const outcomes = await Promise.allSettled([links.redeem(c1.code, B, POLIS), other.redeem(c2.code, B, POLIS)]);
    expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as { reason?: string }).reason).toBe('conflict');
    const person = await links.accountsOf(B);
    for (const { aad } of person.accounts) expect(await t.redis.get(k('acct', aad))).toBe(person.pid);
    for (const aad of [A, C].filter((x) => !person.accounts.some((a) => a.aad === x))) {
      expect(await t.redis.get(k('acct', aad))).toBeNull();
      expect(await links.accountsOf(aad)).toEqual({ pid: aad, accounts: [{ aad }] });
    }
  });
});

describe('unlinking', () => {
  it('any account of the person removes another; the last one left is unlinked too', async () => {
    const { pid } = await link(A, KOMMUN, B, POLIS);
    await link(C, KOMMUN2, A, KOMMUN);
    t.clock.advance(60_000);
    const r1 = await links.unlink(B, C);
    expect(r1.released).toEqual([C]);
    expect(await links.accountsOf(C)).toEqual({ pid: C, accounts: [{ aad: C }] });
    expect((await links.accountsOf(B)).accounts.map((a) => a.aad)).toEqual([A, B]);
    const unlinkC = { at: '2027-01-10T08:01:00.000Z', action: 'unlink', accounts: [{ aad: C, tenant: KOMMUN2 }], by: B };
    expect((await links.audit(pid)).at(-1)).toEqual(unlinkC);
    expect((await links.audit(C)).map((e) => e.action)).toEqual(['link', 'unlink']);

    const r2 = await links.unlink(A, A);
    expect(r2.released.sort()).toEqual([A, B]);
    expect(await links.accountsOf(A)).toEqual({ pid: A, accounts: [{ aad: A }] });
    expect(await links.accountsOf(B)).toEqual({ pid: B, accounts: [{ aad: B }] });
    expect(await t.redis.exists(k('person', `{${pid}}`, 'accounts'))).toBe(0);
    expect((await links.audit(pid)).map((e) => e.action)).toEqual(['link', 'link', 'unlink', 'unlink']);
    expect((await links.audit(B)).map((e) => e.action)).toEqual(['link', 'unlink']);
    // Unlinked, they may link again.
    await link(A, KOMMUN, B, POLIS);
    expect((await links.accountsOf(B)).accounts).toHaveLength(2);
  });

  it('an account not linked to the one asking is refused, and nothing is written', async () => {
    await link(A, KOMMUN, B, POLIS);
    const before = await t.listKeys();
    expect(await refusalOf(links.unlink(C, A))).toBe('not-linked');
    expect(await refusalOf(links.unlink(C, C))).toBe('not-linked');
    expect(await refusalOf(links.unlink(A, D))).toBe('not-linked');
    expect(await t.listKeys()).toEqual(before);
  });
});
