import { Redis, type RedisOptions } from 'ioredis';

/**
 * Two kinds of connection. Data access fails fast while Redis is down (the user is told
 * to try again shortly) instead of queueing commands forever; BullMQ connections must
 * retry forever (`maxRetriesPerRequest: null`), as BullMQ requires.
 */
export function createStoreRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
}

export function createQueueRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
}

/** True when Redis answers PING within the timeout; never throws. */
export async function redisIsReachable(redis: Redis, timeoutMs = 1_000): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  try {
    const pong = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
    return pong === 'PONG';
  } catch {
    return false;
  }
}
