import type { Redis } from 'ioredis';
import { serversOf, type RedisClient } from './redis.js';

/**
 * What production needs from Redis: nothing evicted (`maxmemory-policy noeviction`, or a
 * `volatile-*` policy, which can only evict keys with a TTL — queues and records have none
 * — is still warned about) and an append-only file fsynced every second
 * (`appendonly yes`, `appendfsync everysec` or `always`).
 */
export interface RedisSettingsReport {
  server: string;
  /** null: CONFIG is disabled (managed Redis); check the provider's settings instead. */
  maxmemoryPolicy: string | null;
  appendonly: string | null;
  appendfsync: string | null;
  warnings: string[];
}

async function configGet(node: Redis, name: string): Promise<string | null> {
  try {
    const reply = (await node.call('CONFIG', 'GET', name)) as string[];
    return reply.length >= 2 ? String(reply[1]) : null;
  } catch {
    return null;
  }
}

export function settingsWarnings(s: Pick<RedisSettingsReport, 'maxmemoryPolicy' | 'appendonly' | 'appendfsync'>): string[] {
  const w: string[] = [];
  if (s.maxmemoryPolicy === null) w.push('CONFIG GET is not allowed: check that the provider uses maxmemory-policy noeviction and AOF persistence');
  else if (s.maxmemoryPolicy !== 'noeviction') w.push(`maxmemory-policy is ${s.maxmemoryPolicy}: Redis may evict queue and data keys under memory pressure (use noeviction)`);
  if (s.appendonly !== null && s.appendonly !== 'yes') w.push('appendonly is off: a Redis restart loses everything written since the last RDB snapshot (use appendonly yes)');
  else if (s.appendonly === 'yes' && s.appendfsync === 'no') w.push('appendfsync is no: the OS decides when writes reach disk (use everysec)');
  return w;
}

/** Reads the settings of every server (each Cluster master); never throws. */
export async function checkRedisSettings(redis: RedisClient): Promise<RedisSettingsReport[]> {
  const reports: RedisSettingsReport[] = [];
  for (const node of serversOf(redis)) {
    const [maxmemoryPolicy, appendonly, appendfsync] = await Promise.all([
      configGet(node, 'maxmemory-policy'),
      configGet(node, 'appendonly'),
      configGet(node, 'appendfsync'),
    ]);
    const server = `${node.options.host ?? '?'}:${node.options.port ?? '?'}`;
    reports.push({ server, maxmemoryPolicy, appendonly, appendfsync, warnings: settingsWarnings({ maxmemoryPolicy, appendonly, appendfsync }) });
  }
  return reports;
}
