import { describe, expect, it } from 'vitest';
import { checkBudgets, summarizeImports } from '../../scripts/bench/summary.ts';
import type { ImportBenchResult } from '../../scripts/bench/types.ts';

const sample = (rows: number, mode: 'app' | 'papaparse', run: number, ms: number, maxLongTaskMs = 0) => ({
  rows,
  mode,
  run,
  ms,
  rowsOut: rows,
  maxLongTaskMs,
});

function importBudgets(samples: ImportBenchResult['samples']) {
  const result: ImportBenchResult = { url: 'x', ok: true, samples, consoleErrors: [], pageErrors: [] };
  const rows = [...new Set(samples.map((s) => s.rows))];
  return checkBudgets([], summarizeImports(result, rows), result);
}

describe('benchmark budgets: import', () => {
  it('compares medians of the 100k import with papaparse against 2×', () => {
    const budgets = importBudgets([
      sample(100_000, 'app', 1, 2100),
      sample(100_000, 'app', 2, 1900),
      sample(100_000, 'app', 3, 5000),
      sample(100_000, 'papaparse', 1, 1000),
      sample(100_000, 'papaparse', 2, 950),
      sample(100_000, 'papaparse', 3, 1050),
    ]);
    const row = budgets.find((b) => b.name.startsWith('Import 100k'))!;
    expect(row.value).toBeCloseTo(2.1, 5);
    expect(row.status).toBe('fail');
  });

  it('takes the longest app task of any import up to 100k rows, and leaves the million-row one to the table', () => {
    const budgets = importBudgets([
      sample(10_000, 'app', 1, 100, 60),
      sample(100_000, 'app', 1, 900, 20),
      sample(100_000, 'papaparse', 1, 800, 90),
      sample(1_000_000, 'app', 1, 9000, 300),
    ]);
    const row = budgets.find((b) => b.name.startsWith('Longest main-thread task'))!;
    expect(row.value).toBe(60);
    expect(row.status).toBe('fail');
  });

  it('says "not run" when no import ran, instead of passing', () => {
    const row = checkBudgets([], [], null).find((b) => b.name.startsWith('Longest main-thread task'))!;
    expect(row.value).toBeNull();
    expect(row.note).toBe('not run');
  });
});
