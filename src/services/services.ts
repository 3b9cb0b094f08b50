import type { Logger } from 'pino';
import type { Queues } from '../../jobs/queues.js';
import type { Config } from '../config.js';
import type { PlanSettings } from '../domain/calendar/planSettings.js';
import type { LinkSigner } from '../http/signedLink.js';
import type { Repositories } from '../store/repositories.js';

/** What use-cases need: built once in main.ts (or a test) and passed down. */
export interface Services {
  config: Config;
  repos: Repositories;
  queues: Queues;
  clock: () => Date;
  log: Logger;
  planSettings: PlanSettings;
  /** Signs and checks expiring report links. */
  links: LinkSigner;
}
