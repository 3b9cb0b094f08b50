import type { Queue } from 'bullmq';
import { orgOfJobId } from '../domain/organisation/organisation.js';

export const ORG_JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'waiting-children'] as const;
/** Jobs without an organisation's prefix when the deployment has no upgraded organisation. */
export const NO_ORG = 'deployment';
const CACHE_MS = 15_000;

export interface OrgJobCount {
  org: string;
  queue: string;
  state: (typeof ORG_JOB_STATES)[number];
  count: number;
}

/**
 * Jobs per organisation, queue and state, read from job ids alone (never job data, which
 * may name people): `<orgId>.…` is that organisation's; an id without a prefix was queued
 * before the upgrade and is the legacy organisation's. Listing every id is not free, so
 * the figures are cached for a scrape interval.
 */
export class OrgJobCounter {
  private cached: { at: number; counts: OrgJobCount[] } | undefined;

  constructor(
    private readonly queues: () => Queue[],
    private readonly legacyId: () => Promise<string | null>,
    private readonly now: () => number = Date.now,
  ) {}

  async counts(): Promise<OrgJobCount[]> {
    if (this.cached && this.now() - this.cached.at < CACHE_MS) return this.cached.counts;
    const legacy = (await this.legacyId()) ?? NO_ORG;
    const out = new Map<string, OrgJobCount>();
    for (const q of this.queues()) {
      for (const state of ORG_JOB_STATES) {
        for (const id of await q.getRanges([state], 0, -1)) {
          const org = orgOfJobId(id) ?? legacy;
          const key = `${org}\n${q.name}\n${state}`;
          const row = out.get(key) ?? { org, queue: q.name, state, count: 0 };
          row.count++;
          out.set(key, row);
        }
      }
    }
    const counts = [...out.values()].sort((a, b) => a.org.localeCompare(b.org) || a.queue.localeCompare(b.queue) || a.state.localeCompare(b.state));
    this.cached = { at: this.now(), counts };
    return counts;
  }
}
