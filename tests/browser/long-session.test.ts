// A long session in real Chromium: 10,000 hovers and 1,000 toggles must not grow the JS heap,
// the DOM or the event listeners beyond a stated bound (measured after forced garbage collection).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { openApp } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';

/** Allowed growth after the session, against a warmed-up baseline. Measured here: see the README. */
const BOUNDS = { heapBytes: 4 * 1024 * 1024, listeners: 10, nodes: 300 };

interface Counters {
  heapBytes: number;
  listeners: number;
  nodes: number;
}

async function counters(cdp: CDPSession): Promise<Counters> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heapBytes: value('JSHeapUsedSize'), listeners: value('JSEventListeners'), nodes: value('Nodes') };
}

/** `count` hovers through the app's hover handler, cycling over the items of the main layers and empty space. */
const hoverMany = (page: Page, count: number) =>
  page.evaluate(async (n) => {
    const atlas = window.__atlas!;
    const targets = ['provinces', 'partners', 'links', 'corridors', 'caspian-routes', 'places']
      .map((id) => ({ id, length: atlas.layerLength(id) }))
      .filter((t) => t.length > 0);
    for (let i = 0; i < n; i++) {
      const target = targets[i % targets.length]!;
      atlas.hover(target.id, i % 7 === 6 ? null : (i * 31) % target.length);
      if (i % 500 === 499) await new Promise(requestAnimationFrame);
    }
    atlas.hover('provinces', null);
  }, count);

/** `count` clicks on layer, corridor and sector checkboxes, each followed later by its opposite. */
const toggleMany = (page: Page, count: number) =>
  page.evaluate(async (n) => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>('#controls input[type=checkbox]')];
    for (let i = 0; i < n; i++) {
      boxes[Math.floor(i / 2) % boxes.length]!.click();
      if (i % 100 === 99) await new Promise(requestAnimationFrame);
    }
    return boxes.length;
  }, count);

const browser = useBrowser();

describe('a long session', () => {
  let page: Page;
  let cdp: CDPSession;
  beforeAll(async () => {
    page = (await openApp(browser(), `${inject('baseUrl')}?lang=fa`, { width: 1280, height: 800 })).page;
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
  });
  afterAll(async () => {
    await page?.close();
  });

  it('10,000 hovers and 1,000 toggles stay within the heap, DOM and listener bounds', async () => {
    // Warm-up: lazily built caches and the first hover card are not leaks.
    await hoverMany(page, 500);
    expect(await toggleMany(page, 100)).toBeGreaterThan(10);
    const before = await counters(cdp);

    await hoverMany(page, 10_000);
    await toggleMany(page, 1000);
    const after = await counters(cdp);

    const growth = {
      heapBytes: after.heapBytes - before.heapBytes,
      listeners: after.listeners - before.listeners,
      nodes: after.nodes - before.nodes,
    };
    console.info('long session growth', growth, 'baseline', before);
    expect(growth.heapBytes).toBeLessThan(BOUNDS.heapBytes);
    expect(growth.listeners).toBeLessThan(BOUNDS.listeners);
    expect(growth.nodes).toBeLessThan(BOUNDS.nodes);
    // The session really ran: the hover card and every layer are back to their starting state.
    expect(await page.evaluate(() => window.__atlas!.session().hover)).toBeNull();
    expect(await page.evaluate(() => Object.values(window.__atlas!.state().layers).every(Boolean))).toBe(true);
  });
});
