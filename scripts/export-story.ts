// Exports a story the way a presenter does, through the Slides & images menu of the built app, and
// reports how long each export took (with the machine's load, since these are timings of real use).
//
//   npx tsx scripts/export-story.ts [--from served|single] [--lang fa|en] [--story east-azerbaijan]
//     [--what deck,zip,print,video] [--out DIR] [--scale 1|2] [--height 720|1080] [--theme light|dark|projector]
//     [--viewport 1280x720] [--video-minutes 20]
//   npx tsx scripts/export-story.ts frames VIDEO [--out DIR]
//
// It builds nothing: `--from served` (default) serves dist/ with vite preview on a free port,
// `--from single` opens dist-single/index.html from file://; run `npm run build` or
// `npm run build:single` first. The story opens in the given language; each export is started by
// clicking its menu entry and the file it downloads is saved to DIR (default /tmp/corridor-atlas-exports).
// deck: the PowerPoint; zip: the scene PNGs (1× unless --scale 2); video: the MP4 (WebM where the
// browser has no H.264 encoder) at --height (1280×720 by default), 30 fps, started as its menu entry
// starts it but through the page's export handle, so that its timings come back; print: the print view,
// with window.print replaced so that no dialog opens, printed to PDF by Chromium. A video that takes
// longer than --video-minutes is cancelled; its frames per second so far and the projected total are
// printed instead. Progress is printed every 30 s.
//
// `frames VIDEO` decodes a video's first, middle and last frames to PNGs beside it (or in DIR), in
// Chromium with WebCodecs (no ffmpeg needed; scripts/lib/video-frames.ts): a way to look at what was written.
//
// Then look at the results: `npx tsx scripts/check-deck.ts DIR/<deck>.pptx` converts a deck with
// LibreOffice; `pdftoppm -png -r 50 <pdf> <prefix>` renders its pages; `unzip` the scenes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { preview } from 'vite';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp } from './lib/chromium.ts';
import { decodeInPage, readPackets } from './lib/video-frames.ts';

type What = 'deck' | 'zip' | 'print' | 'video';

/** What the page's export handle (src/features/story-export/menu.ts) offers this script for a video. */
interface VideoHandle {
  exportVideo(story: string, request: { width: number; height: number }): Promise<{ data?: unknown }>;
}

interface Options {
  from: 'served' | 'single';
  lang: 'fa' | 'en';
  story: string;
  what: What[];
  out: string;
  scale: 1 | 2;
  height: 720 | 1080;
  theme: string | null;
  viewport: { width: number; height: number };
  videoMinutes: number;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const [width, height] = (value('viewport') ?? '1280x720').split('x').map(Number);
  const options: Options = {
    from: value('from') === 'single' ? 'single' : 'served',
    lang: value('lang') === 'en' ? 'en' : 'fa',
    story: value('story') ?? 'east-azerbaijan',
    what: (value('what') ?? 'deck,zip').split(',') as What[],
    out: value('out') ?? path.join(os.tmpdir(), 'corridor-atlas-exports'),
    scale: value('scale') === '2' ? 2 : 1,
    height: value('height') === '1080' ? 1080 : 720,
    theme: value('theme') ?? null,
    viewport: { width: width || 1280, height: height || 720 },
    videoMinutes: Number(value('video-minutes') ?? 20),
  };
  for (const what of options.what)
    if (!['deck', 'zip', 'print', 'video'].includes(what)) throw new Error(`unknown export: ${what}`);
  return options;
}

const stamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const log = (line: string) => console.log(`[${stamp()} load ${load()}] ${line}`);

const MENU_ENTRY: Record<Exclude<What, 'print'>, (o: Options) => string> = {
  deck: (o) => `button[data-export="story-pptx"][data-story="${o.story}"]`,
  zip: (o) => `button[data-export="story-images"][data-story="${o.story}"][data-scale="${o.scale}"]`,
  video: (o) => `button[data-export="story-video"][data-story="${o.story}"][data-height="${o.height}"]`,
};

async function openMenu(page: Page, entry: string): Promise<void> {
  await page.click('#story-export');
  await page.click(entry);
}

/** Prints the progress bar's text every 30 s while `work` runs. */
async function withProgress<T>(page: Page, started: number, work: Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    void page
      .textContent('#story-export-progress span')
      .then((text) => text && log(`  ${text} (${((Date.now() - started) / 1000).toFixed(0)} s)`))
      .catch(() => undefined);
  }, 30_000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/** Frames done so far, from the progress bar. */
const framesDone = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('#story-export-progress progress')?.getAttribute('value') ?? 0));
const framesTotal = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('#story-export-progress progress')?.getAttribute('max') ?? 0));

