/**
 * The compiled lägesbild (situational picture) as plain JSON: the snapshot kept for every
 * compilation, and the views cut from it for each audience. Absent things are `null`,
 * never missing keys, so a snapshot survives a JSON round trip unchanged.
 *
 * Every piece of forum content carries the `sensitivity` of the answer it came from; a
 * view (view.ts) holds only what its audience may see, with every count recomputed.
 */
import { z } from 'zod';
import { priorityValues, sensitivityValues, trendValues } from '../inputs/answer.js';
import { responsibleParties, promiseStatuses } from '../promise/promise.js';
import { indicatorDirections } from '../malbilder/malbild.js';
import { indicatorTrends } from '../malbilder/progress.js';
import { mergeCorrectionSchema } from './mergeCorrections.js';

export const audiences = ['chairs', 'steering', 'open'] as const;

const sensitivity = z.enum(sensitivityValues);
const forumRef = z.object({ forumId: z.string(), forumName: z.string() });
const count = z.number().int().min(0);

// --- response rate ---------------------------------------------------------------

export const responseCountsSchema = z.object({
  /** Active forums asked for input. answered + late + missing = forums. */
  forums: count,
  answered: count,
  late: count,
  missing: count,
  /** (answered + late) / forums; 0 without forums. */
  rate: z.number().min(0).max(1),
});

const answeredForum = forumRef.extend({ submittedAt: z.string() });
export const responseRateSchema = z.object({
  counts: responseCountsSchema,
  /** In time, late and missing forums by name (Swedish order). Not sensitive: see view.ts. */
  answered: z.array(answeredForum),
  late: z.array(answeredForum),
  missing: z.array(forumRef),
  /** The previous meeting's counts, for the response rate over the meetings. */
  previous: responseCountsSchema.nullable(),
});

// --- districts -----------------------------------------------------------------

export const ratingSchema = forumRef.extend({
  trend: z.enum(trendValues),
  situation: z.string(),
  sensitivity,
});

export const trendSummarySchema = z.object({
  battre: count,
  oforandrat: count,
  samre: count,
  vetej: count,
  /** All ratings, vet ej included. */
  rated: count,
  /** bättre − sämre: each bättre counts +1, each sämre −1. */
  net: z.number().int(),
  /** net / (ratings other than vet ej), −1..1 to 3 decimals; null when there are none. */
  score: z.number().min(-1).max(1).nullable(),
});

export const districtChangeSchema = z.object({
  previousNet: z.number().int(),
  netChange: z.number().int(),
  previousScore: z.number().nullable(),
  /** score − previousScore to 3 decimals; null unless both exist. */
  scoreChange: z.number().nullable(),
});

export const districtSectionSchema = z.object({
  district: z.string(),
  /** Each forum's rating side by side, by forum name. */
  ratings: z.array(ratingSchema),
  summary: trendSummarySchema,
  /** null without a previous snapshot or when the district was not in it. */
  change: districtChangeSchema.nullable(),
  /** Forums covering the district that have not answered at all (not sensitive). */
  notAnswered: z.array(forumRef),
});

// --- themes ----------------------------------------------------------------------

export const themeMarkSchema = forumRef.extend({
  /** The districts the raising forum's answer is about (its own districts if it names none). */
  districts: z.array(z.string()),
  sensitivity,
});

export const themeChangeSchema = z.object({
  /** null when the theme was not raised at the previous meeting. */
  previousRank: z.number().int().min(1).nullable(),
  /** previousRank − rank: positive means the theme climbed. null when new. */
  rankChange: z.number().int().nullable(),
  forumsChange: z.number().int(),
  districtsChange: z.number().int(),
});

export const rankedThemeSchema = z.object({
  id: z.string(),
  sv: z.string(),
  en: z.string(),
  /** Competition rank ("1, 2, 2, 4") by forums, then districts. */
  rank: z.number().int().min(1),
  forums: count,
  districts: count,
  districtNames: z.array(z.string()),
  raisedBy: z.array(themeMarkSchema),
  /** null without a previous snapshot. */
  change: themeChangeSchema.nullable(),
});

