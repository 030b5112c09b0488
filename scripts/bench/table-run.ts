// Table benchmark: `__bench.tablePrepare(rows)`, `tableImport()` and `tableSort()` (an import with the table
// open, traced, then a sort there) and `__bench.xlsxRun(rows)` (an .xlsx workbook against the same rows as
// CSV), on a page of their own.
import { launchChromium } from '../lib/chromium.ts';
import { TIMEOUTS, closeBrowser, errorText, newBenchPage, waitForReady, watchErrors, withTimeout } from './browser.ts';
import type { Page } from 'playwright-core';
import {
  longestTaskBetween,
  TABLE_IMPORT_MARKS,
  TASK_TRACE_CATEGORIES,
  traced,
  type TraceEvent,
} from './trace-tasks.ts';
import type { BenchWindow, TableBenchResult } from './types.ts';

export interface TableOptions {
  baseUrl: string;
  tableRows: number;
  xlsxRows: number;
  log: (message: string) => void;
}

/** Records a trace of the page's tasks until `stop()`, which gives its events. */
async function startTrace(page: Page): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TASK_TRACE_CATEGORIES },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return events;
    },
  };
}

export async function measureTable(options: TableOptions): Promise<TableBenchResult> {
  const url = `${options.baseUrl}?bench=1&n=0&lang=fa`;
  const result: TableBenchResult = {
    url,
    ok: false,
    table: null,
    importTraceLongest: null,
    xlsx: null,
    pageErrors: [],
  };
  const browser = await launchChromium().catch((error: unknown) => {
    result.error = `Chromium did not start: ${errorText(error)}`;
    return null;
  });
  if (!browser) return result;
  // A fresh page for each run: the .xlsx run's own garbage (its rows built three ways in the page) was
  // collected during the table's import when they shared one.
  const run = async <T>(what: string, measure: (page: Page) => Promise<T>): Promise<T> => {
    const page = await newBenchPage(browser);
    const errors = watchErrors(page);
    try {
      const navigatedAt = Date.now();
      await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUTS.readyMs });
      await waitForReady(page, navigatedAt);
      const figures = await measure(page);
      if (errors.page.length) throw new Error(`page error(s) in ${what}: ${errors.page.join(' | ')}`);
      return figures;
    } finally {
      result.pageErrors.push(...errors.page);
      await page.context().close();
    }
  };
  try {
    if (options.tableRows > 0) {
      result.table = await run('table', async (page) => {
        await withTimeout(
          page.evaluate((rows) => (window as unknown as BenchWindow).__bench!.tablePrepare!(rows), options.tableRows),
          TIMEOUTS.importMs,
          `tablePrepare(${options.tableRows})`,
        );
        // Making the file leaves the page tens of megabytes of strings: collected now, not in the import.
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.detach();
        const trace = await startTrace(page);
        const imported = await withTimeout(
          page.evaluate(() => (window as unknown as BenchWindow).__bench!.tableImport!()),
          TIMEOUTS.importMs * 3,
          `tableImport(${options.tableRows})`,
        );
        result.importTraceLongest = longestTaskBetween(
          await trace.stop(),
          TABLE_IMPORT_MARKS.start,
          TABLE_IMPORT_MARKS.end,
        );
        // The sort is not traced: tracing slows the page, and its budget is for the page as it is.
        const sorted = await withTimeout(
          page.evaluate(() => (window as unknown as BenchWindow).__bench!.tableSort!()),
          TIMEOUTS.importMs,
          'tableSort()',
        );
        return { ...imported, ...sorted };
      });
      const t = result.table;
      options.log(
        `table at ${t.rows} rows: count after ${Math.round(t.countMs)} ms (max long task ${Math.round(t.importLongestMs)} ms, max task in the trace ${traced(result.importTraceLongest)} ms); sort ${Math.round(t.sortMs)} ms (max long task ${Math.round(t.tableLongestMs)} ms)`,
      );
    }
    if (options.xlsxRows > 0) {
      result.xlsx = await run('xlsxRun', (page) =>
        withTimeout(
          page.evaluate((rows) => (window as unknown as BenchWindow).__bench!.xlsxRun!(rows), options.xlsxRows),
          TIMEOUTS.importMs,
          `xlsxRun(${options.xlsxRows})`,
        ),
      );
      const x = result.xlsx;
      options.log(
        `xlsx import of ${x.rows} rows: ${Math.round(x.xlsxMs)} ms (CSV ${Math.round(x.csvMs)} ms), max long task ${Math.round(x.xlsxLongestMs)} ms (CSV ${Math.round(x.csvLongestMs)} ms)`,
      );
    }
    result.ok = true;
  } catch (error) {
    result.error = errorText(error);
    options.log(`table benchmark FAILED: ${result.error.slice(0, 300)}`);
  } finally {
    await closeBrowser(browser);
  }
  return result;
}
