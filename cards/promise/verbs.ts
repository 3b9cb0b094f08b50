import { z } from 'zod';

/**
 * Action.Execute verbs of the medborgarlöfte, with the schema of the data each card
 * carries. Ids here are untrusted: handlers re-check them and the user's role. Form
 * verbs pass their inputs through (`passthrough`) to the domain's form parsers.
 * (Defined here rather than imported from cards/verbs.ts to avoid an import cycle.)
 */
const id = z.string().min(1).max(100);
const version = z.coerce.number().int().min(0).max(1_000_000_000);
/** A part's fingerprint (revisionOf): stale-write checks of one item or commitment. */
const rev = z.string().min(1).max(40);

export const promiseVerbSchemas = {
  // The promise
  'promise.show': z.object({ promiseId: id.optional() }),
  'promise.new': z.object({}),
  'promise.edit': z.object({ promiseId: id }),
  'promise.save': z.object({ promiseId: id.optional(), version: version.optional() }).passthrough(),
  'promise.agree': z.object({ promiseId: id, version }),
  'promise.close': z.object({ promiseId: id, version }),
  'promise.commitmentOpen': z.object({ promiseId: id, commitmentId: id.optional() }),
  'promise.commitmentSave': z.object({ promiseId: id, commitmentId: id.optional(), rev: rev.optional() }).passthrough(),
  'promise.followUp': z.object({ promiseId: id, meetingId: id.optional(), scope: z.enum(['meeting', 'period']).optional() }),
  // Action items
  'action.new': z.object({ promiseId: id, commitmentId: id.optional(), meetingId: id.optional() }),
  'action.create': z.object({ promiseId: id, meetingId: id.optional() }).passthrough(),
  'action.edit': z.object({ promiseId: id, actionId: id }),
  'action.save': z.object({ promiseId: id, actionId: id, rev }).passthrough(),
  'action.open': z.object({ promiseId: id, actionId: id }),
  'action.update': z.object({ promiseId: id, actionId: id, rev, meetingId: id }).passthrough(),
  'action.mine': z.object({}),
  // A chair deletes an item: ask first, then confirm with the item's revision shown.
  'action.deleteAsk': z.object({ promiseId: id, actionId: id }),
  'action.deleteConfirm': z.object({ promiseId: id, actionId: id, rev }),
  // Målbilder
  'malbild.show': z.object({ district: id }),
  'malbild.edit': z.object({ district: id }),
  'malbild.save': z.object({ district: id, version: version.optional() }).passthrough(),
  'malbild.indicatorNew': z.object({ district: id }),
  'malbild.indicatorSave': z.object({ district: id }).passthrough(),
  'malbild.readingOpen': z.object({ district: id }),
  'malbild.readingSave': z.object({ district: id }).passthrough(),
} as const satisfies Record<string, z.ZodType>;
