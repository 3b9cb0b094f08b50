import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { startRuntime, type Role } from './runtime.js';

/** `npm start` (all), `npm run start:web`, `npm run start:worker`. */
function roleFromArgs(argv: string[]): Role {
  const arg = argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) ?? 'all';
  if (arg === 'all' || arg === 'web' || arg === 'worker') return arg;
  console.error(`Unknown --role=${arg} (use all, web or worker)`);
  process.exit(1);
}

/** A local `.env` is read when present; real environment variables win. */
function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env');
  } catch {
    // no .env: the environment alone configures the process
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger(config.LOG_LEVEL);
  if (!config.BOT_ID) log.warn('BOT_ID is not set: requests are not authenticated (local development only)');
  const runtime = await startRuntime(config, { role: roleFromArgs(process.argv.slice(2)), log });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (reason) => log.error({ err: (reason as Error)?.message }, 'unhandled rejection'));
}

void main();
