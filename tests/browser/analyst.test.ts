// Analysts' tools in real Chromium: a 100,000-row import in the worker with progress, the time
// filter on imported rows, a broken file's row report (nothing already loaded is lost), the table
// in sync with the map, an export that re-imports, and the measure tool.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedPage } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { makeFlowsCsv } from '../fixtures/import/make-large-csv.ts';

const FIXTURES = path.resolve('tests/fixtures/import');
const SIZE = { width: 1280, height: 800 };
const browser = useBrowser();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-import-'));

const layerLength = (page: Page, id: string) => page.evaluate((layerId) => window.__atlas!.layerLength(layerId), id);

async function importFile(page: Page, file: string): Promise<void> {
  if (!(await page.isVisible('#import-dialog'))) await page.click('#import-open');
  await page.waitForSelector('#import-file', { state: 'attached' });
  await page.setInputFiles('#import-file', file);
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForSelector('#import-dialog', { state: 'hidden' });
}

describe('analysts', () => {
  let opened: OpenedPage;
  let page: Page;
  beforeAll(async () => {
    opened = await openApp(browser(), `${inject('baseUrl')}?lang=en`, SIZE);
    page = opened.page;
  });
  afterAll(async () => {
    await page?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports 100,000 rows in a worker with a progress bar, and draws them', async () => {
    // A page of its own: software WebGL takes seconds a frame for this many arcs, and closing the
    // page is the quickest way to stop drawing them.
    const big = await openApp(browser(), `${inject('baseUrl')}?lang=en`, { width: 640, height: 400 });
    try {
      const file = path.join(tmp, 'flows-100k.csv');
      fs.writeFileSync(file, makeFlowsCsv(100_000));
      await importFile(big.page, file);
      await big.page.waitForSelector('#import-progress');
      await big.page.waitForSelector('#import-summary', { timeout: 90_000 });
      expect(await big.page.textContent('#import-summary')).toMatch(/^100,000 rows imported, 0 skipped/);
      const flows = await layerLength(big.page, 'imported-flows-1');
      const places = await layerLength(big.page, 'imported-places-1');
      // One arc per pair of places (or of clusters at this window's zoom), not per row.
      expect(await big.page.evaluate(() => window.__atlas!.session().datasets[0]!.rows.count)).toBe(100_000);
      expect(flows).toBeGreaterThan(0);
      expect(places).toBeGreaterThan(0);
      expect(big.errors).toEqual([]);
    } finally {
      await big.page.close();
    }
  });

  it('filters imported rows by sector, and reports the rows a broken file skips, keeping what was loaded', async () => {
    await importFile(page, path.join(FIXTURES, 'flows-valid.csv'));
    await page.waitForSelector('#import-summary');
    await closeDialog(page);
    const flows = await layerLength(page, 'imported-flows-1');
    expect(flows).toBeGreaterThan(3);
    await page.click('#controls-toggle'); // the layer panel starts folded to its button
    await page.click('#sectors-none');
    await page.waitForFunction(() => window.__atlas!.layerLength('imported-flows-1') === 0);
    await page.click('#sector-steel-metals');
    await page.waitForFunction(() => window.__atlas!.layerLength('imported-flows-1') === 1);
    await page.click('#sectors-all');
    await page.waitForFunction((n) => window.__atlas!.layerLength('imported-flows-1') === n, flows);
    await page.click('#controls-toggle');

    await importFile(page, path.join(FIXTURES, 'flows-unknown-places.csv'));
    await page.waitForSelector('#import-summary');
    const errorRows = await page.$$eval('#import-errors tbody tr', (rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent)),
    );
    expect(errorRows.length).toBeGreaterThan(3);
    expect(errorRows.map((r) => r[1])).toContain('Origin not recognised');
    expect(errorRows.every((r) => /^\d+$/.test(r[0]!))).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#import-report-download')]);
    const report = fs.readFileSync((await download.path())!, 'utf8');
    expect(report.split('\r\n')[0]).toBe('\uFEFFrow,reason,text');
    expect(report.trim().split('\r\n')).toHaveLength(errorRows.length + 1);

    // A binary file: one clear message, and both datasets are still listed and drawn.
    await importFile(page, path.join(FIXTURES, 'binary.csv'));
    await page.waitForSelector('.import-error');
    expect(await page.textContent('.import-error')).toMatch(/not text/);
    expect(await page.$$eval('#import-datasets li', (items) => items.length)).toBe(2);
    await closeDialog(page);
    expect(await layerLength(page, 'imported-flows-1')).toBe(flows);
    expect(await layerLength(page, 'imported-flows-2')).toBeGreaterThan(0);
  });

  it('keeps the table and the map in step, and exports rows that re-import', async () => {
    await page.click('#table-toggle');
    await page.waitForSelector('#table-count');
    await page.selectOption('#table-kind', 'link');
    const link = await page.getAttribute('.records tbody tr:first-child', 'data-key');
    await page.click('.records tbody tr:first-child');
    expect(await page.evaluate(() => window.__atlas!.state().selection)).toEqual({
      kind: 'link',
      id: link!.slice('link:'.length),
    });
    expect(await page.getAttribute('.records tbody tr:first-child', 'aria-selected')).toBe('true');

    // The other way: select a province on the map; its facts are marked in the table.
    await page.selectOption('#table-kind', 'fact');
    await page.evaluate(() => window.__atlas!.select('IR-03'));
    await page.waitForSelector('.records tbody tr[aria-selected="true"]');

    // Export what the table shows for East Azerbaijan, and import it back.
    await page.selectOption('#table-kind', '');
    await page.selectOption('#table-province', 'IR-03');
    const shown = Number((await page.textContent('#table-count'))!.match(/of ([\d,]+)/)![1]!.replace(/,/g, ''));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
    const exported = path.join(tmp, 'exported.csv');
    await download.saveAs(exported);
    await importFile(page, exported);
    await page.waitForSelector('#import-summary');
    expect(await page.textContent('#import-summary')).toBe(`${shown} rows imported, 0 skipped.`);
    expect(opened.errors).toEqual([]);
  });

  it('measures great-circle distances between clicked points', async () => {
    await closeDialog(page);
    await page.click('#table-toggle'); // close the table and the side panel so the map takes the clicks
    await page.evaluate(() => {
      window.__atlas!.select(null);
      window.__atlas!.view.setView({ center: [56, 36], zoom: 4.5 }, false);
    });
    await page.click('#measure-toggle');
    await page.waitForSelector('#measure-readout', { state: 'visible' }); // the tool loads on first use
    for (const lonLat of [
      [51.39, 35.69],
      [59.6, 36.3],
    ] as [number, number][]) {
      const [x, y] = await page.evaluate((p) => window.__atlas!.project(p), lonLat);
      await page.mouse.click(x, y);
    }
    // Tehran to Mashhad: about 740 km.
    const total = await page.textContent('#measure-total');
    expect(total).toMatch(/^Total [\d,]+ km$/);
    const km = Number(total!.match(/([\d,]+) km/)![1]!.replace(/,/g, ''));
    expect(km).toBeGreaterThan(700);
    expect(km).toBeLessThan(780);
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#measure-readout')).toBe(true);
  });
});
