import { z } from 'zod';

/**
 * Action.Execute verbs of linked accounts. The account in the data is untrusted: the
 * handler removes it only if it is one of the pressing user's own linked accounts.
 * (Defined here rather than in cards/verbs.ts to avoid an import cycle.)
 */
export const linkVerbSchemas = {
  'link.unlink': z.object({ account: z.string().min(1).max(100) }),
} as const satisfies Record<string, z.ZodType>;
