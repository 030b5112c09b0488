// PNG export in real Chromium: the requested pixel size, a drawn map, and the legend band.
import { describe, expect, inject, it } from 'vitest';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { openApp } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { hexToRgba } from '../../src/map/colours.ts';

const browser = useBrowser();

describe('PNG export', () => {
  it('exports exactly what is on screen, with title, legend and attribution below', async () => {
    const size = { width: 640, height: 400 };
    const { page, errors } = await openApp(browser(), `${inject('baseUrl')}?lang=en&sectors=steel-metals&view=58,40,3.4`, size);
    try {
      const result = await page.evaluate(async () => {
        const image = await window.__atlas!.exportPng();
        const bytes = new Uint8Array(await (await fetch(image.url)).arrayBuffer());
        let binary = '';
        for (const byte of bytes) binary += String.fromCharCode(byte);
        return { width: image.width, height: image.height, base64: btoa(binary) };
      });
      const png = PNG.sync.read(Buffer.from(result.base64, 'base64'));
      expect([png.width, png.height]).toEqual([result.width, result.height]);
      expect(png.width).toBe(size.width);
      expect(png.height).toBeGreaterThan(size.height);

      const colourAt = (x: number, y: number) => {
        const i = (y * png.width + x) * 4;
        return (png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!;
      };
      const coloursIn = (top: number, bottom: number) => {
        const set = new Set<number>();
        for (let y = top; y < bottom; y += 3) for (let x = 0; x < png.width; x += 3) set.add(colourAt(x, y));
        return set;
      };
      const mapHeight = size.height;
      expect(coloursIn(0, mapHeight).size, 'the map part is blank').toBeGreaterThan(50);
      // The legend band below the map shows the steel sector's colour.
      const [r, g, b] = hexToRgba('#332288');
      expect(coloursIn(mapHeight, png.height).has((r << 16) | (g << 8) | b), 'no steel swatch in the legend band').toBe(true);
      // What you see is what you get: the exported map matches a screenshot of the page, compared
      // in a region no panel or control covers.
      const region = { x: 300, y: 140, width: 280, height: 230 };
      const shot = PNG.sync.read(await page.screenshot({ clip: region }));
      const part = new PNG({ width: region.width, height: region.height });
      PNG.bitblt(png, part, region.x, region.y, region.width, region.height, 0, 0);
      const differing = pixelmatch(shot.data, part.data, undefined, region.width, region.height, { threshold: 0.1 });
      expect(differing / (region.width * region.height)).toBeLessThan(0.01);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
