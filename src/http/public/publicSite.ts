/**
 * The residents' pages and data, rendered once per publication and served from memory:
 * a municipality's website may send real traffic. Whether a newer version was published
 * (by any process) is one small Redis read at most every `recheckMs`; only then are the
 * versions loaded again and the renderings dropped. Each rendering carries its ETag and
 * Last-Modified, so conditional requests are answered 304.
 */
import { createHash } from 'node:crypto';
import type { Services } from '../../services/services.js';
import { publishedDate } from '../../store/publicVersions.js';
import type { Publication } from '../../reports/public/openData.js';

export interface Rendered {
  body: Buffer;
  contentType: string;
  etag: string;
  /** HTTP date, or absent for pages not tied to a publication. */
  lastModified?: string;
}

export interface SiteState {
  number: number;
  /** Oldest first; the last is the current one. */
  publications: Publication[];
  renders: Map<string, Rendered | null>;
}

interface Entry {
  checkedAt: number;
  number: number;
  state: Promise<SiteState | null>;
}

export class PublicSite {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly s: Services,
    private readonly recheckMs = 1000,
  ) {}

  /** The organisation's published state, or null for an unknown slug or before the first publication. */
  async state(slug: string): Promise<SiteState | null> {
    // One organisation today; the map is keyed by slug so more can follow.
    if (slug !== this.s.config.PUBLIC_SLUG) return null;
    const now = Date.now();
    const entry = this.entries.get(slug);
    if (entry && now - entry.checkedAt < this.recheckMs) return entry.state;
    const number = await this.s.repos.publicVersions.number(slug);
    if (entry && entry.number === number) {
      entry.checkedAt = now;
      return entry.state;
    }
    const state = number === 0 ? Promise.resolve(null) : this.load(slug, number);
    this.entries.set(slug, { checkedAt: now, number, state });
    // A failed load is not cached: the next request tries again.
    state.catch(() => this.entries.delete(slug));
    return state;
  }

  /** A rendering of the state, built on first use and kept until the next publication. */
  async rendered(slug: string, key: string, build: (state: SiteState) => { body: string; contentType: string; lastModified?: Date } | null): Promise<Rendered | null> {
    const state = await this.state(slug);
    if (!state) return null;
    if (!state.renders.has(key)) {
      const out = build(state);
      state.renders.set(key, out ? rendered(out.body, out.contentType, out.lastModified) : null);
    }
    return state.renders.get(key) ?? null;
  }

  private async load(slug: string, number: number): Promise<SiteState> {
    const history = await this.s.repos.publicVersions.history(slug);
    const tz = this.s.config.TIMEZONE;
    const organisation = { slug, name: this.s.config.PUBLIC_ORGANISATION_NAME };
    return {
      number,
      publications: history.map((h) => ({ organisation, number: h.version, publishedAt: h.data.publishedAt, publishedDate: publishedDate(h.data, tz), version: h.data.version })),
      renders: new Map(),
    };
  }
}

export function rendered(body: string, contentType: string, lastModified?: Date): Rendered {
  const buf = Buffer.from(body, 'utf8');
  return {
    body: buf,
    contentType,
    etag: `"${createHash('sha256').update(buf).digest('base64url').slice(0, 27)}"`,
    ...(lastModified ? { lastModified: lastModified.toUTCString() } : {}),
  };
}

/** The publication shown for a local date: the last one published on or before it. */
export function publicationOn(state: SiteState, date: string): Publication | null {
  return state.publications.filter((p) => p.publishedDate <= date).at(-1) ?? null;
}

/** Dates with a publication, newest first, each once. */
export function publicationDates(state: SiteState): string[] {
  return [...new Set(state.publications.map((p) => p.publishedDate))].reverse();
}
