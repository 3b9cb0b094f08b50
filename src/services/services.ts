import type { Logger } from 'pino';
import type { Queues } from '../../jobs/queues.js';
import type { Config } from '../config.js';
import { planSettingsSchema, type PlanSettings } from '../domain/calendar/planSettings.js';
import { LinkSigner } from '../http/signedLink.js';
import { FairPriorities } from '../store/fairPriority.js';
import type { Keys } from '../store/keys.js';
import type { RedisClient } from '../store/redis.js';
import { createRepositories, type Repositories } from '../store/repositories.js';

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
  /** Virtual-time priorities, so one organisation's backlog does not hold up another's jobs. */
  fairness: FairPriorities;
  /** Whose jobs these are, for `fairness` (an organisation's id); unset = 'default'. */
  fairnessKey?: string;
}

/** The one way Services are assembled (the runtime and the tests share it). */
export function createServices(deps: { config: Config; redis: RedisClient; keys: Keys; queues: Queues; clock: () => Date; log: Logger }): Services {
  const { config, redis, keys, queues, clock, log } = deps;
  return {
    config,
    repos: createRepositories(redis, keys, clock),
    queues,
    clock,
    log,
    links: new LinkSigner(config.LINK_SECRET),
    fairness: new FairPriorities(redis, keys),
    planSettings: planSettingsSchema.parse({
      weekday: config.MEETING_WEEKDAY,
      time: config.MEETING_TIME,
      durationMinutes: config.MEETING_DURATION_MINUTES,
      timeZone: config.TIMEZONE,
      schoolHolidays: config.SCHOOL_HOLIDAYS,
    }),
  };
}
