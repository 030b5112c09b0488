// The presenter's offline fallback: dist-single/index.html opened from file:// with every network
// request blocked renders the map, its data and a story, and imports a file.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { canvasColourCount } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';

const FILE = path.resolve('dist-single/index.html');

const browser = useBrowser();
beforeAll(() => {
  if (!fs.existsSync(FILE))
    throw new Error('dist-single/index.html is missing: run `npm run build:single` first (npm test does).');
});

describe('single offline file', () => {
  it('is one HTML file with nothing beside it', () => {
    expect(fs.readdirSync('dist-single')).toEqual(['index.html']);
  });

  it('works from file:// with the network blocked: map, data, panels and stories', async () => {
    const context = await browser().newContext({ viewport: { width: 1024, height: 600 }, deviceScaleFactor: 1 });
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    try {
      await page.goto(`${pathToFileURL(FILE).href}?lang=en&select=IR-03&story=steel-mining&scene=2`);
      await page.waitForSelector('html[data-map-state="ready"]', { timeout: 120_000 });
      expect(await canvasColourCount(page, '.maplibregl-canvas')).toBeGreaterThan(20);
      expect(await page.getAttribute('#story-bar', 'data-scene')).toBe('2');
      expect(await page.textContent('#side-panel .panel-title')).toContain('Uzbekistan');
      expect((await page.evaluate(() => window.__atlas!.layerData('links'))).length).toBeGreaterThan(0);
      // Importing works offline too: the worker and the gazetteer are inlined.
      await page.keyboard.press('Escape'); // leave the story
      await page.click('#import-open');
      await page.setInputFiles('#import-file', path.resolve('tests/fixtures/import/flows-valid.csv'));
      await page.waitForSelector('#import-summary');
      expect(await page.textContent('#import-summary')).toMatch(/^\d+ rows imported/);
      expect(await page.evaluate(() => window.__atlas!.layerLength('imported-flows-1'))).toBeGreaterThan(0);
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
