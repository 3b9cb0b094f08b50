// Finds a reachable Redis or starts a private redis-server (temp dir, free port).
// Shared by `npm test`, `npm run demo` and `npm run bench`; plain JS so it runs before `npm ci`.
import net from 'node:net';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function pingRedis(url, timeoutMs = 1000) {
  return new Promise((resolve) => {
    let u;
    try {
      u = new URL(url);
    } catch {
      resolve(false);
      return;
    }
    const socket = net.connect({ host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => {
      const auth = u.password ? `AUTH ${decodeURIComponent(u.password)}\r\n` : '';
      socket.write(`${auth}PING\r\n`);
    });
    socket.on('data', (buf) => done(buf.toString().includes('PONG')));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function redisBinary() {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = found.stdout.trim();
  if (found.status !== 0 || !bin) {
    console.error(
      'redis-server was not found and no Redis is reachable at REDIS_URL.\n' +
        'Install it with:  sudo apt-get install -y redis-server   (Debian/Ubuntu)\n' +
        '              or:  brew install redis                    (macOS)\n' +
        'or set REDIS_URL to a reachable Redis.',
    );
    process.exit(1);
  }
  return bin;
}

/** Starts a private redis-server; `extraArgs` e.g. ['--appendonly','yes']; `opts.port`/`opts.dir` to restart one. */
export async function startPrivateRedis(extraArgs = [], opts = {}) {
  const bin = redisBinary();
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'samverkan-redis-'));
  const port = opts.port ?? (await freePort());
  const child = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', ...extraArgs],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await pingRedis(url, 200)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  /** Stops the server; `keepDir` leaves its data for a restart on the same dir. */
  const stop = async (opts2 = {}) => {
    child.kill(opts2.signal ?? 'SIGTERM');
    await exited;
    if (!opts2.keepDir) rmSync(dir, { recursive: true, force: true });
  };
  return { url, port, dir, child, stop };
}

/** REDIS_URL when reachable, else a private server. */
export async function ensureRedis() {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (await pingRedis(url)) return { url, stop: async () => {}, private: false };
  const started = await startPrivateRedis();
  return { ...started, private: true };
}
