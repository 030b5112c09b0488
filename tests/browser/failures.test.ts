// Failures in real Chromium: no WebGL (a clear message, a still picture, the table and selection
// still work), a lost and restored WebGL context (the map comes back as it was), and resizes of the
// window, the map's container (to nothing and back), an embedding iframe and the pixel ratio, and a
// part loaded on demand whose chunk cannot be fetched.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasColourCount, openApp, type OpenedPage } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
const SIZE = { width: 800, height: 450 };

/** The map canvas scaled to a fixed small size, as RGBA bytes: frames at different pixel ratios compare. */
const frame = (page: Page): Promise<number[]> =>
  page.evaluate(() => {
    const source = document.querySelector<HTMLCanvasElement>('#map canvas')!;
    const copy = document.createElement('canvas');
    copy.width = 200;
    copy.height = 120;
    const context = copy.getContext('2d')!;
    context.drawImage(source, 0, 0, copy.width, copy.height);
    return [...context.getImageData(0, 0, copy.width, copy.height).data];
  });

/** Share of pixels (0–1) where two frames differ by more than 40 in some channel: an edge softened by a sharper ratio does not count. */
const difference = (a: number[], b: number[]): number => {
  let changed = 0;
  for (let i = 0; i < a.length; i += 4) {
    if ([0, 1, 2, 3].some((c) => Math.abs(a[i + c]! - b[i + c]!) > 40)) changed += 1;
  }
  return changed / (a.length / 4);
};

const renderCount = (page: Page) => page.evaluate(() => window.__atlas!.view.renderCount());
const canvasSize = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#map canvas')!;
    return { width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth, cssHeight: canvas.clientHeight };
  });

