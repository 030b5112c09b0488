// Captures a story's scenes (or the current view) from the live map, for the PowerPoint deck and
// the zip of scene images. Browser only. Each scene is applied through the app (`applyScene`,
// which resolves once the map has drawn it), then:
// - for images, the PNG export itself (png-export.ts: the frame and the band below it with
//   title, legend, attribution and data date) at 1× or 2×;
// - for the deck, the map alone redrawn at 2 device pixels per CSS pixel by the offscreen renderer
//   (the slide carries the legend and attribution as text), with the scene's title, caption and
//   sources.
// Progress is reported after each scene; an AbortSignal stops between scenes (and before the
// next capture), throwing its reason.
import type { Layer } from '@deck.gl/core';
import type { MapView } from '../../map/map-view.ts';
import type { LegendGroup } from '../../model/legend-model.ts';
import type { PanelModel } from '../../model/panel-model.ts';
import type { AtlasData } from '../../core/atlas.ts';
import type { Scene, Story } from '../../core/stories.ts';
import { t, tf, type Lang } from '../../core/i18n/i18n.ts';
import type { DeckSlide } from './deck.ts';
import { sceneFileName, type ZipEntry } from './scene-zip.ts';
import { deckLegend, panelSources } from './scene-sources.ts';

/** What the capture reads from the app; the same object serves every export. */
export interface CaptureHost {
  atlas: AtlasData;
  view: MapView;
  /** The layers on screen now (after a scene is applied). */
  layers(): Layer[];
  /** The legend of what is drawn now. */
  legend(): LegendGroup[];
  /** The panel of the current selection, or null: the slide's title and sources. */
  panel(): PanelModel | null;
  /** Applies a scene to the live map (no animation); resolves once the map has drawn it. */
  applyScene(scene: Scene): Promise<void>;
}

export interface CaptureOptions {
  lang: Lang;
  /** "Data as of …", already formatted (printed in the images' band). */
  dataDate: string;
  signal?: AbortSignal;
  /** Called with the number of scenes done (0 before the first) and the total. */
  onProgress?(done: number, total: number): void;
}

export type ImageScale = 1 | 2;
/** Device pixels per CSS pixel of the deck's map pictures: sharp on a projector, a few MB a slide. */
export const DECK_PIXEL_RATIO = 2;

async function pngBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Runs `capture` after applying each scene in turn, with progress and cancellation. */
async function eachScene<T>(
  story: Story,
  host: CaptureHost,
  options: CaptureOptions,
  capture: (scene: Scene, index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  const total = story.scenes.length;
  options.onProgress?.(0, total);
  for (const [index, scene] of story.scenes.entries()) {
    options.signal?.throwIfAborted();
    await host.applyScene(scene);
    options.signal?.throwIfAborted();
    results.push(await capture(scene, index));
    options.onProgress?.(index + 1, total);
  }
  return results;
}

/** Every scene as a PNG with the legend band, named `<story>-<lang>-scene-01[@2x].png`. */
export async function captureSceneImages(
  story: Story,
  scale: ImageScale,
  host: CaptureHost,
  options: CaptureOptions,
): Promise<ZipEntry[]> {
  const { exportPng } = await import('../png-export.ts');
  const { lang } = options;
  const count = story.scenes.length;
  return eachScene(story, host, options, async (_, index) => {
    const image = await exportPng({
      view: host.view,
      layers: host.layers(),
      scale,
      lang,
      title: `${story.title[lang]} · ${tf(lang, 'story.sceneOf', { n: index + 1, count })}`,
      legend: host.legend(),
      attribution: t(lang, 'map.attribution'),
      dataDate: options.dataDate,
    });
    return { name: sceneFileName(story.id, lang, index + 1, scale), data: await pngBytes(image.blob) };
  });
}

/** The map on screen now, redrawn at DECK_PIXEL_RATIO, as a slide with the current selection's title and sources. */
export async function captureSlide(
  host: CaptureHost,
  lang: Lang,
  text: { title: string; caption: string },
): Promise<DeckSlide> {
  const { renderOffscreen } = await import('../../map/offscreen-frame.ts');
  const canvas = await renderOffscreen({ source: host.view.map, layers: host.layers(), pixelRatio: DECK_PIXEL_RATIO });
  const data = await pngBytes(await canvasPng(canvas));
  return {
    ...text,
    image: { data, width: canvas.width, height: canvas.height },
    legend: deckLegend(host.legend()),
    attribution: t(lang, 'map.attribution'),
    sources: panelSources(host.panel(), host.atlas, lang),
  };
}

/** Every scene as a slide: titled by what it selects (or "story · scene n"), captioned by the story. */
export async function captureStorySlides(
  story: Story,
  host: CaptureHost,
  options: CaptureOptions,
): Promise<DeckSlide[]> {
  const { lang } = options;
  return eachScene(story, host, options, (scene, index) =>
    captureSlide(host, lang, {
      title: host.panel()?.title ?? tf(lang, 'deck.sceneTitle', { story: story.title[lang], n: index + 1 }),
      caption: scene.caption[lang],
    }),
  );
}

/** The current view as one slide: titled by the selection (or "Current view"), captioned by its panel's subtitle. */
export async function captureViewSlide(host: CaptureHost, lang: Lang): Promise<DeckSlide> {
  const panel = host.panel();
  return captureSlide(host, lang, { title: panel?.title ?? t(lang, 'deck.viewTitle'), caption: panel?.subtitle ?? '' });
}
