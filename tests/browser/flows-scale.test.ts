// Flows at scale in real Chromium: 20,000 imported rows between 40 places drawn as one arc per pair at the
// zoom the atlas opens at, merged between clusters of places when zoomed out to continent scale, a pair's
// hover card counting the rows behind it, and a province's selection keeping only its pairs strong.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedPage } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';

const browser = useBrowser();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-flows-'));
const PROVINCES = Array.from({ length: 31 }, (_, i) => `IR-${String(i).padStart(2, '0')}`);
const PARTNERS = ['KAZ', 'UZB', 'TKM', 'KGZ', 'TJK', 'AFG', 'AZE', 'RUS', 'CHN'];
const PAIRS = PROVINCES.length * PARTNERS.length; // 279
const ROWS = 20_000;

/** Row i runs from province i mod 31 to partner (i div 31) mod 9: every pair, 71 or 72 rows each, 1 USD a row. */
function flowsCsv(): string {
  const lines = ['origin,destination,value,unit,label'];
  for (let i = 0; i < ROWS; i++) {
    const pair = i % PAIRS;
    lines.push(`${PROVINCES[pair % 31]},${PARTNERS[Math.floor(pair / 31)]},1,USD,shipment ${i}`);
  }
  return lines.join('\n');
}

const arcs = (page: Page) => page.evaluate(() => window.__atlas!.layerLength('imported-flows-1'));

describe('flows at scale', () => {
  let opened: OpenedPage;
  let page: Page;
  beforeAll(async () => {
    opened = await openApp(browser(), `${inject('baseUrl')}?lang=en`, { width: 1280, height: 800 });
    page = opened.page;
    const file = path.join(tmp, 'flows-20k.csv');
    fs.writeFileSync(file, flowsCsv());
    const started = Date.now();
    await page.evaluate(
      async (csv) => {
        await window.__atlas!.importFile(new File([csv], 'flows-20k.csv', { type: 'text/csv' }));
      },
      fs.readFileSync(file, 'utf8'),
    );
    console.log(`20,000 rows imported and on the map in ${Date.now() - started} ms`);
  });
  afterAll(async () => {
    await page?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('draws one arc per pair at the opening zoom, and its card counts the rows behind it', async () => {
    // The atlas opens at about zoom 3.6 in this window (bucket 14, quarter levels): every place its own end.
    expect(await page.evaluate(() => window.__atlas!.session().zoomBucket)).toBeGreaterThanOrEqual(14);
    expect(await arcs(page)).toBe(PAIRS);
    expect(await page.evaluate(() => window.__atlas!.layerLength('imported-nodes-1'))).toBe(40);
    // Pair 0 (Markazi → Kazakhstan) has rows 0, 279, 558, ...: 72 of them; pair 200 has 71.
    await page.evaluate(() => window.__atlas!.hover('imported-flows-1', 0));
    await page.waitForSelector('#hover-card:not([hidden])');
    const card = await page.textContent('#hover-card');
    expect(card).toContain('Markazi → Kazakhstan');
    expect(card).toContain('72 USD (72 rows)');
    expect(card).toContain('shipment 0');
    expect(card).toContain('shipment 279');
    await page.evaluate(() => window.__atlas!.hover('imported-flows-1', 200));
    await page.waitForFunction(() => document.querySelector('#hover-card')!.textContent!.includes('(71 rows)'));
    await page.evaluate(() => window.__atlas!.hover('imported-flows-1', null));
  });

  it('merges pairs between clusters of places when zoomed out to continent scale', async () => {
    // As far out as the region's extent allows in this window (about zoom 3.4).
    await page.evaluate(() => window.__atlas!.view.setView({ center: [60, 40], zoom: 1.5 }, false));
    await page.waitForFunction(() => window.__atlas!.session().zoomBucket! < 14);
    await page.waitForFunction((n) => window.__atlas!.layerLength('imported-flows-1') < n, PAIRS);
    const clustered = await arcs(page);
    expect(clustered).toBeGreaterThan(0);
    await page.evaluate(() => window.__atlas!.hover('imported-flows-1', 0));
    await page.waitForSelector('#hover-card:not([hidden])');
    const card = (await page.textContent('#hover-card'))!;
    expect(card).toMatch(/more places/);
    expect(card).toContain('From');
    await page.evaluate(() => window.__atlas!.hover('imported-flows-1', null));
  });

  it('keeps only the pairs of a selected province strong, and lists the flows through it', async () => {
    await page.evaluate(() => window.__atlas!.select('IR-01'));
    await page.waitForSelector('#side-panel:not([hidden])');
    await page.evaluate(() => window.__atlas!.view.setView({ center: [55, 36], zoom: 4.5 }, false));
    await page.waitForFunction(() => window.__atlas!.session().zoomBucket === 18);
    await page.waitForFunction((n) => window.__atlas!.layerLength('imported-flows-1') === n, PAIRS);
    await page.waitForFunction(() => {
      const colours = window.__atlas!.layerAttribute('imported-flows-1', 'getTargetColor') ?? [];
      return colours.some((_, i) => i % 4 === 3 && colours[i]! < 100);
    });
    const colours = (await page.evaluate(() => window.__atlas!.layerAttribute('imported-flows-1', 'getTargetColor')))!;
    const strong = colours.filter((alpha, i) => i % 4 === 3 && alpha > 100).length;
    expect(strong).toBe(PARTNERS.length); // Gilan's nine pairs
    const panel = (await page.textContent('#side-panel'))!;
    expect(panel).toContain('Imported flows through here');
    expect(panel).toContain('rows out: 646, in: 0'); // 7 pairs of 72 rows, 2 of 71
    // Esc, or nothing selected: everything at full strength again.
    await page.evaluate(() => window.__atlas!.select(null));
    await page.waitForFunction(() => {
      const colours = window.__atlas!.layerAttribute('imported-flows-1', 'getTargetColor') ?? [];
      return colours.every((alpha, i) => i % 4 !== 3 || alpha > 100);
    });
  });
});
