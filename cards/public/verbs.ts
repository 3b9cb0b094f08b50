import { z } from 'zod';

/**
 * Action.Execute verbs of publishing for the residents (chairs only; handlers re-check).
 * `hidden` is the card's "visa inte" choice set (comma-separated hide keys); `previewed`
 * is the fingerprint of the public version the card showed, so what is confirmed is
 * exactly what was seen; `keep` holds the hide keys left out earlier that the card offers no
 * choice for (an earlier tertial's follow-up), so they stay left out. (Defined here rather than in cards/verbs.ts to avoid a cycle.)
 */
const id = z.string().min(1).max(100);
const version = z.coerce.number().int().min(0).max(1_000_000_000);
const hidden = z.string().max(20_000).optional();

export const publicVerbSchemas = {
  'public.preview': z.object({ promiseId: id.optional(), hidden, keep: hidden }).passthrough(),
  'public.confirm': z.object({ promiseId: id, basedOn: version, previewed: z.string().regex(/^v-[0-9a-f]{12}$/), hidden, keep: hidden }).passthrough(),
} as const satisfies Record<string, z.ZodType>;
