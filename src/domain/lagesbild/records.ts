/**
 * What the store keeps of a meeting's lägesbild: the compiled snapshot (every version kept
 * by the repository), its agenda (versioned; a chair's edit names the version the card
 * showed, so an edit from an outdated card is refused) and the state of the compile run
 * (queued, running, done, failed) with the cards that show it.
 */
import { z } from 'zod';
import { agendaSchema } from '../agenda/agenda.js';
import { lagesbildSnapshotSchema } from './schema.js';

export const lagesbildRecordSchema = z.object({
  meetingId: z.string(),
  snapshot: lagesbildSnapshotSchema,
  /** A forum answered or changed its answer after this snapshot was compiled. */
  stale: z.boolean(),
  /** When it went stale (ISO instant), null while current. */
  staleSince: z.string().nullable(),
});
export type LagesbildRecord = z.infer<typeof lagesbildRecordSchema>;

export const publicationSchema = z.object({
  at: z.string(),
  /** Entra object id of the chair, or 'system' (the timeline's publish step). */
  by: z.string(),
  /** The snapshot record version published (found in its history). */
  snapshotVersion: z.number().int().min(1),
  contentHash: z.string(),
  agenda: agendaSchema,
});
export type Publication = z.infer<typeof publicationSchema>;

export const agendaRecordSchema = z.object({
  meetingId: z.string(),
  agenda: agendaSchema,
  /** The lägesbild record version the agenda was proposed from. */
  snapshotVersion: z.number().int().min(1),
  /** The last publication to the steering channel, null before the first. */
  published: publicationSchema.nullable(),
  /** A chair has changed it (moved, removed, restored, edited): a recompile carries the changes over. */
  chairEdited: z.boolean().default(false),
});
export type AgendaRecord = z.infer<typeof agendaRecordSchema>;

export const compileStates = ['queued', 'running', 'done', 'failed'] as const;
export type CompileState = (typeof compileStates)[number];

/** A card that shows this meeting's lägesbild in one conversation; its activity id is kept under `cardKey`. */
export const lagesbildCardRefSchema = z.object({ conversationId: z.string(), cardKey: z.string() });
export type LagesbildCardRef = z.infer<typeof lagesbildCardRefSchema>;

/** Cards remembered per meeting (for stale banners and refreshes): the most recent ones. */
export const MAX_CARDS = 30;

export const compileRunSchema = z.object({
  meetingId: z.string(),
  /** Increases with every new run; part of the compile job id. */
  run: z.number().int().min(1),
  state: z.enum(compileStates),
  /** What started this run. 'deadline' also brings the result to every chair. */
  trigger: z.enum(['command', 'deadline']),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The snapshot of the last finished run. */
  contentHash: z.string().nullable(),
  /** Cards waiting for this run's result (progress shown in place, then the result). */
  watchers: z.array(lagesbildCardRefSchema),
  /** Every card of this meeting's lägesbild, newest last (at most MAX_CARDS). */
  cards: z.array(lagesbildCardRefSchema),
});
export type CompileRun = z.infer<typeof compileRunSchema>;

/** Progress of a running compile: how many of the forums are loaded. */
export interface CompileProgress {
  run: number;
  loaded: number;
  total: number;
}

/** The newest card of each conversation: the one worth refreshing (older ones show the latest when pressed). */
export function latestCardPerConversation(cards: readonly LagesbildCardRef[]): LagesbildCardRef[] {
  const byConversation = new Map<string, LagesbildCardRef>();
  for (const c of cards) byConversation.set(c.conversationId, c);
  return [...byConversation.values()];
}

/** Adds cards to a list without duplicates (by key), keeping the newest MAX_CARDS. */
export function withCards(list: readonly LagesbildCardRef[], add: readonly LagesbildCardRef[]): LagesbildCardRef[] {
  const keys = new Set(add.map((c) => c.cardKey));
  return [...list.filter((c) => !keys.has(c.cardKey)), ...add].slice(-MAX_CARDS);
}
