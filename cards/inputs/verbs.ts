import { z } from 'zod';

const id = z.string().min(1).max(100);
const version = z.coerce.number().int().min(0).max(1_000_000_000);

/**
 * Action.Execute verbs of the inspel card. The card's inputs (trend_0, q1, …) arrive
 * beside these fields and are validated by parseInputForm, not here.
 */
export const inputsVerbSchemas = {
  'input.submit': z.object({ meetingId: id, forumId: id, version: version.optional() }).passthrough(),
  'input.edit': z.object({ meetingId: id, forumId: id }),
} as const satisfies Record<string, z.ZodType>;
