import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { Platform } from '../services/platform.js';
import { perOrg, type OrgOfRequest } from './perOrgRoute.js';
import { orgExportRoute } from './orgExportRoute.js';
import type { Queues } from '../../jobs/queues.js';
import { adminAuth } from './adminAuth.js';
import { BULL_BOARD_PATH, bullBoardRouter } from './bullBoard.js';
import { exportRoute } from './exportRoute.js';
import { icsRoute } from './icsRoute.js';
import { lagesbildReportRouter } from './lagesbildReportRoute.js';
import { metricsRoute } from './metricsRoute.js';
import { OrgJobCounter } from './orgJobCounts.js';
import { followUpReportRouter } from './followUpReportRoute.js';
import { publicRouter } from './publicRoutes.js';
import { registerRegionalReportRoute } from './regionalReportRoute.js';
import { regionalReportDeps } from '../services/regional/regionalPlatform.js';
import { securityHeaders } from './securityHeaders.js';

export interface HttpDeps {
  platform: Platform;
  /** Handles POST /api/messages (the adapter); absent in a worker-only process. */
  messages?: (req: Request, res: Response) => Promise<void>;
  /** For the admin queue board; absent = no board. */
  queues?: Queues;
  /** Redis reachable and workers up. */
  ready: () => Promise<{ ok: boolean; checks: Record<string, boolean> }>;
}

export function createHttpApp({ platform: s, messages, ready, queues }: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use(express.json({ limit: '256kb' }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const r = await ready();
    res.status(r.ok ? 200 : 503).json({ status: r.ok ? 'ready' : 'not ready', checks: r.checks });
  });
  if (messages) {
    app.post('/api/messages', async (req, res) => {
      await messages(req, res);
    });
  }
  // Each organisation's links live under /o/<orgId>/; the paths from before organisations
  // existed stay the upgraded organisation's, so links and invitations already sent work.
  const byPath: OrgOfRequest = async (req) => String(req.params.org ?? '');
  const legacy: OrgOfRequest = () => s.orgs.legacyId();
  // A regional picture is a person's, across organisations: the deployment's path and signer.
  registerRegionalReportRoute(app, regionalReportDeps(s));
  for (const [base, orgOf] of [['/o/:org', byPath], ['', legacy]] as const) {
    app.get(`${base}/meetings/:file`, perOrg(s, orgOf, icsRoute));
    app.use(`${base}/reports/uppfoljning`, perOrg(s, orgOf, followUpReportRouter));
    app.use(`${base}/reports`, perOrg(s, orgOf, lagesbildReportRouter));
    app.get(`${base}/export.json`, perOrg(s, orgOf, orgExportRoute));
  }
  // A person's own export spans their organisations: one deployment-wide path.
  const personalExport = exportRoute(s);
  app.get('/exports/:file', (req, res, next) => void personalExport(req, res).catch(next));
  // The residents' page and open data: no sign-in, their own headers (publicRoutes.ts); the slug names the organisation.
  app.use('/invanare', perOrg(s, async (req) => s.repos.orgs.orgOfSlug(/^\/([a-z0-9][a-z0-9-]{0,62})(?:\/|$)/.exec(req.path)?.[1] ?? ''), publicRouter, { fallback: (s2) => publicRouter(s2) }));
  if (queues) {
    app.get(
      '/metrics',
      adminAuth(s.config.ADMIN_TOKEN, s.config.PUBLIC_URL.startsWith('https:')),
      metricsRoute(
        queues,
        s.repos.metrics,
        async () => (await ready()).checks.redis ?? false,
        // Per organisation, from job ids; ids without a prefix are the upgraded organisation's.
        new OrgJobCounter(() => queues.all(), () => s.orgs.legacyId()),
        () => s.orgs.activeIds(),
      ),
    );
    app.use(
      BULL_BOARD_PATH,
      adminAuth(s.config.ADMIN_TOKEN, s.config.PUBLIC_URL.startsWith('https:')),
      (_req, res, next) => {
        // Bull Board's UI needs its own scripts and styles; everything else stays locked down.
        res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
        next();
      },
      bullBoardRouter(queues),
    );
  }

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  // Malformed JSON, oversized bodies and anything unexpected: a 4xx/5xx, never a crash.
  app.use((err: { status?: number; type?: string; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 600 ? err.status : 500;
    if (status >= 500) s.log.error({ err: { message: err.message, type: err.type } }, 'http error');
    if (!res.headersSent) res.status(status).json({ error: status === 500 ? 'internal error' : (err.type ?? 'bad request') });
  });
  return app;
}

export function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, () => resolve(server));
    server.once('error', reject);
  });
}
