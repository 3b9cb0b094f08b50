import { MessageFactory, type Activity } from 'botbuilder';
import type { NotifyJob } from '../../jobs/queues.js';
import { shortAccountId } from '../domain/people/personLink.js';
import type { Catalog } from '../i18n/index.js';
import type { Services } from '../services/services.js';

/**
 * The linked-account notices, to an account's own personal chat: it was linked with
 * another account (by a code shown here), or another account of the person unlinked it.
 */
export async function renderPersonLinkNotice(s: Services, job: NotifyJob, m: Catalog): Promise<Partial<Activity> | null> {
  const l = m.links;
  if (!job.userAadObjectId || !job.aboutAadObjectId) return null;
  const about = job.aboutAadObjectId;
  if (job.template === 'link.linked') {
    const person = await s.repos.personLinks.accountsOf(job.userAadObjectId);
    const other = person.accounts.find((a) => a.aad === about);
    // Unlinked again before the notice went out: nothing true left to say.
    if (!other) return null;
    return MessageFactory.text(l.linkedNotice(l.account(other.tenant, shortAccountId(about))));
  }
  const tenant = (await s.repos.personLinks.accountsOf(about)).accounts.find((a) => a.aad === about)?.tenant;
  return MessageFactory.text(l.unlinkedNotice(l.account(tenant, shortAccountId(about))));
}
