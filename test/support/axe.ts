/**
 * axe-core in a real browser page: the machine-testable part of WCAG 2.1 AA (and axe's
 * best practices, which include the landmark rules). The page must be opened in a
 * context with `bypassCSP: true`: the served pages forbid scripts, axe is one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0/2.1 level A and AA (lag 2018:1937 asks for 2.1 AA), plus axe's best practices (landmarks, heading order). */
export const WCAG21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export interface AxeOutcome {
  violations: AxeViolation[];
  /** Every rule that ran (passed, failed, incomplete or not applicable on this page). */
  rulesRun: string[];
}

export async function runAxe(page: Page, tags: readonly string[] = WCAG21_AA_TAGS): Promise<AxeOutcome> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (values) => {
    const engine = (globalThis as unknown as { axe: typeof axe }).axe;
    const r = await engine.run({ runOnly: { type: 'tag', values } }); // the whole document
    return {
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })),
      rulesRun: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id),
    };
  }, [...tags]);
}

/** One line per violation, for an assertion message a reader can act on. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 3).join(', ')}${v.targets.length > 3 ? ' …' : ''}`).join('\n');
}
