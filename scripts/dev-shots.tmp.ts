import { preview } from 'vite';
import { launchChromium, openApp } from './lib/chromium.ts';

const server = await preview({ preview: { port: 4191, host: '127.0.0.1' }, logLevel: 'error' });
const browser = await launchChromium();
const shots: [string, string, { width: number; height: number }][] = (process.argv[2] ?? 'default')
  .split(';')
  .map((spec) => {
    const [name, query, w, h] = spec.split('|');
    return [name!, query ?? '', { width: Number(w ?? 1280), height: Number(h ?? 800) }];
  });
for (const [name, query, size] of shots) {
  const opened = await openApp(browser, `http://127.0.0.1:4191/${query}`, size);
  const { page } = opened;
  await page.waitForTimeout(2500);
  // free area: sample a grid, count points whose element is inside #map
  const free = await page.evaluate(() => {
    let inside = 0;
    let total = 0;
    for (let x = 5; x < innerWidth; x += 20)
      for (let y = 5; y < innerHeight; y += 20) {
        total++;
        const el = document.elementFromPoint(x, y);
        if (el && document.getElementById('map')!.contains(el)) inside++;
      }
    return Math.round((inside / total) * 1000) / 10;
  });
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
  console.log(name, 'free', free, 'errors', opened.errors);
  await page.close();
}
await browser.close();
server.httpServer.close();
