/**
 * GET /reports/:meetingId.{html,md,csv,json}: the lägesbild for the audience signed into
 * the link — only with a valid, unexpired signature (403 missing or tampered, 410
 * expired). Each read is recorded (who = 'link', what = path and audience, when).
 */
import { Router, type Request, type Response } from 'express';
import { langOf, messages } from '../i18n/index.js';
import { renderLagesbildCsv } from '../reports/lagesbild/csv.js';
import { renderLagesbildHtml } from '../reports/lagesbild/html.js';
import { renderLagesbildMarkdown } from '../reports/lagesbild/markdown.js';
import { buildLagesbildReport, checkLagesbildLink, lagesbildReportFormats, lagesbildReportPath, type LagesbildReportFormat } from '../services/lagesbild/reports.js';
import type { Services } from '../services/services.js';

const FILE = new RegExp(`^(\\d{4}-[1-9])\\.(${lagesbildReportFormats.join('|')})$`);

const contentTypes: Record<LagesbildReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function lagesbildReportRouter(s: Services): Router {
  const router = Router();
  router.get('/:file', (req, res, next) => {
    const m = FILE.exec(String(req.params.file));
    if (!m) return next();
    return serve(s, req, res, m[1]!, m[2] as LagesbildReportFormat);
  });
  return router;
}

async function serve(s: Services, req: Request, res: Response, meetingId: string, format: LagesbildReportFormat): Promise<void> {
  const path = lagesbildReportPath(meetingId, format);
  const check = checkLagesbildLink(s, path, req.query as Record<string, unknown>);
  if (!check.ok) {
    res.status(check.status).json({ error: check.status === 410 ? 'link expired' : 'invalid link' });
    return;
  }
  const doc = await buildLagesbildReport(s, meetingId, check.audience);
  if (!doc) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  await s.repos.reportReads.record({ who: 'link', what: check.what, when: s.clock().toISOString() });
  const lang = langOf(check.lang, s.config.DEFAULT_LOCALE);
  const m = messages(lang);
  const body = (() => {
    switch (format) {
      case 'html':
        return renderLagesbildHtml(doc, m, lang);
      case 'md':
        return renderLagesbildMarkdown(doc, m, lang);
      case 'csv':
        return renderLagesbildCsv(doc, m, lang);
      case 'json':
        return `${JSON.stringify({ meetingId: doc.meetingId, audience: doc.audience, stale: doc.stale, lagesbild: doc.view, agenda: doc.agenda, history: doc.history }, null, 2)}\n`;
      default: {
        const unhandled: never = format;
        return unhandled;
      }
    }
  })();
  res.setHeader('Content-Type', contentTypes[format]);
  res.setHeader('Cache-Control', 'no-store');
  if (format !== 'html') res.setHeader('Content-Disposition', `inline; filename="lagesbild-${meetingId}-${check.audience}.${format}"`);
  res.send(body);
}
