/**
 * Open data of a published version: JSON (a versioned, documented schema, served as JSON
 * Schema too), CSV for spreadsheets, and an Atom feed of every publication. Ids are the
 * public ids (stable across versions); nothing here is not on the page.
 */
import { z } from 'zod';
import { PUBLIC_SCHEMA_VERSION, publicVersionSchema, type PublicVersion } from '../../domain/public/publicVersion.js';
import type { Catalog } from '../../i18n/index.js';
import { toCsv } from '../csv.js';
import { escapeHtml } from '../html.js';
import { publicPaths, publicSchemaPath } from './paths.js';

export const publicDocumentSchema = publicVersionSchema.extend({
  $schema: z.string().describe('URL of this JSON Schema'),
  organisation: z.object({ slug: z.string(), name: z.string() }),
  published: z.object({
    number: z.number().int().min(1).describe('1 for the first publication, +1 for each one after'),
    at: z.string().describe('ISO 8601 instant of publishing (UTC)'),
    date: z.string().describe('local date of publishing (Europe/Stockholm), the key of /versioner/<date>'),
  }),
  links: z.object({ html: z.string(), csv: z.string(), atom: z.string() }),
});
export type PublicDocument = z.infer<typeof publicDocumentSchema>;

export interface Publication {
  organisation: { slug: string; name: string };
  number: number;
  publishedAt: string;
  publishedDate: string;
  version: PublicVersion;
}

export function publicDocument(p: Publication, baseUrl: string): PublicDocument {
  const paths = publicPaths(p.organisation.slug);
  return {
    $schema: `${baseUrl}${publicSchemaPath(PUBLIC_SCHEMA_VERSION)}`,
    organisation: p.organisation,
    published: { number: p.number, at: p.publishedAt, date: p.publishedDate },
    links: { html: `${baseUrl}${paths.negotiated}`, csv: `${baseUrl}${paths.csv}`, atom: `${baseUrl}${paths.atom}` },
    ...p.version,
  };
}

/** The JSON Schema of the document (draft 2020-12), from the same zod schema that checks it. */
export function publicJsonSchema(): unknown {
  return z.toJSONSchema(publicDocumentSchema, { target: 'draft-2020-12' });
}

/** One row per action item and tertial (an item without follow-ups: one row, empty tertial). Column names are stable identifiers. */
export function publicCsv(v: PublicVersion): string {
  const header = ['atagande_id', 'atagande', 'ansvarig', 'stadsdelar', 'atgard_id', 'atgard', 'klart_senast', 'status', 'klar_datum', 'tertial', 'uppfoljning', 'antal'];
  const rows = v.commitments.flatMap((c) =>
    c.actions.flatMap((a) => {
      const base = [c.id, c.text, a.responsible, c.districts.join(', '), a.id, a.text, a.due, a.status, a.completedAt ?? ''];
      return a.followUps.length ? a.followUps.map((f) => [...base, f.tertial, f.text, f.count ?? '']) : [[...base, '', '', '']];
    }),
  );
  return toCsv([header, ...rows]);
}

/** Atom (RFC 4287): one entry per publication, newest first, each linking the version of its date. */
export function publicAtom(publications: readonly Publication[], baseUrl: string, m: Catalog): string {
  const first = publications[0];
  if (!first) return '';
  const org = first.organisation;
  const paths = publicPaths(org.slug);
  const host = new URL(baseUrl).host;
  const newest = [...publications].sort((a, b) => b.number - a.number);
  const x = escapeHtml;
  const entries = newest.map((p) => {
    const c = p.version.counts;
    const tertial = p.version.latestFollowUp;
    return `<entry><id>tag:${x(host)},${p.publishedDate}:invanare/${x(org.slug)}/${p.number}</id><title>${x(m.public.feedEntry(p.publishedDate))}</title><updated>${p.publishedAt}</updated><link rel="alternate" type="text/html" href="${x(baseUrl + paths.past(p.publishedDate, 'sv'))}"/><link rel="related" type="application/json" href="${x(baseUrl + paths.pastData(p.publishedDate, 'json'))}"/><summary>${x(m.public.feedSummary(c.total, c.done + c.doneLate, c.late, tertial))}</summary></entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${m.locale.slice(0, 2)}"><id>${x(baseUrl + paths.base)}</id><title>${x(m.public.feedTitle(org.name))}</title><updated>${newest[0]!.publishedAt}</updated><author><name>${x(org.name)}</name></author><link rel="self" type="application/atom+xml" href="${x(baseUrl + paths.atom)}"/><link rel="alternate" type="text/html" href="${x(baseUrl + paths.negotiated)}"/>${entries.join('')}</feed>\n`;
}
