import type { ChildProcess } from 'node:child_process';

export interface PrivateRedis {
  url: string;
  port: number;
  dir: string;
  child: ChildProcess;
  stop(opts?: { keepDir?: boolean; signal?: NodeJS.Signals }): Promise<void>;
}
export function pingRedis(url: string, timeoutMs?: number): Promise<boolean>;
export function redisBinary(): string;
export function startPrivateRedis(extraArgs?: string[], opts?: { port?: number; dir?: string }): Promise<PrivateRedis>;
export function ensureRedis(): Promise<{ url: string; stop(): Promise<void>; private: boolean }>;
