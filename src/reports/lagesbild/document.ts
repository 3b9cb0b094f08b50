/**
 * What the lägesbild renderers (Markdown, HTML, CSV, JSON) need, computed once from one
 * snapshot for one audience. Pure. The audience is applied here and only here: the view is
 * viewFor(snapshot, audience), the history holds each earlier meeting as the same audience
 * saw it, and agenda items the audience may not see are left out — so no renderer can
 * show more than the audience may see.
 */
import type { Agenda, AgendaItem } from '../../domain/agenda/agenda.js';
import { canSee, type Audience } from '../../domain/inputs/sensitivity.js';
import type { Sensitivity } from '../../domain/inputs/answer.js';
import type { LagesbildSnapshot, LagesbildView, ResponseCounts } from '../../domain/lagesbild/schema.js';
import { viewFor } from '../../domain/lagesbild/view.js';

export interface HistoryPoint {
  meetingId: string;
  date: string;
  counts: ResponseCounts;
  districts: { district: string; net: number; score: number | null }[];
}

export interface LagesbildReport {
  meetingId: string;
  audience: Audience;
  stale: boolean;
  view: LagesbildView;
  /** The meeting's agenda (proposed or approved), only items this audience may see. */
  agenda: Agenda | null;
  /** Earlier meetings, oldest first, then this one. */
  history: HistoryPoint[];
  /** The meeting's Teams join link (Microsoft Graph on). */
  joinUrl?: string;
}

export interface ReportInput {
  snapshot: LagesbildSnapshot;
  audience: Audience;
  stale: boolean;
  agenda: Agenda | null;
  /** Earlier meetings' snapshots (any order). */
  earlier: readonly LagesbildSnapshot[];
  joinUrl?: string;
}

export function lagesbildReport(input: ReportInput): LagesbildReport {
  const view = viewFor(input.snapshot, input.audience);
  const earlier = [...input.earlier].filter((s) => s.meeting.date < input.snapshot.meeting.date).sort((a, b) => (a.meeting.date < b.meeting.date ? -1 : 1));
  return {
    meetingId: input.snapshot.meeting.id,
    audience: input.audience,
    stale: input.stale,
    view,
    agenda: input.agenda ? agendaFor(input.agenda, input.audience) : null,
    history: [...earlier.map((s) => historyPoint(viewFor(s, input.audience))), historyPoint(view)],
    ...(input.joinUrl ? { joinUrl: input.joinUrl } : {}),
  };
}

/** The agenda without the items the audience may not see. */
export function agendaFor(agenda: Agenda, audience: Audience): Agenda {
  const visible = (i: AgendaItem) => canSee(audience, i.sensitivity);
  const items = agenda.items.filter(visible);
  return { ...agenda, items, notOnAgenda: agenda.notOnAgenda.filter(visible), totalMinutes: items.reduce((s, i) => s + i.minutes, 0) };
}

function historyPoint(v: LagesbildView): HistoryPoint {
  return {
    meetingId: v.meeting.id,
    date: v.meeting.date,
    counts: v.responseRate.counts,
    districts: v.districts.map((d) => ({ district: d.district, net: d.summary.net, score: d.summary.score })),
  };
}

export type AnswerRowKind = 'rating' | 'theme' | 'otherTheme' | 'question' | 'need' | 'proposal';

/** One piece of one forum's answer, as the CSV lists them. */
export interface AnswerRow {
  forumName: string;
  kind: AnswerRowKind;
  district: string;
  /** Trend id, theme label or priority id by kind; '' otherwise. */
  value: string;
  text: string;
  sensitivity: Sensitivity;
}

/** Every visible piece of every answer in the view, by forum (the view's order) then kind. */
export function answerRows(view: LagesbildView, lang: 'sv' | 'en'): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const d of view.districts) for (const r of d.ratings) rows.push({ forumName: r.forumName, kind: 'rating', district: d.district, value: r.trend, text: r.situation, sensitivity: r.sensitivity });
  for (const t of view.themes.ranked) for (const mark of t.raisedBy) rows.push({ forumName: mark.forumName, kind: 'theme', district: mark.districts.join(', '), value: lang === 'en' ? t.en : t.sv, text: '', sensitivity: mark.sensitivity });
  for (const o of view.themes.other) rows.push({ forumName: o.forumName, kind: 'otherTheme', district: '', value: '', text: o.text, sensitivity: o.sensitivity });
  for (const g of view.questions.groups) for (const q of g.members) rows.push({ forumName: q.forumName, kind: 'question', district: '', value: q.priority, text: q.text, sensitivity: q.sensitivity });
  for (const n of view.needs) rows.push({ forumName: n.forumName, kind: 'need', district: '', value: '', text: n.text, sensitivity: n.sensitivity });
  for (const g of view.agendaProposals) for (const p of g.members) rows.push({ forumName: p.forumName, kind: 'proposal', district: '', value: '', text: p.text, sensitivity: p.sensitivity });
  const kindOrder: AnswerRowKind[] = ['rating', 'theme', 'otherTheme', 'question', 'need', 'proposal'];
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.forumName.localeCompare(b.r.forumName, 'sv') || kindOrder.indexOf(a.r.kind) - kindOrder.indexOf(b.r.kind) || a.i - b.i)
    .map((x) => x.r);
}

export const percentOf = (fraction: number) => Math.round(fraction * 100);

/** "+2", "−1", "±0". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0';
}

/**
 * The egna teman as the reports list them: merged like the agenda proposals, each once with
 * every forum that wrote it; a snapshot from before the merge lists each forum's own text.
 */
export function otherThemeLines(view: Pick<LagesbildView, 'themes'>): { text: string; forums: string }[] {
  if (view.themes.otherGroups.length) return view.themes.otherGroups.map((g) => ({ text: g.text, forums: g.forums.map((f) => f.forumName).join(', ') }));
  return view.themes.other.map((o) => ({ text: o.text, forums: o.forumName }));
}
