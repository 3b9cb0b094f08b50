/**
 * The regional picture belongs to a person, not to an organisation: its store, its links
 * (the deployment's signer and base URL, /reports/regional/…) and the checks on its
 * sources live at the deployment's level. Whether a source shares is read from the
 * registry each time (not from cached Services): a chair who turns sharing off stops the
 * picture at once, in every process.
 */
import { RegionalStore } from '../../store/regionalPictures.js';
import { ORG_SETTINGS_ID } from '../../store/organisations.js';
import type { RegionalReportDeps } from '../../http/regionalReportRoute.js';
import type { Platform } from '../platform.js';
import type { RegionalLinkDeps } from './regionalReports.js';

export const regionalStore = (p: Platform) => new RegionalStore(p.redis, p.keys, p.clock);

/** The deployment's signer and public URL: a regional link is nobody's organisation's. */
export const regionalLinkDeps = (p: Platform): RegionalLinkDeps => ({ links: p.links, clock: p.clock, config: p.config });

export interface OrgSharing {
  orgId: string;
  name: string;
  /** The chairs' `regionalSharing` (off by default); false for an organisation gone or leaving. */
  sharing: boolean;
}

/** Null when the organisation does not exist (any more). */
export async function sharingOf(p: Platform, orgId: string): Promise<OrgSharing | null> {
  const registry = p.repos.orgs;
  const entry = await registry.get(orgId);
  if (!entry) return null;
  const settings = await registry.settingsRepository(entry.id).get(ORG_SETTINGS_ID);
  if (!settings) return null;
  return { orgId: entry.id, name: settings.data.name, sharing: entry.status === 'active' && settings.data.regionalSharing };
}

/** What the report route needs: sources that stopped sharing (or are gone) make it 410; each read goes to every source's report reads. */
export function regionalReportDeps(p: Platform): RegionalReportDeps {
  return {
    ...regionalLinkDeps(p),
    store: regionalStore(p),
    async sharingStopped(orgIds) {
      const stopped: string[] = [];
      for (const id of orgIds) if (!(await sharingOf(p, id))?.sharing) stopped.push(id);
      return stopped;
    },
    async recordRead(orgIds, read) {
      for (const id of orgIds) {
        const s = await p.orgs.services(id);
        await s?.repos.reportReads.record(read);
      }
    },
  };
}

/**
 * For deleting an organisation: every regional picture drawn from it goes too (they are
 * derived from its data). Returns how many pictures were deleted.
 */
export function deleteRegionalPicturesOf(p: Platform, orgId: string): Promise<number> {
  return regionalStore(p).deleteForOrganisation(orgId);
}
