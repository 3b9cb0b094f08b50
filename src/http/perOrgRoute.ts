import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Platform } from '../services/platform.js';
import type { Services } from '../services/services.js';

export type OrgOfRequest = (req: Request) => Promise<string | null>;

/**
 * A route of one organisation: the organisation comes from the request (its path's
 * `/o/<orgId>`, a residents' page slug, or the upgraded organisation for the paths from
 * before organisations existed), and the route is built once per organisation's Services,
 * so it only ever reads that organisation's records. Unknown organisation: 404.
 */
export function perOrg(platform: Platform, orgOf: OrgOfRequest, make: (s: Services) => RequestHandler, opts: { fallback?: (s: Services) => RequestHandler } = {}): RequestHandler {
  const built = new WeakMap<Services, RequestHandler>();
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      const orgId = await orgOf(req);
      const s = orgId ? await platform.orgs.services(orgId) : null;
      if (!s) {
        // The residents' page answers an unknown slug itself (its own 404 page); others a JSON 404.
        const legacy = opts.fallback ? await platform.orgs.legacyId() : null;
        const any = legacy ? await platform.orgs.services(legacy) : null;
        if (opts.fallback && any) return opts.fallback(any)(req, res, next);
        res.status(404).json({ error: 'not found' });
        return;
      }
      let handler = built.get(s);
      if (!handler) {
        handler = make(s);
        built.set(s, handler);
      }
      handler(req, res, next);
    })().catch(next);
  };
}
