/**
 * The compiled content as flat items, each tagged with its answer's sensitivity. The
 * compile builds the sections from the items of all answers; a view flattens a snapshot's
 * sections back into items, drops what its audience may not see and builds the sections
 * again with the same functions (sections.ts), so every count and ranking in a view is
 * computed from visible content only.
 */
import type { Sensitivity } from '../inputs/answer.js';
import { canSee, type Audience } from '../inputs/sensitivity.js';
import type { MergeCorrection } from './mergeCorrections.js';
import type { ForumOrder } from './order.js';
import type { PeriodSummary, QuestionMember, Rating, Sections, TextItem, ThemeMark } from './schema.js';

export interface ContentItems {
  ratings: (Rating & { district: string })[];
  themeMarks: (ThemeMark & { themeId: string })[];
  otherThemes: TextItem[];
  questions: QuestionMember[];
  needs: TextItem[];
  proposals: TextItem[];
}

export interface RosterForum {
  id: string;
  name: string;
  districts: string[];
}

/** What building the sections needs besides the items. */
export interface SectionContext {
  /** Active forums by name. */
  roster: readonly RosterForum[];
  forumOrder: ForumOrder;
  /** Forums that have not answered (response rate; not sensitive). */
  missing: ReadonlySet<string>;
  themeLabels: ReadonlyMap<string, { sv: string; en: string }>;
  /** The previous meeting as this audience saw it; null without a previous snapshot. */
  previous: PeriodSummary | null;
  /** The chairs' corrections of the question groups, applied after the automatic merge. */
  corrections?: readonly MergeCorrection[];
}

export function forumOrderOf(roster: readonly { id: string }[]): ForumOrder {
  return new Map(roster.map((f, i) => [f.id, i]));
}

/** The items behind a snapshot's (or view's) sections. */
export function itemsOf(sections: Pick<Sections, 'districts' | 'themes' | 'questions' | 'needs' | 'agendaProposals'>): ContentItems {
  return {
    ratings: sections.districts.flatMap((d) => d.ratings.map((r) => ({ ...r, district: d.district }))),
    themeMarks: sections.themes.ranked.flatMap((t) => t.raisedBy.map((m) => ({ ...m, themeId: t.id }))),
    otherThemes: [...sections.themes.other],
    questions: sections.questions.groups.flatMap((g) => g.members),
    needs: [...sections.needs],
    proposals: sections.agendaProposals.flatMap((g) => g.members),
  };
}

/** Only the items the audience may see. */
export function visibleItems(items: ContentItems, audience: Audience): ContentItems {
  const visible = <T extends { sensitivity: Sensitivity }>(list: readonly T[]) => list.filter((i) => canSee(audience, i.sensitivity));
  return {
    ratings: visible(items.ratings),
    themeMarks: visible(items.themeMarks),
    otherThemes: visible(items.otherThemes),
    questions: visible(items.questions),
    needs: visible(items.needs),
    proposals: visible(items.proposals),
  };
}
