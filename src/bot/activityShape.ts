import type { Request, Response } from 'express';
import { z } from 'zod';

/**
 * The fields of an incoming activity that botbuilder, teams-ai or our routes read, with
 * the types they assume; `serviceUrl`, `conversation.id` and `from` are always sent by
 * Teams. A body that breaks them is a 400 before anything runs (botbuilder itself throws
 * on some — e.g. a missing `type` — which would be a 500, and an activity without a
 * serviceUrl would overwrite a stored conversation reference); unknown fields pass
 * through. Limits are generous: Teams never comes near them.
 */
const s = (max: number) => z.string().max(max).nullish();
const account = z.looseObject({ id: s(1024), name: s(1024), aadObjectId: s(256), role: s(64) });

export const activityShape = z.looseObject({
  type: z.string().min(1).max(64),
  id: s(1024),
  name: s(256),
  channelId: s(64),
  /** Teams always sends it; replies go there, so it must be an http(s) URL. */
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  /** A BCP 47 tag as Teams sends it (sv-SE, en-US): it is stored with the conversation. */
  locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/).nullish(),
  text: s(64_000),
  textFormat: s(64),
  action: s(64),
  replyToId: s(1024),
  timestamp: s(64),
  localTimestamp: s(64),
  expiration: s(64),
  from: account,
  recipient: account.nullish(),
  conversation: z.looseObject({ id: z.string().min(1).max(1024), conversationType: s(64), tenantId: s(256), isGroup: z.boolean().nullish(), name: s(1024) }),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: s(256) }).nullish(),
      team: z.looseObject({ id: s(1024), name: s(1024) }).nullish(),
      channel: z.looseObject({ id: s(1024), name: s(1024) }).nullish(),
    })
    .nullish(),
  entities: z.array(z.looseObject({ type: s(128) })).max(100).nullish(),
  attachments: z.array(z.looseObject({ contentType: s(256) })).max(50).nullish(),
  membersAdded: z.array(account).max(1000).nullish(),
  membersRemoved: z.array(account).max(1000).nullish(),
});

/** Wraps the adapter's handler: malformed activities are refused with 400, untouched. */
export function withActivityShape(handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    if (!activityShape.safeParse(req.body).success) {
      res.status(400).json({ error: 'malformed activity' });
      return;
    }
    await handler(req, res);
  };
}
