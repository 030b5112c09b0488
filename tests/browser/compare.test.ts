// Two periods side by side in real Chromium: a bad compare= gives its notice; with no dated rows the
// control says why it is off; a fixture of dated rows compared year against year draws one change arc per
// pair in the expected class, the legend counts them, the hover card states the change, and the URL
// holds the periods. One page load.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedPage } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';

const FIXTURE = path.resolve('tests/fixtures/compare/two-years.csv');
const browser = useBrowser();

/** Each pair's class, by gazetteer ids (Tehran IR-23, Fars IR-07, Gilan IR-01, East Azerbaijan IR-03, Razavi Khorasan IR-09). */
const EXPECTED = {
  'IR-23>KAZ': 'more',
  'IR-07>UZB': 'less',
  'IR-01>RUS': 'same',
  'IR-23>UZB': 'gone',
  'IR-09>KAZ': 'more', // mixed units: compared by rows, 1 → 2
  'IR-03>TKM': 'new',
};

type Pair = { originKey: string; destinationKey: string; kind: string; a: number; b: number };
const pairs = (page: Page) => page.evaluate(() => window.__atlas!.layerObjects('compare-arcs-1') as Pair[]);

describe('comparing two periods', () => {
  let opened: OpenedPage;
  let page: Page;
  beforeAll(async () => {
    opened = await openApp(
      browser(),
      `${inject('baseUrl')}?lang=en&compare=2024-01-01..2024-12-31~2024-06-01..2025-12-31`,
      {
        width: 1280,
        height: 800,
      },
    );
    page = opened.page;
  });
  afterAll(async () => {
    await page?.close();
  });

  it('drops a bad compare= with a notice, and is off until a dated file is imported', async () => {
    expect(await page.textContent('.notice[data-key="notice.badCompare"]')).toContain('may not overlap');
    expect(await page.evaluate(() => window.__atlas!.state().compare)).toBeNull();
    expect(new URL(page.url()).searchParams.get('compare')).toBeNull();
    await page.click('#controls-toggle');
    expect(await page.isDisabled('#compare-apply')).toBe(true);
    expect(await page.textContent('#compare-message')).toContain('Import a file with dated rows');
  });

  it('classes each pair and place of the fixture, counts them in the legend, and shows the change on hover', async () => {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    await page.evaluate(async (csv) => {
      await window.__atlas!.importFile(new File([csv], 'two-years.csv', { type: 'text/csv' }));
    }, text);
    await page.waitForFunction(() => window.__atlas!.layerLength('imported-flows-1') > 0);
    // The panel was rebuilt for the new dates: the control is on, its first guess is the halves of the range.
    await page.waitForFunction(() => !(document.querySelector('#compare-apply') as HTMLButtonElement).disabled);
    await page.fill('#compare-a-from', '2024-01-01');
    await page.fill('#compare-a-to', '2024-12-31');
    await page.fill('#compare-b-from', '2024-12-01'); // overlaps A: refused in words, nothing changes
    await page.fill('#compare-b-to', '2025-12-31');
    await page.click('#compare-apply');
    expect(await page.textContent('#compare-message')).toContain('overlap');
    expect(await page.evaluate(() => window.__atlas!.state().compare)).toBeNull();

    await page.fill('#compare-b-from', '2025-01-01');
    await page.click('#compare-apply');
    await page.waitForFunction(() => window.__atlas!.layerLength('compare-arcs-1') === 6);
    const drawn = await pairs(page);
    expect(Object.fromEntries(drawn.map((p) => [`${p.originKey}>${p.destinationKey}`, p.kind]))).toEqual(EXPECTED);
    // The imported layers give way to the change layers, and the URL holds the periods.
    expect(await page.evaluate(() => window.__atlas!.layerLength('imported-flows-1'))).toBe(-1);
    expect(new URL(page.url()).searchParams.get('compare')).toBe('2024-01-01..2024-12-31~2025-01-01..2025-12-31');
    expect(page.url()).toContain('compare=2024-01-01..2024-12-31~2025-01-01..2025-12-31');
    const places = await page.evaluate(() => window.__atlas!.layerObjects('compare-places-1') as { kind: string }[]);
    expect(places.map((p) => p.kind).sort()).toEqual([
      'less',
      'less',
      'more',
      'more',
      'more',
      'new',
      'new',
      'same',
      'same',
    ]);

    const legend = await page.textContent('#legend');
    for (const line of [
      'Change from period A to B',
      'new (only in B): 1',
      'more: 2',
      'about the same (within 1%): 1',
      'less: 1',
      'gone (only in A): 1',
      'Places: new (only in B) 2, more 3, about the same (within 1%) 2, less 2',
      'Pairs compared by number of rows (mixed units or rows without a value): 1',
    ])
      expect(legend).toContain(line);
    expect(legend).not.toContain('two-years.csv'); // the dataset's own entry gives way while comparing

    const index = drawn.findIndex((p) => p.originKey === 'IR-23' && p.destinationKey === 'KAZ');
    await page.evaluate((i) => window.__atlas!.hover('compare-arcs-1', i), index);
    await page.waitForSelector('#hover-card:not([hidden])');
    const card = await page.textContent('#hover-card');
    expect(card).toContain('Tehran → Kazakhstan');
    expect(card).toContain('more');
    expect(card).toContain('Period A (1 January 2024 – 31 December 2024): 100 tonnes');
    expect(card).toContain('Period B (1 January 2025 – 31 December 2025): 150 tonnes');
    expect(card).toContain('+50 tonnes (+50 %)');

    // The table's change column goes with its export, under its header and with its class.
    await page.evaluate(() => window.__atlas!.hover('compare-arcs-1', null));
    await page.click('#table-toggle');
    await page.waitForSelector('#table-panel th[data-column="change"]:not([hidden])');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toMatch(/,source,Change A→B,Change class \(new\/more\/same\/less\/gone\)$/);
    expect(csv).toMatch(/^Tehran,Kazakhstan,.*· more,more$/m);
    await page.click('#table-toggle');

    // A click on a change dot selects the imported place, as a click on its own dot would (Kazakhstan's: far
    // from the provinces, over the partner's shape).
    const kazakhstan = (
      await page.evaluate(
        () => window.__atlas!.layerObjects('compare-places-1') as { key: string; position: number[] }[],
      )
    ).find((p) => p.key === 'KAZ')!;
    const [x, y] = await page.evaluate(
      (lonLat) => window.__atlas!.project(lonLat as [number, number]),
      kazakhstan.position,
    );
    await page.mouse.click(x, y);
    await page.waitForFunction(() => window.__atlas!.state().selection?.kind === 'flow-place', undefined, {
      timeout: 60_000,
    });
    expect(await page.evaluate(() => window.__atlas!.state().selection)).toEqual({
      kind: 'flow-place',
      id: '1:14:KAZ',
    });

    await page.click('#compare-clear');
    await page.waitForFunction(() => window.__atlas!.layerLength('imported-flows-1') > 0);
    expect(await page.evaluate(() => window.__atlas!.layerLength('compare-arcs-1'))).toBe(-1);
    expect(new URL(page.url()).searchParams.get('compare')).toBeNull();
    expect(opened.errors).toEqual([]);
  });
});
