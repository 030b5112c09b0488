// The header's "Slides & images" menu: the current view as a one-slide PowerPoint deck, and for each
// story its deck, its scenes as PNGs (1× or 2×) in a .zip, or a video (720p or 1080p MP4, WebM where
// the browser cannot encode H.264), or printed one scene per page (print.ts). This module loads when
// the menu is first opened (bind.ts); the exporters, pptxgenjs, fflate and mediabunny load on first
// use. While a story is captured its scenes play on the live map; a bar shows the progress with a
// Cancel button, and what was on screen before comes back afterwards.
import type { Story } from '../../core/stories.ts';
import { formatNumber, t, tf, type Lang, type MessageKey } from '../../core/i18n/i18n.ts';
import { formatDate } from '../../core/i18n/format.ts';
import type { MenuItem } from '../../ui/menu.ts';
import { showNotice } from '../../ui/chrome.ts';
import { el } from '../../ui/dom.ts';
import type { CaptureHost, ImageScale } from './render-scenes.ts';
import type { DeckSlide } from './deck.ts';
import type { VideoFormat } from './video.ts';
import type { Theme } from '../../core/theme.ts';

export interface StoryExportDeps extends CaptureHost {
  lang(): Lang;
  /** The theme drawn: the deck's slides and the video's caption band take its colours. */
  theme(): Theme;
  /** The stories (public/data/stories.json, loaded on demand). */
  stories(): Promise<Story[]>;
  /**
   * Remembers what is on screen before a story export plays its scenes, and returns the function
   * that puts it back (called when the export ends, is cancelled or fails).
   */
  snapshot(): () => void | Promise<void>;
  /** The newest dated report (ISO), printed as "Data as of …". */
  dataDate: string;
}

export interface StoryExportElements {
  /** `#story-export` */
  button: HTMLElement;
  /** `#story-export-menu` */
  menu: HTMLElement;
  /** `#story-export-progress` */
  progress: HTMLElement;
  /** `#notices` */
  notices: HTMLElement;
}

export interface StoryExports {
  /** The current view (null) or a story as a deck; resolves with the file's size and name. */
  exportDeck(storyId: string | null): Promise<{ bytes: number; fileName: string }>;
  /** A story's scenes as PNGs in a zip; resolves with the file's size, name and entries. */
  exportImages(storyId: string, scale: ImageScale): Promise<{ bytes: number; fileName: string; names: string[] }>;
  /**
   * A story as a video (1280×720 MP4 at 30 fps unless told otherwise); resolves with the file's size,
   * name, container, codec and frame count, and with its bytes instead of a download when
   * `download: false` (tests).
   */
  exportVideo(storyId: string, options?: VideoRequest): Promise<VideoExport>;
  /**
   * A story printed one scene per page: its pages are built, the print dialog opens, and they go
   * when printing ends; resolves with the number of pages once the dialog has been opened.
   */
  exportPrint(storyId: string): Promise<{ pages: number }>;
  /** Cancels the export under way, if any. */
  cancel(): void;
}

const IMAGE_SCALES: readonly ImageScale[] = [1, 2];
const VIDEO_HEIGHTS = [720, 1080] as const;

export interface VideoRequest {
  width?: number;
  height?: number;
  fps?: number;
  format?: VideoFormat;
  /** Seconds each scene is held (default 3) and the camera flies between scenes (default 2). */
  secondsPerScene?: number;
  flightSeconds?: number;
  /** Only the first n scenes (tests). */
  maxScenes?: number;
  /** False: return the bytes as `data` instead of offering the file as a download. */
  download?: boolean;
}

export interface VideoExport {
  bytes: number;
  fileName: string;
  format: VideoFormat;
  codec: string;
  /** True when MP4 was asked for and the browser could only write WebM. */
  fellBack: boolean;
  frames: number;
  width: number;
  height: number;
  /** Milliseconds the export took; frames whose map was drawn (the rest repeat a held frame) and the time drawing them. */
  ms: number;
  drawnFrames: number;
  drawMs: number;
  /** The hidden map's renders for those frames; frames composed and the time that took; time handing frames to the encoder. */
  renders: number;
  composedFrames: number;
  composeMs: number;
  encodeMs: number;
  data?: Uint8Array;
}

