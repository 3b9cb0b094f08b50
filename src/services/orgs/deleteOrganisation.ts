import type { Job, Queue } from 'bullmq';
import { z } from 'zod';
import { orgJobs } from '../../../jobs/orgJobs.js';
import { queueNames } from '../../../jobs/queues.js';
import { orgJobId, orgIdSchema, type OrgId } from '../../domain/organisation/organisation.js';
import { OrgKeyspace } from '../../store/orgKeyspace.js';
import { scanAll } from '../../store/redis.js';
import { deleteRegionalPicturesOf } from '../regional/regionalPlatform.js';
import { SETTINGS_CHECK_MS, type Platform } from '../platform.js';
import type { Services } from '../services.js';

/** The job that deletes an organisation: on the compile queue, one per organisation (`<orgId>.delete`). */
export const ORG_DELETE_JOB = 'org.delete';

export const orgDeleteJobSchema = z.object({
  orgId: orgIdSchema,
  actor: z.string(),
  /** Steps done so far (each is safe to run again; this only saves repeating them after a retry). */
  step: z.number().int().min(0).default(0),
  counts: z.record(z.string(), z.number()).default({}),
});
export type OrgDeleteJob = z.infer<typeof orgDeleteJobSchema>;

/** Longer than OrgDirectory's settings check. */
export const DELETE_DELAY_MS = SETTINGS_CHECK_MS + 1_000;

/** Another job of the organisation is running: deletion waits for it (BullMQ retries with backoff). */
export class OrgJobsStillRunning extends Error {
  constructor(readonly running: number) {
    super(`${running} jobs of the organisation still running`);
  }
}

/**
 * Starts an organisation's leaving: status `deleting` at once (its turns are refused, its
 * jobs and links dropped: `OrgDirectory.services` returns null), audited, and the
 * deletion queued (retried, visible in Bull Board). Safe to call again.
 */
export async function requestOrganisationDeletion(s: Services, actor: string, counts: Record<string, number>): Promise<void> {
  const p = s.platform;
  await p.repos.orgs.setStatus(s.org.id, 'deleting');
  p.orgs.invalidate(s.org.id);
  await p.repos.orgs.audit({ actor, action: 'delete-requested', org: s.org.id, counts });
  const data: OrgDeleteJob = { orgId: s.org.id, actor, step: 0, counts: {} };
  // The compile queue's data type is a compile job's; this job is the platform's own (dispatched in jobs/perOrg.ts).
  await (p.queues.compile as unknown as Queue<OrgDeleteJob>).add(ORG_DELETE_JOB, data, {
    jobId: orgJobId(s.org.id, 'delete'),
    // Other processes keep an organisation's Services a few seconds (OrgDirectory): by the time this
    // runs, every process refuses its turns, so none writes into what is being deleted.
    delay: DELETE_DELAY_MS,
    attempts: 12,
    backoff: { type: 'exponential', delay: 2_000 },
    // Once done nothing of the organisation is left, not even this job.
    removeOnComplete: true,
  });
}

type Step = (p: Platform, orgId: OrgId, self: Job | undefined) => Promise<Record<string, number>>;

/** (1) Every job of the organisation in every queue and state; running ones are waited for. */
const removeJobs: Step = async (p, orgId, self) => {
  const legacy = (await p.orgs.legacyId()) === orgId;
  let removed = 0;
  let running = 0;
  for await (const { job, state } of orgJobs(p.queues, orgId, legacy)) {
    if (self && job.id === self.id && job.queueName === self.queueName) continue;
    if (state === 'active') {
      running++;
      continue;
    }
    await job.remove();
    removed++;
  }
  if (running > 0) throw new OrgJobsStillRunning(running);
  return { jobs: removed };
};

const globEscape = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');

/**
 * (2) Its conversations and team no longer belong to it (bindings pointing to it only), and the
 * turn markers of those conversations (they may hold its cards) are gone. Markers first: a
 * retry finds the conversations through their bindings.
 */
