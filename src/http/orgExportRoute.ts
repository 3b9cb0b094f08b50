import type { Request, Response } from 'express';
import { exportOrganisation, ORG_EXPORT_PATH } from '../services/orgs/exportOrganisation.js';
import type { Services } from '../services/services.js';

/**
 * GET <org>/export.json — everything the organisation holds, for its chairs before it
 * leaves; only through the signed, unexpired link the bot gave them (signed for this
 * organisation). Each read is recorded with the organisation's report reads.
 */
export function orgExportRoute(s: Services) {
  return async (req: Request, res: Response): Promise<void> => {
    const check = s.links.verify(ORG_EXPORT_PATH, req.query as Record<string, unknown>, s.clock());
    if (check !== 'ok') {
      res.status(check === 'expired' ? 410 : 403).json({ error: check === 'expired' ? 'link expired' : 'invalid link' });
      return;
    }
    await s.repos.reportReads.record({ who: 'link', what: ORG_EXPORT_PATH, when: s.clock().toISOString() });
    const data = await exportOrganisation(s);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="samverkan-${s.org.id}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(`${JSON.stringify(data, null, 2)}\n`);
  };
}
