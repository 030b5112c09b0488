// Render tests: one folder per scenario under tests/render/, each with scenario.json and expected.png.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { canvasColourCount, hoverAt, openApp } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { compareWithExpected, DEFAULT_TOLERANCE } from './render-compare.ts';

interface Scenario {
  /** Query string appended to the app URL, e.g. "?lang=en". */
  query: string;
  width: number;
  height: number;
  /** Optional pointer position to hover before the screenshot, [lon, lat]. */
  hover?: [number, number];
  maxDiffRatio?: number;
}

const ROOT = 'tests/render';
const scenarios = fs
  .readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const browser = useBrowser();

describe('render', () => {
  it('has scenarios', () => expect(scenarios.length).toBeGreaterThan(0));

  it.each(scenarios)('%s matches expected.png', async (name) => {
    const folder = path.join(ROOT, name);
    const scenario = JSON.parse(fs.readFileSync(path.join(folder, 'scenario.json'), 'utf8')) as Scenario;
    const { page } = await openApp(browser(), `${inject('baseUrl')}${scenario.query}`, {
      width: scenario.width,
      height: scenario.height,
    });
    try {
      expect(await canvasColourCount(page, '.maplibregl-canvas'), 'the WebGL canvas is blank').toBeGreaterThan(20);
      if (scenario.hover) await hoverAt(page, scenario.hover);
      const result = compareWithExpected(folder, await page.screenshot(), {
        ...DEFAULT_TOLERANCE,
        maxDiffRatio: scenario.maxDiffRatio ?? DEFAULT_TOLERANCE.maxDiffRatio,
      });
      expect(result.message).toBeNull();
    } finally {
      await page.close();
    }
  });
});
