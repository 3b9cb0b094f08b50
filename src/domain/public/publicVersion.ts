/**
 * The public version of a medborgarlöfte (återkoppling to the residents): what residents
 * may read on the municipality's website and reuse as open data. Pure projection of the
 * promise and its målbilder; everything not listed here is never public.
 *
 * Public: the promise's title, period and status; commitments (text, responsible party,
 * districts); action items' text, party (the commitment's, never the owner's name), due
 * date, status and one follow-up text/count per tertial (steering meeting); counts; the
 * linked målbilder's goal statements and indicator progress.
 * Never public: people (names, Entra ids, who wrote or agreed), internal ids (public ids
 * are hashes of them), anything of inspel or lägesbilder (not an input here; a promise
 * text that repeats their text is withheld, `restrictedTexts`), and texts a chair hid
 * ("visa inte") or that contain personal data.
 */
import { z } from 'zod';
import type { IsoDate } from '../calendar/localDate.js';
import { findPersonalData } from '../inputs/personalDataGuard.js';
import { canonicalJson, sha256Hex, shortId } from '../lagesbild/hash.js';
import type { Malbild } from '../malbilder/malbild.js';
import { indicatorProgress, indicatorTrends } from '../malbilder/progress.js';
import { actionBucket } from '../promise/followUpReport.js';
import { actionStatuses, promiseStatuses, responsibleParties, type CitizenPromise } from '../promise/promise.js';
import { effectiveStatus } from '../promise/actionStatus.js';

/** Bumped on any incompatible change of the JSON shape (documented in README). */
export const PUBLIC_SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A tertial is a steering meeting's id, `YYYY-N` (the year's N:th meeting). */
const tertial = z.string().regex(/^\d{4}-[1-9]$/);
const publicIdSchema = z.string().regex(/^[a-z]-[0-9a-f]{12}$/);

const countsSchema = z.object({
  total: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  done: z.number().int(),
  doneLate: z.number().int(),
  stopped: z.number().int(),
});
export type PublicCounts = z.infer<typeof countsSchema>;

const publicFollowUpSchema = z.object({ tertial, text: z.string(), count: z.number().int().min(0).optional() });

const publicActionSchema = z.object({
  id: publicIdSchema,
  text: z.string(),
  responsible: z.enum(responsibleParties),
  due: isoDate,
  status: z.enum(actionStatuses),
  bucket: z.enum(['onTime', 'late', 'done', 'doneLate', 'stopped']),
  completedAt: isoDate.optional(),
  followUps: z.array(publicFollowUpSchema),
});
export type PublicAction = z.infer<typeof publicActionSchema>;

const publicCommitmentSchema = z.object({
  id: publicIdSchema,
  text: z.string(),
  responsible: z.enum(responsibleParties),
  districts: z.array(z.string()),
  counts: countsSchema,
  actions: z.array(publicActionSchema),
});
export type PublicCommitment = z.infer<typeof publicCommitmentSchema>;

const pointSchema = z.object({ value: z.number(), date: isoDate });
const publicIndicatorSchema = z.object({
  id: publicIdSchema,
  name: z.string(),
  unit: z.string(),
  direction: z.enum(['increase', 'decrease']),
  baseline: pointSchema.optional(),
  target: pointSchema,
  latest: pointSchema.optional(),
  progress: z.number().nullable(),
  reached: z.boolean(),
  trend: z.enum(indicatorTrends),
});
export type PublicIndicator = z.infer<typeof publicIndicatorSchema>;

const publicGoalSchema = z.object({ id: publicIdSchema, district: z.string(), statements: z.array(z.string()), indicators: z.array(publicIndicatorSchema) });
export type PublicGoal = z.infer<typeof publicGoalSchema>;

export const publicVersionSchema = z.object({
  schemaVersion: z.literal(PUBLIC_SCHEMA_VERSION),
  promise: z.object({ id: publicIdSchema, title: z.string(), periodFrom: isoDate, periodTo: isoDate, status: z.enum(promiseStatuses) }),
  /** The date the projection was made for (statuses and lateness are as of this day). */
  asOf: isoDate,
  /** The latest tertial with any public follow-up, or null before the first. */
  latestFollowUp: tertial.nullable(),
  counts: countsSchema,
  commitments: z.array(publicCommitmentSchema),
  goals: z.array(publicGoalSchema),
});
export type PublicVersion = z.infer<typeof publicVersionSchema>;

/** A fingerprint of a public version's content (`v-` and 12 hex digits): a card confirms exactly what it showed. */
export function fingerprint(version: PublicVersion): string {
  return shortId('v', [canonicalJson(version)]);
}

/** A public id: a hash of the internal one, stable across versions, revealing nothing. */
export function publicId(kind: 'p' | 'c' | 'a' | 'g' | 'i', internalId: string): string {
  return `${kind}-${sha256Hex(`samverkan-public:${kind}:${internalId}`).slice(0, 12)}`;
}

/**
 * Keys of the items a chair can leave out ("visa inte"), in terms of internal ids so
 * they survive text edits: `c:<commitment>`, `a:<action>`, `f:<action>:<meeting>`
 * (one follow-up), `s:<malbild>:<index>` (one goal statement), `i:<malbild>:<indicator>`.
 */
export const hideKey = {
  commitment: (id: string) => `c:${id}`,
  action: (id: string) => `a:${id}`,
  followUp: (actionId: string, meetingId: string) => `f:${actionId}:${meetingId}`,
  statement: (malbildId: string, index: number) => `s:${malbildId}:${index}`,
  indicator: (malbildId: string, indicatorId: string) => `i:${malbildId}:${indicatorId}`,
} as const;

