/**
 * Renders the medborgarlöfte's queued notices (ids only in the job) into activities, at
 * send time: a reminder shows the item as it is now, and nothing is sent for an item
 * that was done, removed or moved to another due date in the meantime.
 */
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { digestCard, digestSection, personDigestCard } from '../../cards/promise/digestCard.js';
import { meetingLabel } from '../../cards/promise/labels.js';
import { myActionsCard } from '../../cards/promise/myActionsCard.js';
import { noPromiseCard } from '../../cards/promise/promiseCard.js';
import { reminderCard } from '../../cards/promise/reminderCard.js';
import { actionFormCard } from '../../cards/promise/actionFormCard.js';
import type { AdaptiveCard, CardElement } from '../../cards/kit.js';
import { stampOrg } from './stampOrg.js';
import type { NoticeTemplate, NotifyJob } from '../../jobs/queues.js';
import { conversationKey } from '../domain/conversation.js';
import { isFinal } from '../domain/promise/actionStatus.js';
import { weeklyDigest } from '../domain/promise/digest.js';
import { findAction } from '../domain/promise/promise.js';
import type { Catalog, Lang } from '../i18n/index.js';
import { actionsOwnedBy } from '../services/promise/actions.js';
import { knownOwners } from '../services/promise/people.js';
import { findCurrentPromise } from '../services/promise/promises.js';
import { todayOf } from '../services/promise/today.js';
import type { Services } from '../services/services.js';

/** The templates this file renders. */
export const promiseNoticeTemplates = ['action.reminder7', 'action.reminderDue', 'promise.digest', 'promise.followUpRequest', 'promise.decisions'] as const satisfies readonly NoticeTemplate[];
export type PromiseNoticeTemplate = (typeof promiseNoticeTemplates)[number];
export const isPromiseNotice = (t: NoticeTemplate): t is PromiseNoticeTemplate => (promiseNoticeTemplates as readonly string[]).includes(t);

const asActivity = (c: AdaptiveCard): Partial<Activity> => MessageFactory.attachment(CardFactory.adaptiveCard(c));

export async function renderPromiseNotice(s: Services, job: NotifyJob, m: Catalog, lang: Lang): Promise<Partial<Activity> | null> {
  switch (job.template) {
    case 'action.reminder7':
    case 'action.reminderDue': {
      const promise = job.promiseId ? await s.repos.promises.get(job.promiseId) : null;
      const found = promise && job.actionId ? findAction(promise.data, job.actionId) : undefined;
      if (!promise || !found || isFinal(found.action.status) || promise.data.status === 'avslutat') return null;
      const conv = await s.repos.conversations.get(conversationKey(job.conversationId));
      const mention = conv?.data.kind !== 'personal';
      return asActivity(reminderCard(m, { promiseId: promise.id, action: found.action, kind: job.template === 'action.reminder7' ? 'due7' : 'due0', mention }));
    }
    case 'promise.digest': {
      if (job.orgIds?.length) return personDigest(s, job.orgIds, m);
      const today = todayOf(s);
      const open = (await s.repos.promises.list()).filter((p) => p.data.status !== 'avslutat');
      if (open.length === 0) return null;
      return asActivity(digestCard(m, open.map((p) => ({ promiseId: p.id, title: p.data.title, digest: weeklyDigest(p.data, today) }))));
    }
    case 'promise.followUpRequest': {
      const items = (await actionsOwnedBy(s, job.userAadObjectId)).filter((x) => !isFinal(x.action.status));
      if (items.length === 0) return null;
      const conv = await s.repos.conversations.get(conversationKey(job.conversationId));
      const mention = conv?.data.kind !== 'personal' && job.userAadObjectId ? { aadObjectId: job.userAadObjectId, name: items[0]!.action.ownerName } : undefined;
      return asActivity(myActionsCard(m, items, todayOf(s), m.promise.followUpRequest(meetingLabel(job.meetingId ?? '', lang)), mention));
    }
    case 'promise.decisions': {
      const promise = await findCurrentPromise(s);
      if (!promise) return asActivity(noPromiseCard(m, true));
      const meetingId = job.meetingId ?? '';
      const ctx = { promiseId: promise.id, commitments: promise.data.commitments, owners: await knownOwners(s), today: todayOf(s) };
      return asActivity(actionFormCard(m, ctx, { decisions: { meetingId, meetingLabel: meetingLabel(meetingId, lang) } }));
    }
    default:
      return null;
  }
}

/**
 * A person's digest: a section per organisation (by name) with open promises, each with
 * its buttons stamped with that organisation. Nothing open anywhere: nothing sent.
 */
async function personDigest(s: Services, orgIds: readonly string[], m: Catalog): Promise<Partial<Activity> | null> {
  const sections: { name: string; blocks: CardElement[] }[] = [];
  for (const id of orgIds) {
    const os = await s.platform.orgs.services(id);
    if (!os) continue;
    const open = (await os.repos.promises.list()).filter((p) => p.data.status !== 'avslutat');
    if (open.length === 0) continue;
    const today = todayOf(os);
    const name = os.org.settings.data.name;
    sections.push({ name, blocks: stampOrg(digestSection(m, name, open.map((p) => ({ promiseId: p.id, title: p.data.title, digest: weeklyDigest(p.data, today) }))), os.org.id) });
  }
  if (sections.length === 0) return null;
  sections.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return asActivity(personDigestCard(m, sections.map((x) => x.blocks)));
}
