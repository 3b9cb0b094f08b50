import type { Logger } from 'pino';
import { orgQueues, type OrgQueues } from '../../jobs/orgQueues.js';
import type { Config } from '../config.js';
import { planSettingsSchema, type PlanSettings } from '../domain/calendar/planSettings.js';
import type { OrgEntry } from '../domain/organisation/organisation.js';
import { effectiveConfig, type OrgSettings } from '../domain/organisation/orgSettings.js';
import type { LinkSigner } from '../http/signedLink.js';
import type { OrgKeys } from '../store/keys.js';
import type { FairPriorities } from '../store/fairPriority.js';
import { createRepositories, type Repositories } from '../store/repositories.js';
import type { Stored } from '../store/versionedRepository.js';
import type { Platform } from './platform.js';

/** The organisation a `Services` serves. */
export interface OrgContext {
  id: OrgEntry['id'];
  entry: OrgEntry;
  settings: Stored<OrgSettings>;
  /** The data of the single-municipality version: its env vars stay its defaults, its old links keep working. */
  legacy: boolean;
  keys: OrgKeys;
}

/**
 * What use-cases need, for one organisation: its repositories (plus the deployment's
 * conversation directory and people registry), its view of the queues, and its
 * configuration (the deployment's, with the organisation's settings in place of the
 * defaults). Built by `platform.orgs.services(orgId)`; a use-case never sees another
 * organisation's data through it.
 */
export interface Services {
  config: Config;
  repos: Repositories;
  queues: OrgQueues;
  clock: () => Date;
  log: Logger;
  planSettings: PlanSettings;
  /** Signs and checks expiring report links. */
  links: LinkSigner;
  org: OrgContext;
  platform: Platform;
  /** Virtual-time priorities, so one organisation's backlog does not hold up another's jobs. */
  fairness: FairPriorities;
  /** Whose jobs these are, for `fairness`: the organisation's id. */
  fairnessKey?: string;
}

/** The one way an organisation's Services are assembled (the runtime and the tests share it). */
export function createServices(platform: Platform, org: { entry: OrgEntry; settings: Stored<OrgSettings> }): Services {
  const { redis, clock } = platform;
  const keys = platform.keys.forOrg(org.entry.id);
  const config = effectiveConfig(platform.config, org.settings.data, org.entry.legacy, org.entry.id);
  return {
    config,
    // The owner picker lists only the people seen in this organisation (names stay the deployment's);
    // counters also count for the organisation.
    repos: createRepositories(redis, keys, clock, { ...platform.repos, people: platform.repos.people.seenIn(keys), metrics: platform.repos.metrics.forOrg(keys) }),
    queues: orgQueues(platform.queues, org.entry.id, org.entry.legacy),
    clock,
    log: platform.log.child({ org: org.entry.id }),
    links: org.entry.legacy ? platform.links : platform.links.scoped(org.entry.id),
    fairness: platform.fairness,
    fairnessKey: org.entry.id,
    planSettings: planSettingsSchema.parse({
      weekday: config.MEETING_WEEKDAY,
      time: config.MEETING_TIME,
      durationMinutes: config.MEETING_DURATION_MINUTES,
      timeZone: config.TIMEZONE,
      schoolHolidays: config.SCHOOL_HOLIDAYS,
    }),
    org: { id: org.entry.id, entry: org.entry, settings: org.settings, legacy: org.entry.legacy, keys },
    platform,
  };
}
