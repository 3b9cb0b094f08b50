/** The content sections of a lägesbild, built from items (items.ts): one path for the compile and for every view. */
import { buildDistricts } from './districts.js';
import type { ContentItems, SectionContext } from './items.js';
import { compareByForum, compareCodeUnits } from './order.js';
import { canSee, type Audience } from '../inputs/sensitivity.js';
import { visibleItems } from './items.js';
import { groupProposals, groupQuestions, questionsGroupedAs } from './questionGroups.js';
import { TOKENIZER_VERSION, vocabularyFor } from './swedishText.js';
import type { PeriodSummary, QuestionMember, Sections } from './schema.js';
import { buildThemes } from './themeRanking.js';

export type ContentSections = Omit<Sections, 'promise' | 'malbilder'>;

/**
 * `questionGroups`: the questions already in groups (a view of a snapshot of an earlier
 * compile version keeps its grouping); otherwise they are merged here.
 */
export function buildSections(items: ContentItems, ctx: SectionContext, questionGroups?: readonly (readonly QuestionMember[])[]): ContentSections {
  const grouping = { ...ctx, vocabulary: vocabularyFor([...ctx.roster.flatMap((f) => f.districts), ...items.ratings.map((r) => r.district)]) };
  return {
    districts: buildDistricts(items.ratings, ctx),
    themes: { ...buildThemes(items.themeMarks, items.otherThemes, ctx), otherGroups: groupProposals(items.otherThemes, grouping, 'o') },
    questions: questionGroups ? questionsGroupedAs(questionGroups, grouping) : groupQuestions(items.questions, grouping),
    needs: [...items.needs].sort((a, b) => compareByForum(ctx.forumOrder, a, b) || compareCodeUnits(a.text, b.text)),
    agendaProposals: groupProposals(items.proposals, grouping),
  };
}

/**
 * What the next meeting compares with, once per audience: district scores, theme ranks and
 * the question keys of the content that audience sees. No grouping is needed for it.
 */
export function periodSummaries(items: ContentItems, ctx: SectionContext): Record<Audience, PeriodSummary> {
  const base = { ...ctx, previous: null };
  const vocabulary = vocabularyFor([...ctx.roster.flatMap((f) => f.districts), ...items.ratings.map((r) => r.district)]);
  const keys = new Map<string, string>();
  const keyOf = (text: string) => {
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = vocabulary.topicTokens(text).join(' ')));
    return key;
  };
  const keyed = items.questions.map((q) => ({ sensitivity: q.sensitivity, key: keyOf(q.text) }));
  const summary = (audience: Audience): PeriodSummary => {
    const visible = visibleItems(items, audience);
    return {
      districts: buildDistricts(visible.ratings, base).map((d) => ({ district: d.district, net: d.summary.net, score: d.summary.score })),
      themes: buildThemes(visible.themeMarks, [], base).ranked.map((t) => ({ id: t.id, sv: t.sv, en: t.en, rank: t.rank, forums: t.forums, districts: t.districts })),
      questionKeys: [...new Set(keyed.filter((q) => canSee(audience, q.sensitivity)).map((q) => q.key))].sort(compareCodeUnits),
      tokenizer: TOKENIZER_VERSION,
    };
  };
  return { chairs: summary('chairs'), steering: summary('steering'), open: summary('open') };
}
