// Shapes shared by the benchmark harness: the page's `window.__bench` as seen from here, and run results.
import type { LongTaskStats } from './stats.ts';
import type { TracedTask } from './trace-tasks.ts';

/** Which page a run measured: the bare reference page or the app in its bench mode. */
export type PageKind = 'bare' | 'app';

/** What one `__bench.importRun` call returns (see the brief; not part of CONTRACT.md v1). */
export interface ImportRunResult {
  ms: number;
  rows: number;
  longTasks: number[];
}

/**
 * `window.__bench` as the harness uses it. Declared here rather than imported from src/ so the
 * harness keeps working against any page that implements the contract; it is only used through a
 * cast (`window as unknown as BenchWindow`) so it cannot clash with the app's own global typing.
 */
export interface BenchApi {
  ready: Promise<void>;
  readyAt?: number;
  animate(ms: number): Promise<number[]>;
  pick(n: number): Promise<number[]>;
  hover?(n: number): Promise<number[]>;
  info?(): Record<string, unknown>;
  importRun?(rows: number, mode: 'app' | 'papaparse'): Promise<ImportRunResult>;
  tablePrepare?(rows: number): Promise<void>;
  tableImport?(): Promise<Pick<TableRunFigures, 'rows' | 'countMs' | 'importLongestMs'>>;
  tableSort?(): Promise<Pick<TableRunFigures, 'sortMs' | 'tableLongestMs'>>;
  xlsxRun?(rows: number): Promise<XlsxRunFigures>;
}

/** The page's globals as the harness sees them (long tasks come from our init script). */
export interface BenchWindow {
  __bench?: BenchApi;
  __longTasks?: number[];
  __longTaskStarts?: number[];
  __longTaskError?: string;
}

/** One script response: sizes, and whether it was requested before the page became ready. */
export interface ScriptFile {
  url: string;
  raw: number;
  gzip: number;
  /** Request start, ms after the page's time origin (same clock as `readyAt`). */
  requestedAt: number | null;
  initial: boolean;
}

/** Script bytes of one run, split into scripts loaded before ready ("initial") and after ("lazy"). */
export interface JsBytes {
  initialRaw: number;
  initialGzip: number;
  lazyRaw: number;
  lazyGzip: number;
  files: ScriptFile[];
  /** Workers started from blob: URLs: their code is inside another script, so it is not counted twice. */
  blobWorkers: string[];
  /** Script responses whose body could not be read (not counted). */
  unreadable: string[];
}

/** Frame gaps or per-action latencies of one phase, with the long tasks seen during it. */
export interface PhaseStats {
  count: number;
  meanMs: number | null;
  medianMs: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  /** Values that were NaN (a hover the page never saw within 2 s). */
  timeouts: number;
  longTasks: LongTaskStats;
}

/** Everything measured in one fresh-browser run of one page at one N. */
export interface PageRunResult {
  page: PageKind;
  n: number;
  run: number;
  url: string;
  ok: boolean;
  error?: string;
  startedAt: string;
  wallMs: number;
  readyAt: number | null;
  /** `readyAt` came from the page, or is only the time the harness saw `ready` resolve. */
  readySource: 'readyAt' | 'resolution' | null;
  readyLongTasks: LongTaskStats | null;
  js: JsBytes | null;
  heapUsedBytes: number | null;
  heapAfterGcBytes: number | null;
  animate: PhaseStats | null;
  pick: PhaseStats | null;
  hover: PhaseStats | null;
  info: unknown;
  consoleErrors: string[];
  pageErrors: string[];
  chromium: string | null;
  userAgent: string | null;
  renderer: string | null;
}

/** One `importRun` call in the import benchmark. */
export interface ImportSample {
  rows: number;
  mode: 'app' | 'papaparse';
  run: number;
  ms: number;
  rowsOut: number;
  maxLongTaskMs: number;
}

/** The import benchmark's page session. */
export interface ImportBenchResult {
  url: string;
  ok: boolean;
  error?: string;
  samples: ImportSample[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** `__bench.tableImport` and `tableSort`: an import with the table open, then a sort by amount there. */
export interface TableRunFigures {
  rows: number;
  countMs: number;
  importLongestMs: number;
  sortMs: number;
  tableLongestMs: number;
}

/** `__bench.xlsxRun`: the same rows imported as .xlsx and as CSV. */
export interface XlsxRunFigures {
  rows: number;
  xlsxBytes: number;
  csvBytes: number;
  xlsxMs: number;
  csvMs: number;
  xlsxLongestMs: number;
  csvLongestMs: number;
}

/** The table benchmark's page session. */
export interface TableBenchResult {
  url: string;
  ok: boolean;
  error?: string;
  table: TableRunFigures | null;
  /** The longest main-thread task during the table's import in a trace, garbage collections included; null when not traced. */
  importTraceLongest: TracedTask | null;
  xlsx: XlsxRunFigures | null;
  pageErrors: string[];
}
