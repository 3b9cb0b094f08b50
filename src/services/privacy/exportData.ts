import { randomBytes } from 'node:crypto';
import type { LinkAuditEntry, PersonAccounts } from '../../domain/people/personLink.js';
import { STEERING_ID } from '../../domain/steering.js';
import { linksOf } from '../people/linking.js';
import { personOrgs } from '../people/personOrgs.js';
import { personalChatOfTerm } from '../../domain/conversation.js';
import type { Platform } from '../platform.js';
import type { Services } from '../services.js';

/** Who asks, from the Teams activity (never from card data). */
export interface DataSubject {
  aadObjectId: string;
  /** The Teams user id (29:…), the audit actor when no Entra id was known. */
  teamsUserId?: string;
}

/** What one organisation stores about the person (all their linked accounts). */
export interface OrgPersonalData {
  org: string;
  name: string;
  roles: { chairByConfiguration: boolean; chairAddedByAChair: boolean; steeringMember: boolean };
  forums: { forumId: string; name: string; member: boolean; contactName?: string }[];
  answers: { answerId: string; meetingId: string; forumId: string; version: number; submittedAt: string; late: boolean; answer: unknown }[];
  actionItems: { promiseId: string; actionId: string; text: string; due: string; status: string; followUps: unknown[] }[];
  followUpsWritten: { promiseId: string; actionId: string; meetingId: string; text: string; at: string }[];
  audit: { record: string; at: string; action: string; version: number; fields: string[] }[];
}

/** Everything Samverkan stores about one person, over their organisations and linked accounts (`exportera mina data`). */
export interface PersonalDataExport {
  exportedAt: string;
  subject: DataSubject;
  /** The deployment's people registry: name and last seen, per linked account known there. */
  person: { aadObjectId: string; name: string; lastSeen: string }[];
  conversations: { conversationId: string; kind: string; active: boolean; installedAt: string; removedAt?: string; locale?: string }[];
  /** The person's linked accounts (pid = aad when unlinked) and every link/unlink line about them. */
  links: { pid: string; accounts: PersonAccounts['accounts']; audit: LinkAuditEntry[] };
  orgs: OrgPersonalData[];
}

/**
 * The person's data: the deployment's (people registry, conversations, links) and, per
 * organisation they take part in with any of their accounts, that organisation's records.
 */
export async function collectPersonalData(p: Platform, who: DataSubject): Promise<PersonalDataExport> {
  const links = await linksOf(p, who.aadObjectId);
  const accounts = [...new Set([who.aadObjectId, ...links.accounts.map((a) => a.aad)])].sort();
  // The person's own chats (active or not), found by their lookup term, not by listing the deployment's.
  const [people, conversations] = await Promise.all([
    Promise.all(accounts.map((a) => p.repos.people.get(a))),
    Promise.all(accounts.map((a) => p.repos.conversations.findBy(personalChatOfTerm(a)))).then((lists) => [...new Map(lists.flat().map((c) => [c.id, c])).values()]),
  ]);
  const orgs: OrgPersonalData[] = [];
  for (const s of await personOrgs(p, accounts)) orgs.push(await collectOrgData(s, accounts, who.teamsUserId));
  return {
    exportedAt: p.clock().toISOString(),
    subject: who,
    person: people.flatMap((person, i) => (person ? [{ aadObjectId: accounts[i]!, name: person.name, lastSeen: person.lastSeen }] : [])),
    conversations: conversations
      .filter((c) => !!c.data.userAadObjectId && accounts.includes(c.data.userAadObjectId))
      .map((c) => ({
        conversationId: c.data.conversationId,
        kind: c.data.kind,
        active: c.data.active,
        installedAt: c.data.installedAt,
        ...(c.data.removedAt ? { removedAt: c.data.removedAt } : {}),
        ...(c.data.locale ? { locale: c.data.locale } : {}),
      })),
    links,
    orgs,
  };
}

