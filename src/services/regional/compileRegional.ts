/**
 * The regional job's work (issue 12 item 6): from each organisation that shares, the
 * steering version of its latest published lägesbild — the snapshot version the published
 * agenda names, read from the history, never the current snapshot (a recompile after
 * publishing is not what the steering group saw) — into one picture, stored for its owner.
 *
 * Knows nothing of how organisations are stored: the caller resolves each one's Services,
 * name and sharing flag (the chairs' `regionalSharing`, off by default), and whose picture
 * it is (`ownerKey`, e.g. the person id).
 */
import { regionalNotPublished, regionalSharingOff } from '../../domain/errors.js';
import { viewFor } from '../../domain/lagesbild/view.js';
import type { LagesbildSnapshot } from '../../domain/lagesbild/schema.js';
import { buildRegionalPicture, REGIONAL_AUDIENCE, type RegionalPicture, type RegionalSource } from '../../domain/regional/regionalPicture.js';
import type { RegionalStore } from '../../store/regionalPictures.js';
import type { Services } from '../services.js';

export interface RegionalSourceInput {
  orgId: string;
  orgName: string;
  s: Services;
  /** The organisation's chairs have turned regional sharing on. */
  sharing: boolean;
}

export interface CompileRegionalOptions {
  ownerKey: string;
  run: string;
  store: RegionalStore;
  /** How long the picture (and its links) live; REPORT_LINK_TTL_MINUTES × 60 in the app. */
  ttlSeconds: number;
  clock: () => Date;
  /** Only meetings of this year (`regional lägesbild 2027`). */
  year?: number;
  /** Called after each organisation is read (the job reports it, the card shows it). */
  progress?(loaded: number, total: number): Promise<void>;
}

/** Refuses (DomainError) with fewer than two sharing organisations, or fewer than two with a published lägesbild. */
export async function compileRegional(sources: readonly RegionalSourceInput[], opts: CompileRegionalOptions): Promise<RegionalPicture> {
  const sharing = sources.filter((x) => x.sharing);
  if (sharing.length < 2) throw regionalSharingOff(sources.filter((x) => !x.sharing).map((x) => x.orgName));

  const found: RegionalSource[] = [];
  const notPublished: { orgId: string; orgName: string }[] = [];
  for (const [i, x] of sharing.entries()) {
    const published = await latestPublished(x.s, opts.year);
    if (published) found.push({ orgId: x.orgId, orgName: x.orgName, meetingId: published.meeting.id, view: viewFor(published, REGIONAL_AUDIENCE) });
    else notPublished.push({ orgId: x.orgId, orgName: x.orgName });
    await opts.progress?.(i + 1, sharing.length);
  }
  if (found.length < 2) throw regionalNotPublished(notPublished.map((x) => x.orgName));

  const picture = buildRegionalPicture(found, { compiledAt: opts.clock().toISOString(), notPublished });
  await opts.store.save(opts.ownerKey, opts.run, picture, opts.ttlSeconds);
  return picture;
}

/**
 * The snapshot published with the latest meeting (by date) whose agenda has been published:
 * the version the publication names, checked against its content hash.
 */
export async function latestPublished(s: Services, year?: number): Promise<LagesbildSnapshot | null> {
  const ids = (await s.repos.agendas.ids()).filter((id) => year === undefined || id.startsWith(`${year}-`));
  const candidates: { meetingId: string; date: string; version: number; contentHash: string }[] = [];
  for (const id of ids) {
    const agenda = await s.repos.agendas.get(id);
    const published = agenda?.data.published;
    if (!published) continue;
    const meeting = await s.repos.meetings.get(id);
    if (meeting?.data.status === 'cancelled') continue;
    candidates.push({ meetingId: id, date: meeting?.data.date ?? '', version: published.snapshotVersion, contentHash: published.contentHash });
  }
  candidates.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.meetingId < b.meetingId ? 1 : -1));
  for (const c of candidates) {
    const history = await s.repos.lagesbilder.history(c.meetingId);
    const record = history.find((h) => h.version === c.version && h.data.snapshot.contentHash === c.contentHash);
    if (record) return record.data.snapshot;
  }
  return null;
}
