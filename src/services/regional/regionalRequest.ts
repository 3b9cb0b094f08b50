/**
 * A person's request for a regional picture (issue 12 item 6), from the command to the
 * card: the job on the compile queue (person-scoped, no organisation: the compile worker
 * runs it before resolving one), and the card in the person's chat updated in place.
 *
 * The card's notices go through one organisation's notify pipeline (its queue view,
 * markers and sender): the "anchor", the first source that shares. A notify job must name
 * an organisation (the worker resolves one per job), and an organisation whose steering
 * group the person sits in is where the person already is; the card's state itself is the
 * person's (a global marker keyed by the card), read when the notice is rendered, so a late
 * progress notice never undoes the result.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { REGIONAL_JOB_NAME, regionalJobId, type RegionalJob, type RegionalJobDeps, type RegionalJobState } from '../../../jobs/processors/regionalCompile.js';
import type { CompileJob } from '../../../jobs/queues.js';
import type { DomainErrorReason } from '../../domain/errors.js';
import { rolesOf } from '../../domain/roles.js';
import { STEERING_ID } from '../../domain/steering.js';
import { enqueueNotice } from '../notices.js';
import type { Platform } from '../platform.js';
import type { Services } from '../services.js';
import type { RegionalSourceInput } from './compileRegional.js';
import { regionalLinkDeps, regionalStore, sharingOf } from './regionalPlatform.js';
import { regionalTtlSeconds } from './regionalReports.js';

export const REGIONAL_CARD_MARKER = 'regional-card';

const refusalReasons = ['regional-sharing-off', 'regional-not-published'] as const satisfies readonly DomainErrorReason[];

export const regionalCardStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queued') }),
  z.object({ kind: z.literal('progress'), loaded: z.number().int().min(0), total: z.number().int().min(0) }),
  z.object({ kind: z.literal('done') }),
  /** Names of organisations only (as the refusal shows them), never content. */
  z.object({ kind: z.literal('refused'), reason: z.enum(refusalReasons), names: z.array(z.string()) }),
  z.object({ kind: z.literal('failed') }),
]);
export type RegionalCardState = z.infer<typeof regionalCardStateSchema>;

export const regionalCardRecordSchema = z.object({
  pid: z.string(),
  run: z.string(),
  /** The person's chat and the organisation whose notify pipeline updates the card. */
  conversationId: z.string(),
  anchorOrgId: z.string(),
  state: regionalCardStateSchema,
});
export type RegionalCardRecord = z.infer<typeof regionalCardRecordSchema>;

export const regionalCardKey = (pid: string, run: string) => `regional.${pid}.${run}`;

/** A fresh run id: a person may ask again; each request is its own picture and card. */
export const newRegionalRun = (p: Platform) => `${p.clock().getTime().toString(36)}-${randomBytes(3).toString('hex')}`;

export async function regionalCardRecord(p: Platform, cardKey: string): Promise<RegionalCardRecord | null> {
  const raw = await p.repos.markers.get(REGIONAL_CARD_MARKER, cardKey);
  return raw === null ? null : regionalCardRecordSchema.parse(JSON.parse(raw));
}

async function saveCardRecord(p: Platform, record: RegionalCardRecord): Promise<void> {
  // As long as the picture and its links.
  const ttl = regionalTtlSeconds(regionalLinkDeps(p)) + 3600;
  await p.repos.markers.set(REGIONAL_CARD_MARKER, regionalCardKey(record.pid, record.run), JSON.stringify(regionalCardRecordSchema.parse(record)), ttl);
}

export interface RegionalRequest {
  pid: string;
  run: string;
  /** The sources, the anchor first. */
  orgIds: string[];
  year?: number;
  conversationId: string;
}

/** Records the card (queued) and queues the job; the card must already be posted under `regionalCardKey`. */
export async function requestRegional(p: Platform, req: RegionalRequest): Promise<void> {
  await saveCardRecord(p, { pid: req.pid, run: req.run, conversationId: req.conversationId, anchorOrgId: req.orgIds[0]!, state: { kind: 'queued' } });
  const data: RegionalJob = { pid: req.pid, orgIds: req.orgIds, run: req.run, ...(req.year ? { year: req.year } : {}) };
  // The compile queue's type names the lägesbild's job; the worker dispatches this one by name.
  await p.queues.compile.add(REGIONAL_JOB_NAME, data as unknown as CompileJob, { jobId: regionalJobId(req.pid, req.run) });
}

/**
 * Each organisation's Services, name and sharing flag, read now (the job may run later than
 * the command, or be retried hours later): an organisation deleted since, or whose steering
 * group none of the person's accounts sits in any more, is no source and no name to show.
 */
export async function resolveRegionalSources(p: Platform, pid: string, orgIds: readonly string[]): Promise<RegionalSourceInput[]> {
  const accounts = await p.repos.personLinks.accountsOfPerson(pid);
  const out: RegionalSourceInput[] = [];
  for (const orgId of orgIds) {
    const [s, sharing] = await Promise.all([p.orgs.services(orgId), sharingOf(p, orgId)]);
    if (!s || !sharing || !(await inSteeringGroup(s, accounts))) continue;
    out.push({ orgId, orgName: sharing.name, s, sharing: sharing.sharing });
  }
  return out;
}

/** As the command checks it in a personal chat: by identity (chair or named member), not by presence in a channel. */
async function inSteeringGroup(s: Services, accounts: readonly string[]): Promise<boolean> {
  const steering = (await s.repos.steering.get(STEERING_ID))?.data ?? null;
  return accounts.some((aad) => {
    const r = rolesOf({ aadObjectId: aad, conversationId: '' }, { chairIds: s.config.CHAIR_IDS, steering, forums: [] });
    return r.chair || r.steeringMember;
  });
}

/** The card moves to `state`; the anchor's notify pipeline re-renders it in place. */
export async function regionalStateChanged(p: Platform, job: RegionalJob, state: RegionalJobState): Promise<void> {
  const cardKey = regionalCardKey(job.pid, job.run);
  const record = await regionalCardRecord(p, cardKey);
  if (!record) return;
  const next: RegionalCardState =
    state.kind === 'refused'
      ? { kind: 'refused', reason: state.error.reason === 'regional-not-published' ? 'regional-not-published' : 'regional-sharing-off', names: state.error.details.names ?? [] }
      : state.kind === 'progress'
        ? { kind: 'progress', loaded: state.loaded, total: state.total }
        : { kind: state.kind };
  await saveCardRecord(p, { ...record, state: next });
  const anchor = await p.orgs.services(record.anchorOrgId);
  if (!anchor) return;
  const occasion = state.kind === 'progress' ? `${job.run}-p${state.loaded}` : `${job.run}-${state.kind}`;
  await enqueueNotice(anchor, record.conversationId, 'regional.card', { occasion, cardKey, ...(state.kind === 'progress' ? { updateOnly: true } : {}) });
}

/** The job's dependencies at the deployment's level (jobs/workers.ts). */
export function regionalJobDeps(p: Platform): RegionalJobDeps {
  return {
    ...regionalLinkDeps(p),
    store: regionalStore(p),
    resolveSources: (pid, orgIds) => resolveRegionalSources(p, pid, orgIds),
    onState: (job, state) => regionalStateChanged(p, job, state),
  };
}
