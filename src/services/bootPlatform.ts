import type { Logger } from 'pino';
import type { Queues } from '../../jobs/queues.js';
import type { Config } from '../config.js';
import type { Keys } from '../store/keys.js';
import { migrateToOrganisations, type MigrationResult } from '../store/migrations/v2Organisations.js';
import type { RedisClient } from '../store/redis.js';
import { requeueOrg } from './orgs/requeueOrg.js';
import { createPlatform, type Platform } from './platform.js';
import type { Services } from './services.js';

/**
 * The platform, with the data upgraded to organisations first (once, by whichever process
 * starts first). `home`: the upgraded single-municipality organisation, or the default one
 * of a fresh single-municipality deployment; null on a multi-organisation deployment.
 */
export async function bootPlatform(deps: { config: Config; redis: RedisClient; keys: Keys; queues: Queues; clock: () => Date; log: Logger }): Promise<{ platform: Platform; home: Services | null; upgrade: MigrationResult }> {
  const platform = createPlatform(deps);
  const upgrade = await upgradeData(platform);
  const legacy = await platform.orgs.legacyId();
  return { platform, home: legacy ? await platform.orgs.services(legacy) : null, upgrade };
}

export function upgradeData(platform: Platform): Promise<MigrationResult> {
  const { config, redis, keys, queues, clock, log } = platform;
  return migrateToOrganisations({ config, redis, keys, queues, clock, log, requeue: async (orgId) => requeueOrg(await platform.orgs.require(orgId)) });
}
