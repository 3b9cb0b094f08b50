import { orgJobs } from '../../../jobs/orgJobs.js';
import { assembleOrgExport, type OrgExport, type OrgExportJob } from '../../domain/organisation/orgExport.js';
import { OrgKeyspace } from '../../store/orgKeyspace.js';
import { ORG_SETTINGS_COLLECTION, ORG_SETTINGS_ID } from '../../store/organisations.js';
import type { Services } from '../services.js';

/** How long the chairs' export link works: it holds everything, personal data included. */
export const ORG_EXPORT_LINK_TTL_MINUTES = 60;

/** The path under the organisation's PUBLIC_URL (`/o/<orgId>`; the upgraded organisation's is the root). */
export const ORG_EXPORT_PATH = '/export.json';

/** A signed, expiring link to the organisation's export (signed for this organisation only). */
export function createOrgExportLink(s: Services): string {
  const base = s.config.PUBLIC_URL.replace(/\/$/, '');
  return `${base}${s.links.sign(ORG_EXPORT_PATH, s.clock(), ORG_EXPORT_LINK_TTL_MINUTES)}`;
}

/** Everything the organisation holds, read now (nothing of it is copied elsewhere). */
export async function exportOrganisation(s: Services): Promise<OrgExport> {
  const jobs: OrgExportJob[] = [];
  for await (const { queue, job, state } of orgJobs(s.platform.queues, s.org.id, s.org.legacy)) {
    jobs.push({ queue: queue.name, id: String(job.id), name: job.name, state });
  }
  return assembleOrgExport({
    org: { id: s.org.id, name: s.org.settings.data.name, status: s.org.entry.status, createdAt: s.org.entry.createdAt, legacy: s.org.legacy },
    exportedAt: s.clock().toISOString(),
    keys: await new OrgKeyspace(s.platform.redis, s.org.keys).readAll(),
    jobs,
    settingsCollection: ORG_SETTINGS_COLLECTION,
    settingsId: ORG_SETTINGS_ID,
  });
}
