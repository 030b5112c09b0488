// Browser plumbing for the benchmark: fresh pages, error capture, long-task recording, timeouts.
import type { Browser, Page } from 'playwright-core';
import type { BenchWindow } from './types.ts';

/** Generous limits: software WebGL (SwiftShader) can take seconds per frame at N = 1,000,000. */
export const TIMEOUTS = {
  /** From navigation until `__bench.ready` has resolved. */
  readyMs: 240_000,
  /** Until `window.__bench` exists: the contract defines it from the first module on. */
  contractMs: 60_000,
  /** Any other single step (heap, info, environment queries). */
  stepMs: 60_000,
  /** Added to the animation length, for the slow frames at its end and the jump back. */
  animateSlackMs: 180_000,
  /** Per pick or hover position, on top of `stepMs`. */
  perActionMs: 5_000,
  /** One `importRun` call (1,000,000 rows are generated and parsed in the page). */
  importMs: 300_000,
} as const;

/** The viewport of CONTRACT.md's standard view. */
export const VIEWPORT = { width: 1280, height: 800 } as const;

/** Rejects with a message naming `what` when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout after ${Math.round(ms / 1000)} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The message of an error, or the string form of anything else thrown. */
export function errorText(error: unknown, max = 1500): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Records main-thread long tasks into `window.__longTasks` (durations, ms) and their start times
 * into `window.__longTaskStarts`, so the harness can split them by phase. A string, not a function:
 * tsx compiles with esbuild's keepNames, whose `__name` helper does not exist inside the page.
 * `type` + `buffered` rather than `entryTypes`: Chromium ignores `buffered` with `entryTypes`.
 */
export const LONG_TASK_INIT_SCRIPT = `(() => {
  window.__longTasks = [];
  window.__longTaskStarts = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__longTasks.push(entry.duration);
        window.__longTaskStarts.push(entry.startTime);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    window.__longTaskError = String(error);
  }
})();`;

/** Console errors, failed responses and uncaught page errors, filled in as they happen. */
export interface PageErrors {
  console: string[];
  page: string[];
}

/** Collects errors from `page` (capped, so a page logging in a loop cannot flood the report). */
export function watchErrors(page: Page): PageErrors {
  const errors: PageErrors = { console: [], page: [] };
  const push = (list: string[], text: string) => {
    if (list.length < 50) list.push(text.slice(0, 500));
  };
  // A failed load shows up twice (response and console message): report each URL once.
  const failedUrls = new Set<string>();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    if (message.text().startsWith('Failed to load resource') && url) {
      if (failedUrls.has(url)) return;
      failedUrls.add(url);
    }
    // The location names the resource behind a bare "Failed to load resource" message.
    push(errors.console, url ? `${message.text()} (${url})` : message.text());
  });
  page.on('response', (response) => {
    if (response.status() < 400 || failedUrls.has(response.url())) return;
    failedUrls.add(response.url());
    push(errors.console, `HTTP ${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => push(errors.page, error.stack ?? String(error)));
  page.on('crash', () => push(errors.page, 'page crashed'));
  return errors;
}

/** A fresh page at the standard viewport and device pixel ratio 1 (the browser itself is fresh per run). */
export async function newBenchPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  return context.newPage();
}

/** When the page became ready: the page's own `readyAt`, or the harness's first sight of `ready`. */
export interface ReadyTime {
  readyAt: number;
  source: 'readyAt' | 'resolution';
  /** `performance.timeOrigin` of the page (epoch ms), to place network requests on its clock. */
  timeOrigin: number;
}

/**
 * How long a page with N arcs may take to be ready: at N = 100,000 a software-rendered frame takes
 * over ten seconds, and the map draws one for every basemap tile that arrives while it loads.
 */
export const readyTimeoutMs = (n: number) => TIMEOUTS.readyMs + 3 * n;

/** Waits for `window.__bench` and then for `__bench.ready`, within `readyMs` of `navigatedAt`. */
export async function waitForReady(
  page: Page,
  navigatedAt: number,
  readyMs: number = TIMEOUTS.readyMs,
): Promise<ReadyTime> {
  // Return a boolean, not the promise: waitForFunction would otherwise wait for it to resolve.
  await page
    .waitForFunction(() => typeof (window as unknown as BenchWindow).__bench?.ready?.then === 'function', undefined, {
      timeout: TIMEOUTS.contractMs,
      polling: 100,
    })
    .catch((error: unknown) => {
      throw new Error(
        `window.__bench.ready did not appear within ${TIMEOUTS.contractMs / 1000} s (${errorText(error, 200)})`,
      );
    });
  const left = Math.max(1000, readyMs - (Date.now() - navigatedAt));
  const ready = page.evaluate(async () => {
    const bench = (window as unknown as BenchWindow).__bench!;
    await bench.ready;
    const seen = performance.now();
    return {
      readyAt: typeof bench.readyAt === 'number' ? bench.readyAt : null,
      seen,
      timeOrigin: performance.timeOrigin,
    };
  });
  // An uncaught error before ready (say, a data file missing) fails the run now, not after the timeout.
  let onError: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    onError = (error) => reject(new Error(`page error before __bench.ready: ${errorText(error, 300)}`));
    page.once('pageerror', onError);
  });
  const result = await withTimeout(Promise.race([ready, failed]), left, '__bench.ready').finally(() =>
    page.off('pageerror', onError),
  );
  return result.readyAt != null
    ? { readyAt: result.readyAt, source: 'readyAt', timeOrigin: result.timeOrigin }
    : { readyAt: result.seen, source: 'resolution', timeOrigin: result.timeOrigin };
}

/** Long tasks recorded so far by the init script, as start and duration (ms on the page's clock). */
export async function readLongTasks(page: Page): Promise<{ start: number; duration: number }[]> {
  const { starts, durations } = await withTimeout(
    page.evaluate(() => {
      const w = window as unknown as BenchWindow;
      return { starts: w.__longTaskStarts ?? [], durations: w.__longTasks ?? [] };
    }),
    TIMEOUTS.stepMs,
    'read long tasks',
  );
  return durations.map((duration, i) => ({ start: starts[i] ?? Number.NaN, duration }));
}

/** The user agent and the unmasked WebGL renderer, from a fresh canvas on a fresh blank page. */
export async function environment(browser: Browser): Promise<{ userAgent: string; renderer: string }> {
  const page = await newBenchPage(browser);
  try {
    return await withTimeout(
      page.evaluate(() => {
        const gl =
          document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
        if (!gl) return { userAgent: navigator.userAgent, renderer: 'no WebGL' };
        const debug = gl.getExtension('WEBGL_debug_renderer_info');
        const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
        gl.getExtension('WEBGL_lose_context')?.loseContext();
        return { userAgent: navigator.userAgent, renderer };
      }),
      TIMEOUTS.stepMs,
      'renderer query',
    );
  } finally {
    await page
      .context()
      .close()
      .catch(() => {});
  }
}

/** Closes a browser without letting a hung close stall the whole benchmark. */
export async function closeBrowser(browser: Browser | null): Promise<void> {
  if (!browser) return;
  await withTimeout(browser.close(), 30_000, 'browser close').catch(() => {
    // Playwright kills the browsers it launched when this process exits, so nothing is left behind.
  });
}