const unbind: Step = async (p, orgId) => {
  const prefix = p.keys.of('org', 'bind', '');
  let conversations = 0;
  let teams = 0;
  let markers = 0;
  for (const key of await scanAll(p.redis, `${globEscape(prefix)}*`)) {
    if ((await p.redis.get(key)) !== orgId) continue;
    const [kind, ...rest] = key.slice(prefix.length).split(':');
    const id = rest.join(':');
    if (kind === 'conv') {
      const done = await scanAll(p.redis, `${globEscape(p.keys.of('done', 'turn', `${id}.`))}*`);
      // One UNLINK per key: these keys have no common hash tag (a Cluster refuses a multi-key UNLINK across slots).
      for (let i = 0; i < done.length; i += 500) markers += (await Promise.all(done.slice(i, i + 500).map((k) => p.redis.unlink(k)))).reduce((a, b) => a + b, 0);
      await p.repos.orgs.unbindConversation(id);
      conversations++;
    } else if (kind === 'team') {
      await p.repos.orgs.unbindTeam(id);
      teams++;
    }
  }
  return { conversations, teams, turnMarkers: markers };
};

/** (3) Every key under `P:{o:<orgId>}:`. */
const unlinkKeys: Step = async (p, orgId) => ({ keys: await new OrgKeyspace(p.redis, p.keys.forOrg(orgId)).unlinkAll(500) });

/** (4) Regional pictures drawn from its data. */
const regional: Step = async (p, orgId) => ({ regionalPictures: await deleteRegionalPicturesOf(p, orgId) });

/** (5) Its slug, its fairness counters and its registry entry. Memberships and choices are dropped lazily (they are candidates). */
const unregister: Step = async (p, orgId) => {
  let slugs = 0;
  for (const key of await scanAll(p.redis, `${globEscape(p.keys.of('org', 'slug', ''))}*`)) {
    if ((await p.redis.get(key)) !== orgId) continue;
    await p.repos.orgs.releaseSlug(key.slice(p.keys.of('org', 'slug', '').length), orgId);
    slugs++;
  }
  await Promise.all(Object.values(queueNames).map((q) => p.redis.unlink(p.keys.of('fair', q, orgId))));
  await p.repos.orgs.remove(orgId);
  p.orgs.invalidate(orgId);
  return { slugs };
};

const steps: Step[] = [removeJobs, unbind, unlinkKeys, regional, unregister];

/**
 * Deletes an organisation that asked to leave (status `deleting`), step by step; each
 * step is safe to repeat, and the steps done are kept in the job's data. Nothing of
 * another organisation is touched: every key, job and binding is checked to be its own.
 * Ends with a `deleted` line, with counts, in the deployment's audit trail.
 */
export async function deleteOrganisation(p: Platform, data: OrgDeleteJob, job?: Job): Promise<Record<string, number>> {
  const { orgId } = data;
  const entry = await p.repos.orgs.get(orgId);
  if (entry && entry.status !== 'deleting') throw new Error('organisation is not leaving');
  let { step, counts } = data;
  for (; step < steps.length; step++) {
    counts = { ...counts, ...(await steps[step]!(p, orgId, job)) };
    if (job) await job.updateData({ ...data, step: step + 1, counts });
  }
  const already = (await p.repos.orgs.auditLines()).some((l) => l.org === orgId && l.action === 'deleted');
  if (!already) await p.repos.orgs.audit({ actor: data.actor, action: 'deleted', org: orgId, counts });
  p.log.info({ org: orgId, counts }, 'organisation deleted');
  return counts;
}

/** The processor's entry for `org.delete` jobs. */
export async function runOrgDeleteJob(p: Platform, job: Job): Promise<Record<string, number>> {
  return deleteOrganisation(p, orgDeleteJobSchema.parse(job.data), job);
}
