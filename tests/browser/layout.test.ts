// Map first: how much of the window the map shows (points sampled with elementFromPoint, free when
// the element there is part of the map), with the default panels, a selection and in embeds, in
// both languages; and, in the default view, both ends of every arc inside that free part.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';

const browser = useBrowser();

/** Share of a 20 px grid of the window where the map is what the pointer would reach. */
const freeShare = (page: Page) =>
  page.evaluate(() => {
    const map = document.getElementById('map')!;
    let [free, total] = [0, 0];
    for (let x = 5; x < innerWidth; x += 20)
      for (let y = 5; y < innerHeight; y += 20) {
        total += 1;
        const element = document.elementFromPoint(x, y);
        if (element && map.contains(element)) free += 1;
      }
    return free / total;
  });

/** Arc ends (provinces, Iran as a whole, partners' capitals) projected on screen, and whether the map is free there. */
const arcEnds = (page: Page) =>
  page.evaluate(async () => {
    const atlas = (await (await fetch('data/atlas.json')).json()) as {
      links: { id: string; sourcePosition: [number, number]; targetPosition: [number, number] | null }[];
    };
    const map = document.getElementById('map')!;
    return atlas.links.flatMap((link) =>
      [link.sourcePosition, link.targetPosition].flatMap((lonLat) => {
        if (!lonLat) return [];
        const [x, y] = window.__atlas!.project(lonLat);
        const box = map.getBoundingClientRect();
        const element = document.elementFromPoint(box.left + x, box.top + y);
        return [{ link: link.id, lonLat, free: Boolean(element && map.contains(element)) }];
      }),
    );
  });

const CASES = [
  { name: 'default', query: '', size: { width: 1280, height: 800 }, least: 0.8 },
  { name: 'a province selected', query: '&select=IR-03', size: { width: 1280, height: 800 }, least: 0.65 },
  { name: 'an 800×450 embed', query: '&embed=1', size: { width: 800, height: 450 }, least: 0.9 },
  {
    name: 'an 800×450 embed with a story scene',
    query: '&embed=1&story=east-azerbaijan&scene=2',
    size: { width: 800, height: 450 },
    least: 0.8,
  },
] as const;

describe.each(['fa', 'en'] as const)('the map first, in %s', (lang) => {
  it.each(CASES)('$name leaves at least the share of the window free', async ({ query, size, least }) => {
    const { page, errors } = await openApp(browser(), `${inject('baseUrl')}?lang=${lang}${query}`, size);
    try {
      const share = await freeShare(page);
      console.info(`${lang} ${size.width}×${size.height}${query}: ${(share * 100).toFixed(1)} % free`);
      expect(share).toBeGreaterThanOrEqual(least);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the default view', () => {
  it.each([
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ])('frames both ends of every arc in the free part of a $width×$height window', async (size) => {
    const { page, errors } = await openApp(browser(), `${inject('baseUrl')}?lang=en`, size);
    try {
      const ends = await arcEnds(page);
      expect(ends.length).toBeGreaterThan(20);
      expect(ends.filter((end) => !end.free)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
