import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/freePort.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));


/** A separate app process (`npx tsx src/main.ts --role=…`) in its own process group. */
export interface AppProcess {
  role: 'web' | 'worker' | 'all';
  port: number;
  url: string;
  child: ChildProcess;
  output: string[];
  /** null while running. */
  exitCode(): number | null;
  exited(): boolean;
  /** SIGKILL to the whole group (npx, tsx and node): nothing gets to clean up. */
  kill9(): Promise<void>;
  /** SIGTERM and wait: the graceful shutdown. */
  stop(): Promise<void>;
}

export async function startApp(role: 'web' | 'worker' | 'all', env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'src/main.ts', `--role=${role}`], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  child.stdout!.on('data', (b: Buffer) => output.push(b.toString()));
  child.stderr!.on('data', (b: Buffer) => output.push(b.toString()));
  let code: number | null = null;
  let done = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (c, signal) => {
      code = c ?? (signal ? 128 : 0);
      done = true;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    role,
    port,
    url,
    child,
    output,
    exitCode: () => code,
    exited: () => done,
    async kill9() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      await exit;
    },
    async stop() {
      if (done) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exit, new Promise((r) => setTimeout(r, 20_000))]);
      if (!done) await app.kill9();
    },
  };
  await waitFor(async () => {
    if (done) throw new Error(`${role} process exited at start-up:\n${output.join('')}`);
    return (await httpStatus(`${url}/healthz`)) === 200;
  }, `${role} process up`, 60_000);
  return app;
}

export async function httpStatus(url: string, timeoutMs = 3_000): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000, everyMs = 50): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return Date.now() - start;
}