async function exportDownload(page: Page, what: Exclude<What, 'print'>, options: Options): Promise<string> {
  const started = Date.now();
  const download = page.waitForEvent('download', { timeout: 0 });
  // The video is started as its menu entry starts it, through the page's export handle, which also
  // gives back how its time was spent (frames drawn, map renders, composing, encoding).
  const videoStats =
    what === 'video'
      ? page.evaluate(
          ({ story, height }) =>
            (window.__atlas as unknown as { storyExports: VideoHandle }).storyExports
              .exportVideo(story, { width: (height * 16) / 9, height })
              .then(
                ({ data: _, ...rest }) => JSON.stringify(rest),
                (error: unknown) => `failed: ${String(error)}`,
              ),
          { story: options.story, height: options.height },
        )
      : null;
  if (!videoStats) await openMenu(page, MENU_ENTRY[what](options));
  let budget: NodeJS.Timeout | undefined;
  const cancelled = new Promise<'cancelled'>((resolve) => {
    if (what !== 'video') return;
    budget = setTimeout(async () => {
      const [done, total] = [await framesDone(page), await framesTotal(page)];
      const seconds = (Date.now() - started) / 1000;
      log(
        `  video: over ${options.videoMinutes} min, cancelled at frame ${done} of ${total}: ` +
          `${(seconds / Math.max(1, done)).toFixed(2)} s a frame on average, ` +
          `projected total ${(((seconds / Math.max(1, done)) * total) / 60).toFixed(1)} min`,
      );
      // The bar is redrawn every frame, so its Cancel button is clicked from inside the page.
      await page
        .evaluate(() => document.querySelector<HTMLButtonElement>('#story-export-progress button')?.click())
        .catch(() => undefined);
      resolve('cancelled');
    }, options.videoMinutes * 60_000);
  });
  const result = await withProgress(page, started, Promise.race([download, cancelled]));
  clearTimeout(budget);
  if (result === 'cancelled') return `${what}: cancelled after ${((Date.now() - started) / 1000).toFixed(1)} s`;
  const file = path.join(options.out, `${options.from}-${result.suggestedFilename()}`);
  await result.saveAs(file);
  const seconds = (Date.now() - started) / 1000;
  const stats = videoStats ? ` ${await videoStats}` : '';
  return `${what}: ${file} (${fs.statSync(file).size} bytes) in ${seconds.toFixed(1)} s${stats}`;
}

async function exportPrint(page: Page, options: Options): Promise<string> {
  const started = Date.now();
  await page.evaluate(() => {
    const counter = window as unknown as { printed: number };
    counter.printed = 0;
    window.print = () => void (counter.printed += 1);
  });
  await openMenu(page, `button[data-export="story-print"][data-story="${options.story}"]`);
  await withProgress(
    page,
    started,
    page.waitForFunction(() => (window as unknown as { printed: number }).printed > 0, undefined, { timeout: 0 }),
  );
  const ready = (Date.now() - started) / 1000;
  await page.emulateMedia({ media: 'print' });
  const file = path.join(options.out, `${options.from}-${options.story}-${options.lang}-print.pdf`);
  fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  return `print: ${file} (${fs.statSync(file).size} bytes), pages ready in ${ready.toFixed(1)} s, PDF in ${((Date.now() - started) / 1000 - ready).toFixed(1)} s`;
}

async function exportStory(options: Options): Promise<void> {
  fs.mkdirSync(options.out, { recursive: true });
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  let base: string;
  if (options.from === 'served') {
    if (!fs.existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first');
    server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
    base = server.resolvedUrls!.local[0]!;
  } else {
    const single = path.resolve('dist-single/index.html');
    if (!fs.existsSync(single)) throw new Error('dist-single/ is missing: run `npm run build:single` first');
    base = pathToFileURL(single).href;
  }
  const params = new URLSearchParams({ lang: options.lang, story: options.story, scene: '1' });
  if (options.theme) params.set('theme', options.theme);
  const url = `${base}?${params}`;
  const browser: Browser = await launchChromium();
  const results: string[] = [];
  try {
    log(`opening ${url} at ${options.viewport.width}×${options.viewport.height}`);
    const opened = Date.now();
    const { page, errors } = await openApp(browser, url, options.viewport);
    log(`  ready in ${((Date.now() - opened) / 1000).toFixed(1)} s`);
    for (const what of options.what) {
      log(`${what}: started`);
      const line = what === 'print' ? await exportPrint(page, options) : await exportDownload(page, what, options);
      log(line);
      results.push(`${stamp()} load ${load()} ${options.from} ${options.lang} ${line}`);
    }
    if (errors.length) console.error(`console errors:\n  ${errors.join('\n  ')}`);
  } finally {
    await browser.close();
    await server?.close();
  }
  console.log(`\n${results.join('\n')}`);
}

/** Decodes the first, middle and last frames of a video to PNGs, in Chromium with WebCodecs. */
async function extractFrames(video: string, out: string): Promise<void> {
  const input = new Input({ source: new BufferSource(fs.readFileSync(video)), formats: ALL_FORMATS });
  const track = (await input.getPrimaryVideoTrack())!;
  const config = (await track.getDecoderConfig())!;
  const packets = await readPackets(track);
  log(
    `${video}: ${(await input.getFormat()).name}, ${config.codec}, ${track.displayWidth}×${track.displayHeight}, ${packets.length} frames, ${(await input.computeDuration()).toFixed(2)} s`,
  );
  const wanted = [0, Math.floor(packets.length / 2), packets.length - 1];
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // WebCodecs needs a secure context: a file:// page is one.
    const blank = path.join(os.tmpdir(), 'export-story-frames.html');
    fs.writeFileSync(blank, '<!doctype html><title>frames</title>');
    await page.goto(pathToFileURL(blank).href);
    const decoded = await decodeInPage(page, config, packets, wanted);
    fs.mkdirSync(out, { recursive: true });
    for (const index of wanted) {
      const png = new PNG({ width: decoded.width, height: decoded.height });
      png.data = Buffer.from(decoded.frames[index]!, 'base64');
      const seconds = (decoded.timestamps[index]! / 1e6).toFixed(2);
      const file = path.join(out, `${path.basename(video).replace(/\.\w+$/, '')}-${seconds}s.png`);
      fs.writeFileSync(file, PNG.sync.write(png));
      log(`  frame ${index} at ${seconds} s → ${file}`);
    }
  } finally {
    await browser.close();
  }
}

const argv = process.argv.slice(2);
if (argv[0] === 'frames') {
  const video = argv[1];
  if (!video) throw new Error('usage: tsx scripts/export-story.ts frames VIDEO [--out DIR]');
  const at = argv.indexOf('--out');
  await extractFrames(video, at >= 0 ? argv[at + 1]! : path.dirname(video));
} else await exportStory(parseOptions(argv));
