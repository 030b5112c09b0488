// A story printed one scene per page, in real Chromium: the Slides & images menu's print entry
// builds the print-only pages and calls window.print (stubbed here, so no dialog opens); the page is
// then printed to PDF under print media. Checked: one PDF page per scene, landscape; the pages carry
// the story, the scenes' captions and titles in Persian, right to left; the map pictures are in the
// theme on screen (dark here); and the pages go when printing ends.
import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { openApp } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';
import type { Story } from '../../src/core/stories.ts';

const browser = useBrowser();

/** A three-scene story keeps the capture short. */
const STORY = 'caspian-kazakhstan';
const story = (JSON.parse(fs.readFileSync('public/data/stories.json', 'utf8')) as Story[]).find((s) => s.id === STORY)!;

/** Page objects of a PDF (`/Type /Page`, not the `/Pages` tree nodes) and their media boxes. */
function pdfPages(pdf: Buffer): { count: number; boxes: number[][] } {
  const text = pdf.toString('latin1');
  const count = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) =>
    m[1]!.trim().split(/\s+/).map(Number),
  );
  return { count, boxes };
}

describe('printing a story', () => {
  it('prints one landscape page per scene, in Persian, with the theme on screen', async () => {
    expect(story.scenes.length).toBe(3);
    const { page, errors } = await openApp(browser(), `${inject('baseUrl')}?lang=fa&theme=dark`, {
      width: 800,
      height: 450,
    });
    try {
      await page.evaluate(() => {
        const counter = window as unknown as { printed: number };
        counter.printed = 0;
        window.print = () => void (counter.printed += 1);
      });
      const started = Date.now();
      await page.click('#story-export');
      await page.click(`button[data-export="story-print"][data-story="${STORY}"]`);
      await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1, undefined, {
        timeout: 300_000,
      });
      console.info(`print pages of ${story.scenes.length} scenes ready in ${Date.now() - started} ms`);
      await page.waitForSelector('#story-export-progress', { state: 'hidden' });

      // The pages, as built.
      const pages = await page.evaluate(() => {
        const container = document.querySelector<HTMLElement>('.print-story')!;
        const texts = (selector: string) =>
          [...container.querySelectorAll(selector)].map((node) => node.textContent ?? '');
        return {
          dir: container.dir,
          lang: container.lang,
          printing: document.documentElement.classList.contains('printing-story'),
          scenes: container.querySelectorAll('.print-page').length,
          storyLines: texts('.print-story-line'),
          titles: texts('.print-title'),
          captions: texts('.print-caption'),
          sources: texts('.print-sources'),
          pictures: [...container.querySelectorAll<HTMLImageElement>('.print-map')].map((img) => ({
            complete: img.complete,
            width: img.naturalWidth,
            height: img.naturalHeight,
          })),
        };
      });
      expect(pages).toMatchObject({ dir: 'rtl', lang: 'fa', printing: true, scenes: 3 });
      expect(pages.storyLines).toEqual(story.scenes.map((_, i) => `${story.title.fa} · صحنهٔ ${'۱۲۳'[i]} از ۳`));
      expect(pages.captions).toEqual(story.scenes.map((scene) => scene.caption.fa));
      // Each scene is titled by what it selects, or "story · scene n" where it selects nothing.
      for (const title of pages.titles) expect(title.trim().length).toBeGreaterThan(2);
      for (const line of pages.sources) expect(line).toMatch(/^منابع: |^در این صحنه/);
      // The map pictures are the deck's: the map at 2 device pixels per CSS pixel.
      for (const picture of pages.pictures) expect(picture).toEqual({ complete: true, width: 1600, height: 900 });

      // The first map picture is in the dark theme drawn on screen: dark land and water.
      const luminance = await page.evaluate(() => {
        const img = document.querySelector<HTMLImageElement>('.print-map')!;
        const canvas = document.createElement('canvas');
        canvas.width = 160;
        canvas.height = 90;
        const context = canvas.getContext('2d')!;
        context.drawImage(img, 0, 0, canvas.width, canvas.height);
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let sum = 0;
        for (let i = 0; i < data.length; i += 4)
          sum += (0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!) / 255;
        return sum / (data.length / 4);
      });
      console.info(`mean luminance of the first printed map picture (dark theme): ${luminance.toFixed(3)}`);
      expect(luminance).toBeLessThan(0.3);

      // Printed: one page per scene, landscape, the app hidden.
      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('.app-header')).toBe(false);
      expect(await page.isVisible('.print-page[data-scene="1"] .print-title')).toBe(true);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
      const { count, boxes } = pdfPages(pdf);
      console.info(`PDF: ${pdf.length} bytes, ${count} pages, media boxes ${JSON.stringify(boxes)}`);
      expect(count).toBe(story.scenes.length);
      for (const [, , width, height] of boxes) expect(width!).toBeGreaterThan(height!);
      await page.emulateMedia({ media: 'screen' });

      // Printing ends: the pages go.
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect(await page.locator('.print-story').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.classList.contains('printing-story'))).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 400_000);
});
