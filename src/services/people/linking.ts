import { conversationKey } from '../../domain/conversation.js';
import type { LinkAuditEntry, LinkCode, LinkedAccount, PersonAccounts } from '../../domain/people/personLink.js';
import { safeJobId, type NoticeTemplate } from '../../../jobs/queues.js';
import type { LinkResult, UnlinkResult } from '../../store/personLinks.js';
import { personalConversationOf } from '../promise/recipients.js';
import type { Services } from '../services.js';

/**
 * Linking one person's accounts (plan §4.1). The bot handlers prove where the request
 * came from (a personal chat, the activity's own Entra id and tenant); this adds the
 * notices. `accountsOf` is what person-wide features use to span all of a person's
 * accounts: organisation resolution, `mina åtgärder`, `exportera mina data`, the digest.
 */
export function accountsOf(s: Services, aad: string): Promise<PersonAccounts> {
  return s.repos.personLinks.accountsOf(aad);
}

/** A one-time code for this account, to be typed in the other account's personal chat. */
export function createLinkCode(s: Services, who: LinkedAccount): Promise<{ code: LinkCode; expiresAt: string }> {
  return s.repos.personLinks.createCode(who.aad, who.tenant);
}

/** Redeems a code typed by `who`; the account that showed the code is told in its personal chat. */
export async function redeemLinkCode(s: Services, code: LinkCode, who: LinkedAccount): Promise<LinkResult> {
  const result = await s.repos.personLinks.redeem(code, who.aad, who.tenant);
  await noticeTo(s, result.issuer.aad, 'link.linked', who.aad, result.entry);
  return result;
}

/** `by` removes `account` from its person; the removed account is told when someone else removed it. */
export async function unlinkAccount(s: Services, by: string, account: string): Promise<UnlinkResult> {
  const result = await s.repos.personLinks.unlink(by, account);
  if (account !== by) await noticeTo(s, account, 'link.unlinked', by, result.entry);
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

/** One notice to an account's personal chat (none: nothing to tell it through). Ids only in the job. */
async function noticeTo(s: Services, recipient: string, template: NoticeTemplate, about: string, entry: LinkAuditEntry): Promise<void> {
  const conversationId = await personalConversationOf(s, recipient);
  if (!conversationId) return;
  const jobId = safeJobId('n', template, conversationKey(about), Date.parse(entry.at), conversationKey(conversationId));
  await s.queues.notify.add(template, { conversationId, template, userAadObjectId: recipient, aboutAadObjectId: about }, { jobId, attempts: s.config.NOTIFY_ATTEMPTS });
}
