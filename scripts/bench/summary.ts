// Turns raw benchmark runs into medians per page and N, app/bare ratios, import figures and budget checks.
import { checkBudget, median, ratio, type BudgetStatus } from './stats.ts';
import type { ImportBenchResult, PageKind, PageRunResult, TableBenchResult } from './types.ts';

/** One column of the result tables: how to read it from a run. */
export interface Metric {
  key: string;
  label: string;
  get: (run: PageRunResult) => number | null | undefined;
}

const KB = 1024;
const MB = 1024 * 1024;

/** Load-time metrics: first frame, script bytes, heap, long tasks until ready. */
export const LOAD_METRICS: Metric[] = [
  { key: 'readyMs', label: 'first frame ms', get: (r) => r.readyAt },
  { key: 'jsRawKB', label: 'initial JS raw KB', get: (r) => r.js && r.js.initialRaw / KB },
  { key: 'jsGzipKB', label: 'initial JS gz KB', get: (r) => r.js && r.js.initialGzip / KB },
  { key: 'lazyJsGzipKB', label: 'lazy JS gz KB', get: (r) => r.js && r.js.lazyGzip / KB },
  { key: 'heapMB', label: 'heap MB', get: (r) => (r.heapUsedBytes != null ? r.heapUsedBytes / MB : null) },
  {
    key: 'heapGcMB',
    label: 'heap after GC MB',
    get: (r) => (r.heapAfterGcBytes != null ? r.heapAfterGcBytes / MB : null),
  },
  { key: 'readyLtCount', label: 'LT# ready', get: (r) => r.readyLongTasks?.count },
  { key: 'readyLtTotal', label: 'LT total ms ready', get: (r) => r.readyLongTasks?.totalMs },
  { key: 'readyLtMax', label: 'LT max ms ready', get: (r) => r.readyLongTasks?.maxMs },
];

/** Interaction metrics: animation frame gaps, pick and hover latency, long tasks while animating. */
export const INTERACTION_METRICS: Metric[] = [
  // Per run 1000/mean; with an odd number of runs its median equals 1000/(median of the means).
  { key: 'fps', label: 'fps', get: (r) => (r.animate?.meanMs ? 1000 / r.animate.meanMs : null) },
  { key: 'frameMean', label: 'frame mean ms', get: (r) => r.animate?.meanMs },
  { key: 'frameMedian', label: 'frame med ms', get: (r) => r.animate?.medianMs },
  { key: 'frameP95', label: 'frame p95 ms', get: (r) => r.animate?.p95Ms },
  { key: 'animLtCount', label: 'LT# anim', get: (r) => r.animate?.longTasks.count },
  { key: 'animLtTotal', label: 'LT total ms anim', get: (r) => r.animate?.longTasks.totalMs },
  { key: 'animLtMax', label: 'LT max ms anim', get: (r) => r.animate?.longTasks.maxMs },
  { key: 'pickMedian', label: 'pick med ms', get: (r) => r.pick?.medianMs },
  { key: 'pickP95', label: 'pick p95 ms', get: (r) => r.pick?.p95Ms },
  { key: 'hoverMedian', label: 'hover med ms', get: (r) => r.hover?.medianMs },
  { key: 'hoverP95', label: 'hover p95 ms', get: (r) => r.hover?.p95Ms },
  {
    key: 'pickHoverLtMax',
    label: 'LT max ms pick+hover',
    get: (r) => maxOf(r.pick?.longTasks.maxMs, r.hover?.longTasks.maxMs),
  },
];

function maxOf(...values: (number | null | undefined)[]): number | null {
  const xs = values.filter((x): x is number => typeof x === 'number');
  return xs.length ? Math.max(...xs) : null;
}

/** Medians over the successful runs of one page at one N. */
export interface PageSummary {
  page: PageKind;
  okRuns: number;
  totalRuns: number;
  medians: Record<string, number | null>;
}

/** Both pages at one N, with app/bare ratios of every metric. */
export interface NSummary {
  n: number;
  bare: PageSummary;
  app: PageSummary;
  ratios: Record<string, number | null>;
}

const ALL_METRICS = [...LOAD_METRICS, ...INTERACTION_METRICS];

function summarizePage(runs: PageRunResult[], page: PageKind, n: number): PageSummary {
  const mine = runs.filter((r) => r.page === page && r.n === n);
  // Failed runs (not ready, page errors) are left out: their figures are not comparable.
  const ok = mine.filter((r) => r.ok);
  const medians = Object.fromEntries(ALL_METRICS.map((m) => [m.key, median(ok.map((r) => m.get(r) ?? null))]));
  return { page, okRuns: ok.length, totalRuns: mine.length, medians };
}

/** Medians per page and N, and app/bare ratios, in the order of `ns`. */
export function summarize(runs: PageRunResult[], ns: number[]): NSummary[] {
  return ns.map((n) => {
    const bare = summarizePage(runs, 'bare', n);
    const app = summarizePage(runs, 'app', n);
    const ratios = Object.fromEntries(ALL_METRICS.map((m) => [m.key, ratio(app.medians[m.key], bare.medians[m.key])]));
    return { n, bare, app, ratios };
  });
}

