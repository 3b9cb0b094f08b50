/**
 * The regional lägesbild (issue 12 item 6): one picture across the municipalities whose
 * steering groups share a police area, for a person who sits in each of them (the
 * kommunpolis, the lokalpolisområdeschef). Per municipality the response rate, the district
 * trends and the themes; the frågor till polisen merged across municipalities with the
 * lägesbild's own question merge (questionGroups.ts), each tagged with the municipalities
 * that asked it.
 *
 * Built only from steering views of published snapshots: känslig content never reaches it,
 * and a view cut for another audience is refused rather than trusted. Intern content does
 * (steering members see it), which is right because the reader is a steering member of
 * every source. Pure: the clock is `compiledAt`.
 */
import { z } from 'zod';
import { invalidInput } from '../errors.js';
import { priorityValues, sensitivityValues } from '../inputs/answer.js';
import { compareCodeUnits, compareSv } from '../lagesbild/order.js';
import { groupQuestions } from '../lagesbild/questionGroups.js';
import { districtChangeSchema, responseCountsSchema, trendSummarySchema, type LagesbildView, type QuestionMember } from '../lagesbild/schema.js';
import { vocabularyFor } from '../lagesbild/swedishText.js';

/** The only audience a regional picture is built from. */
export const REGIONAL_AUDIENCE = 'steering' as const;

const count = z.number().int().min(0);
const orgRef = z.object({ orgId: z.string(), orgName: z.string() });

export const municipalityPictureSchema = orgRef.extend({
  meetingId: z.string(),
  meetingDate: z.string(),
  compiledAt: z.string(),
  contentHash: z.string(),
  responseRate: responseCountsSchema,
  /** The municipality's previous meeting, for the change; null without one. */
  previousResponseRate: responseCountsSchema.nullable(),
  /** Answers shown, and answers left out because only the steering audience's are used. */
  content: z.object({ shown: count, withheld: count }),
  districts: z.array(z.object({ district: z.string(), summary: trendSummarySchema, change: districtChangeSchema.nullable() })),
  themes: z.array(
    z.object({
      id: z.string(),
      sv: z.string(),
      en: z.string(),
      rank: z.number().int().min(1),
      forums: count,
      districts: count,
      /** previousRank − rank (positive: climbed); null when new or without a previous meeting. */
      rankChange: z.number().int().nullable(),
    }),
  ),
});

export const regionalThemeSchema = z.object({
  id: z.string(),
  sv: z.string(),
  en: z.string(),
  /** Municipalities where the theme was raised, and forums raising it in all of them. */
  municipalities: count,
  forums: count,
  byMunicipality: z.array(orgRef.extend({ rank: z.number().int().min(1), forums: count })),
});

export const regionalQuestionSchema = z.object({
  id: z.string(),
  rank: z.number().int().min(1),
  text: z.string(),
  priority: z.enum(priorityValues),
  /** forums × weight(priority), as in a municipality's own lägesbild. */
  score: count,
  forumCount: count,
  /** Every municipality that asked it, in the picture's order. */
  municipalities: z.array(orgRef),
  sensitivity: z.enum(sensitivityValues),
  members: z.array(orgRef.extend({ forumName: z.string(), text: z.string(), priority: z.enum(priorityValues), sensitivity: z.enum(sensitivityValues) })),
});

export const regionalPictureSchema = z.object({
  schemaVersion: z.literal(1),
  audience: z.literal(REGIONAL_AUDIENCE),
  compiledAt: z.string(),
  /** By name (Swedish order). */
  municipalities: z.array(municipalityPictureSchema).min(2),
  /** Themes across the municipalities: raised in more municipalities first, then by forums. */
  themes: z.array(regionalThemeSchema),
  questions: z.object({ total: count, groups: z.array(regionalQuestionSchema) }),
  /** Organisations that share but had no published lägesbild (not in the picture). */
  notPublished: z.array(orgRef).default([]),
});

export type MunicipalityPicture = z.infer<typeof municipalityPictureSchema>;
export type RegionalTheme = z.infer<typeof regionalThemeSchema>;
export type RegionalQuestion = z.infer<typeof regionalQuestionSchema>;
export type RegionalPicture = z.infer<typeof regionalPictureSchema>;

/** One organisation's published steering version. */
export interface RegionalSource {
  orgId: string;
  orgName: string;
  meetingId: string;
  view: LagesbildView;
}

export function buildRegionalPicture(sources: readonly RegionalSource[], opts: { compiledAt: string; notPublished?: readonly { orgId: string; orgName: string }[] }): RegionalPicture {
  checkSources(sources);
  const ordered = [...sources].sort((a, b) => compareSv(a.orgName, b.orgName) || compareCodeUnits(a.orgId, b.orgId));
  return regionalPictureSchema.parse({
    schemaVersion: 1,
    audience: REGIONAL_AUDIENCE,
    compiledAt: opts.compiledAt,
    municipalities: ordered.map(municipalityOf),
    themes: themesAcross(ordered),
    questions: questionsAcross(ordered),
    notPublished: [...(opts.notPublished ?? [])].sort((a, b) => compareSv(a.orgName, b.orgName) || compareCodeUnits(a.orgId, b.orgId)),
  });
}

