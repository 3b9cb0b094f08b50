import { conversationKey } from '../../domain/conversation.js';
import type { LinkAuditEntry, LinkCode, LinkedAccount, PersonAccounts } from '../../domain/people/personLink.js';
import { safeJobId, type NoticeTemplate } from '../../../jobs/queues.js';
import type { LinkResult, UnlinkResult } from '../../store/personLinks.js';
import type { Platform } from '../platform.js';
import type { Services } from '../services.js';
import { personalChatsOf } from './personalChats.js';
import { personOrgs } from './personOrgs.js';

/**
 * Linking one person's accounts (plan §4.1). The bot handlers prove where the request
 * came from (a personal chat, the activity's own Entra id and tenant); this adds the
 * notices. Person-wide, like the links themselves: it works for someone in no
 * organisation yet (an officer linking a guest account before anyone has added it).
 * `accountsOf` is what person-wide features use to span all of a person's accounts:
 * organisation resolution, `mina åtgärder`, `exportera mina data`, the digest.
 */
export function accountsOf(p: Platform, aad: string): Promise<PersonAccounts> {
  return p.repos.personLinks.accountsOf(aad);
}

/** A one-time code for this account, to be typed in the other account's personal chat. */
export function createLinkCode(p: Platform, who: LinkedAccount): Promise<{ code: LinkCode; expiresAt: string }> {
  return p.repos.personLinks.createCode(who.aad, who.tenant);
}

/** Redeems a code typed by `who`; the account that showed the code is told in its personal chat. */
export async function redeemLinkCode(p: Platform, code: LinkCode, who: LinkedAccount): Promise<LinkResult> {
  const result = await p.repos.personLinks.redeem(code, who.aad, who.tenant);
  await noticeTo(p, result.issuer.aad, 'link.linked', who.aad, result.entry);
  return result;
}

/** `by` removes `account` from its person; the removed account is told when someone else removed it. */
export async function unlinkAccount(p: Platform, by: string, account: string): Promise<UnlinkResult> {
  const result = await p.repos.personLinks.unlink(by, account);
  if (account !== by) await noticeTo(p, account, 'link.unlinked', by, result.entry);
  return result;
}

/** A person's links for `exportera mina data`: accounts and every link/unlink line about them. */
export async function linksOf(s: { repos: Pick<Services['repos'], 'personLinks'> }, aad: string): Promise<{ pid: string; accounts: PersonAccounts['accounts']; audit: LinkAuditEntry[] }> {
  const person = await s.repos.personLinks.accountsOf(aad);
  const trails = await Promise.all([...new Set([person.pid, aad])].map((p) => s.repos.personLinks.audit(p)));
  const seen = new Set<string>();
  const audit = trails
    .flat()
    .filter((e) => {
      const k = JSON.stringify(e);
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => a.at.localeCompare(b.at));
  return { pid: person.pid, accounts: person.accounts, audit };
}

/**
 * One notice to an account's personal chat (none: nothing to tell it through). Ids only in
 * the job. A notice travels through an organisation's notify pipeline (a notify job names
 * one); a personal chat is nobody's organisation's, so it is carried by one the recipient
 * takes part in, else the other account's, else any active one (its fair share counts one
 * message). With no organisation at all there is no pipeline, and nothing to tell.
 */
async function noticeTo(p: Platform, recipient: string, template: NoticeTemplate, about: string, entry: LinkAuditEntry): Promise<void> {
  const conversationId = (await personalChatsOf(p.repos.conversations, recipient))[0]?.data.conversationId;
  if (!conversationId) return;
  const s = await carrierFor(p, [recipient, about]);
  if (!s) return;
  const jobId = safeJobId('n', template, conversationKey(about), Date.parse(entry.at), conversationKey(conversationId));
  await s.queues.notify.add(template, { conversationId, template, userAadObjectId: recipient, aboutAadObjectId: about }, { jobId, attempts: s.config.NOTIFY_ATTEMPTS });
}

async function carrierFor(p: Platform, accounts: readonly string[]): Promise<Services | null> {
  for (const a of accounts) {
    const [first] = await personOrgs(p, [a]);
    if (first) return first;
  }
  for (const id of await p.orgs.activeIds()) {
    const s = await p.orgs.services(id);
    if (s) return s;
  }
  return null;
}
