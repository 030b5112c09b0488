// The bench's table figures (`__bench.tablePrepare`, `tableImport`, `tableSort`, `xlsxRun`): a large import
// with the table drawer open (the longest main-thread task, and the time until the table counts the rows),
// the table's own sort of those rows, and an .xlsx import against the same rows as CSV. Bench build only.
import { syntheticCsv, syntheticCsvParts, syntheticFlows } from './synthetic.ts';
import { TABLE_IMPORT_MARKS } from './contract.ts';
import type { AtlasHandle } from '../features/test-handle.ts';
import type { ImportedDataset } from '../state/state.ts';

export interface TableImportResult {
  rows: number;
  /** From the import's start until the count line shows every row (and no "sorting…"/"filtering…"). */
  countMs: number;
  importLongestMs: number;
}

/** A sort by amount of every row, with the table's own long tasks only (the import is over). */
export interface TableSortResult {
  sortMs: number;
  tableLongestMs: number;
}

export interface XlsxRunResult {
  rows: number;
  xlsxBytes: number;
  csvBytes: number;
  xlsxMs: number;
  csvMs: number;
  xlsxLongestMs: number;
  csvLongestMs: number;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Long tasks from now until `stop()`. */
function watchLongTasks(): { stop(): number } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => durations.push(e.duration)));
  observer.observe({ entryTypes: ['longtask'] });
  return {
    stop() {
      observer.takeRecords().forEach((e) => durations.push(e.duration));
      observer.disconnect();
      return durations.length ? Math.max(...durations) : 0;
    },
  };
}

const countTotal = () => {
  const text = document.querySelector('#table-count')?.textContent ?? '';
  const digits = text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/[٬,]/g, '');
  return Number(digits.match(/\d+/g)?.at(-1) ?? NaN);
};
const idle = () => document.querySelector('#table-busy')?.hasAttribute('hidden') ?? false;

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > timeoutMs) throw new Error('the table did not settle in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The file `tablePrepare` made, and the count before it, for `tableImport`. */
let prepared: { file: File; before: number; rows: number } | null = null;

/**
 * Opens the table and makes the CSV of `rows` flows. Apart from the import, so that the runner can collect
 * the page's garbage in between: building the file leaves some 70 MB of strings, collected otherwise inside
 * the import in one task of 90–200 ms that is none of the app's.
 */
export async function tablePrepare(rows: number): Promise<void> {
  document.querySelector<HTMLElement>('#table-toggle')!.click();
  await until(() => countTotal() > 0 && idle(), 60_000);
  // Blob by Blob, so the page's heap holds no million rows of its own while the import is measured.
  const parts = Array.from(syntheticCsvParts(rows, 13), (part) => new Blob([part]));
  prepared = { file: new File(parts, 'table.csv', { type: 'text/csv' }), before: countTotal(), rows };
}

/** Imports the prepared file with the table open, until the count line shows every row, between the marks. */
export async function tableImport(app: AtlasHandle): Promise<TableImportResult> {
  if (!app.state) throw new Error('no app');
  if (!prepared) throw new Error('tablePrepare first');
  const { file, before, rows } = prepared;
  prepared = null;
  await frame();
  const watch = watchLongTasks();
  const started = performance.now();
  performance.mark(TABLE_IMPORT_MARKS.start);
  const result = (await app.importFile(file)) as ImportedDataset | { failure: string } | null;
  if (!result || 'failure' in result) throw new Error(`import failed: ${result ? result.failure : 'cancelled'}`);
  await until(() => countTotal() === before + rows && idle(), 600_000);
  performance.mark(TABLE_IMPORT_MARKS.end);
  return { rows, countMs: performance.now() - started, importLongestMs: watch.stop() };
}

/** Sorts the table by amount, as a click in a task of its own (not inside the frame callback it waited for). */
export async function tableSort(): Promise<TableSortResult> {
  await frame();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const watch = watchLongTasks();
  const started = performance.now();
  document.querySelector<HTMLButtonElement>('#table-panel th[data-column="amount"] button')!.click();
  await until(() => !!document.querySelector('#table-panel th[data-column="amount"][aria-sort]') && idle(), 600_000);
  return { sortMs: performance.now() - started, tableLongestMs: watch.stop() };
}

export async function xlsxRun(app: AtlasHandle, rows: number): Promise<XlsxRunResult> {
  const { workbookBytes, XLSX_TYPE } = await import('../worker/to-xlsx.ts');
  const flows = syntheticFlows(rows, 17);
  const csv = syntheticCsv(flows);
  // The same rows as a workbook: the CSV's cells, numbers as numbers.
  const [header, ...lines] = csv
    .split('\n')
    .map((line) => line.match(/"[^"]*"|[^,]+/g)!.map((c) => c.replace(/"/g, '')));
  const cells = lines.map((line) => line.map((c, i) => (i === 2 ? Number(c) : c)));
  const xlsx = workbookBytes(header!, cells);
  const once = async (file: File) => {
    await frame();
    const watch = watchLongTasks();
    const started = performance.now();
    const result = (await app.importFile(file, { onMap: false })) as ImportedDataset | { failure: string } | null;
    if (!result || 'failure' in result) throw new Error(`import failed: ${result ? result.failure : 'cancelled'}`);
    if (result.rows.count !== rows) throw new Error(`${file.name}: ${result.rows.count} rows of ${rows}`);
    return { ms: performance.now() - started, longest: watch.stop() };
  };
  const x = await once(new File([xlsx as BlobPart], 'rows.xlsx', { type: XLSX_TYPE }));
  const c = await once(new File([csv], 'rows.csv', { type: 'text/csv' }));
  return {
    rows,
    xlsxBytes: xlsx.length,
    csvBytes: csv.length,
    xlsxMs: x.ms,
    csvMs: c.ms,
    xlsxLongestMs: x.longest,
    csvLongestMs: c.longest,
  };
}
