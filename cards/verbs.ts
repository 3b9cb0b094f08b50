import { z } from 'zod';
import { inputsVerbSchemas } from './inputs/verbs.js';
import { lagesbildVerbSchemas } from './lagesbild/verbs.js';
import { linkVerbSchemas } from './linkVerbs.js';
import { promiseVerbSchemas } from './promise/verbs.js';
import { publicVerbSchemas } from './public/verbs.js';
import { orgVerbSchemas } from './org/verbs.js';

/**
 * Every Action.Execute verb, with the schema of the data the card carries. Card builders
 * and the handler map both use this, so renaming a verb breaks the build, not a button.
 * Card data is untrusted: ids in it are re-checked against the user's roles.
 */
export const id = z.string().min(1).max(100);
export const version = z.coerce.number().int().min(0).max(1_000_000_000);

const coreVerbSchemas = {
  'forum.save': z.object({ forumId: id.optional(), version: version.optional() }).passthrough(),
  'forum.edit': z.object({ forumId: id }),
  'forum.deactivate': z.object({ forumId: id, version }),
  'forum.activate': z.object({ forumId: id, version }),
  'plan.confirm': z.object({ year: z.coerce.number().int().min(2024).max(2100) }).passthrough(),
  'meetings.show': z.object({}).passthrough(),
  'meeting.moveOpen': z.object({ meetingId: id }),
  'meeting.moveSave': z.object({ meetingId: id, version }).passthrough(),
  'meeting.cancelAsk': z.object({ meetingId: id }),
  'meeting.cancelConfirm': z.object({ meetingId: id, version }),
} as const;

export const verbSchemas = { ...coreVerbSchemas, ...inputsVerbSchemas, ...lagesbildVerbSchemas, ...promiseVerbSchemas, ...publicVerbSchemas, ...orgVerbSchemas, ...linkVerbSchemas } as const;

export type Verb = keyof typeof verbSchemas;
export const verbs = Object.keys(verbSchemas) as Verb[];
export type VerbData<V extends Verb> = z.infer<(typeof verbSchemas)[V]>;

export function isVerb(v: unknown): v is Verb {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(verbSchemas, v);
}