export const textItemSchema = forumRef.extend({ text: z.string(), sensitivity });

export const themesSectionSchema = z.object({
  ranked: z.array(rankedThemeSchema),
  /** "Annat": themes outside the list, in each forum's own words. */
  other: z.array(textItemSchema),
  /** The same, merged like the agenda proposals: each own theme once, with every forum that wrote it; absent in older snapshots. */
  otherGroups: z.lazy(() => z.array(proposalGroupSchema)).default([]),
  /** Raised at the previous meeting, not at this one. */
  noLongerRaised: z.array(z.object({ id: z.string(), sv: z.string(), en: z.string(), previousRank: z.number().int().min(1), previousForums: count })),
});

// --- frågor till polisen and proposed agenda items ------------------------------

export const questionMemberSchema = textItemSchema.extend({ priority: z.enum(priorityValues) });

export const questionGroupSchema = z.object({
  /** Stable for the same members: 'q-' and a hash of them. */
  id: z.string(),
  /** 1-based position in the ranking. */
  rank: z.number().int().min(1),
  /** The representative member's text (see questionGroups.ts). */
  text: z.string(),
  /** The highest priority among the members. */
  priority: z.enum(priorityValues),
  /** forumCount × weight(priority), weights hög 3, medel 2, låg 1. */
  score: count,
  /** Tie-break: the sum over forums of each forum's highest weight in the group. */
  weightSum: count,
  forumCount: count,
  forums: z.array(forumRef),
  /** The most restrictive sensitivity among the members. */
  sensitivity,
  members: z.array(questionMemberSchema),
  /** A near-duplicate was asked at the previous meeting; null without a previous snapshot. */
  recurring: z.boolean().nullable(),
});

export const questionsSectionSchema = z.object({
  total: count,
  groups: z.array(questionGroupSchema),
});

export const proposalGroupSchema = z.object({
  /** 'a-' and a hash of the members. */
  id: z.string(),
  rank: z.number().int().min(1),
  text: z.string(),
  forumCount: count,
  forums: z.array(forumRef),
  sensitivity,
  members: z.array(textItemSchema),
});

// --- medborgarlöfte and målbilder -------------------------------------------------

export const actionCountsSchema = z.object({ total: count, onTime: count, late: count, done: count, doneLate: count, stopped: count });

export const promiseSummarySchema = z.object({
  promiseId: z.string(),
  title: z.string(),
  period: z.object({ from: z.string(), to: z.string(), status: z.enum(promiseStatuses), elapsed: z.number().min(0).max(1) }),
  counts: actionCountsSchema,
  byResponsible: z.object(Object.fromEntries(responsibleParties.map((p) => [p, actionCountsSchema])) as Record<(typeof responsibleParties)[number], typeof actionCountsSchema>),
  followUpsReceived: count,
  followUpsMissing: count,
  commitments: z.array(
    z.object({
      commitmentId: z.string(),
      text: z.string(),
      responsible: z.enum(responsibleParties),
      districts: z.array(z.string()),
      counts: actionCountsSchema,
      missingFollowUps: count,
    }),
  ),
});

const point = z.object({ value: z.number(), date: z.string() });
export const indicatorSummarySchema = z.object({
  indicatorId: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(indicatorDirections),
  baseline: point.nullable(),
  target: point,
  latest: point.nullable(),
  progress: z.number().nullable(),
  reached: z.boolean(),
  trend: z.enum(indicatorTrends),
});

export const malbildSummarySchema = z.object({
  district: z.string(),
  malbildId: z.string(),
  statements: z.array(z.string()),
  indicators: z.array(indicatorSummarySchema),
});

// --- the snapshot and its views ----------------------------------------------------

