import type { Request, Response } from 'express';
import { collectPersonalData, exportPath, subjectOfExportToken } from '../services/privacy/exportData.js';
import type { Platform } from '../services/platform.js';

/**
 * GET /exports/:token.json — a user's own data export, only through the signed, unexpired
 * link the bot gave them. The export is the person's (every organisation, every linked
 * account), so the route is the deployment's, not one organisation's. Each read is
 * recorded with the report reads of every organisation in it.
 */
export function exportRoute(p: Platform) {
  return async (req: Request, res: Response): Promise<void> => {
    const m = /^([A-Za-z0-9_-]{16,64})\.json$/.exec(String(req.params.file ?? ''));
    if (!m) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    const path = exportPath(m[1]!);
    const check = p.links.verify(path, req.query as Record<string, unknown>, p.clock());
    if (check !== 'ok') {
      res.status(check === 'expired' ? 410 : 403).json({ error: check === 'expired' ? 'link expired' : 'invalid link' });
      return;
    }
    const who = await subjectOfExportToken(p, m[1]!);
    if (!who) {
      res.status(410).json({ error: 'link expired' });
      return;
    }
    const data = await collectPersonalData(p, who);
    for (const o of data.orgs) {
      const s = await p.orgs.services(o.org);
      await s?.repos.reportReads.record({ who: 'link', what: path, when: p.clock().toISOString() });
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="samverkan-mina-data.json"');
    res.send(`${JSON.stringify(data, null, 2)}\n`);
  };
}
