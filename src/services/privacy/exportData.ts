import { randomBytes } from 'node:crypto';
import type { LinkAuditEntry, PersonAccounts } from '../../domain/people/personLink.js';
import { STEERING_ID } from '../../domain/steering.js';
import { linksOf } from '../people/linking.js';
import type { Services } from '../services.js';

/** Who asks, from the Teams activity (never from card data). */
export interface DataSubject {
  aadObjectId: string;
  /** The Teams user id (29:…), the audit actor when no Entra id was known. */
  teamsUserId?: string;
}

/** Everything Samverkan stores about one person, as given to them by `exportera mina data`. */
export interface PersonalDataExport {
  exportedAt: string;
  subject: DataSubject;
  person: { name: string; lastSeen: string } | null;
  roles: { chairByConfiguration: boolean; chairAddedByAChair: boolean; steeringMember: boolean };
  conversations: { conversationId: string; kind: string; active: boolean; installedAt: string; removedAt?: string; locale?: string }[];
  forums: { forumId: string; name: string; member: boolean; contactName?: string }[];
  answers: { answerId: string; meetingId: string; forumId: string; version: number; submittedAt: string; late: boolean; answer: unknown }[];
  actionItems: { promiseId: string; actionId: string; text: string; due: string; status: string; followUps: unknown[] }[];
  followUpsWritten: { promiseId: string; actionId: string; meetingId: string; text: string; at: string }[];
  audit: { record: string; at: string; action: string; version: number; fields: string[] }[];
  /** The person's linked accounts (pid = aad when unlinked) and every link/unlink line about them. */
  links: { pid: string; accounts: PersonAccounts['accounts']; audit: LinkAuditEntry[] };
}

export async function collectPersonalData(s: Services, who: DataSubject): Promise<PersonalDataExport> {
  const aad = who.aadObjectId;
  const actors = new Set([aad, ...(who.teamsUserId ? [who.teamsUserId] : [])]);
  const [person, steering, forums, conversations, answerIds, promises, links] = await Promise.all([
    s.repos.people.get(aad),
    s.repos.steering.get(STEERING_ID),
    s.repos.forums.list(),
    s.repos.conversations.list(),
    s.repos.answers.ids(),
    s.repos.promises.list(),
    linksOf(s, aad),
  ]);

  const answers: PersonalDataExport['answers'] = [];
  for (const id of answerIds) {
    for (const v of await s.repos.answers.history(id)) {
      if (!actors.has(v.updatedBy) && v.data.submittedBy !== aad) continue;
      answers.push({ answerId: id, meetingId: v.data.meetingId, forumId: v.data.forumId, version: v.version, submittedAt: v.data.submittedAt, late: v.data.late, answer: v.data.answer });
    }
  }

  const actionItems: PersonalDataExport['actionItems'] = [];
  const followUpsWritten: PersonalDataExport['followUpsWritten'] = [];
  for (const p of promises) {
    for (const c of p.data.commitments) {
      for (const a of c.actions) {
        if (a.ownerAadObjectId === aad) actionItems.push({ promiseId: p.id, actionId: a.id, text: a.text, due: a.due, status: a.status, followUps: a.followUps });
        for (const f of a.followUps) if (f.by === aad) followUpsWritten.push({ promiseId: p.id, actionId: a.id, meetingId: f.meetingId, text: f.text, at: f.at });
      }
    }
  }

  const audit: PersonalDataExport['audit'] = [];
  for (const actor of actors) {
    for (const { collection, id, entry } of await s.repos.audit.byActor(actor)) {
      audit.push({ record: `${collection}/${id}`, at: entry.at, action: entry.action, version: entry.version, fields: entry.fields });
    }
  }
  audit.sort((a, b) => a.at.localeCompare(b.at));

  return {
    exportedAt: s.clock().toISOString(),
    subject: who,
    person: person ? { name: person.name, lastSeen: person.lastSeen } : null,
    roles: {
      chairByConfiguration: s.config.CHAIR_IDS.includes(aad),
      chairAddedByAChair: steering?.data.extraChairIds.includes(aad) ?? false,
      steeringMember: steering?.data.memberIds.includes(aad) ?? false,
    },
    conversations: conversations
      .filter((c) => c.data.userAadObjectId === aad)
      .map((c) => ({
        conversationId: c.data.conversationId,
        kind: c.data.kind,
        active: c.data.active,
        installedAt: c.data.installedAt,
        ...(c.data.removedAt ? { removedAt: c.data.removedAt } : {}),
        ...(c.data.locale ? { locale: c.data.locale } : {}),
      })),
    forums: forums
      .filter((f) => f.data.memberIds.includes(aad) || f.data.contacts.some((c) => c.aadObjectId === aad))
      .map((f) => {
        const contact = f.data.contacts.find((c) => c.aadObjectId === aad);
        return { forumId: f.id, name: f.data.name, member: f.data.memberIds.includes(aad), ...(contact ? { contactName: contact.name } : {}) };
      }),
    answers,
    actionItems,
    followUpsWritten,
    audit,
    links,
  };
}

/** How long an export link works. Personal data: short. */
export const EXPORT_LINK_TTL_MINUTES = 60;

export const exportPath = (token: string) => `/exports/${token}.json`;

/**
 * A signed, expiring link to the user's export. The link names a random token (kept as
 * long as the link is valid) that maps to the person; the data is collected when the
 * link is opened, so no copy of it is stored.
 */
export async function createExportLink(s: Services, who: DataSubject): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  await s.repos.markers.set('export', token, JSON.stringify(who), EXPORT_LINK_TTL_MINUTES * 60);
  const base = s.config.PUBLIC_URL.replace(/\/$/, '');
  return `${base}${s.links.sign(exportPath(token), s.clock(), EXPORT_LINK_TTL_MINUTES)}`;
}

export async function subjectOfExportToken(s: Services, token: string): Promise<DataSubject | null> {
  const raw = await s.repos.markers.get('export', token);
  if (!raw) return null;
  const parsed = JSON.parse(raw) as DataSubject;
  return typeof parsed.aadObjectId === 'string' ? parsed : null;
}
