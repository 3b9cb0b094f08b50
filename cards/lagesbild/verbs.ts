import { z } from 'zod';

/** Action.Execute verbs of this feature, with the schema of the data each card carries. */
export const lagesbildVerbSchemas = {} as const satisfies Record<string, z.ZodType>;
