// Whether node_modules must be (re)installed, and the install itself. Plain JS with no
// dependencies so `npm test` and `npm run demo` can run it on a fresh clone before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Missing, or older than package-lock.json (npm writes node_modules/.package-lock.json on every install). */
export function depsAreStale(root) {
  const modules = join(root, 'node_modules');
  // npm ci would empty the directory a linked node_modules points to; leave it alone.
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) return false;
  const marker = join(modules, '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(marker).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs;
}

/** Runs `npm ci` in the foreground when the dependencies are stale; throws when it fails. */
export function ensureDepsSync(root, say = (m) => console.log(m)) {
  if (!depsAreStale(root)) return false;
  say('[deps] node_modules is missing or older than package-lock.json: running npm ci…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error(`npm ci failed (exit code ${r.status ?? r.signal}); see the output above`);
  return true;
}
