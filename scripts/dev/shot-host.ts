// Dev helper: screenshots the example slide deck (public/examples/slides.html) with its embedded map.
import { preview } from 'vite';
import { launchChromium } from '../lib/chromium.ts';

const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const url = server.resolvedUrls!.local[0]!;
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
await page.goto(`${url}examples/slides.html`);
await page
  .frameLocator('.slide:not([hidden]) iframe')
  .locator('html[data-map-state="ready"]')
  .waitFor({ timeout: 120_000 });
await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('ready'));
await page.screenshot({ path: '/tmp/host-1.png' });
await page.keyboard.press('ArrowRight');
await page
  .frameLocator('.slide:not([hidden]) iframe')
  .locator('html[data-map-state="ready"]')
  .waitFor({ timeout: 120_000 });
await page.keyboard.press('n');
await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('scene 3'));
await page.waitForTimeout(2500); // the camera flight (documentation screenshot only)
await page.screenshot({ path: '/tmp/host-2.png' });
console.log(await page.textContent('#status'));
await browser.close();
await server.close();
