// Hostile and huge imports in real Chromium, on one page: markup in every field stays inert text
// (no element is made, no handler runs) and reads in its own direction; a 50 MB file built in the
// page imports in a worker (the progress bar moves while it parses) without losing the dataset
// before it; a file over the limit gets the localized size message and changes nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedPage } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { MESSAGES, tf } from '../../src/core/i18n/i18n.ts';

const browser = useBrowser();
const PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const NAME_PAYLOAD = '<img src=x onerror=window.__pwned=3>';
const ENGLISH = 'Tabriz hub';

/** An RFC 4180 line. */
const line = (cells: string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

const HOSTILE_CSV = [
  'id,origin,destination,value,unit,sector,date,label',
  line(['1', 'Tehran', 'KAZ', '10', 'USD', 'trade', '2025-01-01', PAYLOAD]),
  line(['2', 'Fars', 'TKM', '5', NAME_PAYLOAD, 'trade', '2025-01-02', SCRIPT]),
  line(['3', 'Gilan', 'UZB', '1', 'USD', '', '2025-01-03', 'ل'.repeat(3000)]),
  line(['4', 'Tehran', 'UZB', '1', 'USD', '', '2025-01-04', 'bell\u0007 esc\u001b[31m \u202Eevil\u202C\u2066 x\u2069']),
  line(['5', 'Tehran', 'KAZ', 'NaN', '', '', '', 'nan']),
  line(['6', 'Tehran', 'KAZ', 'Infinity', '', '', '', 'infinite']),
  line(['7', 'Tehran', 'KAZ', '-5', '', '', '', 'negative']),
  line(['8', '95, 50', 'KAZ', '1', '', '', '', 'north of the pole']),
  line(['9', 'Tehran', '10, 190', '1', '', '', '', 'east of the date line']),
  line(['1', 'Fars', 'KAZ', '1', '', '', '', 'duplicate id']),
  line(['10', NAME_PAYLOAD, 'KAZ', '1', '', '', '', 'markup origin']),
  line(['11', 'Tehran', 'KAZ', '2', '', '', '2025-01-05', ENGLISH]),
].join('\n');

/** Puts a File made in the page into the dialog's file input, as choosing it would. */
async function importInPage(page: Page, make: () => File): Promise<void> {
  if (!(await page.isVisible('#import-dialog'))) await page.click('#import-open');
  await page.waitForSelector('#import-file', { state: 'attached' });
  await page.evaluate(`(() => {
    const file = (${make.toString()})();
    const input = document.querySelector('#import-file');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
  })()`);
}

const layerLength = (page: Page, id: string) => page.evaluate((layerId) => window.__atlas!.layerLength(layerId), id);

describe('hostile imports', () => {
  let opened: OpenedPage;
  let page: Page;
  beforeAll(async () => {
    opened = await openApp(browser(), inject('baseUrl'), { width: 800, height: 450 }); // Persian, right to left
    page = opened.page;
    await page.evaluate(() => {
      // Every <img> or <script> the page gains from here on: the payloads must create none.
      const made: string[] = ((window as unknown as { __made: string[] }).__made = []);
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            for (const element of [node, ...node.querySelectorAll('img, script')]) {
              if (element.tagName === 'IMG' || element.tagName === 'SCRIPT')
                made.push(`${element.tagName} ${element.getAttribute('src') ?? element.textContent ?? ''}`);
            }
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('keeps markup inert and shows it as text, strips controls, isolates direction, reports bad rows', async () => {
    await importInPage(
      page,
      new Function(
        `return new File([${JSON.stringify(HOSTILE_CSV)}], ${JSON.stringify(`${NAME_PAYLOAD}\u202Ecsv.exe`)}, { type: 'text/csv' })`,
      ) as () => File,
    );
    await page.waitForSelector('#import-summary');
    expect(await page.textContent('#import-summary')).toBe(tf('fa', 'import.done', { rows: 5, errors: 7 }));
    expect(await page.textContent('#import-truncated')).toBe(tf('fa', 'import.truncated', { n: 1 }));
    const errorRows = await page.$$eval('#import-errors tbody tr', (rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent)),
    );
    const reasons = [
      'value-invalid',
      'value-invalid',
      'value-invalid',
      'coordinates-out-of-range',
      'coordinates-out-of-range',
      'duplicate-id',
      'origin-unknown',
    ];
    expect(errorRows.map((r) => r[1])).toEqual(
      reasons.map((r) => MESSAGES.fa[`import.reason.${r}` as keyof typeof MESSAGES.fa]),
    );
    expect(errorRows.map((r) => r[2])).toEqual(['NaN', 'Infinity', '-5', '95, 50', '10, 190', '1', NAME_PAYLOAD]);
    // The file's name: inert text, without the override that would have shown it as "exe.csv".
    expect(await page.textContent('#import-datasets li bdi')).toBe(`${NAME_PAYLOAD}csv.exe`);
    await page.keyboard.press('Escape');

    // The table: payloads literally, controls gone, and an English label isolated as left-to-right.
    await page.click('#table-toggle');
    await page.waitForSelector('#table-count');
    await page.selectOption('#table-kind', 'flow');
    const titles = await page.$$eval('#table-panel tbody tr td:nth-child(2) bdi', (cells) =>
      cells.map((c) => ({ text: c.textContent, direction: getComputedStyle(c).direction })),
    );
    expect(titles.map((t) => t.text)).toEqual([ENGLISH, 'bell esc[31m evil x', `${'ل'.repeat(499)}…`, SCRIPT, PAYLOAD]);
    expect(titles[0]?.direction).toBe('ltr');
    expect(titles[2]?.direction).toBe('rtl');
    expect(await page.$eval('#table-panel table', (table) => getComputedStyle(table).direction)).toBe('rtl');

    // The side panel of the payload row, and the legend entry of the file.
    await page.focus('#table-panel tbody tr:nth-child(5)'); // Enter chooses a row, as a click does
    await page.keyboard.press('Enter');
    await page.waitForSelector('#side-panel:not([hidden])');
    expect(await page.textContent('#side-panel .panel-title')).toBe(PAYLOAD);
    expect(
      await page.$$eval('.legend-group li span[dir="auto"]', (spans) => spans.map((s) => s.textContent)),
    ).toContain(`${NAME_PAYLOAD}csv.exe`);
    await page.click('#table-toggle');

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __made: string[] }).__made)).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    // Five good rows, drawn as arcs of their pairs (rows 1 and 11 share one; at this size places may cluster).
    expect(await page.evaluate(() => window.__atlas!.session().datasets[0]!.rows.count)).toBe(5);
    expect(await layerLength(page, 'imported-flows-1')).toBeGreaterThan(0);
  });

  it('imports a 50 MB file off the main thread, moving the progress bar and keeping the earlier dataset', async () => {
    // The file is built in the page before anything is measured, in 1 MB blobs so little garbage is
    // left for a collection to stall on later: mostly valid rows, one in a thousand with a bad value.
    await page.evaluate(() => {
      const origins = ['Tehran', 'Fars', 'Gilan', 'Isfahan', 'IR-03', 'Kerman', 'Mazandaran', 'Golestan'];
      const destinations = ['KAZ', 'TKM', 'UZB', 'Azerbaijan', 'Russia', 'KGZ', 'TJK', 'AFG', ''];
      const blobs = [new Blob(['id,origin,destination,value,unit,sector,date,label\n'])];
      let size = 0;
      for (let i = 0; size < 50 * 1024 * 1024;) {
        const rows: string[] = [];
        for (let k = 0; k < 16_000; k++, i++) {
          const value = i % 1000 === 999 ? 'NaN' : String((i * 7919) % 100_000);
          rows.push(
            `${i},${origins[i % 8]},${destinations[i % 9]},${value},USD,trade,2024-${String((i % 12) + 1).padStart(2, '0')}-15,Shipment ${i}\n`,
          );
        }
        const chunk = rows.join('');
        size += chunk.length;
        blobs.push(new Blob([chunk]));
      }
      (window as unknown as { __big: File }).__big = new File(blobs, 'big.csv', { type: 'text/csv' });
    });
    // Zoomed out, so the 860,000 arcs are short: software WebGL then draws them in seconds rather
    // than minutes (a cost of the GPU process, not of the main thread measured here).
    await page.evaluate(() => window.__atlas!.view.setView({ center: [56, 38], zoom: 1 }, false));
    await page.waitForTimeout(2000); // let the garbage of building it be collected before measuring
    const before = await layerLength(page, 'imported-flows-1');
    await page.evaluate(() => {
      const w = window as unknown as {
        __longTasks: number[];
        __progress: number[];
        __observer: PerformanceObserver;
        __renders: number;
      };
      w.__longTasks = [];
      w.__progress = [];
      w.__renders = Infinity;
      w.__observer = new PerformanceObserver((list) =>
        list.getEntries().forEach((entry) => w.__longTasks.push(Math.round(entry.duration))),
      );
      w.__observer.observe({ type: 'longtask' });
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('#import-progress');
        if (bar) w.__progress.push(bar.value);
      }).observe(document.querySelector('#import-dialog')!, {
        attributes: true,
        subtree: true,
        attributeFilter: ['value'],
      });
      // The summary shows in the task that hands the rows to the map: the frame after it draws them.
      const summary = new MutationObserver(() => {
        if (!document.querySelector('#import-summary')) return;
        w.__renders = window.__atlas!.view.renderCount();
        summary.disconnect();
      });
      summary.observe(document.querySelector('#import-dialog')!, { childList: true, subtree: true });
    });
    const started = Date.now();
    await importInPage(page, () => (window as unknown as { __big: File }).__big);
    await page.waitForSelector('#import-summary', { timeout: 120_000 });
    const seconds = (Date.now() - started) / 1000;
    // Until the frame that draws the new rows has run on the main thread (uploading their buffers is
    // main-thread work too). Not a later frame: software WebGL may take minutes to finish this one.
    expect(await layerLength(page, 'imported-flows-2')).toBeGreaterThan(0);
    await page.waitForFunction(
      () => window.__atlas!.view.renderCount() > (window as unknown as { __renders: number }).__renders,
      undefined,
      { polling: 100, timeout: 60_000 },
    );
    await page.waitForTimeout(300);
    const { longTasks, progress } = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[]; __progress: number[]; __observer: PerformanceObserver };
      w.__observer.disconnect();
      return { longTasks: w.__longTasks, progress: w.__progress };
    });
    const summary = await page.textContent('#import-summary');
    console.log(`50 MB import: ${seconds.toFixed(1)} s, ${summary}; long tasks (ms): ${JSON.stringify(longTasks)}`);
    // Durations are logged, not asserted: how long main-thread tasks take is the benchmark's job
    // (`npm run bench`, import rows), and a shared software-rendering machine makes any bound flaky
    // (a 250 ms bound failed at 250 ms under load). That the parse is off the main thread shows in
    // the progress bar, which could not move through several values if the parse held the thread.
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
    expect(new Set(progress).size).toBeGreaterThan(3);
    // Every row is kept; the map draws them merged, one arc per origin-destination pair.
    expect(await page.evaluate(() => window.__atlas!.session().datasets[1]!.rows.count)).toBeGreaterThan(700_000);
    expect(await layerLength(page, 'imported-flows-2')).toBeGreaterThan(0);
    expect(await page.$$eval('#import-datasets li', (items) => items.length)).toBe(2);
    expect(await layerLength(page, 'imported-flows-1')).toBe(before);
  }, 240_000);

  it('refuses a 65 MB file with the localized size message, keeping both datasets', async () => {
    await importInPage(page, () => new File([new Uint8Array(65 * 1024 * 1024)], 'too-big.csv', { type: 'text/csv' }));
    await page.waitForSelector('.import-error');
    expect(await page.textContent('.import-error')).toBe(MESSAGES.fa['import.failure.too-large']);
    expect(await page.$$eval('#import-datasets li', (items) => items.length)).toBe(2);
    expect(await page.evaluate(() => window.__atlas!.session().datasets[0]!.rows.count)).toBe(5);
    expect(await layerLength(page, 'imported-flows-1')).toBeGreaterThan(0);
    expect(await layerLength(page, 'imported-flows-2')).toBeGreaterThan(0);
    expect(opened.errors).toEqual([]);
  });
});
