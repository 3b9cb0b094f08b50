import { mkdirSync, writeFileSync } from 'node:fs';

/** One scenario's outcome: the figures printed in the table, and whether it held. */
export interface ScenarioFigures {
  scenario: string;
  figures: [string, string | number][];
  ok: boolean;
  seconds: number;
}

/** Collects every scenario's figures and prints them as one table at the end of the run. */
export class FigureTable {
  readonly rows: ScenarioFigures[] = [];

  add(row: ScenarioFigures): void {
    this.rows.push(row);
  }

  render(): string {
    const heads = this.rows.map((r) => `${r.ok ? 'PASS' : 'FAIL'} ${r.scenario}`);
    const all = this.rows.flatMap((r) => [...r.figures, ['duration (s)', r.seconds.toFixed(1)] as [string, string]]);
    const w1 = Math.max(8, ...heads.map((h) => h.length));
    const w2 = Math.max(6, ...all.map(([k]) => k.length));
    const w3 = Math.max(5, ...all.map(([, v]) => String(v).length));
    const sep = `+${'-'.repeat(w1 + 2)}+${'-'.repeat(w2 + 2)}+${'-'.repeat(w3 + 2)}+`;
    const lines = [sep, `| ${'scenario'.padEnd(w1)} | ${'figure'.padEnd(w2)} | ${'value'.padStart(w3)} |`, sep];
    this.rows.forEach((r, i) => {
      const rows: [string, string | number][] = [...r.figures, ['duration (s)', r.seconds.toFixed(1)]];
      rows.forEach(([k, v], j) => lines.push(`| ${(j === 0 ? heads[i]! : '').padEnd(w1)} | ${k.padEnd(w2)} | ${String(v).padStart(w3)} |`));
      lines.push(sep);
    });
    return lines.join('\n');
  }

  save(path = 'test-results/reliability/figures.json'): void {
    mkdirSync(path.replace(/\/[^/]+$/, ''), { recursive: true });
    writeFileSync(path, `${JSON.stringify(this.rows, null, 2)}\n`);
  }
}

/** Runs a scenario, timing it; figures are recorded even when it fails. */
export async function measured(table: FigureTable, scenario: string, run: (figures: [string, string | number][]) => Promise<void>): Promise<void> {
  const figures: [string, string | number][] = [];
  const start = Date.now();
  let ok = false;
  try {
    await run(figures);
    ok = true;
  } finally {
    table.add({ scenario, figures, ok, seconds: (Date.now() - start) / 1000 });
  }
}
