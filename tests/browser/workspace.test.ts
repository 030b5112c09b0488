// Workspaces in real Chromium: save the view and an import as a file, find the import kept in this browser
// after a reload (and forget it), open the workspace on a fresh page to the same state and data (from the
// dialog and dropped on the page), refuse a newer version keeping what is loaded; and the offline map: the
// single file, opened from file:// with the network blocked, saves itself with the data inside, and that file
// opens with the data on the map.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { openApp, type OpenedPage } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';

const CSV = path.resolve('tests/fixtures/import/flows-valid.csv');
const SINGLE = path.resolve('dist-single/index.html');
const SIZE = { width: 1280, height: 800 };
const browser = useBrowser();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-workspace-'));

const layerLength = (page: Page, id: string) => page.evaluate((layerId) => window.__atlas!.layerLength(layerId), id);
const state = (page: Page) => page.evaluate(() => window.__atlas!.state());
const datasets = (page: Page) =>
  page.evaluate(() =>
    window.__atlas!.session().datasets.map((d) => ({
      id: d.id,
      name: d.name,
      rows: d.rows.count,
      errors: d.errors.length,
      truncated: d.truncated,
      unknownSectors: d.unknownSectors,
    })),
  );
const drawn = async (page: Page) => [
  await layerLength(page, 'imported-flows-1'),
  await layerLength(page, 'imported-places-1'),
];

async function openDialog(page: Page): Promise<void> {
  if (!(await page.isVisible('#import-dialog'))) await page.click('#import-open');
  await page.waitForSelector('#workspace-save');
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForSelector('#import-dialog', { state: 'hidden' });
}

/** Clicks `selector` and saves the download it starts under tmp/. */
async function download(page: Page, selector: string): Promise<{ file: string; name: string }> {
  const [started] = (await Promise.all([page.waitForEvent('download'), page.click(selector)])) as [Download, void];
  const file = path.join(tmp, started.suggestedFilename());
  await started.saveAs(file);
  return { file, name: started.suggestedFilename() };
}

/** The state once the camera has stopped moving. */
async function settledState(page: Page) {
  let before = JSON.stringify(await state(page));
  for (;;) {
    await page.waitForTimeout(300);
    const now = JSON.stringify(await state(page));
    if (now === before) return JSON.parse(now) as Awaited<ReturnType<typeof state>>;
    before = now;
  }
}

