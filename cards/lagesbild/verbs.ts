import { z } from 'zod';

const id = z.string().min(1).max(100);
const version = z.coerce.number().int().min(0).max(1_000_000_000);
const meeting = z.string().regex(/^\d{4}-[1-9]$/);

/**
 * Action.Execute verbs of the lägesbild and agenda cards, with the data each card carries.
 * `version` is the agenda version the card showed: an edit from an older card is refused.
 * 'agenda.edit' also carries the item's inputs (`title_<itemId>`, `minutes_<itemId>`).
 */
export const lagesbildVerbSchemas = {
  'lagesbild.compile': z.object({ meetingId: meeting }),
  'lagesbild.show': z.object({ meetingId: meeting }),
  'lagesbild.publish': z.object({ meetingId: meeting, version }),
  'lagesbild.published': z.object({ meetingId: meeting }),
  'agenda.move': z.object({ meetingId: meeting, version, itemId: id, direction: z.enum(['up', 'down']) }),
  'agenda.remove': z.object({ meetingId: meeting, version, itemId: id }),
  'agenda.restore': z.object({ meetingId: meeting, version, itemId: id }),
  'agenda.edit': z.object({ meetingId: meeting, version, itemId: id }).passthrough(),
  'agenda.approve': z.object({ meetingId: meeting, version }),
  // The chosen questions come from the card's inputs (mergeSplitInput, mergeJoinInputs), checked by the handler.
  'lagesbild.split': z.object({ meetingId: meeting }).passthrough(),
  'lagesbild.join': z.object({ meetingId: meeting }).passthrough(),
} as const satisfies Record<string, z.ZodType>;

/** Input ids of the question-group corrections. */
export const mergeSplitInput = 'mergeSplit';
export const mergeJoinInputs = ['mergeJoinA', 'mergeJoinB'] as const;

/** Input ids of an agenda item's edit form. */
export const itemTitleInput = (itemId: string) => `title_${itemId}`;
export const itemMinutesInput = (itemId: string) => `minutes_${itemId}`;
