// Launches Debian's Chromium (or $CHROMIUM_PATH) headless with software WebGL2 through SwiftShader.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_HELP =
  'No Chromium found: install one (Debian: `apt-get install chromium`) or set CHROMIUM_PATH to its binary.';

export function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(CHROMIUM_HELP);
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--font-render-hinting=none',
    ],
  });
}

export interface OpenedPage {
  page: Page;
  /** Every request the page made, in order. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** Opens `url` at a fixed size and DPR 1, and waits for the app's "map and layers rendered" signal. */
export async function openApp(browser: Browser, url: string, size = { width: 800, height: 450 }): Promise<OpenedPage> {
  const page = await browser.newPage({
    viewport: size,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    locale: 'en-GB',
    timezoneId: 'Asia/Tehran',
  });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await page.waitForSelector('html[data-map-state="ready"]', { timeout: 120_000 });
  return { page, requests, errors };
}

/** Moves the real mouse over a map position and waits until deck.gl has drawn the hover. */
export async function hoverAt(page: Page, lonLat: [number, number]): Promise<void> {
  const before = await page.evaluate(() => window.__atlas!.view.renderCount());
  const [x, y] = await page.evaluate((position) => window.__atlas!.project(position), lonLat);
  await page.mouse.move(x, y);
  await page.waitForSelector('#hover-card:not([hidden])');
  await page.waitForFunction((count) => window.__atlas!.view.renderCount() > count, before);
}

/** Distinct colours among sampled pixels of a canvas: a blank (cleared) canvas has one. */
export async function canvasColourCount(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const source = document.querySelector<HTMLCanvasElement>(sel);
    if (!source) return 0;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d')!;
    context.drawImage(source, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97)
      colours.add((data[i]! << 24) | (data[i + 1]! << 16) | (data[i + 2]! << 8) | data[i + 3]!);
    return colours.size;
  }, selector);
}
