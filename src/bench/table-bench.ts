// The bench's table figures (`__bench.tableRun`, `__bench.xlsxRun`): a large import with the table
// drawer open (the longest main-thread task, and the time until the table counts the rows), the
// table's own sort of those rows, and an .xlsx import against the same rows as CSV. Bench build only.
import { syntheticCsv, syntheticCsvParts, syntheticFlows } from './synthetic.ts';
import { TABLE_IMPORT_MARKS } from './contract.ts';
import type { AtlasHandle } from '../features/test-handle.ts';
import type { ImportedDataset } from '../state/state.ts';

export interface TableRunResult {
  rows: number;
  /** From the import's start until the count line shows every row (and no "sorting…"/"filtering…"). */
  countMs: number;
  importLongestMs: number;
  /** A sort by amount of every row, with the table's own long tasks only (the import is over). */
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

export async function tableRun(app: AtlasHandle, rows: number): Promise<TableRunResult> {
  if (!app.state) throw new Error('no app');
  document.querySelector<HTMLElement>('#table-toggle')!.click();
  await until(() => countTotal() > 0 && idle(), 60_000);
  const before = countTotal();
  // Blob by Blob, so the page's heap holds no million rows of its own while the import is measured.
  const parts = Array.from(syntheticCsvParts(rows, 13), (part) => new Blob([part]));
  const file = new File(parts, 'table.csv', { type: 'text/csv' });
  await frame();
  const watch = watchLongTasks();
  const started = performance.now();
  performance.mark(TABLE_IMPORT_MARKS.start);
  const result = (await app.importFile(file)) as ImportedDataset | { failure: string } | null;
  if (!result || 'failure' in result) throw new Error(`import failed: ${result ? result.failure : 'cancelled'}`);
  await until(() => countTotal() === before + rows && idle(), 600_000);
  performance.mark(TABLE_IMPORT_MARKS.end);
  const countMs = performance.now() - started;
  const importLongestMs = watch.stop();
  await frame();
  const sortWatch = watchLongTasks();
  const sortStarted = performance.now();
  document.querySelector<HTMLButtonElement>('#table-panel th[data-column="amount"] button')!.click();
  await until(() => !!document.querySelector('#table-panel th[data-column="amount"][aria-sort]') && idle(), 600_000);
  const sortMs = performance.now() - sortStarted;
  return { rows, countMs, importLongestMs, sortMs, tableLongestMs: sortWatch.stop() };
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
