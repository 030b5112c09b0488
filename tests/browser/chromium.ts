// Launches Debian's Chromium (or $CHROMIUM_PATH) headless with software WebGL2 through SwiftShader.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_HELP =
  'No Chromium found: install one (Debian: `apt-get install chromium`) or set CHROMIUM_PATH to its binary.';

export function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
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
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1, reducedMotion: 'reduce', locale: 'en-GB', timezoneId: 'Asia/Tehran' });
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
