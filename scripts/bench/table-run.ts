// Table benchmark: `__bench.tableRun(rows)` (an import with the table open, then a sort there) and
// `__bench.xlsxRun(rows)` (an .xlsx workbook against the same rows as CSV), on a page of their own.
import { launchChromium } from '../lib/chromium.ts';
import { TIMEOUTS, closeBrowser, errorText, newBenchPage, waitForReady, watchErrors, withTimeout } from './browser.ts';
import type { Page } from 'playwright-core';
import { longestTaskBetween, TABLE_IMPORT_MARKS, TASK_TRACE_CATEGORIES, type TraceEvent } from './trace-tasks.ts';
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
    importTraceLongestMs: null,
    xlsx: null,
    pageErrors: [],
  };
  const browser = await launchChromium().catch((error: unknown) => {
    result.error = `Chromium did not start: ${errorText(error)}`;
    return null;
  });
  if (!browser) return result;
  try {
    const page = await newBenchPage(browser);
    const errors = watchErrors(page);
    result.pageErrors = errors.page;
    const navigatedAt = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUTS.readyMs });
    await waitForReady(page, navigatedAt);
    if (options.xlsxRows > 0) {
      const call = page.evaluate(
        (rows) => (window as unknown as BenchWindow).__bench!.xlsxRun!(rows),
        options.xlsxRows,
      );
      result.xlsx = await withTimeout(call, TIMEOUTS.importMs, `xlsxRun(${options.xlsxRows})`);
      const x = result.xlsx;
      options.log(
        `xlsx import of ${x.rows} rows: ${Math.round(x.xlsxMs)} ms (CSV ${Math.round(x.csvMs)} ms), max long task ${Math.round(x.xlsxLongestMs)} ms (CSV ${Math.round(x.csvLongestMs)} ms)`,
      );
    }
    if (options.tableRows > 0) {
      const trace = await startTrace(page);
      const call = page.evaluate(
        (rows) => (window as unknown as BenchWindow).__bench!.tableRun!(rows),
        options.tableRows,
      );
      result.table = await withTimeout(call, TIMEOUTS.importMs * 4, `tableRun(${options.tableRows})`);
      result.importTraceLongestMs = longestTaskBetween(
        await trace.stop(),
        TABLE_IMPORT_MARKS.start,
        TABLE_IMPORT_MARKS.end,
      );
      const t = result.table;
      const traced =
        result.importTraceLongestMs === null ? 'not traced' : `${Math.round(result.importTraceLongestMs)} ms`;
      options.log(
        `table at ${t.rows} rows: count after ${Math.round(t.countMs)} ms (max long task ${Math.round(t.importLongestMs)} ms, max task in the trace ${traced}); sort ${Math.round(t.sortMs)} ms (max long task ${Math.round(t.tableLongestMs)} ms)`,
      );
    }
    if (errors.page.length) throw new Error(`page error(s): ${errors.page.join(' | ')}`);
    result.ok = true;
  } catch (error) {
    result.error = errorText(error);
    options.log(`table benchmark FAILED: ${result.error.slice(0, 300)}`);
  } finally {
    await closeBrowser(browser);
  }
  return result;
}