/** What the next meeting compares with, computed once per audience so no view leaks. */
export const periodSummarySchema = z.object({
  districts: z.array(z.object({ district: z.string(), net: z.number().int(), score: z.number().nullable() })),
  themes: z.array(z.object({ id: z.string(), sv: z.string(), en: z.string(), rank: z.number().int().min(1), forums: count, districts: count })),
  /** Topic tokens (joined by spaces) of every question, for "asked before". */
  questionKeys: z.array(z.string()),
  /** TOKENIZER_VERSION (swedishText.ts) that made questionKeys; absent in summaries written before it (1). */
  tokenizer: z.number().int().min(1).default(1),
});

const sections = {
  districts: z.array(districtSectionSchema),
  themes: themesSectionSchema,
  questions: questionsSectionSchema,
  /** Behov och resurser, one entry per forum that wrote any. */
  needs: z.array(textItemSchema),
  agendaProposals: z.array(proposalGroupSchema),
  promise: promiseSummarySchema.nullable(),
  malbilder: z.array(malbildSummarySchema).nullable(),
};

const meeting = z.object({ id: z.string(), date: z.string() });

export const lagesbildSnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  /** COMPILE_VERSION of the compile that made it; absent in snapshots compiled before it was recorded (1). */
  compileVersion: z.number().int().min(1).default(1),
  meeting,
  compiledAt: z.string(),
  /** sha256 of the normalised inputs: the same inputs in any order give the same hash. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The active forums, by name. */
  forums: z.array(z.object({ id: z.string(), name: z.string(), districts: z.array(z.string()) })),
  responseRate: responseRateSchema,
  /** Compiled answers by sensitivity. */
  content: z.object({ oppen: count, intern: count, kanslig: count }),
  ...sections,
  /** The chairs' corrections of the question groups this compile applied (mergeCorrections.ts); absent in older snapshots. */
  mergeCorrections: z.array(mergeCorrectionSchema).default([]),
  previous: z
    .object({
      meetingId: z.string(),
      meetingDate: z.string(),
      contentHash: z.string(),
      summaries: z.object({ chairs: periodSummarySchema, steering: periodSummarySchema, open: periodSummarySchema }),
    })
    .nullable(),
});

export const lagesbildViewSchema = z.object({
  audience: z.enum(audiences),
  meeting,
  compiledAt: z.string(),
  contentHash: z.string(),
  responseRate: responseRateSchema,
  /** Answers whose content this view shows, and those it leaves out for the audience. */
  content: z.object({ shown: count, withheld: count }),
  ...sections,
  previous: z.object({ meetingId: z.string(), meetingDate: z.string() }).nullable(),
});

export type LagesbildSnapshot = z.infer<typeof lagesbildSnapshotSchema>;
export type LagesbildView = z.infer<typeof lagesbildViewSchema>;
export type ResponseCounts = z.infer<typeof responseCountsSchema>;
export type ResponseRate = z.infer<typeof responseRateSchema>;
export type Rating = z.infer<typeof ratingSchema>;
export type TrendSummary = z.infer<typeof trendSummarySchema>;
export type DistrictChange = z.infer<typeof districtChangeSchema>;
export type DistrictSection = z.infer<typeof districtSectionSchema>;
export type ThemeMark = z.infer<typeof themeMarkSchema>;
export type RankedTheme = z.infer<typeof rankedThemeSchema>;
export type ThemesSection = z.infer<typeof themesSectionSchema>;
export type TextItem = z.infer<typeof textItemSchema>;
export type QuestionMember = z.infer<typeof questionMemberSchema>;
export type QuestionGroup = z.infer<typeof questionGroupSchema>;
export type QuestionsSection = z.infer<typeof questionsSectionSchema>;
export type ProposalGroup = z.infer<typeof proposalGroupSchema>;
export type PromiseSummary = z.infer<typeof promiseSummarySchema>;
export type MalbildSummary = z.infer<typeof malbildSummarySchema>;
export type PeriodSummary = z.infer<typeof periodSummarySchema>;
export type Sections = Pick<LagesbildView, 'districts' | 'themes' | 'questions' | 'needs' | 'agendaProposals' | 'promise' | 'malbilder'>;
