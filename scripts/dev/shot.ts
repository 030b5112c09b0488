// Dev helper: serves dist/, opens the app in headless Chromium, saves screenshots to /tmp.
//   npx tsx scripts/dev/shot.ts "?lang=en&select=IR-03" [hoverLon hoverLat] [width height]
// With EXPORT=1|2|4 in the environment it also saves the PNG export to /tmp/export.png.
import { preview } from 'vite';
import { hoverAt, launchChromium, openApp } from '../lib/chromium.ts';

const [query = '', lon, lat, width = '1280', height = '800'] = process.argv.slice(2);
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const url = server.resolvedUrls!.local[0]!;
const browser = await launchChromium();
const started = Date.now();
const { page, requests, errors } = await openApp(browser, url + query, {
  width: Number(width),
  height: Number(height),
});
console.log('ready in', Date.now() - started, 'ms');
await page.screenshot({ path: '/tmp/shot.png' });
if (lon && lat) {
  await hoverAt(page, [Number(lon), Number(lat)]);
  await page.screenshot({ path: '/tmp/shot-hover.png' });
  console.log('hover:', await page.textContent('#hover-card'));
}
if (process.env['EXPORT']) {
  const base64 = await page.evaluate(`(async () => {
    const image = await window.__atlas.exportPng(${Number(process.env['EXPORT'])});
    const bytes = new Uint8Array(await (await fetch(image.url)).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  })()`);
  (await import('node:fs')).writeFileSync('/tmp/export.png', Buffer.from(base64 as string, 'base64'));
}
console.log(
  'outside requests:',
  requests.filter((r) => !r.startsWith(url) && !r.startsWith('data:') && !r.startsWith('blob:')),
);
console.log('errors:', errors);
await browser.close();
await server.close();
