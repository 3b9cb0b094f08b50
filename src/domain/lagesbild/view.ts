/**
 * The lägesbild as one audience may see it. Sensitivity is per answer (inputs/sensitivity.ts):
 * chairs see everything, steering members öppen and intern, the open audience (the steering
 * channel, anything posted wider) öppen only.
 *
 * A view is rebuilt from the visible items with the same functions as the compile, so it is
 * exactly the lägesbild the visible answers alone would give: counts, theme ranks, question
 * groups (a group's text is always a visible member's; a group with no visible member is
 * gone; groups are re-formed, so hidden questions cannot chain visible ones together) and
 * the change since the previous meeting, which compares with the previous meeting as the
 * same audience saw it.
 *
 * A snapshot of an earlier compile version (before today's merge, say) keeps the question
 * groups it was compiled with: its views take the stored chairs' groups with the members the
 * audience may see, so the reports already shown from it do not change afterwards and chairs
 * and steering see one grouping. (Such a group may hold two visible questions a hidden one
 * linked; the snapshots of the current version are re-formed as above.)
 *
 * The response rate is the same in every view: which forums answered, late or not at all
 * is participation, not content, and forum names are not sensitive. `content` says how many
 * answers' content the view shows and how many it withholds (which the response rate lets
 * anyone work out anyway).
 */
import type { Audience } from '../inputs/sensitivity.js';
import { canSee } from '../inputs/sensitivity.js';
import { COMPILE_VERSION } from './compileVersion.js';
import { canonicalJson } from './hash.js';
import { forumOrderOf, itemsOf, visibleItems, type SectionContext } from './items.js';
import type { LagesbildSnapshot, LagesbildView, QuestionMember } from './schema.js';
import { buildSections, type ContentSections } from './sections.js';

export function viewFor(snapshot: LagesbildSnapshot, audience: Audience): LagesbildView {
  const { oppen, intern, kanslig } = snapshot.content;
  const shown = (canSee(audience, 'oppen') ? oppen : 0) + (canSee(audience, 'intern') ? intern : 0) + (canSee(audience, 'kanslig') ? kanslig : 0);
  return {
    audience,
    meeting: { ...snapshot.meeting },
    compiledAt: snapshot.compiledAt,
    contentHash: snapshot.contentHash,
    responseRate: snapshot.responseRate,
    content: { shown, withheld: oppen + intern + kanslig - shown },
    ...(sameAsChairs(snapshot, audience, shown) ? contentSectionsOf(snapshot) : buildSections(visibleItems(itemsOf(snapshot), audience), sectionContext(snapshot, audience), storedGroupsFor(snapshot, audience))),
    promise: snapshot.promise,
    malbilder: snapshot.malbilder,
    previous: snapshot.previous ? { meetingId: snapshot.previous.meetingId, meetingDate: snapshot.previous.meetingDate } : null,
  };
}

/** What building a view's sections needs from the snapshot. */
export function sectionContext(snapshot: LagesbildSnapshot, audience: Audience): SectionContext {
  const previous = snapshot.previous?.summaries[audience] ?? null;
  const themeLabels = new Map<string, { sv: string; en: string }>();
  for (const t of [...(previous?.themes ?? []), ...snapshot.themes.ranked]) themeLabels.set(t.id, { sv: t.sv, en: t.en });
  return {
    roster: snapshot.forums,
    forumOrder: forumOrderOf(snapshot.forums),
    missing: new Set(snapshot.responseRate.missing.map((f) => f.forumId)),
    themeLabels,
    previous,
    corrections: snapshot.mergeCorrections,
  };
}

/** The chairs' question groups with what the audience may see, for a snapshot of an earlier compile version. */
function storedGroupsFor(snapshot: LagesbildSnapshot, audience: Audience): QuestionMember[][] | undefined {
  if (snapshot.compileVersion === COMPILE_VERSION) return undefined;
  return snapshot.questions.groups.map((g) => g.members.filter((m) => canSee(audience, m.sensitivity))).filter((g) => g.length > 0);
}

/** Nothing withheld and the same previous meeting to compare with: the chairs' sections as they are. */
function sameAsChairs(snapshot: LagesbildSnapshot, audience: Audience, shown: number): boolean {
  if (audience === 'chairs') return true;
  const { oppen, intern, kanslig } = snapshot.content;
  if (shown !== oppen + intern + kanslig) return false;
  const summaries = snapshot.previous?.summaries;
  return !summaries || canonicalJson(summaries[audience]) === canonicalJson(summaries.chairs);
}

function contentSectionsOf(s: LagesbildSnapshot): ContentSections {
  return { districts: s.districts, themes: s.themes, questions: s.questions, needs: s.needs, agendaProposals: s.agendaProposals };
}