async function collectOrgData(s: Services, accounts: string[], teamsUserId: string | undefined): Promise<OrgPersonalData> {
  const mine = (aad: string | undefined) => !!aad && accounts.includes(aad);
  const actors = new Set([...accounts, ...(teamsUserId ? [teamsUserId] : [])]);
  const [steering, forums, answerIds, promises] = await Promise.all([s.repos.steering.get(STEERING_ID), s.repos.forums.list(), s.repos.answers.ids(), s.repos.promises.list()]);

  const answers: OrgPersonalData['answers'] = [];
  for (const id of answerIds) {
    for (const v of await s.repos.answers.history(id)) {
      if (!actors.has(v.updatedBy) && !mine(v.data.submittedBy)) continue;
      answers.push({ answerId: id, meetingId: v.data.meetingId, forumId: v.data.forumId, version: v.version, submittedAt: v.data.submittedAt, late: v.data.late, answer: v.data.answer });
    }
  }

  const actionItems: OrgPersonalData['actionItems'] = [];
  const followUpsWritten: OrgPersonalData['followUpsWritten'] = [];
  for (const p of promises) {
    for (const c of p.data.commitments) {
      for (const a of c.actions) {
        if (mine(a.ownerAadObjectId)) actionItems.push({ promiseId: p.id, actionId: a.id, text: a.text, due: a.due, status: a.status, followUps: a.followUps });
        for (const f of a.followUps) if (mine(f.by)) followUpsWritten.push({ promiseId: p.id, actionId: a.id, meetingId: f.meetingId, text: f.text, at: f.at });
      }
    }
  }

  const audit: OrgPersonalData['audit'] = [];
  for (const actor of actors) {
    for (const { collection, id, entry } of await s.repos.audit.byActor(actor)) {
      audit.push({ record: `${collection}/${id}`, at: entry.at, action: entry.action, version: entry.version, fields: entry.fields });
    }
  }
  audit.sort((a, b) => a.at.localeCompare(b.at));

  return {
    org: s.org.id,
    name: s.org.settings.data.name,
    roles: {
      chairByConfiguration: accounts.some((a) => s.config.CHAIR_IDS.includes(a)),
      chairAddedByAChair: accounts.some((a) => steering?.data.extraChairIds.includes(a) ?? false),
      steeringMember: accounts.some((a) => steering?.data.memberIds.includes(a) ?? false),
    },
    forums: forums
      .filter((f) => accounts.some((a) => f.data.memberIds.includes(a) || f.data.contacts.some((c) => c.aadObjectId === a)))
      .map((f) => {
        const contact = f.data.contacts.find((c) => mine(c.aadObjectId));
        return { forumId: f.id, name: f.data.name, member: accounts.some((a) => f.data.memberIds.includes(a)), ...(contact ? { contactName: contact.name } : {}) };
      }),
    answers,
    actionItems,
    followUpsWritten,
    audit,
  };
}

/** How long an export link works. Personal data: short. */
export const EXPORT_LINK_TTL_MINUTES = 60;

export const exportPath = (token: string) => `/exports/${token}.json`;

/**
 * A signed, expiring link to the user's export. The link names a random token (kept as
 * long as the link is valid) that maps to the person; the data is collected when the
 * link is opened, so no copy of it is stored. The person is the deployment's, not one
 * organisation's: the token and the signature are global, the path is `/exports/…`.
 */
export async function createExportLink(p: Platform, who: DataSubject): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  await p.repos.markers.set('export', token, JSON.stringify(who), EXPORT_LINK_TTL_MINUTES * 60);
  const base = p.config.PUBLIC_URL.replace(/\/$/, '');
  return `${base}${p.links.sign(exportPath(token), p.clock(), EXPORT_LINK_TTL_MINUTES)}`;
}

/** The person an export token names; tokens made by the upgraded organisation before the upgrade are still read. */
export async function subjectOfExportToken(p: Platform, token: string): Promise<DataSubject | null> {
  let raw = await p.repos.markers.get('export', token);
  if (!raw) {
    const legacy = await p.orgs.legacyId();
    const s = legacy ? await p.orgs.services(legacy) : null;
    raw = s ? await s.repos.markers.get('export', token) : null;
  }
  if (!raw) return null;
  const parsed = JSON.parse(raw) as DataSubject;
  return typeof parsed.aadObjectId === 'string' ? parsed : null;
}
