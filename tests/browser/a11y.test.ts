// Accessibility in real Chromium: axe-core in both languages (main view, side panel, table, embed),
// keyboard-only use (skip link, every control reachable with a visible focus, selection from the
// search and the table, Esc), and prefers-reduced-motion (the camera jumps instead of flying).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';

const SIZE = { width: 1280, height: 800 };
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical axe-core violations (WCAG 2.1 A/AA and best practice) on the page as it is now. */
async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through DevTools, so the page's Content-Security-Policy does not block it.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  const findings = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

const browser = useBrowser();
const baseUrl = inject('baseUrl');

describe('axe-core finds no serious or critical violations', () => {
  let page: Page;
  beforeAll(async () => {
    page = (await openApp(browser(), `${baseUrl}?lang=en`, SIZE)).page;
  });
  afterAll(async () => {
    await page?.close();
  });

  it('in English: the main view, then with the side panel and the table open', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => window.__atlas!.select('IR-03'));
    await page.waitForSelector('#side-panel:not([hidden])');
    await page.click('#table-toggle');
    await page.waitForSelector('#table-panel:not([hidden]) table');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('in Persian, with the same panels open', async () => {
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fa');
    await page.waitForSelector('#table-panel:not([hidden]) table');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('in the embed, in both languages', async () => {
    const embed = (await openApp(browser(), `${baseUrl}?embed=1&lang=fa&select=IR-03`, { width: 800, height: 450 }))
      .page;
    try {
      expect(await axeViolations(embed)).toEqual([]);
      await embed.goto(`${baseUrl}?embed=1&lang=en`);
      await embed.waitForSelector('html[data-map-state="ready"]', { timeout: 120_000 });
      expect(await axeViolations(embed)).toEqual([]);
    } finally {
      await embed.close();
    }
  });
});

describe('keyboard only', () => {
  let page: Page;
  beforeAll(async () => {
    page = (await openApp(browser(), `${baseUrl}?lang=en`, SIZE)).page;
  });
  afterAll(async () => {
    await page?.close();
  });

  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        key: el.id || el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 40) || el.tagName,
        visibleFocus:
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
        onScreen:
          box.width > 0 &&
          box.height > 0 &&
          box.bottom > 0 &&
          box.top < innerHeight &&
          box.right > 0 &&
          box.left < innerWidth,
      };
    });

  it('the first Tab shows the skip link, which moves focus to the map', async () => {
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first?.key).toBe('Skip to map');
    expect(first?.onScreen).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('map');
  });

  it('Tab reaches every control of the header and the layer panel, each with a visible focus ring', async () => {
    // The layer panel starts folded to its button: it opens from the keyboard.
    await page.focus('#controls-toggle');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#controls-toggle[aria-expanded="true"]');
    const wanted = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'header button, header input, #controls button, #controls input, #controls select, .maplibregl-ctrl button',
        ),
      ]
        .filter((el) => el.getClientRects().length > 0 && !(el as HTMLButtonElement).disabled)
        .map((el) => el.id || el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 40) || el.tagName),
    );
    expect(wanted.length).toBeGreaterThan(25);
    const reached = new Set<string>();
    const withoutRing: string[] = [];
    await page.focus('#map');
    for (let i = 0; i < wanted.length + 40 && reached.size < wanted.length; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (!now) continue;
      if (wanted.includes(now.key)) reached.add(now.key);
      if (!now.visibleFocus) withoutRing.push(now.key);
    }
    expect(wanted.filter((key) => !reached.has(key))).toEqual([]);
    expect(withoutRing).toEqual([]);
  });

  it('a province is selected from the search with arrows and Enter; Esc closes its panel', async () => {
    await page.focus('#search');
    await page.keyboard.type('Tehran');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#side-panel:not([hidden])');
    expect(await page.evaluate(() => window.__atlas!.state().selection)).toMatchObject({ kind: 'province' });
    await page.focus('#map');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#side-panel', { state: 'hidden' });
    expect(await page.evaluate(() => window.__atlas!.state().selection)).toBeNull();
  });

  it('the table opens from the keyboard, a row selects with Enter, and Esc closes the table back to its button', async () => {
    await page.focus('#table-toggle');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#table-panel:not([hidden]) tbody tr');
    await page.focus('#table-panel tbody tr');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__atlas!.state().selection !== null);
    await page.focus('#table-panel tbody tr');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#table-panel', { state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('table-toggle');
  });
});

describe('prefers-reduced-motion', () => {
  const cameraMovesAfterSelect = async (page: Page) =>
    page.evaluate(() => {
      window.__atlas!.select('IR-11');
      return window.__atlas!.view.map.isMoving();
    });

  it('with reduce, selecting a far province jumps there; without it, the camera flies', async () => {
    const reduced = (await openApp(browser(), `${baseUrl}?lang=en`, { width: 800, height: 450 })).page; // openApp asks for reduce
    try {
      expect(await reduced.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
      expect(await cameraMovesAfterSelect(reduced)).toBe(false);
    } finally {
      await reduced.close();
    }
    const moving = await browser().newPage({
      viewport: { width: 800, height: 450 },
      deviceScaleFactor: 1,
      reducedMotion: 'no-preference',
    });
    try {
      await moving.goto(`${baseUrl}?lang=en`);
      await moving.waitForSelector('html[data-map-state="ready"]', { timeout: 120_000 });
      expect(await cameraMovesAfterSelect(moving)).toBe(true);
    } finally {
      await moving.close();
    }
  });
});