describe('without WebGL', () => {
  it('says why, shows a still picture, and the table, search and selection still work', async () => {
    const page = await browser().newPage({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // As in a browser with WebGL switched off: no WebGL context of any kind.
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/i.test(type) ? null : getContext.call(this, type as '2d', ...(rest as []));
      } as typeof getContext;
    });
    try {
      await page.goto(`${baseUrl}?lang=en`);
      await page.waitForSelector('html[data-map-state="static"]', { timeout: 60_000 });
      expect(await page.isVisible('.static-map-message')).toBe(true);
      expect(await page.textContent('.static-map-message')).toMatch(/WebGL is unavailable.*Table/);
      expect(await page.locator('.static-map path[data-kind="province"]').count()).toBe(31);
      expect(await page.locator('.static-map path[data-kind="corridor"]').count()).toBeGreaterThan(5);
      expect(await page.getAttribute('.static-map svg', 'role')).toBe('img');
      expect(await page.isVisible('#export-png')).toBe(false);

      // The table lists, filters and searches the data, and a row selects on the picture.
      await page.click('#table-toggle');
      await page.waitForSelector('#table-panel tbody tr[data-index]');
      // The rows are virtual (only those in view exist): the table's aria-rowcount, header row included, says
      // how many it lists.
      const listed = () => page.$eval('#table-panel table', (t) => Number(t.getAttribute('aria-rowcount')) - 1);
      const listedBelow = (n: number) =>
        page.waitForFunction(
          (max) => Number(document.querySelector('#table-panel table')!.getAttribute('aria-rowcount')) - 1 < max,
          n,
        );
      const all = await listed();
      expect(all).toBeGreaterThan(20);
      await page.selectOption('#table-kind', 'fact');
      await page.selectOption('#table-province', 'IR-03');
      await listedBelow(all);
      const filtered = await listed();
      expect(filtered).toBeGreaterThan(1);
      await page.fill('#table-text', 'car');
      await listedBelow(filtered);
      await page.click('#table-panel tbody tr[data-index]');
      await page.waitForFunction(() => window.__atlas!.state().selection?.id === 'IR-03');
      expect(await page.evaluate(() => window.__atlas!.state().selection)).toEqual({ kind: 'province', id: 'IR-03' });
      const selected = page.locator('.static-map path[data-selected]');
      expect(await selected.count()).toBe(1);
      expect(await selected.getAttribute('data-id')).toBe('IR-03');
      expect(await page.textContent('#static-map-title')).toContain('selected: East Azerbaijan');
      expect(await page.isVisible('#side-panel')).toBe(true);
      await page.click('#table-toggle');

      // The header search selects too, and the picture follows; the language switch relabels it.
      await page.fill('#search', 'Golestan');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.querySelector('.static-map path[data-selected]')?.getAttribute('data-id') === 'IR-27',
      );
      await page.click('#lang-switch');
      expect(await page.textContent('.static-map-message')).toContain('WebGL در دسترس نیست');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('a lost WebGL context, and resizes', () => {
  let opened: OpenedPage;
  let page: Page;
  beforeAll(async () => {
    // A selection, a sector filter and fewer layers: all must survive the lost context.
    opened = await openApp(
      browser(),
      `${baseUrl}?lang=en&select=IR-03&sectors=steel-metals,automotive&layers=provinces,corridors,links,places&view=52,35,4`,
      SIZE,
    );
    page = opened.page;
  });
  afterAll(async () => {
    await page?.close();
  });

  it('says so while the context is lost, and draws the same map, layers and selection once it is back', async () => {
    const before = await frame(page);
    const state = await page.evaluate(() => JSON.stringify(window.__atlas!.state()));
    await page.evaluate(() => {
      const gl = document.querySelector<HTMLCanvasElement>('#map canvas')!.getContext('webgl2')!;
      const lose = gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { lose: WEBGL_lose_context }).lose = lose;
      lose.loseContext();
    });
    await page.waitForSelector('html[data-map-state="lost"]');
    expect(await page.isVisible('#status')).toBe(true);
    expect(await page.textContent('#status')).toBe("The map's graphics were interrupted; redrawing…");
    const renders = await renderCount(page);
    await page.evaluate(() => (window as unknown as { lose: WEBGL_lose_context }).lose.restoreContext());
    await page.waitForSelector('html[data-map-state="ready"]', { timeout: 60_000 });
    expect(await renderCount(page)).toBeGreaterThan(renders);
    expect(await page.isVisible('#status')).toBe(false);
    expect(await canvasColourCount(page, '#map canvas')).toBeGreaterThan(100);
    // deck.gl's layers are drawn again where they were: without them the frame differs a lot.
    const after = await frame(page);
    console.log('restored difference', difference(before, after));
    expect(difference(before, after)).toBeLessThan(0.02);
    expect(await page.evaluate(() => JSON.stringify(window.__atlas!.state()))).toBe(state);
    expect(opened.errors).toEqual([]);
  });

  it('follows the window, and a container shrunk to nothing and back', async () => {
    await page.setViewportSize({ width: 960, height: 540 });
    await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('#map canvas')!.width === 960);
    expect(await canvasSize(page)).toEqual({ width: 960, height: 540, cssWidth: 960, cssHeight: 540 });

    await page.evaluate(() => Object.assign(document.getElementById('map')!.style, { width: '0px', height: '0px' }));
    await page.waitForTimeout(500);
    const renders = await renderCount(page);
    await page.evaluate(() => Object.assign(document.getElementById('map')!.style, { width: '', height: '' }));
    await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('#map canvas')!.clientWidth === 960);
    await page.waitForFunction((n) => window.__atlas!.view.renderCount() > n, renders);
    expect(await canvasSize(page)).toEqual({ width: 960, height: 540, cssWidth: 960, cssHeight: 540 });
    expect(await canvasColourCount(page, '#map canvas')).toBeGreaterThan(100);
    expect(opened.errors).toEqual([]);
  });

  it('redraws at a new pixel ratio (another screen) with the layers still on the basemap', async () => {
    const atOne = await page
      .evaluate(() => {
        const map = window.__atlas!.view.map;
        map.triggerRepaint();
        return new Promise<void>((resolve) => map.once('idle', () => resolve()));
      })
      .then(() => frame(page));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 960,
      height: 540,
      deviceScaleFactor: 2,
      mobile: false,
    });
    // Headless Chromium re-evaluates media queries (and so reports the new resolution) only when
    // something asks it to; a real move to another screen does so by itself.
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'light' }] });
    await page.waitForFunction(
      () => document.querySelector<HTMLCanvasElement>('#map canvas')!.width === 1920,
      undefined,
      { timeout: 30_000 },
    );
    await page.evaluate(() => window.__atlas!.view.ready);
    expect(await canvasSize(page)).toEqual({ width: 1920, height: 1080, cssWidth: 960, cssHeight: 540 });
    // Sharper, but the same picture: deck.gl's layers left at the old ratio would sit half-size in a corner.
    const change = difference(atOne, await frame(page));
    console.log('dpr difference', change);
    expect(change).toBeLessThan(0.05);
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await cdp.detach();
    expect(opened.errors).toEqual([]);
  });

  it('follows an embedding iframe resized by its page', async () => {
    const host = await browser().newPage({
      viewport: { width: 900, height: 600 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    try {
      await host.setContent(
        `<iframe id="embed" title="atlas" src="${baseUrl}?embed=1&lang=en" style="width: 480px; height: 320px; border: 0"></iframe>`,
      );
      const inner = (await (await host.waitForSelector('#embed')).contentFrame())!;
      await inner.waitForSelector('html[data-map-state="ready"]', { timeout: 120_000 });
      const size = () =>
        inner.evaluate(() => [
          document.querySelector<HTMLCanvasElement>('#map canvas')!.width,
          document.querySelector<HTMLCanvasElement>('#map canvas')!.clientHeight,
        ]);
      expect(await size()).toEqual([480, 320]);
      await host.evaluate(() =>
        Object.assign(document.getElementById('embed')!.style, { width: '640px', height: '400px' }),
      );
      // A loaded two-core machine takes over the default 30 s to lay out and redraw the resized frame.
      await inner.waitForFunction(() => document.querySelector<HTMLCanvasElement>('#map canvas')!.width === 640, null, {
        timeout: 120_000,
      });
      expect(await size()).toEqual([640, 400]);
    } finally {
      await host.close();
    }
  });
});

describe('a part loaded on demand that cannot load', () => {
  it('closes the Slides & images menu with a notice, and opens it once the part loads again', async () => {
    const { page } = await openApp(browser(), `${baseUrl}?lang=en`, SIZE);
    try {
      // As if the network went away after the page loaded: the menu's own chunk cannot be fetched.
      const menuChunk = /\/assets\/menu-[^/]*\.js$/;
      await page.route(menuChunk, (route) => route.abort());
      await page.click('#story-export');
      await page.waitForFunction(() => document.querySelector('#notices')?.textContent?.includes('could not be made'));
      expect(await page.isHidden('#story-export-menu')).toBe(true);
      await page.unroute(menuChunk);
      await page.click('#story-export');
      await page.waitForSelector('#story-export-menu [data-export="view-pptx"]');
    } finally {
      await page.close();
    }
  });
});