function download(data: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later: the download may start after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The exports, and the menu's items (in the language shown when it opens). */
export interface StoryExportMenu extends StoryExports {
  items(): Promise<MenuItem[]>;
}

export function createStoryExportMenu(elements: StoryExportElements, deps: StoryExportDeps): StoryExportMenu {
  let running: AbortController | null = null;
  // WebCodecs' encoder (Chromium 94+, Safari 16.4+, Firefox 130+); without it the menu has no video.
  const videoSupported = typeof VideoEncoder !== 'undefined';

  const showProgress = (lang: Lang, done: number, total: number, key: MessageKey = 'deck.working') => {
    const bar = el('progress', { attrs: { max: String(total), value: String(done) } });
    const cancel = el('button', { text: t(lang, 'deck.cancel'), attrs: { type: 'button' } });
    cancel.addEventListener('click', () => running?.abort());
    const label = key === 'deck.packing' ? t(lang, key) : tf(lang, key, { n: Math.min(done + 1, total), count: total });
    elements.progress.replaceChildren(el('span', { text: label }), bar, cancel);
    elements.progress.hidden = false;
  };

  /** One export at a time, with progress, cancel, restore and a notice on failure. */
  const run = async <T>(
    storyPlays: boolean,
    work: (lang: Lang, signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<T>,
    progressKey: MessageKey = 'deck.working',
  ): Promise<T> => {
    if (running) throw new Error('an export is already running');
    const lang = deps.lang();
    const controller = new AbortController();
    running = controller;
    const restore = storyPlays ? deps.snapshot() : null;
    showProgress(lang, 0, 1, progressKey);
    try {
      return await work(lang, controller.signal, (done, total) => showProgress(lang, done, total, progressKey));
    } catch (error) {
      if (controller.signal.aborted) showNotice(elements.notices, lang, 'deck.cancelled');
      else {
        console.error('story export failed', error);
        showNotice(elements.notices, lang, 'deck.failed');
      }
      throw error;
    } finally {
      running = null;
      elements.progress.hidden = true;
      elements.progress.replaceChildren();
      await restore?.();
    }
  };

  const findStory = async (id: string): Promise<Story> => {
    const story = (await deps.stories()).find((s) => s.id === id);
    if (!story) throw new Error(`no story ${id}`);
    return story;
  };

  const exportDeck: StoryExports['exportDeck'] = (storyId) =>
    run(storyId !== null, async (lang, signal, progress) => {
      const [capture, { buildDeck }, { safeName }] = await Promise.all([
        import('./render-scenes.ts'),
        import('./deck.ts'),
        import('./scene-zip.ts'),
      ]);
      const story = storyId === null ? null : await findStory(storyId);
      const options = { lang, dataDate: '', signal, onProgress: progress };
      const slides: DeckSlide[] = story
        ? await capture.captureStorySlides(story, deps, options)
        : [await capture.captureViewSlide(deps, lang)];
      signal.throwIfAborted();
      showProgress(lang, 0, 1, 'deck.packing');
      const data = await buildDeck({
        lang,
        title: story ? story.title[lang] : t(lang, 'app.title'),
        subtitle: story ? `${t(lang, 'app.title')} · ${t(lang, 'app.subtitle')}` : t(lang, 'app.subtitle'),
        dataDate: tf(lang, 'export.dataDate', { date: formatDate(lang, deps.dataDate) }),
        slides,
        theme: deps.theme(),
      });
      signal.throwIfAborted();
      const fileName = `${story ? safeName(story.id) : 'corridor-atlas-view'}-${lang}.pptx`;
      download(data, fileName, 'application/vnd.openxmlformats-officedocument.presentationml.presentation');
      return { bytes: data.length, fileName };
    });

  const exportImages: StoryExports['exportImages'] = (storyId, scale) =>
    run(true, async (lang, signal, progress) => {
      const [capture, { buildSceneZip, safeName }] = await Promise.all([
        import('./render-scenes.ts'),
        import('./scene-zip.ts'),
      ]);
      const story = await findStory(storyId);
      const files = await capture.captureSceneImages(story, scale, deps, {
        lang,
        dataDate: tf(lang, 'export.dataDate', { date: formatDate(lang, deps.dataDate) }),
        signal,
        onProgress: progress,
      });
      signal.throwIfAborted();
      const data = await buildSceneZip(files);
      const fileName = `${safeName(story.id)}-${lang}-scenes${scale === 1 ? '' : `@${scale}x`}.zip`;
      download(data, fileName, 'application/zip');
      return { bytes: data.length, fileName, names: files.map((file) => file.name) };
    });

  const exportVideo: StoryExports['exportVideo'] = (storyId, request = {}) =>
    run(
      true,
      async (lang, signal, progress) => {
        const started = performance.now();
        const [{ exportStoryVideo }, { safeName }] = await Promise.all([
          import('./video.ts'),
          import('./scene-zip.ts'),
        ]);
        const story = await findStory(storyId);
        const { width = 1280, height = 720, fps = 30, format = 'mp4' } = request;
        const video = await exportStoryVideo(
          story,
          {
            width,
            height,
            fps,
            format,
            lang,
            theme: deps.theme(),
            signal,
            onProgress: progress,
            ...(request.secondsPerScene !== undefined ? { secondsPerScene: request.secondsPerScene } : {}),
            ...(request.flightSeconds !== undefined ? { flightSeconds: request.flightSeconds } : {}),
            ...(request.maxScenes !== undefined ? { maxScenes: request.maxScenes } : {}),
          },
          deps,
        );
        const fileName = `${safeName(story.id)}-${lang}-${height}p.${video.format}`;
        if (request.download !== false) download(video.data, fileName, video.mimeType);
        if (video.fellBack) showNotice(elements.notices, lang, 'video.webmFallback');
        return {
          bytes: video.data.length,
          fileName,
          format: video.format,
          codec: video.codec,
          fellBack: video.fellBack,
          frames: video.frames,
          width: video.width,
          height: video.height,
          ms: Math.round(performance.now() - started),
          drawnFrames: video.drawnFrames,
          drawMs: video.drawMs,
          renders: video.renders,
          composedFrames: video.composedFrames,
          composeMs: video.composeMs,
          encodeMs: video.encodeMs,
          ...(request.download === false ? { data: video.data } : {}),
        };
      },
      'video.working',
    );

  const exportPrint: StoryExports['exportPrint'] = (storyId) =>
    run(true, async (lang, signal, progress) => {
      const [capture, print] = await Promise.all([import('./render-scenes.ts'), import('./print.ts')]);
      const story = await findStory(storyId);
      const slides = await capture.captureStorySlides(story, deps, {
        lang,
        dataDate: '',
        signal,
        onProgress: progress,
      });
      signal.throwIfAborted();
      showProgress(lang, 0, 1, 'deck.packing');
      await print.buildPrintPages({
        lang,
        storyTitle: story.title[lang],
        dataDate: tf(lang, 'export.dataDate', { date: formatDate(lang, deps.dataDate) }),
        slides,
      });
      if (signal.aborted) {
        print.removePrintPages();
        signal.throwIfAborted();
      }
      print.printPages();
      return { pages: slides.length };
    });

  // Errors are reported by `run` (a notice); the menu has nothing more to do with them.
  const quietly = (promise: Promise<unknown>) => void promise.catch(() => undefined);
  const items = async (): Promise<MenuItem[]> => {
    const lang = deps.lang();
    const stories = await deps.stories();
    return [
      {
        label: t(lang, 'deck.viewPptx'),
        attrs: { 'data-export': 'view-pptx' },
        choose: () => quietly(exportDeck(null)),
      },
      ...stories.flatMap((story): MenuItem[] => [
        {
          label: tf(lang, 'deck.storyPptx', { story: story.title[lang] }),
          attrs: { 'data-export': 'story-pptx', 'data-story': story.id },
          choose: () => quietly(exportDeck(story.id)),
        },
        ...IMAGE_SCALES.map((scale) => ({
          label: tf(lang, 'deck.storyImages', { story: story.title[lang], n: formatNumber(lang, scale) }),
          attrs: { 'data-export': 'story-images', 'data-story': story.id, 'data-scale': String(scale) },
          choose: () => quietly(exportImages(story.id, scale)),
        })),
        {
          label: tf(lang, 'print.story', { story: story.title[lang] }),
          attrs: { 'data-export': 'story-print', 'data-story': story.id },
          choose: () => quietly(exportPrint(story.id)),
        },
        ...(videoSupported
          ? VIDEO_HEIGHTS.map((height) => ({
              label: tf(lang, 'video.story', { story: story.title[lang], size: `${height}p` }),
              attrs: { 'data-export': 'story-video', 'data-story': story.id, 'data-height': String(height) },
              choose: () => quietly(exportVideo(story.id, { width: (height * 16) / 9, height })),
            }))
          : []),
      ]),
    ];
  };

  return { exportDeck, exportImages, exportVideo, exportPrint, items, cancel: () => running?.abort() };
}
