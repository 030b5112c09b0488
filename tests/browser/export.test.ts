// PNG export in real Chromium: the requested pixel size, a drawn map, and the legend band.
import { describe, expect, inject, it } from 'vitest';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import type { Page } from 'playwright-core';
import { openApp } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { hexToRgba } from '../../src/core/colours.ts';

const browser = useBrowser();

describe('PNG export', () => {
  it('exports exactly what is on screen, with title, legend and attribution below', async () => {
    const size = { width: 640, height: 400 };
    const { page, errors } = await openApp(
      browser(),
      `${inject('baseUrl')}?lang=en&sectors=steel-metals&view=58,40,3.4`,
      size,
    );
    try {
      const png = await exportAt(page, 1);
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
      expect(coloursIn(mapHeight, png.height).has((r << 16) | (g << 8) | b), 'no steel swatch in the legend band').toBe(
        true,
      );
      // What you see is what you get: the exported map matches a screenshot of the page, compared
      // in a region no panel or control covers (at 640 px the header's buttons and search take three
      // rows, down to y ≈ 165; the legend box ends at x ≈ 260; the attribution starts at y ≈ 360).
      const region = { x: 300, y: 175, width: 280, height: 175 };
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

  it('exports at 2× and 4× with the layers still aligned to the basemap', async () => {
    const size = { width: 480, height: 300 };
    const { page, errors } = await openApp(browser(), `${inject('baseUrl')}?lang=en&view=56,38,3.6`, size);
    try {
      const single = await exportAt(page, 1);
      const double = await exportAt(page, 2);
      expect(double.width).toBe(size.width * 2);
      expect(double.height).toBeGreaterThan(size.height * 2);
      // Shrunk back to 1×, the 2× map matches the 1× map: a layer drawn at the wrong scale or
      // offset (the interleaved-mode trap) differs over much of the frame.
      const halved = downscale(double, 2, size.height);
      const cropped = new PNG({ width: size.width, height: size.height });
      PNG.bitblt(single, cropped, 0, 0, size.width, size.height, 0, 0);
      const differing = pixelmatch(halved.data, cropped.data, undefined, size.width, size.height, { threshold: 0.2 });
      expect(differing / (size.width * size.height)).toBeLessThan(0.03);
      const quadruple = await exportAt(page, 4);
      expect(quadruple.width).toBe(size.width * 4);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
    // Three software-rendered maps, the 4× one 16 times the pixels: about 40 s on a quiet machine,
    // over 120 s when the two cores are shared; the timeout is room, not a budget.
  }, 300_000);
});

async function exportAt(page: Page, scale: 1 | 2 | 4): Promise<PNG> {
  const result = await page.evaluate(async (n) => {
    const image = await window.__atlas!.exportPng(n);
    const bytes = new Uint8Array(await (await fetch(image.url)).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { width: image.width, height: image.height, base64: btoa(binary) };
  }, scale);
  const png = PNG.sync.read(Buffer.from(result.base64, 'base64'));
  expect([png.width, png.height]).toEqual([result.width, result.height]);
  return png;
}

/** Box-filters the top `height` rows (in 1× pixels) of a `factor`× image down to 1×. */
function downscale(png: PNG, factor: number, height: number): PNG {
  const width = Math.floor(png.width / factor);
  const out = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++)
          for (let dx = 0; dx < factor; dx++)
            sum += png.data[((y * factor + dy) * png.width + x * factor + dx) * 4 + c]!;
        out.data[(y * width + x) * 4 + c] = Math.round(sum / (factor * factor));
      }
  return out;
}