function checkSources(sources: readonly RegionalSource[]): void {
  const errors: Record<string, string> = {};
  if (sources.length < 2) errors.sources = 'at least two organisations';
  if (new Set(sources.map((x) => x.orgId)).size !== sources.length) errors.orgId = 'each organisation once';
  for (const x of sources) {
    if (x.view.audience !== REGIONAL_AUDIENCE) errors[`view:${x.orgId}`] = 'steering view only';
    if (x.view.meeting.id !== x.meetingId) errors[`meeting:${x.orgId}`] = 'view of another meeting';
  }
  if (Object.keys(errors).length) throw invalidInput(errors);
}

function municipalityOf(x: RegionalSource): MunicipalityPicture {
  const v = x.view;
  return {
    orgId: x.orgId,
    orgName: x.orgName,
    meetingId: x.meetingId,
    meetingDate: v.meeting.date,
    compiledAt: v.compiledAt,
    contentHash: v.contentHash,
    responseRate: v.responseRate.counts,
    previousResponseRate: v.responseRate.previous,
    content: v.content,
    districts: v.districts.map((d) => ({ district: d.district, summary: d.summary, change: d.change })),
    themes: v.themes.ranked.map((t) => ({ id: t.id, sv: t.sv, en: t.en, rank: t.rank, forums: t.forums, districts: t.districts, rankChange: t.change?.rankChange ?? null })),
  };
}

function themesAcross(sources: readonly RegionalSource[]): RegionalTheme[] {
  const byId = new Map<string, RegionalTheme>();
  for (const x of sources) {
    for (const t of x.view.themes.ranked) {
      const theme = byId.get(t.id) ?? { id: t.id, sv: t.sv, en: t.en, municipalities: 0, forums: 0, byMunicipality: [] };
      theme.municipalities += 1;
      theme.forums += t.forums;
      theme.byMunicipality.push({ orgId: x.orgId, orgName: x.orgName, rank: t.rank, forums: t.forums });
      byId.set(t.id, theme);
    }
  }
  return [...byId.values()].sort((a, b) => b.municipalities - a.municipalities || b.forums - a.forums || compareSv(a.sv, b.sv) || compareCodeUnits(a.id, b.id));
}

/** A forum id unique across the organisations: two municipalities may both have a "trygghetsradet-berga". */
const regionalForumId = (orgId: string, forumId: string) => `${orgId}\u0001${forumId}`;

/**
 * Every visible question of every municipality, merged afresh (a group may now span
 * municipalities). Ranked by how many municipalities asked, then as within one lägesbild.
 * The chairs' corrections of one municipality's groups are not carried over: they were
 * made about that municipality's questions only.
 */
function questionsAcross(sources: readonly RegionalSource[]): RegionalPicture['questions'] {
  const origin = new Map<string, { orgId: string; orgName: string; order: number }>();
  const members: QuestionMember[] = [];
  const forumNames: { id: string; orgIndex: number; name: string }[] = [];
  sources.forEach((x, orgIndex) => {
    for (const q of x.view.questions.groups.flatMap((g) => g.members)) {
      const id = regionalForumId(x.orgId, q.forumId);
      if (!origin.has(id)) {
        origin.set(id, { orgId: x.orgId, orgName: x.orgName, order: orgIndex });
        forumNames.push({ id, orgIndex, name: q.forumName });
      }
      members.push({ ...q, forumId: id });
    }
  });
  forumNames.sort((a, b) => a.orgIndex - b.orgIndex || compareSv(a.name, b.name) || compareCodeUnits(a.id, b.id));
  const forumOrder = new Map(forumNames.map((f, i) => [f.id, i]));
  const districts = sources.flatMap((x) => x.view.districts.map((d) => d.district));
  const grouped = groupQuestions(members, { forumOrder, previous: null, corrections: [], vocabulary: vocabularyFor(districts) });

  const groups = grouped.groups.map((g) => {
    const orgs = new Map<string, { orgId: string; orgName: string; order: number }>();
    for (const m of g.members) {
      const o = origin.get(m.forumId)!;
      orgs.set(o.orgId, o);
    }
    return {
      id: g.id,
      rank: g.rank,
      text: g.text,
      priority: g.priority,
      score: g.score,
      forumCount: g.forumCount,
      municipalities: [...orgs.values()].sort((a, b) => a.order - b.order).map((o) => ({ orgId: o.orgId, orgName: o.orgName })),
      sensitivity: g.sensitivity,
      members: g.members.map((m) => {
        const o = origin.get(m.forumId)!;
        return { orgId: o.orgId, orgName: o.orgName, forumName: m.forumName, text: m.text, priority: m.priority, sensitivity: m.sensitivity };
      }),
    };
  });
  groups.sort((a, b) => b.municipalities.length - a.municipalities.length || a.rank - b.rank);
  return { total: grouped.total, groups: groups.map((g, i) => ({ ...g, rank: i + 1 })) };
}
