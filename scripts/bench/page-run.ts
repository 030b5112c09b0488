// One benchmark run: a fresh Chromium, one page at one N, every metric of the contract measured once.
import type { Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium.ts';
import {
  LONG_TASK_INIT_SCRIPT,
  TIMEOUTS,
  closeBrowser,
  environment,
  errorText,
  newBenchPage,
  readLongTasks,
  readyTimeoutMs,
  waitForReady,
  watchErrors,
  withTimeout,
} from './browser.ts';
import { ScriptWatcher } from './scripts.ts';
import { longTaskStats, mean, median, p95 } from './stats.ts';
import type { BenchWindow, PageKind, PageRunResult, PhaseStats } from './types.ts';

/** The contract's STANDARD_VIEW (src/bench/contract.ts, which scripts may not import) as the app's `view=`. */
export const APP_VIEW = '58,38,3.5';

/**
 * Where to find a page, relative to the preview server's root URL. The app opens at the contract's
 * camera through its own `view=` parameter, as the bare page is created there: opened at its fitted
 * default view and moved after `ready`, it loaded and drew the basemap twice.
 */
export function pagePath(page: PageKind, n: number): string {
  return page === 'bare' ? `bench/bare/?n=${n}` : `?bench=1&n=${n}&lang=en&view=${APP_VIEW}`;
}

/** What `measurePage` needs to know. */
export interface PageRunOptions {
  baseUrl: string;
  page: PageKind;
  n: number;
  run: number;
  animMs: number;
  picks: number;
  log: (message: string) => void;
}

type Phase = 'animate' | 'pick' | 'hover';

/**
 * Runs one contract method and returns its values with the page-clock window it ran in, so the
 * long tasks of that window can be attributed to it.
 */
async function runPhase(page: Page, method: Phase, arg: number, timeoutMs: number) {
  const run = page.evaluate(
    async ([name, value]) => {
      const bench = (window as unknown as BenchWindow).__bench!;
      const start = performance.now();
      const values = await bench[name]!(value);
      const end = performance.now();
      // The long-task observer reports after the task: give it a moment before the harness reads.
      await new Promise((resolve) => setTimeout(resolve, 150));
      return { values, start, end };
    },
    [method, arg] as const,
  );
  const { values, start, end } = await withTimeout(run, timeoutMs, `__bench.${method}(${arg})`);
  const tasks = (await readLongTasks(page)).filter((t) => t.start >= start && t.start <= end);
  return { values, longTasks: tasks.map((t) => t.duration) };
}

/** Mean, median, p95 and max of one phase's values, NaN (timed-out hovers) counted apart. */
function phaseStats(values: number[], longTasks: number[]): PhaseStats {
  const finite = values.filter(Number.isFinite);
  return {
    count: values.length,
    meanMs: mean(finite),
    medianMs: median(finite),
    p95Ms: p95(finite),
    maxMs: finite.length ? Math.max(...finite) : null,
    timeouts: values.length - finite.length,
    longTasks: longTaskStats(longTasks),
  };
}

/** Measures one page in a browser of its own; never throws: failures are recorded in the result. */
export async function measurePage(options: PageRunOptions): Promise<PageRunResult> {
  const { page: kind, n, run, animMs, picks, log } = options;
  const url = options.baseUrl + pagePath(kind, n);
  const started = Date.now();
  const result: PageRunResult = {
    page: kind,
    n,
    run,
    url,
    ok: false,
    startedAt: new Date(started).toISOString(),
    wallMs: 0,
    readyAt: null,
    readySource: null,
    readyLongTasks: null,
    js: null,
    heapUsedBytes: null,
    heapAfterGcBytes: null,
    animate: null,
    pick: null,
    hover: null,
    info: null,
    consoleErrors: [],
    pageErrors: [],
    chromium: null,
    userAgent: null,
    renderer: null,
  };
  const label = `${kind} n=${n} run ${run}`;
  const browser = await launchChromium().catch((error: unknown) => {
    result.error = `Chromium did not start: ${errorText(error)}`;
    return null;
  });
  if (!browser) return { ...result, wallMs: Date.now() - started };
  try {
    result.chromium = browser.version();
    const page = await newBenchPage(browser);
    const errors = watchErrors(page);
    // The same arrays, so a run that fails half-way still reports what the page logged.
    result.consoleErrors = errors.console;
    result.pageErrors = errors.page;
    const scripts = new ScriptWatcher(page);
    await page.addInitScript(LONG_TASK_INIT_SCRIPT);
    const cdp = await page.context().newCDPSession(page);

    const navigatedAt = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUTS.readyMs });
    const ready = await waitForReady(page, navigatedAt, readyTimeoutMs(n));
    result.readyAt = ready.readyAt;
    result.readySource = ready.source;
    log(
      `${label}: ready at ${Math.round(ready.readyAt)} ms${ready.source === 'readyAt' ? '' : ' (no readyAt: time the harness saw it)'}`,
    );

    // Heap first, before our own evaluations allocate anything: as left by the page, then after a full GC.
    const before = await withTimeout(cdp.send('Runtime.getHeapUsage'), TIMEOUTS.stepMs, 'heap usage');
    await withTimeout(cdp.send('HeapProfiler.collectGarbage'), TIMEOUTS.stepMs, 'forced GC');
    const after = await withTimeout(cdp.send('Runtime.getHeapUsage'), TIMEOUTS.stepMs, 'heap usage after GC');
    result.heapUsedBytes = before.usedSize;
    result.heapAfterGcBytes = after.usedSize;

    const tasksSoFar = await readLongTasks(page);
    result.readyLongTasks = longTaskStats(tasksSoFar.filter((t) => t.start <= ready.readyAt).map((t) => t.duration));

    // A pick or hover costs about a software-rendered frame, which grows with N.
    const perAction = TIMEOUTS.stepMs + picks * TIMEOUTS.perActionMs * Math.max(1, n / 10_000);
    if (animMs > 0) {
      const phase = await runPhase(page, 'animate', animMs, animMs + TIMEOUTS.animateSlackMs);
      result.animate = phaseStats(phase.values, phase.longTasks);
      log(`${label}: ${phase.values.length} frames, mean ${result.animate.meanMs?.toFixed(1)} ms`);
    }
    if (picks > 0) {
      const phase = await runPhase(page, 'pick', picks, perAction);
      result.pick = phaseStats(phase.values, phase.longTasks);
      const hasHover = await page.evaluate(
        () => typeof (window as unknown as BenchWindow).__bench?.hover === 'function',
      );
      if (hasHover) {
        const hover = await runPhase(page, 'hover', picks, perAction);
        result.hover = phaseStats(hover.values, hover.longTasks);
      }
    }
    result.info = await withTimeout(
      page.evaluate(() => (window as unknown as BenchWindow).__bench?.info?.() ?? null),
      TIMEOUTS.stepMs,
      '__bench.info()',
    ).catch((error: unknown) => ({ error: errorText(error) }));
    // After ready: scripts requested later than readyAt (lazy chunks) are reported apart.
    result.js = await withTimeout(scripts.summary(ready.timeOrigin, ready.readyAt), TIMEOUTS.stepMs, 'script bodies');

    if (errors.page.length) throw new Error(`page error(s): ${errors.page.join(' | ')}`);
    result.ok = true;
  } catch (error) {
    result.error = errorText(error);
    log(`${label}: FAILED: ${result.error.slice(0, 300)}`);
  } finally {
    // Environment last, from a fresh page, so its WebGL context cannot warm anything the page measures.
    await withTimeout(closeAllPages(browser), TIMEOUTS.stepMs, 'close pages').catch(() => {});
    const env = await environment(browser).catch(() => null);
    result.userAgent = env?.userAgent ?? null;
    result.renderer = env?.renderer ?? null;
    await closeBrowser(browser);
    result.wallMs = Date.now() - started;
  }
  return result;
}

/** Closes the measured page first so a page still busy drawing cannot delay the environment query. */
async function closeAllPages(browser: Awaited<ReturnType<typeof launchChromium>>): Promise<void> {
  for (const context of browser.contexts()) await context.close().catch(() => {});
}
