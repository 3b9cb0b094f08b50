import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { depsAreStale } from '../../../scripts/deps.mjs';

// `npm test` and `npm run demo` install first when this says so (issue 14: `npm test` on a fresh clone).
describe('depsAreStale', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function project(modules: 'none' | 'empty' | 'older' | 'newer' | 'link'): string {
    const root = mkdtempSync(join(tmpdir(), 'deps-'));
    dirs.push(root);
    writeFileSync(join(root, 'package-lock.json'), '{}');
    utimesSync(join(root, 'package-lock.json'), 2_000_000, 2_000_000);
    if (modules === 'link') {
      const target = mkdtempSync(join(tmpdir(), 'deps-target-'));
      dirs.push(target);
      symlinkSync(target, join(root, 'node_modules'));
    } else if (modules !== 'none') {
      mkdirSync(join(root, 'node_modules'));
      if (modules !== 'empty') {
        const marker = join(root, 'node_modules', '.package-lock.json');
        writeFileSync(marker, '{}');
        const t = modules === 'older' ? 1_000_000 : 3_000_000;
        utimesSync(marker, t, t);
      }
    }
    return root;
  }
  it.each([
    ['a fresh clone (no node_modules)', 'none', true],
    ['node_modules without npm’s lock marker', 'empty', true],
    ['installed before package-lock.json changed', 'older', true],
    ['installed after package-lock.json', 'newer', false],
    ['a linked node_modules (left alone)', 'link', false],
  ] as const)('%s → %s', (_name, modules, stale) => {
    expect(depsAreStale(project(modules))).toBe(stale);
  });
});
