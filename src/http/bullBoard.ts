import type { RequestHandler, Router } from 'express';
import type { Queues } from '../../jobs/queues.js';

export const BULL_BOARD_PATH = '/admin/queues';

/**
 * Bull Board over our queues (bullBoardUi.ts), loaded on its first request: an operator
 * opens it now and then, and its UI packages would otherwise sit in every web process.
 */
export function bullBoardRouter(queues: Queues): RequestHandler {
  let router: Promise<Router> | undefined;
  return (req, res, next) => {
    router ??= import('./bullBoardUi.js').then((m) => m.createBullBoardRouter(queues));
    router.then((r) => r(req, res, next), next);
  };
}