describe('workspaces (served)', () => {
  let opened: OpenedPage;
  let page: Page;
  let saved: { file: string; name: string };
  let savedState: Awaited<ReturnType<typeof state>>;
  let savedData: Awaited<ReturnType<typeof datasets>>;
  let savedDrawn: number[];
  beforeAll(async () => {
    opened = await openApp(browser(), `${inject('baseUrl')}?lang=en&metric=links&time=2024-01-01..2025-12-31`, SIZE);
    page = opened.page;
  });
  afterAll(async () => {
    await page?.close();
  });

  it('saves the view and the imports as one file, and keeps the imports in this browser', async () => {
    await openDialog(page);
    await page.waitForSelector('#import-storage[data-storage="empty"]');
    await page.setInputFiles('#import-file', CSV);
    await page.waitForSelector('#import-summary');
    // Kept in this browser: the note says so.
    await page.waitForSelector('#import-storage[data-storage="kept"]');
    await closeDialog(page);
    // The layer panel starts folded to its button.
    if ((await page.getAttribute('#controls-toggle', 'aria-expanded')) !== 'true') await page.click('#controls-toggle');
    await page.click('#sectors-none');
    await page.click('#sector-steel-metals');
    await page.evaluate(() => window.__atlas!.select('KAZ'));
    savedState = await settledState(page);
    expect(savedState.selection).toEqual({ kind: 'partner', id: 'KAZ' });
    expect(savedState.metric).toBe('links');
    savedData = await datasets(page);
    expect(savedData).toHaveLength(1);
    savedDrawn = await drawn(page);
    expect(savedDrawn[0]).toBeGreaterThan(0);

    await openDialog(page);
    saved = await download(page, '#workspace-save');
    expect(saved.name).toMatch(/^corridor-atlas-\d{4}-\d{2}-\d{2}\.atlas\.json$/);
    const file = JSON.parse(fs.readFileSync(saved.file, 'utf8')) as Record<string, unknown>;
    expect(file['format']).toBe('corridor-atlas-workspace');
    expect(file['version']).toBe(1);
    expect(file['state']).toEqual(savedState);

    // The served build saves offline.html (the single file) with the workspace inside.
    const offline = await download(page, '#workspace-offline');
    const html = fs.readFileSync(offline.file, 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).toContain('<script type="application/json" id="atlas-workspace">{"format":"corridor-atlas-workspace"');
    expect(await page.textContent('#import-status')).toContain('Offline map saved');
  });

  it('brings the kept imports back after a reload, and forgets them when asked', async () => {
    await page.goto(`${inject('baseUrl')}?lang=en`);
    await page.waitForSelector('html[data-map-state="ready"]');
    await page.waitForFunction(() => window.__atlas!.session().datasets.length === 1);
    expect(await datasets(page)).toEqual(savedData);
    await openDialog(page);
    await page.waitForSelector('#import-storage[data-storage="kept"]');
    await page.click('#storage-forget');
    await page.waitForSelector('#import-storage[data-storage="empty"]');
    await page.goto(`${inject('baseUrl')}?lang=fa`);
    await page.waitForSelector('html[data-map-state="ready"]');
    await page.waitForTimeout(1000);
    expect(await datasets(page)).toEqual([]);
  });

  it('opens the workspace to the same state and data', async () => {
    expect((await state(page)).lang).toBe('fa');
    await openDialog(page);
    await page.setInputFiles('#workspace-file', saved.file);
    await page.waitForSelector('#workspace-opened');
    expect(await page.textContent('#workspace-opened')).toBe('Workspace opened: 1 imported datasets.');
    expect(await datasets(page)).toEqual(savedData);
    expect(await state(page)).toEqual(savedState);
    await page.waitForFunction((n) => window.__atlas!.layerLength('imported-flows-1') === n, savedDrawn[0]);
    expect(await drawn(page)).toEqual(savedDrawn);
    // The side panel shows the restored selection.
    expect(await page.textContent('#side-panel .panel-title')).toContain('Kazakhstan');
  });

  it('puts the camera where the workspace was saved', async () => {
    const center = await page.evaluate(() => window.__atlas!.view.map!.getCenter().toArray());
    const zoom = await page.evaluate(() => window.__atlas!.view.map!.getZoom());
    expect(center[0]).toBeCloseTo(savedState.view.center[0], 2);
    expect(center[1]).toBeCloseTo(savedState.view.center[1], 2);
    expect(zoom).toBeCloseTo(savedState.view.zoom, 1);
  });

  it('opens a workspace dropped on the page (a .json file recognised by its content)', async () => {
    await closeDialog(page);
    await page.evaluate(() => window.__atlas!.select(null));
    await page.waitForFunction(() => window.__atlas!.state().selection === null);
    const text = fs.readFileSync(saved.file, 'utf8');
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'shared.json', { type: 'application/json' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForFunction(() => window.__atlas!.state().selection?.id === 'KAZ');
    expect(await state(page)).toEqual(savedState);
    expect(await datasets(page)).toEqual(savedData);
  });

  it('refuses a newer version or a damaged file with a message, keeping what is loaded', async () => {
    const before = await state(page);
    const file = JSON.parse(fs.readFileSync(saved.file, 'utf8')) as Record<string, unknown>;
    const newer = path.join(tmp, 'newer.atlas.json');
    fs.writeFileSync(newer, JSON.stringify({ ...file, version: 2, datasets: 'something new' }));
    await openDialog(page);
    await page.setInputFiles('#workspace-file', newer);
    await page.waitForSelector('#workspace-error');
    expect(await page.textContent('#workspace-error')).toContain('newer version of Corridor Atlas (format 2');
    const damaged = path.join(tmp, 'damaged.atlas.json');
    fs.writeFileSync(damaged, fs.readFileSync(saved.file, 'utf8').replace(/"origins":"[^"]{8}/, '"origins":"'));
    await page.setInputFiles('#workspace-file', damaged);
    await page.waitForFunction(() => document.querySelector('#workspace-error')?.textContent?.includes('damaged'));
    expect(await state(page)).toEqual(before);
    expect(await datasets(page)).toEqual(savedData);
    expect(await drawn(page)).toEqual(savedDrawn);
    expect(opened.errors).toEqual([]);
  });
});

describe('offline map (single file)', () => {
  beforeAll(() => {
    if (!fs.existsSync(SINGLE))
      throw new Error('dist-single/index.html is missing: run `npm run build:single` first (npm test does).');
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('saves itself from file:// with the data inside, and that file opens with the data on the map', async () => {
    // Reduced motion, as openApp's pages: selecting Kazakhstan then moves the camera at once. With a flight, a
    // loaded machine's slow frames let the state look settled mid-flight, and the flows were counted at a zoom
    // (so a clustering) other than the one the saved view opens at.
    const context = await browser().newContext({
      viewport: { width: 1024, height: 600 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const errors: string[] = [];
    const watch = (page: Page) => {
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      return page;
    };
    try {
      const page = watch(await context.newPage());
      await page.goto(`${pathToFileURL(SINGLE).href}?lang=en&metric=facts`);
      await page.waitForSelector('html[data-map-state="ready"]', { timeout: 120_000 });
      await openDialog(page);
      // Opened from a file: nothing is kept in the browser, and the dialog says so.
      await page.waitForSelector('#import-storage[data-storage="file"]');
      await page.setInputFiles('#import-file', CSV);
      await page.waitForSelector('#import-summary');
      await page.evaluate(() => window.__atlas!.select('KAZ'));
      const before = await settledState(page);
      const data = await datasets(page);
      const flows = await layerLength(page, 'imported-flows-1');
      const offline = await download(page, '#workspace-offline');
      expect(offline.name).toMatch(/^corridor-atlas-offline-\d{4}-\d{2}-\d{2}\.html$/);
      await page.close();

      // The saved file: a second offline map, opened with no query string.
      const copy = watch(await context.newPage());
      await copy.goto(pathToFileURL(offline.file).href);
      await copy.waitForSelector('html[data-map-state="ready"]', { timeout: 120_000 });
      await copy.waitForFunction(() => window.__atlas!.session().datasets.length === 1);
      expect(await datasets(copy)).toEqual(data);
      // The view is checked in the served test: the camera moves only once the app hands imports its setView.
      expect({ ...(await state(copy)), view: null }).toEqual({ ...before, view: null });
      await copy.waitForFunction((n) => window.__atlas!.layerLength('imported-flows-1') === n, flows);
      expect(await copy.getAttribute('html', 'lang')).toBe('en');
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
