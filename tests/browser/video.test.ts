// Story video export in real Chromium: a short video (two scenes, small, 10 fps) is made in the page,
// demuxed here with mediabunny, decoded back in the page with WebCodecs, and checked: frame count,
// size, and the first and last frames against PNG exports of the same scenes at the same size.
// Then the WebM fallback: with H.264 reported unsupported, a few frames come out as WebM that
// decodes, and a notice in the page's language says so.
import { describe, expect, inject, it } from 'vitest';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import type { Page } from 'playwright-core';
import { openApp } from '../../scripts/lib/chromium.ts';
import { decodeInPage, readPackets } from '../../scripts/lib/video-frames.ts';
import { useBrowser } from './shared-browser.ts';
import type { StoryExports, VideoRequest } from '../../src/features/story-export/menu.ts';
import fa from '../../src/core/i18n/locales/fa.json';

const browser = useBrowser();

const STORY = 'east-azerbaijan';
const SIZE = { width: 480, height: 270 };
const FPS = 10;
/** Two scenes held 1 s each with a 0.5 s flight between them: 10 + 5 + 10 frames. */
const REQUEST = { ...SIZE, fps: FPS, secondsPerScene: 1, flightSeconds: 0.5, maxScenes: 2, download: false };
const FRAMES = 25;
/** The frames whose map is drawn: the first of each hold and the five of the flight. */
const DRAWN = 7;
/** Rows above the caption band (at this size the band is at most about 110 px tall). */
const MAP_ROWS = 150;

const sceneUrl = (scene: number) => `${inject('baseUrl')}?embed=1&lang=en&story=${STORY}&scene=${scene}`;

