import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Admin surfaces need ADMIN_TOKEN: as a bearer token, or once as `?token=` which sets an
 * HttpOnly cookie so the Bull Board UI's own requests are authorised too.
 * Without a configured token the admin surface does not exist (404).
 */
export function adminAuth(adminToken: string | undefined, secureCookie: boolean) {
  const expected = adminToken ? Buffer.from(adminToken) : undefined;
  const matches = (candidate: string | undefined) => {
    if (!expected || !candidate) return false;
    const got = Buffer.from(candidate);
    return got.length === expected.length && timingSafeEqual(got, expected);
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!expected) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const cookie = /(?:^|;\s*)samverkan_admin=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const query = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (matches(bearer) || matches(cookie ? decodeURIComponent(cookie) : undefined)) {
      next();
      return;
    }
    if (matches(query)) {
      res.cookie('samverkan_admin', adminToken!, { httpOnly: true, sameSite: 'strict', secure: secureCookie, path: '/admin' });
      next();
      return;
    }
    res.status(401).setHeader('WWW-Authenticate', 'Bearer').json({ error: 'unauthorized' });
  };
}
