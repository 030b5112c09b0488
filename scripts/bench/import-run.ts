// Import benchmark: the app's CSV import against plain papaparse, via `__bench.importRun` on one page.
import { launchChromium } from '../lib/chromium.ts';
import { TIMEOUTS, closeBrowser, errorText, newBenchPage, waitForReady, watchErrors, withTimeout } from './browser.ts';
import type { BenchWindow, ImportBenchResult, ImportRunResult } from './types.ts';

/** What `measureImports` needs to know. */
export interface ImportOptions {
  baseUrl: string;
  rows: number[];
  runs: number;
  log: (message: string) => void;
}

/**
 * Runs `importRun(rows, mode)` `runs` times per mode and row count, alternating which mode goes
 * first so that warm-up (JIT, worker start, GC pressure) does not always favour the same one.
 * One fresh browser and page for the whole benchmark (n=0: no map data to compete with).
 */
export async function measureImports(options: ImportOptions): Promise<ImportBenchResult> {
  const url = `${options.baseUrl}?bench=1&n=0&lang=en`;
  const result: ImportBenchResult = { url, ok: false, samples: [], consoleErrors: [], pageErrors: [] };
  const browser = await launchChromium().catch((error: unknown) => {
    result.error = `Chromium did not start: ${errorText(error)}`;
    return null;
  });
  if (!browser) return result;
  try {
    const page = await newBenchPage(browser);
    const errors = watchErrors(page);
    result.consoleErrors = errors.console;
    result.pageErrors = errors.page;
    const navigatedAt = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUTS.readyMs });
    await waitForReady(page, navigatedAt);
    const hasImport = await page.evaluate(
      () => typeof (window as unknown as BenchWindow).__bench?.importRun === 'function',
    );
    if (!hasImport) throw new Error('the app page has no __bench.importRun(rows, mode)');

    for (const rows of options.rows) {
      for (let run = 1; run <= options.runs; run++) {
        const order = run % 2 === 1 ? (['app', 'papaparse'] as const) : (['papaparse', 'app'] as const);
        for (const mode of order) {
          const call = page.evaluate(([r, m]) => (window as unknown as BenchWindow).__bench!.importRun!(r, m), [
            rows,
            mode,
          ] as const);
          const out: ImportRunResult = await withTimeout(call, TIMEOUTS.importMs, `importRun(${rows}, '${mode}')`);
          const maxLongTaskMs = out.longTasks.length ? Math.max(...out.longTasks) : 0;
          result.samples.push({ rows, mode, run, ms: out.ms, rowsOut: out.rows, maxLongTaskMs });
          options.log(
            `import ${rows} rows via ${mode} (run ${run}): ${Math.round(out.ms)} ms, ${out.rows} rows, max long task ${Math.round(maxLongTaskMs)} ms`,
          );
          // Not fatal: the report flags it (a page may legitimately drop rows it considers invalid).
          if (out.rows !== rows) options.log(`warning: importRun(${rows}, '${mode}') returned ${out.rows} rows`);
        }
      }
    }
    if (errors.page.length) throw new Error(`page error(s): ${errors.page.join(' | ')}`);
    result.ok = true;
  } catch (error) {
    result.error = errorText(error);
    options.log(`import benchmark FAILED: ${result.error.slice(0, 300)}`);
  } finally {
    await closeBrowser(browser);
  }
  return result;
}
