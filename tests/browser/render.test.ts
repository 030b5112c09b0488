// Render tests: one folder per scenario under tests/render/, each with scenario.json and expected.png
// (and layers.txt, the same scenario's deck.gl layers as text: tests/unit/layer-manifest.test.ts).
// The capture is the map element only, with the page chrome hidden: see CHROME.
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasColourCount, hoverAt, openApp } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { compareWithExpected, DEFAULT_TOLERANCE } from './render-compare.ts';
import { readScenario, RENDER_ROOT, renderScenarios } from '../support/render-scenarios.ts';

/**
 * Page chrome, hidden just before the screenshot. #map fills the window and the header, panels, legend, story bar
 * and hover card float over it, so a plain element screenshot would still show them. `visibility: hidden`
 * (not `display: none`) changes no layout, so maplibre sees no resize and nothing is redrawn: the picture is
 * exactly the frame the app drew, including the map under an open panel (a mask would paint over that part and
 * hide a fault there). maplibre's own HTML controls (zoom buttons, scale, attribution wording) are chrome too.
 * Set through the CSSOM: the app's CSP (style-src 'self') blocks an injected <style>, and with it the
 * screenshot's `style` option.
 */
const CHROME = [
  'body > :not(#map)',
  '#map > :not(.maplibregl-canvas-container)',
  '#map .maplibregl-canvas-container > :not(canvas)',
].join(', ');

async function hideChrome(page: Page): Promise<void> {
  const hidden = await page.evaluate((selector) => {
    const elements = [...document.querySelectorAll<HTMLElement>(selector)];
    for (const element of elements) element.style.setProperty('visibility', 'hidden', 'important');
    return elements.length;
  }, CHROME);
  expect(hidden, 'no page chrome found to hide').toBeGreaterThan(0);
}

const scenarios = renderScenarios();
const browser = useBrowser();

describe('render', () => {
  it('has scenarios', () => expect(scenarios.length).toBeGreaterThan(0));

  it.each(scenarios)('%s matches expected.png', async (name) => {
    const folder = path.join(RENDER_ROOT, name);
    const scenario = readScenario(name);
    const { page } = await openApp(browser(), `${inject('baseUrl')}${scenario.query}`, {
      width: scenario.width,
      height: scenario.height,
    });
    try {
      expect(await canvasColourCount(page, '.maplibregl-canvas'), 'the WebGL canvas is blank').toBeGreaterThan(20);
      if (scenario.hover) await hoverAt(page, scenario.hover);
      await hideChrome(page);
      const shot = await page.locator('#map').screenshot({ animations: 'disabled', caret: 'hide' });
      const result = compareWithExpected(folder, shot, {
        ...DEFAULT_TOLERANCE,
        maxDiffRatio: scenario.maxDiffRatio ?? DEFAULT_TOLERANCE.maxDiffRatio,
      });
      expect(result.message).toBeNull();
    } finally {
      await page.close();
    }
  });
});
