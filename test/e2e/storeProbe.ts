import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { Keys } from '../../src/store/keys.js';
import type { Stack } from './harness.js';

/**
 * Store reads go straight to Redis under the stack's key prefix (a connection per describe):
 * the home organisation's records (`{o:<id>}`), the conversation directory the deployment's.
 */
export function useStoreProbe(e2e: { readonly stack: Stack }) {
  let redis: Redis | undefined;
  beforeAll(() => {
    redis = new Redis(e2e.stack.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  });
  afterAll(() => {
    redis?.disconnect();
  });
  const deployment = () => new Keys(e2e.stack.keyPrefix);
  const keysOf = async (collection: string): Promise<Keys> => {
    if (collection === 'conversation') return deployment();
    const home = await redis!.get(deployment().of('org', 'legacy'));
    if (!home) throw new Error('no home organisation in this stack');
    return deployment().forOrg(home);
  };
  const get = async (collection: string, id: string): Promise<{ doc: Record<string, unknown>; version: number } | null> => {
    const h = await redis!.hgetall((await keysOf(collection)).record(collection, id));
    return h.doc ? { doc: JSON.parse(h.doc) as Record<string, unknown>, version: Number(h.v) } : null;
  };
  return {
    async ids(collection: string): Promise<string[]> {
      return (await redis!.smembers((await keysOf(collection)).index(collection))).sort();
    },
    /** The current document and its version, or null. */
    get,
    /** The current document, or null. */
    async doc(collection: string, id: string): Promise<Record<string, unknown> | null> {
      return (await get(collection, id))?.doc ?? null;
    },
    /** How many versions are kept (collections with history). */
    async historyLength(collection: string, id: string): Promise<number> {
      return redis!.llen((await keysOf(collection)).history(collection, id));
    },
  };
}

/** The keys of the stack's home organisation (the default one of a single-municipality deployment). */
export async function homeOrgKeys(redis: Redis, keyPrefix: string): Promise<Keys> {
  const deployment = new Keys(keyPrefix);
  const home = await redis.get(deployment.of('org', 'legacy'));
  if (!home) throw new Error('no home organisation in this stack');
  return deployment.forOrg(home);
}
