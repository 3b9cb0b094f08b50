/**
 * An organisation's export: everything it holds, as one JSON document for the chairs
 * before it leaves (every record with its kept versions and audit list, its settings,
 * its report reads, every other key it has, and its jobs by id, name and state only).
 * Pure: built from the raw keys the store read.
 */
import { z } from 'zod';
import { orgIdSchema, orgStatusSchema } from './organisation.js';

export const ORG_EXPORT_FORMAT = 'samverkan.organisation';

/** One of the organisation's keys as read, its name relative to the organisation's base (`rec:forum:f1`). */
export const rawOrgKeySchema = z.object({
  key: z.string(),
  type: z.enum(['string', 'list', 'set', 'zset', 'hash', 'stream', 'none']),
  value: z.unknown(),
});
export type RawOrgKey = z.infer<typeof rawOrgKeySchema>;

export const orgExportVersionSchema = z.object({ version: z.number().int(), at: z.string(), by: z.string(), data: z.unknown() });

export const orgExportRecordSchema = z.object({
  id: z.string(),
  /** Null when the record was deleted and only its audit list (or history) remains. */
  version: z.number().int().nullable(),
  at: z.string().nullable(),
  by: z.string().nullable(),
  data: z.unknown(),
  versions: z.array(orgExportVersionSchema),
  audit: z.array(z.unknown()),
});
export type OrgExportRecord = z.infer<typeof orgExportRecordSchema>;

export const orgExportJobSchema = z.object({ queue: z.string(), id: z.string(), name: z.string(), state: z.string() });
export type OrgExportJob = z.infer<typeof orgExportJobSchema>;

export const orgExportSchema = z.object({
  format: z.literal(ORG_EXPORT_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  org: z.object({ id: orgIdSchema, name: z.string(), status: orgStatusSchema, createdAt: z.string(), legacy: z.boolean() }),
  settings: orgExportRecordSchema.nullable(),
  /** Collection name → its records (settings included under their own collection too). */
  collections: z.record(z.string(), z.array(orgExportRecordSchema)),
  reportReads: z.array(z.unknown()),
  /** Keys that are neither records, versions nor audit lists (lookups, indexes, markers, people …), as stored. */
  otherKeys: z.array(rawOrgKeySchema),
  jobs: z.array(orgExportJobSchema),
});
export type OrgExport = z.infer<typeof orgExportSchema>;

const REPORT_READS = 'audit:report-reads';
const RECORD_KEY = /^(rec|hist|audit):([^:]+):(.+)$/;

const parseJson = (s: unknown): unknown => {
  if (typeof s !== 'string') return s;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
};

/** A kept version as stored: `{"v":…,"at":…,"by":…}\n<document>`. */
function parseVersion(line: string): z.infer<typeof orgExportVersionSchema> {
  const cut = line.indexOf('\n');
  const meta = parseJson(line.slice(0, cut)) as { v?: number; at?: string; by?: string };
  return { version: Number(meta.v ?? 0), at: String(meta.at ?? ''), by: String(meta.by ?? ''), data: parseJson(line.slice(cut + 1)) };
}

export function assembleOrgExport(input: {
  org: OrgExport['org'];
  exportedAt: string;
  keys: readonly RawOrgKey[];
  jobs: readonly OrgExportJob[];
  settingsCollection: string;
  settingsId: string;
}): OrgExport {
  const collections = new Map<string, Map<string, OrgExportRecord>>();
  const recordOf = (collection: string, id: string): OrgExportRecord => {
    let byId = collections.get(collection);
    if (!byId) collections.set(collection, (byId = new Map()));
    let r = byId.get(id);
    if (!r) byId.set(id, (r = { id, version: null, at: null, by: null, data: null, versions: [], audit: [] }));
    return r;
  };
  const otherKeys: RawOrgKey[] = [];
  let reportReads: unknown[] = [];
  for (const k of [...input.keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (k.key === REPORT_READS && k.type === 'list') {
      reportReads = (k.value as string[]).map(parseJson);
      continue;
    }
    const m = RECORD_KEY.exec(k.key);
    if (m && m[1] === 'rec' && k.type === 'hash') {
      const h = k.value as Record<string, string>;
      const r = recordOf(m[2]!, m[3]!);
      r.version = h.v === undefined ? null : Number(h.v);
      r.at = h.at ?? null;
      r.by = h.by ?? null;
      r.data = parseJson(h.doc);
    } else if (m && m[1] === 'hist' && k.type === 'list') {
      recordOf(m[2]!, m[3]!).versions = (k.value as string[]).map(parseVersion);
    } else if (m && m[1] === 'audit' && k.type === 'list') {
      recordOf(m[2]!, m[3]!).audit = (k.value as string[]).map(parseJson);
    } else {
      otherKeys.push(k);
    }
  }
  const out: Record<string, OrgExportRecord[]> = {};
  for (const [c, byId] of [...collections.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) out[c] = [...byId.values()];
  return orgExportSchema.parse({
    format: ORG_EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: input.exportedAt,
    org: input.org,
    settings: collections.get(input.settingsCollection)?.get(input.settingsId) ?? null,
    collections: out,
    reportReads,
    otherKeys,
    jobs: [...input.jobs],
  });
}

/** What the leaving card shows: how much the organisation holds, by collection (records only). */
export function orgHoldingCounts(ids: Readonly<Record<string, number>>): { forums: number; meetings: number; answers: number; promises: number; lagesbilder: number; malbilder: number } {
  return {
    forums: ids.forum ?? 0,
    meetings: ids.meeting ?? 0,
    answers: ids.answer ?? 0,
    promises: ids.promise ?? 0,
    lagesbilder: ids.lagesbild ?? 0,
    malbilder: ids.malbild ?? 0,
  };
}
