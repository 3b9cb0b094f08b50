// npm run test:cluster [-- vitest args]: starts a three-node Redis Cluster from Debian's
// redis-server (private ports and dirs), runs the integration suite against it
// (REDIS_CLUSTER_NODES → ioredis Cluster for data and BullMQ), then stops the cluster.
// Tests that start their own single redis-server (outage, settings) are not cluster tests.
import { spawn, spawnSync } from 'node:child_process';
import { pingRedis, startPrivateRedis } from './redis-helper.mjs';

const SINGLE_NODE_ONLY = ['test/integration/redisOutage.test.ts', 'test/integration/redisSettings.test.ts', 'test/integration/refusedPersonalData.aof.test.ts', 'test/integration/upgradeFixture.v1.test.ts', 'test/integration/upgrade.v1.test.ts'];

function cli(port, ...args) {
  return spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' });
}

async function startCluster() {
  const nodes = [];
  for (let i = 0; i < 3; i++) {
    nodes.push(await startPrivateRedis(['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '5000']));
  }
  for (const n of nodes) if (!(await pingRedis(n.url))) throw new Error(`cluster node ${n.url} did not start`);
  const create = spawnSync(
    'redis-cli',
    ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '0', '--cluster-yes'],
    { encoding: 'utf8' },
  );
  if (create.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${create.stdout}\n${create.stderr}`);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ok = nodes.every((n) => /cluster_state:ok/.test(cli(n.port, 'cluster', 'info').stdout) && /cluster_slots_ok:16384/.test(cli(n.port, 'cluster', 'info').stdout));
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the cluster did not reach cluster_state:ok');
    await new Promise((r) => setTimeout(r, 200));
  }
  return nodes;
}

if (!spawnSync('sh', ['-c', 'command -v redis-cli'], { encoding: 'utf8' }).stdout.trim()) {
  console.error('redis-cli was not found (it comes with redis-server: sudo apt-get install -y redis-server)');
  process.exit(1);
}

const nodes = await startCluster();
const seeds = nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
console.log(`[test:cluster] three-node Redis Cluster at ${seeds}`);
for (const n of nodes) {
  const slots = cli(n.port, 'cluster', 'myid').stdout.trim();
  console.log(`[test:cluster]   node ${n.port} (${slots.slice(0, 8)})`);
}

const args = ['vitest', 'run', '--project', 'integration', ...SINGLE_NODE_ONLY.flatMap((f) => ['--exclude', f]), ...process.argv.slice(2)];
const child = spawn('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, REDIS_URL: nodes[0].url, REDIS_CLUSTER_NODES: seeds },
});
const stopAll = async () => {
  await Promise.all(nodes.map((n) => n.stop()));
};
process.on('SIGINT', () => child.kill('SIGINT'));
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', async (code, signal) => {
  await stopAll();
  process.exit(code ?? (signal ? 1 : 0));
});
