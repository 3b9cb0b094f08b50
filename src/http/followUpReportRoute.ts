/**
 * GET /reports/uppfoljning/:promiseId.{html,md,csv,json} (the whole period) and
 * /reports/uppfoljning/:promiseId/:meetingId.{ext} (one meeting's follow-up), only with
 * a signed, unexpired link from a card. Each read is recorded (who = 'link', what, when).
 */
import { Router, type Request, type Response } from 'express';
import { langOf, messages } from '../i18n/index.js';
import { renderFollowUpCsv } from '../reports/followUp/csv.js';
import { renderFollowUpHtml } from '../reports/followUp/html.js';
import { renderFollowUpMarkdown } from '../reports/followUp/markdown.js';
import { buildFollowUp, currentFollowUpMeetingId, reportFormats, reportPath, type ReportFormat } from '../services/promise/followUp.js';
import type { Services } from '../services/services.js';

const ID = '[a-z0-9][a-z0-9-]{0,99}';
const PERIOD_FILE = new RegExp(`^(${ID})\\.(${reportFormats.join('|')})$`);
const MEETING_FILE = new RegExp(`^(\\d{4}-[1-9])\\.(${reportFormats.join('|')})$`);

const contentTypes: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function followUpReportRouter(s: Services): Router {
  const router = Router();
  router.get('/:file', (req, res) => {
    const m = PERIOD_FILE.exec(String(req.params.file));
    return serve(s, req, res, m ? { promiseId: m[1]!, format: m[2] as ReportFormat } : null);
  });
  router.get('/:promiseId/:file', (req, res) => {
    const m = MEETING_FILE.exec(String(req.params.file));
    const promiseId = String(req.params.promiseId);
    return serve(s, req, res, m && new RegExp(`^${ID}$`).test(promiseId) ? { promiseId, meetingId: m[1]!, format: m[2] as ReportFormat } : null);
  });
  return router;
}

async function serve(s: Services, req: Request, res: Response, target: { promiseId: string; meetingId?: string; format: ReportFormat } | null): Promise<void> {
  if (!target) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  const path = reportPath(target.promiseId, target.meetingId, target.format);
  // The language decides the response, so it is signed too (a tampered one is refused).
  const check = s.links.verify(path, req.query as Record<string, unknown>, s.clock(), ['lang']);
  if (check !== 'ok') {
    res.status(check === 'expired' ? 410 : 403).json({ error: check === 'expired' ? 'link expired' : 'invalid link' });
    return;
  }
  const promise = await s.repos.promises.get(target.promiseId);
  if (!promise) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  await s.repos.reportReads.record({ who: 'link', what: path, when: s.clock().toISOString() });
  const lang = langOf(req.query.lang as string | undefined, s.config.DEFAULT_LOCALE);
  const m = messages(lang);
  const meetingId = target.meetingId ?? (await currentFollowUpMeetingId(s));
  const doc = await buildFollowUp(s, promise.data, meetingId, target.meetingId ? 'meeting' : 'period');
  const body = (() => {
    switch (target.format) {
      case 'html':
        return renderFollowUpHtml(doc, m, lang);
      case 'md':
        return renderFollowUpMarkdown(doc, m, lang);
      case 'csv':
        return renderFollowUpCsv(doc, m, lang);
      case 'json':
        return `${JSON.stringify(doc, null, 2)}\n`;
      default: {
        const unhandled: never = target.format;
        return unhandled;
      }
    }
  })();
  const name = `uppfoljning-${target.promiseId}${target.meetingId ? `-${target.meetingId}` : ''}.${target.format}`;
  res.setHeader('Content-Type', contentTypes[target.format]);
  if (target.format !== 'html') res.setHeader('Content-Disposition', `inline; filename="${name}"`);
  res.send(body);
}