describe('story video export', () => {
  it('writes a video whose frames decode back to the scenes', async () => {
    const { page, errors } = await openApp(browser(), sceneUrl(1), SIZE);
    try {
      const firstScene = await mapPng(page);
      const started = Date.now();
      const video = await page.evaluate(
        async ({ story, request }) => {
          const exports = (window.__atlas as unknown as { storyExports: StoryExports }).storyExports;
          const { data, ...rest } = await exports.exportVideo(story, request);
          let binary = '';
          for (const byte of data!) binary += String.fromCharCode(byte);
          return { ...rest, base64: btoa(binary) };
        },
        { story: STORY, request: REQUEST },
      );
      console.info(
        `video: ${video.format} ${video.codec}${video.fellBack ? ' (WebM fallback: no H.264 encoder)' : ''}, ` +
          `${video.frames} frames (${video.drawnFrames} drawn in ${video.renders} map renders, ${video.drawMs} ms drawing; ` +
          `${video.composedFrames} composed, ${video.composeMs} ms; ${video.encodeMs} ms encoding), ${video.bytes} bytes, ` +
          `${video.ms} ms in the page, ${Date.now() - started} ms here`,
      );
      expect(video.fileName).toBe(`${STORY}-en-${SIZE.height}p.${video.format}`);
      expect(video.frames).toBe(FRAMES);
      // Each held scene's map is drawn once, each flight frame's as its camera moves: 2 + 5 of 25 frames.
      expect(video.drawnFrames).toBe(DRAWN);
      expect(video.composedFrames).toBe(DRAWN);
      expect(video.renders).toBeGreaterThanOrEqual(DRAWN);
      if (video.format === 'webm') expect(video.fellBack).toBe(true);
      else expect(video.codec).toMatch(/^avc1\./);

      // The container, read here: its track, size, codec and one packet per frame.
      const bytes = Buffer.from(video.base64, 'base64');
      expect(bytes.length).toBe(video.bytes);
      const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
      expect((await input.getFormat()).name).toBe(video.format === 'mp4' ? 'MP4' : 'WebM');
      const track = (await input.getPrimaryVideoTrack())!;
      expect([track.displayWidth, track.displayHeight]).toEqual([SIZE.width, SIZE.height]);
      const config = (await track.getDecoderConfig())!;
      // The same codec and profile (the stream's own constraint flags may differ from the encoder's string).
      expect(config.codec.split('.').slice(0, 2).join('.').slice(0, 7)).toBe(video.codec.slice(0, 7));
      const packets = await readPackets(track);
      expect(packets.length).toBe(FRAMES);
      expect(packets[0]!.key).toBe(true);
      expect(await input.computeDuration()).toBeCloseTo(FRAMES / FPS, 3);

      // Decoded in the page by WebCodecs.
      const decoded = await decodeInPage(page, config, packets, [0, -1]);
      expect(decoded.count).toBe(FRAMES);
      expect([decoded.width, decoded.height]).toEqual([SIZE.width, SIZE.height]);
      expect(decoded.timestamps).toEqual(Array.from({ length: FRAMES }, (_, i) => Math.round((i * 1e6) / FPS)));

      await page.goto(sceneUrl(2));
      await page.waitForSelector('html[data-map-state="ready"]', { timeout: 120_000 });
      const lastScene = await mapPng(page);
      const first = rgba(decoded.frames[0]!);
      const last = rgba(decoded.frames[-1]!);
      const firstDiff = differing(first, firstScene);
      const lastDiff = differing(last, lastScene);
      const crossDiff = differing(first, lastScene);
      console.info(
        `differing pixels above the caption band: first ${pct(firstDiff)}, last ${pct(lastDiff)}, ` +
          `first frame against the last scene ${pct(crossDiff)}`,
      );
      // Lossy coding blurs thin lines and label edges; a wrong camera, missing layers or
      // misaligned layers differ over much of the frame (as the other scene does).
      expect(firstDiff).toBeLessThan(0.1);
      expect(lastDiff).toBeLessThan(0.1);
      expect(crossDiff).toBeGreaterThan(Math.max(2 * firstDiff, 2 * lastDiff, 0.15));

      // Cancel once frames are being made: the export rejects, the hidden map goes, a notice says so.
      expect(errors).toEqual([]);
      await page.evaluate(
        ({ story, request }) => {
          const exports = (window.__atlas as unknown as { storyExports: StoryExports }).storyExports;
          (window as unknown as { cancelled: Promise<string> }).cancelled = exports.exportVideo(story, request).then(
            () => 'finished',
            () => 'rejected',
          );
        },
        { story: STORY, request: REQUEST },
      );
      await page.waitForFunction(
        () => Number(document.querySelector('#story-export-progress progress')?.getAttribute('value')) >= 1,
        undefined,
        { timeout: 120_000 },
      );
      await page.evaluate(() => (window.__atlas as unknown as { storyExports: StoryExports }).storyExports.cancel());
      expect(await page.evaluate(() => (window as unknown as { cancelled: Promise<string> }).cancelled)).toBe(
        'rejected',
      );
      expect(await page.locator('.maplibregl-map').count()).toBe(1);
      expect(await page.locator('#notices [data-key="deck.cancelled"]').count()).toBe(1);
      expect(await page.isHidden('#story-export-progress')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
    // A few software-rendered frames and two page loads: about a minute on a quiet machine;
    // the timeout is room, not a budget.
  }, 400_000);

  it('writes WebM, and says so, where the browser cannot encode H.264', async () => {
    const small = { width: 320, height: 180 };
    const { page, errors } = await openApp(browser(), `${inject('baseUrl')}?lang=fa`, small);
    try {
      // This browser's encoder now reports every H.264 configuration unsupported (what mediabunny asks).
      await page.evaluate(() => {
        const isConfigSupported = VideoEncoder.isConfigSupported.bind(VideoEncoder);
        VideoEncoder.isConfigSupported = (config) =>
          /^(avc|hvc|hev)/.test(config.codec)
            ? Promise.resolve({ supported: false, config })
            : isConfigSupported(config);
      });
      // One scene held half a second at 10 fps: five frames, one of them drawn.
      const request: VideoRequest = { ...small, fps: FPS, secondsPerScene: 0.5, maxScenes: 1, download: false };
      const video = await page.evaluate(
        async ({ story, request }) => {
          const exports = (window.__atlas as unknown as { storyExports: StoryExports }).storyExports;
          const { data, ...rest } = await exports.exportVideo(story, request);
          let binary = '';
          for (const byte of data!) binary += String.fromCharCode(byte);
          return { ...rest, base64: btoa(binary) };
        },
        { story: STORY, request },
      );
      console.info(
        `fallback video: ${video.format} ${video.codec}, ${video.frames} frames, ${video.bytes} bytes, ${video.ms} ms`,
      );
      expect(video).toMatchObject({ format: 'webm', fellBack: true, frames: 5, fileName: `${STORY}-fa-180p.webm` });
      expect(video.codec).toMatch(/^(vp09|vp8)/);

      const input = new Input({ source: new BufferSource(Buffer.from(video.base64, 'base64')), formats: ALL_FORMATS });
      expect((await input.getFormat()).name).toBe('WebM');
      const track = (await input.getPrimaryVideoTrack())!;
      expect([track.displayWidth, track.displayHeight]).toEqual([small.width, small.height]);
      const packets = await readPackets(track);
      expect(packets.length).toBe(5);
      const decoded = await decodeInPage(page, (await track.getDecoderConfig())!, packets, []);
      expect([decoded.count, decoded.width, decoded.height]).toEqual([5, small.width, small.height]);

      // The notice, in the page's language.
      const notice = page.locator('#notices [data-key="video.webmFallback"] span');
      expect(await notice.count()).toBe(1);
      expect(await notice.textContent()).toBe(fa['video.webmFallback']);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 300_000);
});

const pct = (fraction: number) => `${(fraction * 100).toFixed(2)} %`;

/** The top MAP_ROWS rows of the live map, as the PNG export at 1× copies it. */
async function mapPng(page: Page): Promise<Uint8Array> {
  const base64 = await page.evaluate(async () => {
    const image = await window.__atlas!.exportPng(1);
    const bytes = new Uint8Array(await (await fetch(image.url)).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  expect(png.width).toBe(SIZE.width);
  return new Uint8Array(png.data.buffer, png.data.byteOffset, SIZE.width * MAP_ROWS * 4);
}

function rgba(base64: string): Uint8Array {
  const data = Buffer.from(base64, 'base64');
  expect(data.length).toBe(SIZE.width * SIZE.height * 4);
  return new Uint8Array(data.buffer, data.byteOffset, SIZE.width * MAP_ROWS * 4);
}

function differing(a: Uint8Array, b: Uint8Array): number {
  return pixelmatch(a, b, undefined, SIZE.width, MAP_ROWS, { threshold: 0.25 }) / (SIZE.width * MAP_ROWS);
}
