import { createHash, randomInt, randomUUID } from 'node:crypto';
import {
  LINK_CODE_TTL_SECONDS,
  LINK_TRIES_WINDOW_SECONDS,
  decideLink,
  decideUnlink,
  linkAuditEntrySchema,
  linkCodeFromNumber,
  linkCodeRecordSchema,
  linkRefused,
  mayTryCode,
  type LinkAuditEntry,
  type LinkCode,
  type LinkedAccount,
  type PersonAccounts,
} from '../domain/people/personLink.js';
import { DomainError } from '../domain/errors.js';
import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

/** A redeemed code long gone from `linkcode:` still tells "expired" from "wrong" for a day. */
const ISSUED_MARKER_SECONDS = 24 * 3600;
/** Audit lists keep the newest lines; a person links a handful of accounts in a lifetime. */
const AUDIT_MAX = 500;

/** Deletes a key only while it still holds the expected value (one key: one Cluster slot). */
const DEL_IF_EQUALS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface LinkResult {
  pid: string;
  /** The account that showed the code (the other personal chat, told by a notice). */
  issuer: LinkedAccount;
  entry: LinkAuditEntry;
}

export interface UnlinkResult {
  pid: string;
  entry: LinkAuditEntry;
  /** Accounts no longer linked to anyone: the one removed, and the last one when only one was left. */
  released: string[];
}

/**
 * Linked accounts of one person, global (not per organisation):
 * - `P:acct:<aad>` → pid, only while the account is linked (unlinked: pid = aad);
 * - `P:person:{<pid>}:accounts` hash aad → tenant, and `P:person:{<pid>}:audit` list: one
 *   hash tag, so a link's writes are one MULTI on one Cluster slot;
 * - `P:linkcode:<sha256(code)>` = the issuing account, `SET NX EX 600`, consumed by GETDEL;
 * - `P:linktries:<aad>`: wrong codes typed in the last hour.
 * `acct:` keys live on other slots and are written one key at a time: claimed with NX
 * before the person's keys, so two links racing for one account cannot both win.
 * An account's own trail (`P:person:{<aad>}:audit`) also gets every line about it, so
 * its history survives being unlinked.
 */
