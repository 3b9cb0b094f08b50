import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The repository root (test/support → ../..). */
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * `npm run build` into `outDir` (inside the repository, so the compiled files find
 * node_modules as dist/ does): the app's JavaScript with source maps. Returns the path
 * of the compiled entry point (`<outDir>/src/main.js`). `project`: another tsconfig that
 * extends tsconfig.build.json (the bench adds its echo bot).
 */
export async function buildApp(outDir: string, project = 'tsconfig.build.json'): Promise<string> {
  const dir = join(ROOT, outDir);
  rmSync(dir, { recursive: true, force: true });
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, project), '--outDir', dir], { cwd: ROOT });
  return join(dir, 'src', 'main.js');
}
