// Presenters in real Chromium: embed mode, story steps by keyboard, deep links to scenes,
// the postMessage API, and the Share dialog.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasColourCount, openApp, type OpenedPage } from '../../scripts/lib/chromium.ts';
import { useBrowser } from './shared-browser.ts';

const browser = useBrowser();

const scene = async (page: Page) => ({
  story: await page.getAttribute('#story-bar', 'data-story'),
  scene: await page.getAttribute('#story-bar', 'data-scene'),
  caption: await page.textContent('.story-caption'),
  selection: await page.evaluate(() => window.__atlas!.state().selection?.id ?? null),
  corridors: await page.evaluate(() => window.__atlas!.state().corridors),
});

describe('embed mode opened on a story scene', () => {
  let opened: OpenedPage;
  beforeAll(async () => {
    opened = await openApp(
      browser(),
      `${inject('baseUrl')}?embed=1&lang=en&title=Corridors%20%3Cb%3E&story=east-azerbaijan&scene=2`,
      { width: 800, height: 450 },
    );
  });
  afterAll(async () => {
    await opened?.page.close();
  });

  it('hides the chrome, keeps title, legend and attribution, and still draws', async () => {
    const { page } = opened;
    expect(await page.isVisible('.app-header')).toBe(false);
    expect(await page.isVisible('#controls')).toBe(false);
    expect(await page.textContent('#embed-title')).toBe('Corridors <b>');
    expect(await page.locator('#embed-title b').count()).toBe(0);
    // In a small embed the legend starts folded to its button, which opens it.
    expect(await page.isVisible('#embed-legend')).toBe(false);
    await page.click('#legend-toggle');
    expect(await page.isVisible('#embed-legend')).toBe(true);
    await page.click('#legend-toggle');
    expect(await page.isVisible('.maplibregl-ctrl-attrib')).toBe(true);
    expect(await canvasColourCount(page, '.maplibregl-canvas')).toBeGreaterThan(20);
  });

  it('opens the scene the link names', async () => {
    const now = await scene(opened.page);
    expect(now).toMatchObject({ story: 'east-azerbaijan', scene: '2', selection: 'IR-03' });
    expect(now.corridors).toEqual(['east-west', 'gulf-black-sea', 'eco-iti']);
    expect(now.caption).toContain('three');
  });

  it('steps through the story with clicker keys, and Esc leaves it', async () => {
    const { page } = opened;
    await page.keyboard.press('ArrowRight');
    expect(await scene(page)).toMatchObject({ scene: '3', selection: 'ea-kaz-video-call' });
    expect(new URL(page.url()).searchParams.get('scene')).toBe('3');
    await page.keyboard.press('PageUp');
    expect((await scene(page)).scene).toBe('2');
    await page.keyboard.press('End');
    expect(await scene(page)).toMatchObject({ scene: '4', selection: 'KAZ' });
    await page.keyboard.press('Home');
    expect((await scene(page)).scene).toBe('1');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#story-bar', { state: 'hidden' });
    expect(new URL(page.url()).searchParams.get('story')).toBeNull();
  });

  it('obeys well-formed postMessage commands and ignores the rest', async () => {
    const { page } = opened;
    await page.evaluate(() =>
      window.postMessage({ source: 'corridor-atlas', type: 'scene', story: 'steel-mining', scene: 1 }, '*'),
    );
    await page.waitForSelector('#story-bar[data-story="steel-mining"]');
    await page.evaluate(() => window.postMessage({ source: 'corridor-atlas', type: 'next' }, '*'));
    await page.waitForSelector('#story-bar[data-scene="2"]');
    await page.evaluate(() => {
      window.postMessage({ source: 'corridor-atlas', type: 'next', extra: '<img src=x onerror=alert(1)>' }, '*');
      window.postMessage({ source: 'corridor-atlas', type: 'select', id: { toString: 1 } }, '*');
      window.postMessage('next', '*');
    });
    await page.evaluate(() => window.postMessage({ source: 'corridor-atlas', type: 'select', id: 'UZB' }, '*'));
    await page.waitForFunction(() => window.__atlas!.state().selection?.id === 'UZB');
    expect((await scene(page)).scene).toBe('3'); // the well-formed "next" with an extra field counted once
    expect(opened.errors).toEqual([]);
  });
});

describe('share dialog', () => {
  it('offers the current link and an embed snippet', async () => {
    const { page, errors } = await openApp(browser(), `${inject('baseUrl')}?lang=en&select=KAZ`, {
      width: 1280,
      height: 800,
    });
    try {
      await page.click('#share-open');
      await page.waitForSelector('#share-dialog[open]');
      expect(await page.inputValue('#share-link')).toContain('select=KAZ');
      await page.fill('#share-title', 'Kazakhstan links');
      const snippet = await page.inputValue('#share-snippet');
      expect(snippet).toMatch(/^<iframe src="[^"]*embed=1[^"]*select=KAZ|^<iframe src="[^"]*select=KAZ[^"]*embed=1/);
      expect(snippet).toContain('title="Kazakhstan links"');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#share-dialog', { state: 'detached' });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
