/**
 * GET /reports/regional/:ownerDigest/:run.{html,md,csv,json}: a regional picture, only with
 * a valid, unexpired signature (403 missing or tampered, 410 expired), 404 when the picture
 * is gone (its TTL) or never was. Each read re-checks that every source organisation still
 * shares (410 when one stopped: the picture may no longer be shown) and is recorded for
 * each source (who = 'link'), through callbacks the caller gives: this route knows nothing
 * of how organisations are stored.
 */
import { Router, type Express, type Request, type Response } from 'express';
import { ownerDigestPattern, runPattern } from '../domain/regional/ownerDigest.js';
import type { RegionalPicture } from '../domain/regional/regionalPicture.js';
import { langOf, messages } from '../i18n/index.js';
import { renderRegionalCsv } from '../reports/regional/csv.js';
import { renderRegionalHtml } from '../reports/regional/html.js';
import { renderRegionalJson } from '../reports/regional/json.js';
import { renderRegionalMarkdown } from '../reports/regional/markdown.js';
import { checkRegionalLink, regionalReportFormats, regionalReportPath, type RegionalLinkDeps, type RegionalReportFormat } from '../services/regional/regionalReports.js';
import type { ReportRead } from '../store/reportReads.js';
import type { RegionalStore } from '../store/regionalPictures.js';

export const REGIONAL_REPORTS_PATH = '/reports/regional';

export interface RegionalReportDeps extends RegionalLinkDeps {
  store: Pick<RegionalStore, 'getByDigest'>;
  /** The source organisations (by id) that no longer share; the picture is refused while any is listed. */
  sharingStopped?(orgIds: readonly string[]): Promise<string[]>;
  /** Records the read in each source organisation's report reads. */
  recordRead?(orgIds: readonly string[], read: ReportRead): Promise<void>;
}

const FILE = new RegExp(`^([A-Za-z0-9-]{1,40})\\.(${regionalReportFormats.join('|')})$`);

const contentTypes: Record<RegionalReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function regionalReportRouter(deps: RegionalReportDeps): Router {
  const router = Router();
  router.get('/:digest/:file', (req, res, next) => {
    const digest = String(req.params.digest);
    const m = FILE.exec(String(req.params.file));
    if (!m || !ownerDigestPattern.test(digest) || !runPattern.test(m[1]!)) return next();
    serve(deps, req, res, digest, m[1]!, m[2] as RegionalReportFormat).catch(next);
  });
  return router;
}

/** Mounts the route; before the lägesbild's `/reports` router or after it (its paths have no slash). */
export function registerRegionalReportRoute(app: Express, deps: RegionalReportDeps): void {
  app.use(REGIONAL_REPORTS_PATH, regionalReportRouter(deps));
}

async function serve(deps: RegionalReportDeps, req: Request, res: Response, digest: string, run: string, format: RegionalReportFormat): Promise<void> {
  const path = regionalReportPath(digest, run, format);
  const check = checkRegionalLink(deps, path, req.query as Record<string, unknown>);
  if (!check.ok) {
    res.status(check.status).json({ error: check.status === 410 ? 'link expired' : 'invalid link' });
    return;
  }
  const stored = await deps.store.getByDigest(digest, run);
  if (!stored) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  const picture = stored.picture;
  const orgIds = picture.municipalities.map((x) => x.orgId);
  if (deps.sharingStopped && (await deps.sharingStopped(orgIds)).length > 0) {
    res.status(410).json({ error: 'no longer shared' });
    return;
  }
  await deps.recordRead?.(orgIds, { who: 'link', what: check.what, when: deps.clock().toISOString() });
  const lang = langOf(check.lang, deps.config.DEFAULT_LOCALE);
  res.setHeader('Content-Type', contentTypes[format]);
  res.setHeader('Cache-Control', 'no-store');
  if (format !== 'html') res.setHeader('Content-Disposition', `inline; filename="regional-${run}.${format}"`);
  res.send(render(picture, format, lang));
}

function render(picture: RegionalPicture, format: RegionalReportFormat, lang: 'sv' | 'en'): string {
  const m = messages(lang);
  switch (format) {
    case 'html':
      return renderRegionalHtml(picture, m, lang);
    case 'md':
      return renderRegionalMarkdown(picture, m, lang);
    case 'csv':
      return renderRegionalCsv(picture, m, lang);
    case 'json':
      return renderRegionalJson(picture);
    default: {
      const unhandled: never = format;
      return unhandled;
    }
  }
}