/** Import figures for one row count (medians over runs). */
export interface ImportSummary {
  rows: number;
  appMs: number | null;
  papaparseMs: number | null;
  appRowsPerSec: number | null;
  papaparseRowsPerSec: number | null;
  ratio: number | null;
  appMaxLongTaskMs: number | null;
  papaparseMaxLongTaskMs: number | null;
  /** Some call returned a different number of rows than it was asked for. */
  rowsMismatch: boolean;
}

/** Median ms, rows per second and app/papaparse ratio per row count. */
export function summarizeImports(result: ImportBenchResult | null, rowCounts: number[]): ImportSummary[] {
  return rowCounts.map((rows) => {
    const samples = result?.samples.filter((s) => s.rows === rows) ?? [];
    const of = (mode: 'app' | 'papaparse') => samples.filter((s) => s.mode === mode);
    const appMs = median(of('app').map((s) => s.ms));
    const papaparseMs = median(of('papaparse').map((s) => s.ms));
    const perSec = (ms: number | null) => (ms ? (rows * 1000) / ms : null);
    const maxLong = (mode: 'app' | 'papaparse') =>
      of(mode).length ? Math.max(...of(mode).map((s) => s.maxLongTaskMs)) : null;
    return {
      rows,
      appMs,
      papaparseMs,
      appRowsPerSec: perSec(appMs),
      papaparseRowsPerSec: perSec(papaparseMs),
      ratio: ratio(appMs, papaparseMs),
      appMaxLongTaskMs: maxLong('app'),
      papaparseMaxLongTaskMs: maxLong('papaparse'),
      rowsMismatch: samples.some((s) => s.rowsOut !== s.rows),
    };
  });
}

/** One line of the Budgets table. */
export interface BudgetRow {
  name: string;
  value: number | null;
  limit: number;
  unit: '×' | 'ms';
  status: BudgetStatus;
  note?: string;
}

function ratioBudget(summaries: NSummary[], n: number, key: string, name: string, limit: number): BudgetRow {
  const s = summaries.find((x) => x.n === n);
  const value = s?.ratios[key] ?? null;
  const row: BudgetRow = {
    name: `${name} (N=${n.toLocaleString('en')})`,
    value,
    limit,
    unit: '×',
    status: checkBudget(value, limit),
  };
  if (!s) row.note = 'N not run';
  else if (value == null) row.note = s.app.okRuns && s.bare.okRuns ? 'metric missing' : 'runs failed';
  return row;
}

/** The budgets of the brief, each checked against the measured medians ("not measured" when the N was not run). */
export function checkBudgets(
  summaries: NSummary[],
  imports: ImportSummary[],
  importResult: ImportBenchResult | null,
): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (const s of summaries) rows.push(ratioBudget(summaries, s.n, 'readyMs', 'First frame, app/bare', 1.2));
  for (const s of summaries) rows.push(ratioBudget(summaries, s.n, 'jsGzipKB', 'Initial JS gzip, app/bare', 1.15));
  rows.push(ratioBudget(summaries, 10_000, 'frameMean', 'Frame time mean, app/bare', 1.1));
  rows.push(ratioBudget(summaries, 10_000, 'frameP95', 'Frame time p95, app/bare', 1.1));
  rows.push(ratioBudget(summaries, 10_000, 'pickP95', 'Pick p95, app/bare', 1.1));
  rows.push(ratioBudget(summaries, 10_000, 'hoverP95', 'Hover p95, app/bare', 1.1));
  rows.push(ratioBudget(summaries, 100_000, 'heapGcMB', 'Heap after GC, app/bare', 1.5));

  const hundredK = imports.find((i) => i.rows === 100_000);
  const importRatio = hundredK?.ratio ?? null;
  const importRow: BudgetRow = {
    name: 'Import 100k rows, app/papaparse',
    value: importRatio,
    limit: 2,
    unit: '×',
    status: checkBudget(importRatio, 2),
  };
  if (importRatio == null) importRow.note = importResult?.error ? 'import benchmark failed' : 'not run';
  rows.push(importRow);

  // The brief's budget is on the 100k import; smaller imports count too (a long task at any size
  // freezes the page). A million rows (--big) are reported in the import table, not budgeted: their
  // longest tasks are the garbage collector's, with tens of megabytes of strings alive.
  const budgeted = imports.filter((i) => i.rows <= 100_000);
  const appLong = budgeted.map((i) => i.appMaxLongTaskMs).filter((x): x is number => x != null);
  const longest = appLong.length ? Math.max(...appLong) : null;
  const longRow: BudgetRow = {
    name: 'Longest main-thread task during app import (≤ 100k rows)',
    value: longest,
    limit: 50,
    unit: 'ms',
    status: checkBudget(longest, 50),
  };
  if (longest == null) longRow.note = importResult?.error ? 'import benchmark failed' : 'not run';
  rows.push(longRow);
  return rows;
}

/** The table's own longest main-thread task: the sort of every imported row, the import being over. */
export function tableBudget(result: TableBenchResult): BudgetRow {
  const value = result.table?.tableLongestMs ?? null;
  const row: BudgetRow = {
    name: `Longest main-thread task of the table (sort at ${result.table?.rows.toLocaleString('en') ?? '–'} rows)`,
    value,
    limit: 100,
    unit: 'ms',
    status: checkBudget(value, 100),
  };
  if (value == null) row.note = result.error ? 'table benchmark failed' : 'not run';
  return row;
}
