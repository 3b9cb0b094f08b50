/**
 * Publishing the medborgarlöfte for the residents: a chair previews exactly what will be
 * public (with what changed since the last publication), leaves items out, and confirms.
 * Chairs only; one compare-and-set write per publication, audited; the public cache is
 * rebuilt from the new version.
 */
import { DomainError, notAllowed, notFound, staleWrite } from '../../domain/errors.js';
import { diffPublicVersions, type PublicChange } from '../../domain/public/publicDiff.js';
import { fingerprint, hideKey, projectPublicVersion, type Projection } from '../../domain/public/publicVersion.js';
import { restrictedTextsOf } from '../../domain/public/restrictedTexts.js';
import type { CitizenPromise } from '../../domain/promise/promise.js';
import type { PublishedVersion } from '../../store/publicVersions.js';
import type { Stored } from '../../store/versionedRepository.js';
import type { PromiseActor } from '../promise/actor.js';
import { findCurrentPromise } from '../promise/promises.js';
import { todayOf } from '../promise/today.js';
import type { Services } from '../services.js';

export interface HideableItem {
  key: string;
  kind: 'commitment' | 'action' | 'followUp' | 'statement' | 'indicator';
  label: string;
}

export interface PublicPreview {
  slug: string;
  promise: Stored<CitizenPromise>;
  hidden: string[];
  projection: Projection;
  /** What a chair can leave out (of the follow-ups: each item's latest, and earlier ones already left out). */
  hideable: HideableItem[];
  current: Stored<PublishedVersion> | null;
  /** Changes since the current publication; null before the first. */
  changes: PublicChange[] | null;
}

/** A draft (utkast) is never shown to residents: the chair agrees the promise first. */
export const draftNotPublishable = (promiseId: string) => new DomainError('conflict', 'a draft promise is not published', { entity: 'draft', id: promiseId });
export const isDraftRefusal = (e: unknown): e is DomainError => e instanceof DomainError && e.reason === 'conflict' && e.details.entity === 'draft';

export async function previewPublication(s: Services, actor: PromiseActor, opts: { hidden?: readonly string[]; promiseId?: string } = {}): Promise<PublicPreview | null> {
  if (!actor.isChair) throw notAllowed('publishPublic');
  const slug = s.config.PUBLIC_SLUG;
  const promise = opts.promiseId ? await s.repos.promises.get(opts.promiseId) : await findCurrentPromise(s);
  if (!promise) return null;
  // Checked here, not only by the hidden button: an old or forged card can still ask.
  if (promise.data.status === 'utkast') throw draftNotPublishable(promise.id);
  const current = await s.repos.publicVersions.current(slug);
  const hidden = [...new Set(opts.hidden ?? (current?.data.promiseId === promise.id ? current.data.hidden : []))].sort();
  const malbilder = (await s.repos.malbilder.list()).map((m) => m.data);
  const projection = projectPublicVersion({ promise: promise.data, malbilder, today: todayOf(s), hidden: new Set(hidden), restrictedTexts: await restrictedTexts(s) });
  return {
    slug,
    promise,
    hidden,
    projection,
    hideable: hideableItems(promise.data, malbilder, new Set(hidden)),
    current,
    changes: current ? diffPublicVersions(current.data.version, projection.version) : null,
  };
}

/**
 * Publishes the promise as previewed with `hidden` left out, if the content is still the
 * one the chair saw (`previewed`, its fingerprint) and nothing was published since
 * `basedOn` (the publication number the chair saw; 0 = none). Otherwise a `stale-write`
 * DomainError whose `entity` says which: 'preview' (the content changed) or
 * 'publicversion' (another chair published), so two chairs never overwrite each other unseen.
 */
export async function publishPublication(
  s: Services,
  actor: PromiseActor,
  input: { promiseId: string; hidden: readonly string[]; basedOn: number; previewed: string },
): Promise<Stored<PublishedVersion>> {
  if (!actor.isChair) throw notAllowed('publishPublic');
  const preview = await previewPublication(s, actor, { hidden: input.hidden, promiseId: input.promiseId });
  if (!preview) throw notFound('promise', input.promiseId);
  if (fingerprint(preview.projection.version) !== input.previewed) throw staleWrite('preview', input.promiseId, preview.promise.version);
  const currentVersion = preview.current?.version ?? 0;
  if (currentVersion !== input.basedOn) throw staleWrite('publicversion', preview.slug, currentVersion);
  const next: PublishedVersion = { promiseId: preview.promise.id, publishedAt: s.clock().toISOString(), hidden: preview.hidden, version: preview.projection.version };
  try {
    const stored = await s.repos.publicVersions.publish(preview.slug, preview.current ? preview.current.version : null, next, actor.id);
    s.log.info({ slug: preview.slug, version: stored.version, withheld: preview.projection.withheld.length }, 'public version published');
    return stored;
  } catch (e) {
    // Two first publications at once: the loser is stale like any other.
    if (e instanceof DomainError && e.reason === 'already-exists') throw staleWrite('publicversion', preview.slug, 1);
    throw e;
  }
}

/** The residents' page of this organisation. */
export function publicPageUrl(s: Services, lang?: 'sv' | 'en'): string {
  return `${s.platform.config.PUBLIC_URL.replace(/\/$/, '')}/invanare/${s.config.PUBLIC_SLUG}${lang === 'en' ? '/en' : ''}`;
}

/** The card's "visa inte" value (comma-separated hide keys); anything else is dropped. */
export function parseHidden(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(',').map((k) => k.trim()))].filter((k) => /^[cafsi]:[^\s,]{1,220}$/.test(k)).slice(0, 1000);
}

/** Intern and känslig texts of the lägesbild snapshots and agendas kept now. */
async function restrictedTexts(s: Services): Promise<string[]> {
  const [snapshots, agendas] = await Promise.all([s.repos.lagesbilder.list(), s.repos.agendas.list()]);
  return restrictedTextsOf(
    snapshots.map((r) => r.data.snapshot),
    agendas.map((a) => a.data.agenda),
  );
}

/** What the card offers to leave out: every part, the latest follow-up of each item, and any earlier follow-up left out before (so it can be shown again). */
function hideableItems(promise: CitizenPromise, malbilder: readonly { id: string; statements: string[]; indicators: { id: string; name: string }[] }[], hidden: ReadonlySet<string>): HideableItem[] {
  const out: HideableItem[] = [];
  const linked = new Set<string>();
  for (const c of promise.commitments) {
    out.push({ key: hideKey.commitment(c.id), kind: 'commitment', label: c.text });
    if (c.malbildId) linked.add(c.malbildId);
    for (const a of c.actions) {
      out.push({ key: hideKey.action(a.id), kind: 'action', label: a.text });
      const sorted = [...a.followUps].sort((x, y) => (x.meetingId < y.meetingId ? -1 : 1));
      for (const [i, f] of sorted.entries()) {
        const key = hideKey.followUp(a.id, f.meetingId);
        if (i === sorted.length - 1 || hidden.has(key)) out.push({ key, kind: 'followUp', label: f.text });
      }
    }
  }
  for (const m of malbilder) {
    if (!linked.has(m.id)) continue;
    m.statements.forEach((st, i) => out.push({ key: hideKey.statement(m.id, i), kind: 'statement', label: st }));
    for (const i of m.indicators) out.push({ key: hideKey.indicator(m.id, i.id), kind: 'indicator', label: i.name });
  }
  return out;
}
