import { Cluster, Redis, type ClusterNode, type RedisOptions } from 'ioredis';

/** A single Redis or a Redis Cluster: the store and BullMQ work with either. */
export type RedisClient = Redis | Cluster;

/** Where Redis is: one URL, or Cluster seed nodes (the URL then supplies credentials and TLS). */
export interface RedisTarget {
  url: string;
  clusterNodes?: readonly string[];
}

export function redisTarget(config: { REDIS_URL: string; REDIS_CLUSTER_NODES?: readonly string[] }): RedisTarget {
  return { url: config.REDIS_URL, clusterNodes: config.REDIS_CLUSTER_NODES?.length ? config.REDIS_CLUSTER_NODES : undefined };
}

function connect(target: string | RedisTarget, options: RedisOptions): RedisClient {
  const t = typeof target === 'string' ? { url: target } : target;
  if (!t.clusterNodes?.length) return new Redis(t.url, options);
  const u = new URL(t.url);
  const nodes: ClusterNode[] = t.clusterNodes.map((hp) => {
    const at = hp.lastIndexOf(':');
    return { host: hp.slice(0, at), port: Number(hp.slice(at + 1)) };
  });
  const { retryStrategy, ...redisOptions } = options;
  return new Cluster(nodes, {
    clusterRetryStrategy: retryStrategy,
    enableOfflineQueue: options.enableOfflineQueue,
    enableReadyCheck: options.enableReadyCheck,
    enableAutoPipelining: options.enableAutoPipelining,
    redisOptions: {
      ...redisOptions,
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  });
}

/**
 * Two kinds of connection. Data access fails fast while Redis is down (the user is told
 * to try again shortly) instead of queueing commands forever; BullMQ connections must
 * retry forever (`maxRetriesPerRequest: null`), as BullMQ requires.
 *
 * Data access pipelines automatically: the commands a turn issues in one tick (e.g. a
 * list's HGETALLs) go out in one write instead of one system call each — the top item of
 * the inbound benchmark's profile (`npm run bench`, README "Benchmarks").
 */
export function createStoreRedis(target: string | RedisTarget, extra: RedisOptions = {}): RedisClient {
  return connect(target, {
    enableAutoPipelining: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
}

export function createQueueRedis(target: string | RedisTarget, extra: RedisOptions = {}): RedisClient {
  return connect(target, {
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
}

/** True when Redis answers PING within the timeout; never throws. */
export async function redisIsReachable(redis: RedisClient, timeoutMs = 1_000): Promise<boolean> {
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

/** The single servers behind a client: itself, or every master of a Cluster. */
export function serversOf(redis: RedisClient): Redis[] {
  return redis instanceof Cluster ? redis.nodes('master') : [redis];
}

/** Every key matching `pattern`, on every master (SCAN; never KEYS). */
export async function scanAll(redis: RedisClient, pattern: string, count = 1000): Promise<string[]> {
  const found = new Set<string>();
  for (const node of serversOf(redis)) {
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      for (const k of batch) found.add(k);
    } while (cursor !== '0');
  }
  return [...found];
}