export const withheldReasons = ['hidden', 'personalData', 'restricted'] as const;
export type WithheldReason = (typeof withheldReasons)[number];

export interface ProjectionInput {
  promise: CitizenPromise;
  malbilder: readonly Malbild[];
  today: IsoDate;
  /** hideKey values a chair chose not to show. */
  hidden: ReadonlySet<string>;
  /** Texts of the inspel, lägesbilder and agendas (restrictedTexts.ts): a public text repeating one is withheld. */
  restrictedTexts?: readonly string[];
}

export interface Projection {
  version: PublicVersion;
  /** What was left out and why (for the chair's preview; never public). */
  withheld: { key: string; reason: WithheldReason }[];
}

/** Case, spacing and punctuation do not make a restricted text public. */
function normalise(text: string): string {
  return text
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Shorter restricted texts match too often by accident ("trygghet"); they are not checked. */
const MIN_RESTRICTED_LENGTH = 12;
/** A public text at least this long found inside restricted material counts as copied from it. */
const MIN_COPIED_LENGTH = 40;

export function projectPublicVersion(input: ProjectionInput): Projection {
  const { promise, today, hidden } = input;
  const restricted = (input.restrictedTexts ?? []).map(normalise).filter((t) => t.length >= MIN_RESTRICTED_LENGTH);
  const withheld: Projection['withheld'] = [];
  /** Whether the item may be public; records why not. Text checks only where a text is given. */
  const allowed = (key: string, ...texts: string[]): boolean => {
    if (hidden.has(key)) return withhold(key, 'hidden');
    if (texts.some((t) => findPersonalData(t) !== null)) return withhold(key, 'personalData');
    if (texts.some((t) => isRestricted(t))) return withhold(key, 'restricted');
    return true;
  };
  const withhold = (key: string, reason: WithheldReason): false => {
    withheld.push({ key, reason });
    return false;
  };
  const isRestricted = (text: string): boolean => {
    const t = normalise(text);
    // A public text repeating the material is withheld; so is a sentence-long public text found
    // inside it (copied from it). A short item name that happens to occur in an inspel is not.
    return restricted.some((r) => t.includes(r) || (t.length >= MIN_COPIED_LENGTH && r.includes(t)));
  };

  const commitments: PublicCommitment[] = [];
  const usedMalbilder: string[] = [];
  for (const c of promise.commitments) {
    if (!allowed(hideKey.commitment(c.id), c.text)) continue;
    const actions: PublicAction[] = [];
    for (const a of c.actions) {
      if (!allowed(hideKey.action(a.id), a.text)) continue;
      const followUps = a.followUps
        .filter((f) => tertial.safeParse(f.meetingId).success && allowed(hideKey.followUp(a.id, f.meetingId), f.text))
        .map((f) => ({ tertial: f.meetingId, text: f.text, ...(f.count !== undefined ? { count: f.count } : {}) }))
        .sort((x, y) => compareTertials(x.tertial, y.tertial));
      actions.push({
        id: publicId('a', a.id),
        text: a.text,
        responsible: c.responsible,
        due: a.due,
        status: effectiveStatus(a, today),
        bucket: actionBucket(a, today),
        ...(a.status === 'klar' && a.completedAt !== undefined ? { completedAt: a.completedAt } : {}),
        followUps,
      });
    }
    commitments.push({ id: publicId('c', c.id), text: c.text, responsible: c.responsible, districts: [...c.districts], counts: countsOf(actions), actions });
    if (c.malbildId !== undefined && !usedMalbilder.includes(c.malbildId)) usedMalbilder.push(c.malbildId);
  }

  const goals: PublicGoal[] = [];
  for (const id of usedMalbilder) {
    const m = input.malbilder.find((x) => x.id === id);
    if (!m) continue;
    const statements = m.statements.filter((s, i) => allowed(hideKey.statement(m.id, i), s));
    const indicators = m.indicators
      .filter((i) => allowed(hideKey.indicator(m.id, i.id), i.name))
      .map((i): PublicIndicator => {
        const p = indicatorProgress(i);
        return {
          id: publicId('i', `${m.id}:${i.id}`),
          name: i.name,
          unit: i.unit,
          direction: i.direction,
          ...(i.baseline ? { baseline: { value: i.baseline.value, date: i.baseline.date } } : {}),
          target: { value: i.target.value, date: i.target.date },
          ...(p.latest ? { latest: { value: p.latest.value, date: p.latest.date } } : {}),
          progress: p.progress,
          reached: p.reached,
          trend: p.trend,
        };
      });
    goals.push({ id: publicId('g', m.id), district: m.district, statements, indicators });
  }

  const tertials = commitments.flatMap((c) => c.actions.flatMap((a) => a.followUps.map((f) => f.tertial))).sort(compareTertials);
  const version: PublicVersion = {
    schemaVersion: PUBLIC_SCHEMA_VERSION,
    promise: { id: publicId('p', promise.id), title: promise.title, periodFrom: promise.periodFrom, periodTo: promise.periodTo, status: promise.status },
    asOf: today,
    latestFollowUp: tertials.at(-1) ?? null,
    counts: countsOf(commitments.flatMap((c) => c.actions)),
    commitments,
    goals,
  };
  return { version, withheld };
}

/** `2026-3` before `2027-1`; the meeting index is one digit (meetingRecordSchema). */
export function compareTertials(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function countsOf(actions: readonly PublicAction[]): PublicCounts {
  const counts: PublicCounts = { total: 0, onTime: 0, late: 0, done: 0, doneLate: 0, stopped: 0 };
  for (const a of actions) {
    counts[a.bucket] += 1;
    counts.total += 1;
  }
  return counts;
}
