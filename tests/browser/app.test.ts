// The app in real Chromium: offline, right-to-left Persian, hover names a province, language switch.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { canvasColourCount, hoverAt, launchChromium, openApp, type OpenedPage } from './chromium.ts';

const TABRIZ: [number, number] = [46.29, 38.08];
const SHIRAZ: [number, number] = [52.53, 29.61];
// In overlaid mode deck.gl draws on its own canvas above maplibre's.
const DECK_CANVAS = 'canvas:not(.maplibregl-canvas)';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('app, opened in Persian', () => {
  let opened: OpenedPage;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    opened = await openApp(browser, `${baseUrl}?lang=fa`);
  });
  afterAll(async () => {
    await opened?.page.close();
  });

  it('lays the page out right-to-left in Persian', async () => {
    expect(await opened.page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await opened.page.getAttribute('html', 'lang')).toBe('fa');
    expect(await opened.page.textContent('h1')).toBe('اطلس کریدورها');
  });

  it('draws the basemap on a non-blank WebGL canvas', async () => {
    expect(await canvasColourCount(opened.page, '.maplibregl-canvas')).toBeGreaterThan(5);
  });

  it('makes no request outside its own origin', () => {
    const origin = new URL(baseUrl).origin;
    const outside = opened.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(opened.requests.length).toBeGreaterThan(3);
    expect(outside).toEqual([]);
  });

  it('hovering a province highlights it and names it in Persian', async () => {
    const before = await canvasColourCount(opened.page, DECK_CANVAS);
    await hoverAt(opened.page, TABRIZ);
    expect(await opened.page.textContent('#tooltip .tooltip-title')).toBe('آذربایجان شرقی');
    expect(await opened.page.evaluate(() => window.__atlas!.state().hoveredId)).toBe('IR-03');
    const after = await canvasColourCount(opened.page, DECK_CANVAS);
    expect(after, 'the deck.gl canvas shows the highlight').toBeGreaterThan(before);
  });

  it('switches to English without reloading: direction flips and names follow', async () => {
    const { page } = opened;
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page.click('#lang-switch');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.textContent('h1')).toBe('Corridor Atlas');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await hoverAt(page, SHIRAZ);
    expect(await page.textContent('#tooltip .tooltip-title')).toBe('Fars');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('logs no errors', () => {
    expect(opened.errors).toEqual([]);
  });
});

describe('app, opened with a bad language parameter', () => {
  it('falls back to Persian and says so in Persian', async () => {
    const { page, errors } = await openApp(browser, `${inject('baseUrl')}?lang=%3Cimg%20src%3Dx%3E`);
    try {
      expect(await page.getAttribute('html', 'lang')).toBe('fa');
      expect(await page.textContent('.notice[data-key="notice.badLang"] span')).toContain('زبان');
      expect(await page.locator('img').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