export class PersonLinks {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly clock: () => Date,
  ) {}

  private acctKey(aad: string): string {
    return this.keys.of('acct', aad);
  }

  private accountsKey(pid: string): string {
    return this.keys.of('person', `{${pid}}`, 'accounts');
  }

  private auditKey(pid: string): string {
    return this.keys.of('person', `{${pid}}`, 'audit');
  }

  private codeKey(code: LinkCode): string {
    return this.keys.of('linkcode', digest(code));
  }

  private issuedKey(code: LinkCode): string {
    return this.keys.of('linkcode', digest(code), 'issued');
  }

  private triesKey(aad: string): string {
    return this.keys.of('linktries', aad);
  }

  /** A fresh one-time code for this account, valid LINK_CODE_TTL_SECONDS. Only its digest is stored. */
  async createCode(aad: string, tenant: string): Promise<{ code: LinkCode; expiresAt: string }> {
    const record = JSON.stringify(linkCodeRecordSchema.parse({ aad, tenant }));
    // A clash with another live code is rare (10^8 codes); draw again rather than overwrite it.
    for (let i = 0; i < 5; i++) {
      const code = linkCodeFromNumber(randomInt(0, 100_000_000));
      if ((await this.redis.set(this.codeKey(code), record, 'EX', LINK_CODE_TTL_SECONDS, 'NX')) !== 'OK') continue;
      await this.redis.set(this.issuedKey(code), '1', 'EX', ISSUED_MARKER_SECONDS);
      return { code, expiresAt: new Date(this.clock().getTime() + LINK_CODE_TTL_SECONDS * 1000).toISOString() };
    }
    throw new DomainError('unavailable', 'no free link code');
  }

  /** Forgets a code (it was typed where others could see it). */
  async discard(code: LinkCode): Promise<void> {
    await this.redis.del(this.codeKey(code));
  }

  /**
   * Redeems `code` from the account (`aad`, `tenant`) that typed it: the two accounts become
   * one person. Single use; wrong or expired codes count against the typing account.
   */
  async redeem(code: LinkCode, aad: string, tenant: string): Promise<LinkResult> {
    const redeemer = linkCodeRecordSchema.parse({ aad, tenant });
    // Every try is counted before the code is looked at (INCR is atomic), so parallel
    // guesses cannot slip past the limit; a right code gives its try back.
    const triesKey = this.triesKey(aad);
    const tries = await this.redis.incr(triesKey);
    if (tries === 1) await this.redis.expire(triesKey, LINK_TRIES_WINDOW_SECONDS);
    if (!mayTryCode(tries - 1)) throw linkRefused('too-many-attempts');
    const peek = await this.redis.get(this.codeKey(code));
    if (!peek) return this.wrongCode(code);
    const issuer = linkCodeRecordSchema.parse(JSON.parse(peek));
    await this.redis.decr(triesKey);
    // The account's own code proves nothing; it stays usable from the other account.
    if (issuer.aad === aad) throw linkRefused('same-account');
    if (!(await this.redis.getdel(this.codeKey(code)))) {
      // Redeemed by someone else between the two reads: a try like any spent code.
      await this.redis.incr(triesKey);
      return this.wrongCode(code);
    }

    const [issuerPid, redeemerPid] = await Promise.all([this.redis.get(this.acctKey(issuer.aad)), this.redis.get(this.acctKey(aad))]);
    const decided = decideLink({ aad: issuer.aad, pid: issuerPid }, { aad, pid: redeemerPid });
    const pid = decided === 'new' ? `p-${randomUUID()}` : decided;

    const claimed: string[] = [];
    for (const account of [issuer.aad, aad]) {
      if ((await this.redis.get(this.acctKey(account))) === pid) continue;
      if ((await this.redis.set(this.acctKey(account), pid, 'NX')) === 'OK') {
        claimed.push(account);
        continue;
      }
      // Another link took this account between our read and now: undo ours, refuse.
      for (const c of claimed) await this.redis.eval(DEL_IF_EQUALS, 1, this.acctKey(c), pid);
      throw new DomainError('conflict', 'account linked concurrently');
    }

    const entry = linkAuditEntrySchema.parse({ at: this.clock().toISOString(), action: 'link', accounts: [issuer, redeemer], by: aad });
    const line = JSON.stringify(entry);
    await this.redis
      .multi()
      .hset(this.accountsKey(pid), issuer.aad, issuer.tenant, aad, tenant)
      .rpush(this.auditKey(pid), line)
      .ltrim(this.auditKey(pid), -AUDIT_MAX, -1)
      .exec();
    await Promise.all([this.appendOwn(issuer.aad, line), this.appendOwn(aad, line)]);
    return { pid, issuer, entry };
  }

  /** The person this account belongs to and all its accounts (itself only, when unlinked). */
  async accountsOf(aad: string): Promise<PersonAccounts> {
    const pid = await this.redis.get(this.acctKey(aad));
    if (!pid) return { pid: aad, accounts: [{ aad }] };
    const all = await this.redis.hgetall(this.accountsKey(pid));
    // An account whose link write never finished (a crash between keys) is not linked.
    if (!(aad in all)) return { pid: aad, accounts: [{ aad }] };
    return { pid, accounts: Object.entries(all).map(([a, tenant]) => ({ aad: a, tenant })).sort((x, y) => x.aad.localeCompare(y.aad)) };
  }

  /**
   * The accounts of a person id as `accountsOf` names it: a linked person's accounts, or the
   * one account itself when `pid` is an unlinked account's id (or the person is gone).
   */
  async accountsOfPerson(pid: string): Promise<string[]> {
    const all = Object.keys(await this.redis.hgetall(this.accountsKey(pid)));
    return all.length > 0 ? all.sort() : pid.startsWith('p-') ? [] : [pid];
  }

  /**
   * `byAad` removes `account` (any of its person's accounts, itself included). A person
   * left with one account is no person any more: that account is unlinked too.
   */
  async unlink(byAad: string, account: string): Promise<UnlinkResult> {
    const person = await this.accountsOf(byAad);
    decideUnlink(person, account);
    const { pid } = person;
    const removed = person.accounts.find((a) => a.aad === account)!;
    const left = person.accounts.filter((a) => a.aad !== account);
    const released = left.length === 1 ? [account, left[0]!.aad] : [account];
    const entry = linkAuditEntrySchema.parse({
      at: this.clock().toISOString(),
      action: 'unlink',
      accounts: [{ aad: removed.aad, tenant: removed.tenant ?? 'unknown' }],
      by: byAad,
    });
    const line = JSON.stringify(entry);
    await this.redis
      .multi()
      .hdel(this.accountsKey(pid), ...released)
      .rpush(this.auditKey(pid), line)
      .ltrim(this.auditKey(pid), -AUDIT_MAX, -1)
      .exec();
    for (const a of released) {
      await this.redis.eval(DEL_IF_EQUALS, 1, this.acctKey(a), pid);
      await this.appendOwn(a, line);
    }
    return { pid, entry, released };
  }

  /** The link and unlink lines of a person (or of one account, by its aad), oldest first. */
  async audit(pid: string): Promise<LinkAuditEntry[]> {
    const lines = await this.redis.lrange(this.auditKey(pid), 0, -1);
    return lines.flatMap((l) => {
      const parsed = linkAuditEntrySchema.safeParse(JSON.parse(l));
      return parsed.success ? [parsed.data] : [];
    });
  }

  private async appendOwn(aad: string, line: string): Promise<void> {
    await this.redis.multi().rpush(this.auditKey(aad), line).ltrim(this.auditKey(aad), -AUDIT_MAX, -1).exec();
  }

  /** The try is already counted; says whether the code once existed (expired or used) or never did. */
  private async wrongCode(code: LinkCode): Promise<never> {
    throw linkRefused((await this.redis.exists(this.issuedKey(code))) ? 'expired-code' : 'wrong-code');
  }
}

function digest(code: LinkCode): string {
  return createHash('sha256').update(code).digest('hex');
}
