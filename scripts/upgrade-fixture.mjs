// node scripts/upgrade-fixture.mjs [--install]
//
// Regenerates test/fixtures/upgrade/v1/ (dump.rdb + manifest.json) with the code of the
// pinned commit, not the current one: a detached worktree of that commit in
// /tmp/samverkan-v1, this checkout's node_modules linked in (or, with --install, `npm ci`
// there, for when dependencies changed since the pin), test/fixtures/upgrade/writeV1.ts
// copied in and run with tsx, its outputs copied back, the worktree removed.
// writeV1.ts starts its own private redis-server, so no Redis needs to be running.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PINNED = '424f82c';
const WORKTREE = '/tmp/samverkan-v1';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtureDir = join(root, 'test/fixtures/upgrade/v1');
const install = process.argv.includes('--install');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}

function removeWorktree() {
  const link = join(WORKTREE, 'node_modules');
  // The link first: the worktree's removal must never reach into this checkout's node_modules.
  if (!install && existsSync(link)) unlinkSync(link);
  spawnSync('git', ['worktree', 'remove', '--force', WORKTREE], { cwd: root, stdio: 'inherit' });
}

if (existsSync(WORKTREE)) {
  console.log(`[upgrade-fixture] removing a stale ${WORKTREE}`);
  removeWorktree();
}
run('git', ['worktree', 'add', '--detach', WORKTREE, PINNED]);
try {
  if (install) run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: WORKTREE });
  else symlinkSync(join(root, 'node_modules'), join(WORKTREE, 'node_modules'), 'dir');
  const target = join(WORKTREE, 'test/fixtures/upgrade');
  mkdirSync(target, { recursive: true });
  copyFileSync(join(root, 'test/fixtures/upgrade/writeV1.ts'), join(target, 'writeV1.ts'));
  const out = join(WORKTREE, '.upgrade-fixture-out');
  const env = { ...process.env };
  // Never a Cluster: the fixture is one server's RDB.
  delete env.REDIS_CLUSTER_NODES;
  run('npx', ['tsx', 'test/fixtures/upgrade/writeV1.ts', out], { cwd: WORKTREE, env });
  mkdirSync(fixtureDir, { recursive: true });
  for (const f of ['dump.rdb', 'manifest.json']) copyFileSync(join(out, f), join(fixtureDir, f));
  console.log(`[upgrade-fixture] written by ${PINNED}: ${fixtureDir}`);
} finally {
  removeWorktree();
}
