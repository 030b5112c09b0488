// JS byte accounting for one page: raw and gzip -9 size of every script it loads, workers included.
import zlib from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import type { JsBytes } from './types.ts';

/** A script response as it arrived, before it is placed relative to `readyAt`. */
interface Seen {
  url: string;
  raw: number;
  gzip: number;
  /** Epoch ms when the request started (the browser's clock), or when we saw it. */
  startedEpochMs: number;
}

/** Scripts by resource type, or by file name: a worker's main script is typed "other", not "script". */
function isScript(response: Response): boolean {
  const path = response.url().split(/[?#]/)[0] ?? '';
  return response.request().resourceType() === 'script' || /\.m?js$/.test(path);
}

/** Collects script responses of `page` (and of its dedicated workers, whose requests Playwright reports on the page). */
export class ScriptWatcher {
  private readonly seen: Seen[] = [];
  private readonly pending: Promise<void>[] = [];
  private readonly unreadable: string[] = [];
  private readonly blobWorkers: string[] = [];

  constructor(page: Page) {
    page.on('response', (response) => {
      if (!isScript(response) || response.status() >= 300) return;
      this.pending.push(this.record(response));
    });
    // A worker started from a blob: URL has no response of its own; its code is counted in the script that made it.
    page.on('worker', (worker) => {
      if (worker.url().startsWith('blob:')) this.blobWorkers.push(worker.url());
    });
  }

  private async record(response: Response): Promise<void> {
    const url = response.url();
    try {
      const body = await response.body();
      const timing = response.request().timing();
      this.seen.push({
        url,
        raw: body.length,
        // Level 9 as in the reference harness: an upper bound on what a static host would serve.
        gzip: zlib.gzipSync(body, { level: 9 }).length,
        startedEpochMs: timing.startTime > 0 ? timing.startTime : Date.now(),
      });
    } catch (error) {
      this.unreadable.push(`${url}: ${String(error).slice(0, 200)}`);
    }
  }

  /**
   * Waits for the bodies still being read, then splits the scripts into those requested before
   * ready (initial) and after (lazy). `timeOrigin` and `readyAt` come from the page, so both sides
   * of the comparison use the browser's clock.
   */
  async summary(timeOrigin: number | null, readyAt: number | null): Promise<JsBytes> {
    await Promise.allSettled(this.pending);
    const files = this.seen.map((s) => {
      const requestedAt = timeOrigin == null ? null : s.startedEpochMs - timeOrigin;
      const initial = requestedAt == null || readyAt == null || requestedAt <= readyAt;
      return { url: s.url.replace(/^https?:\/\/[^/]+/, ''), raw: s.raw, gzip: s.gzip, requestedAt, initial };
    });
    const sum = (initial: boolean, key: 'raw' | 'gzip') =>
      files.filter((f) => f.initial === initial).reduce((total, f) => total + f[key], 0);
    return {
      initialRaw: sum(true, 'raw'),
      initialGzip: sum(true, 'gzip'),
      lazyRaw: sum(false, 'raw'),
      lazyGzip: sum(false, 'gzip'),
      files,
      blobWorkers: [...this.blobWorkers],
      unreadable: [...this.unreadable],
    };
  }
}
