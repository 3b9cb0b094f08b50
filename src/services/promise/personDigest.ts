import { safeJobId } from '../../../jobs/queues.js';
import { isoWeekOf } from '../../domain/calendar/isoWeek.js';
import { utcToZoned } from '../../domain/calendar/zonedTime.js';
import type { OrgId } from '../../domain/organisation/organisation.js';
import { notifyPriorities } from '../notices.js';
import type { Platform } from '../platform.js';
import type { OrgDigest } from './digest.js';

/** The ISO week a digest belongs to, in the deployment's zone: `2027-W10`. */
export function digestWeek(p: Platform): string {
  const { year, week } = isoWeekOf(utcToZoned(p.clock(), p.config.TIMEZONE).date);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The one digest job of a person in a week, on the deployment's notify queue (not one organisation's). */
export const personDigestJobId = (pid: string, isoWeek: string) => `u.${safeJobId(pid)}.digest-${isoWeek}`;

/**
 * After every organisation's part of the weekly digest: ONE notice per person (all their
 * linked accounts) to one of their personal chats, with a section per organisation where
 * they are a chair. The job names the organisations (ids only) and is rendered when sent;
 * its id names the person and the ISO week, so a week never gets two.
 */
export async function sendPersonalDigests(p: Platform, parts: readonly OrgDigest[]): Promise<{ people: number }> {
  const people = new Map<string, { orgIds: Set<OrgId>; chats: Map<string, string> }>();
  for (const part of parts) {
    for (const r of part.personal) {
      const { pid } = await p.repos.personLinks.accountsOf(r.aad);
      const person = people.get(pid) ?? { orgIds: new Set<OrgId>(), chats: new Map<string, string>() };
      person.orgIds.add(part.orgId);
      person.chats.set(r.aad, r.conversationId);
      people.set(pid, person);
    }
  }
  const week = digestWeek(p);
  for (const [pid, person] of people) {
    const orgIds = [...person.orgIds].sort();
    // The first account (by id) with a personal chat: the same chat every week.
    const [aad, conversationId] = [...person.chats].sort(([a], [b]) => a.localeCompare(b))[0]!;
    const home = await p.orgs.services(orgIds[0]!);
    if (!home) continue;
    const [priority] = await notifyPriorities(home, 1);
    await p.queues.notify.add(
      'promise.digest',
      { orgId: orgIds[0]!, conversationId, template: 'promise.digest', userAadObjectId: aad, orgIds },
      { jobId: personDigestJobId(pid, week), attempts: home.config.NOTIFY_ATTEMPTS, priority: priority! },
    );
  }
  return { people: people.size };
}
