/**
 * axe-core in a real browser page: the machine-testable part of WCAG 2.1 AA (and axe's
 * best practices, which hold the landmark rules landmark-one-main and region). axe is
 * evaluated through the DevTools protocol, not injected as a script, so the page keeps the
 * CSP it is served with (scripts forbidden): what is checked is what users get.
 * One runner for every browser accessibility test; each prints one summary line (`AxeTally`)
 * that `.ci/run` lifts out of the test output.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0/2.1 level A and AA (lag 2018:1937 asks for 2.1 AA), plus axe's best practices (landmarks, heading order). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;
const TAGS_LABEL = 'WCAG 2.0/2.1 A+AA + best practices';

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

/** Runs axe over the whole document of the page's main frame. */
export async function runAxe(page: Page): Promise<AxeOutcome> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await evaluate(cdp, AXE_SOURCE, false);
    // A string, so the page runs it as written (no DOM types needed here, no compiler helpers leak in).
    return await evaluate<AxeOutcome>(cdp, `(async () => {
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } });
      return {
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })),
        rulesRun: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id),
      };
    })()`, true);
  } finally {
    await cdp.detach();
  }
}

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

async function evaluate<T>(cdp: Cdp, expression: string, awaitPromise: boolean): Promise<T> {
  const r = await cdp.send('Runtime.evaluate', { expression, awaitPromise, returnByValue: true });
  if (r.exceptionDetails) throw new Error(`axe-core in the page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

/** One line per violation, for an assertion message a reader can act on; '' when there are none. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 3).join(', ')}${v.targets.length > 3 ? ' …' : ''}`).join('\n');
}

/** What a test file's axe runs covered, for its summary line (the CI figure). */
export class AxeTally {
  private readonly kinds: string[] = [];
  private readonly rules = new Set<string>();
  private violations = 0;

  record(kind: string, outcome: AxeOutcome): void {
    this.kinds.push(kind);
    for (const r of outcome.rulesRun) this.rules.add(r);
    this.violations += outcome.violations.length;
  }

  has(rule: string): boolean {
    return this.rules.has(rule);
  }

  summary(): string {
    return `axe-core (${TAGS_LABEL}): ${this.kinds.length} pages, ${this.rules.size} rules, ${this.violations} violations — ${this.kinds.join('; ')}`;
  }
}
