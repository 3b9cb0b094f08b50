/**
 * The dagordning (agenda) proposed from a lägesbild view: fixed items first (lägesbild,
 * follow-up of the medborgarlöfte, målbilder), then the question groups in rank order,
 * then the forums' proposed agenda items in rank order, each time-boxed. Items are taken
 * in that order while they fit in the meeting (first fit: an item that does not fit is
 * set aside and the next one is tried); the rest are listed as not on the agenda.
 *
 * Build it from the view of the audience it will be published to (the steering version
 * for the steering channel): the agenda's texts are the view's, and every item carries
 * the sensitivity of what it came from. Edits are in edits.ts.
 */
import { z } from 'zod';
import { invalidInput } from '../errors.js';
import { sensitivityValues } from '../inputs/answer.js';
import { audiences, type LagesbildView } from '../lagesbild/schema.js';

export const agendaItemKinds = ['fixed', 'question', 'proposal'] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];
export const agendaStatuses = ['proposed', 'approved'] as const;

/** Bounds of one item's time box, in minutes. */
export const itemMinutes = { min: 1, max: 120 } as const;
export const itemTitleMax = 300;

const forumRef = z.object({ forumId: z.string(), forumName: z.string() });

export const agendaItemSchema = z.object({
  /** 'fixed-<key>' for fixed items, the group id ('q-…', 'a-…') for the others. */
  id: z.string().min(1),
  kind: z.enum(agendaItemKinds),
  title: z.string().min(1).max(itemTitleMax),
  minutes: z.number().int().min(itemMinutes.min).max(itemMinutes.max),
  /** The question or proposal group behind the item; null for fixed items. */
  source: z.object({ groupId: z.string(), rank: z.number().int().min(1), score: z.number().int().nullable(), forums: z.array(forumRef) }).nullable(),
  sensitivity: z.enum(sensitivityValues),
  /** Set aside by the chair (removeItem), as opposed to not fitting in the time. */
  removed: z.boolean(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const agendaSchema = z.object({
  meetingId: z.string(),
  /** The audience of the view it was proposed from. */
  audience: z.enum(audiences),
  /** The snapshot it was proposed from. */
  contentHash: z.string(),
  status: z.enum(agendaStatuses),
  meetingMinutes: z.number().int().min(1),
  items: z.array(agendaItemSchema),
  notOnAgenda: z.array(agendaItemSchema),
  /** Sum of the items' minutes; may exceed meetingMinutes after the chair's edits. */
  totalMinutes: z.number().int().min(0),
});
export type Agenda = z.infer<typeof agendaSchema>;

export interface FixedItem {
  /** Becomes the id 'fixed-<key>'. */
  key: string;
  title: string;
  minutes: number;
}

export const defaultFixedItems: readonly FixedItem[] = [
  { key: 'lagesbild', title: 'Lägesbild', minutes: 20 },
  { key: 'medborgarlofte', title: 'Uppföljning av medborgarlöftet', minutes: 15 },
  { key: 'malbilder', title: 'Målbilder', minutes: 15 },
];

export const DEFAULT_MEETING_MINUTES = 120;
export const DEFAULT_ITEM_MINUTES = 10;

export interface AgendaOptions {
  /** The meeting's length (config AGENDA_MINUTES); default 120. */
  meetingMinutes?: number;
  /** Replace the default fixed items (in this order). */
  fixedItems?: readonly FixedItem[];
  /** Time box of each question group; default 10. */
  questionMinutes?: number;
  /** Time box of each proposed agenda item; default 10. */
  proposalMinutes?: number;
}

export function proposeAgenda(view: LagesbildView, opts: AgendaOptions = {}): Agenda {
  const meetingMinutes = opts.meetingMinutes ?? DEFAULT_MEETING_MINUTES;
  const questionMinutes = opts.questionMinutes ?? DEFAULT_ITEM_MINUTES;
  const proposalMinutes = opts.proposalMinutes ?? DEFAULT_ITEM_MINUTES;
  const fixedItems = opts.fixedItems ?? defaultFixedItems;
  checkOptions(meetingMinutes, questionMinutes, proposalMinutes, fixedItems);

  const candidates: AgendaItem[] = [
    ...fixedItems.map((f): AgendaItem => ({ id: `fixed-${f.key}`, kind: 'fixed', title: f.title.trim(), minutes: f.minutes, source: null, sensitivity: 'oppen', removed: false })),
    ...view.questions.groups.map(
      (g): AgendaItem => ({
        id: g.id,
        kind: 'question',
        title: clip(g.text),
        minutes: questionMinutes,
        source: { groupId: g.id, rank: g.rank, score: g.score, forums: g.forums },
        sensitivity: g.sensitivity,
        removed: false,
      }),
    ),
    ...view.agendaProposals.map(
      (g): AgendaItem => ({
        id: g.id,
        kind: 'proposal',
        title: clip(g.text),
        minutes: proposalMinutes,
        source: { groupId: g.id, rank: g.rank, score: null, forums: g.forums },
        sensitivity: g.sensitivity,
        removed: false,
      }),
    ),
  ];

  const items: AgendaItem[] = [];
  const notOnAgenda: AgendaItem[] = [];
  let used = 0;
  for (const item of candidates) {
    if (used + item.minutes <= meetingMinutes) {
      items.push(item);
      used += item.minutes;
    } else notOnAgenda.push(item);
  }
  return { meetingId: view.meeting.id, audience: view.audience, contentHash: view.contentHash, status: 'proposed', meetingMinutes, items, notOnAgenda, totalMinutes: used };
}

/** Whole minutes within the item bounds. */
export function isItemMinutes(m: number): boolean {
  return Number.isInteger(m) && m >= itemMinutes.min && m <= itemMinutes.max;
}

function checkOptions(meetingMinutes: number, questionMinutes: number, proposalMinutes: number, fixed: readonly FixedItem[]): void {
  const errors: Record<string, string> = {};
  if (!Number.isInteger(meetingMinutes) || meetingMinutes < 1) errors.meetingMinutes = 'outOfRange';
  if (!isItemMinutes(questionMinutes)) errors.questionMinutes = 'outOfRange';
  if (!isItemMinutes(proposalMinutes)) errors.proposalMinutes = 'outOfRange';
  const keys = new Set<string>();
  fixed.forEach((f, i) => {
    if (!f.key || keys.has(f.key)) errors[`fixedItems.${i}.key`] = 'duplicateId';
    keys.add(f.key);
    if (!f.title.trim()) errors[`fixedItems.${i}.title`] = 'required';
    else if (f.title.trim().length > itemTitleMax) errors[`fixedItems.${i}.title`] = 'tooLong';
    if (!isItemMinutes(f.minutes)) errors[`fixedItems.${i}.minutes`] = 'outOfRange';
  });
  if (Object.keys(errors).length > 0) throw invalidInput(errors);
}

/** A group's text as a title: at most itemTitleMax characters, an ellipsis when cut. */
function clip(text: string): string {
  const t = text.trim();
  return t.length <= itemTitleMax ? t : `${t.slice(0, itemTitleMax - 1)}…`;
}
