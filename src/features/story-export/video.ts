// A story as a video file: MP4 (H.264, what PowerPoint and Google Drive play) or WebM (VP9 or VP8)
// where the browser has no H.264 encoder. Rendered frame by frame, never in real time: each frame's
// camera is a function of its time (flight.ts), the hidden map draws it completely (video-map.ts),
// the caption band is drawn over it (caption-band.ts), and WebCodecs encodes that canvas through
// mediabunny (MPL-2.0, used unmodified; this module and so mediabunny load only when a video is made), which writes the file. The result is the
// same on a fast and a slow machine; only the time it takes differs.
//
// Each scene is applied to the app (its layers, filters and selection, through the CaptureHost),
// held still, then the camera flies to the next scene with the next scene's layers while the
// caption fades out and the next one in. framePlan (flight.ts) says which frames draw the map: a held scene is drawn
// once and its frames repeat that image; a flight draws each frame its camera moves.
import {
  BufferTarget,
  CanvasSource,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
  canEncodeVideo,
  getFirstEncodableVideoCodec,
} from 'mediabunny';
import type { Story } from '../../core/stories.ts';
import { t, tf, type Lang } from '../../core/i18n/i18n.ts';
import type { CaptureHost } from './render-scenes.ts';
import { framePlan, videoTimeline, type Camera } from './flight.ts';
import { captionColours, composeFrame, layoutBand, LIGHT_CAPTION, type CaptionText } from './caption-band.ts';
import type { Theme } from '../../core/theme.ts';
import { createVideoMap } from './video-map.ts';

export type VideoFormat = 'mp4' | 'webm';

export interface VideoOptions {
  width: number;
  height: number;
  fps: number;
  /** The container asked for; MP4 falls back to WebM where H.264 cannot be encoded. */
  format: VideoFormat;
  lang: Lang;
  /** The theme on screen: the caption band takes its colours (light when absent). */
  theme?: Theme;
  signal?: AbortSignal;
  /** Called with the frames done (0 before the first) and the total. */
  onProgress?(done: number, total: number): void;
  /** How long each scene is held still (default 3 s). */
  secondsPerScene?: number;
  /** How long the camera flies between scenes (default 2 s). */
  flightSeconds?: number;
  /** Only the first n scenes (tests). */
  maxScenes?: number;
}

export interface VideoResult {
  data: Uint8Array;
  format: VideoFormat;
  mimeType: string;
  /** The encoder's codec string, e.g. `avc1.42001f` or `vp09.00.10.08`. */
  codec: string;
  /** True when MP4 was asked for and WebM was written instead. */
  fellBack: boolean;
  frames: number;
  width: number;
  height: number;
  /** Frames whose map was drawn (the others reuse an earlier drawing), and the milliseconds spent drawing them. */
  drawnFrames: number;
  drawMs: number;
  /** The hidden map's renders while drawing those frames (more than one a frame while tiles load). */
  renders: number;
  /** Frames composed (map and captions), and the milliseconds that took; the others repeat the frame before. */
  composedFrames: number;
  composeMs: number;
  /** Milliseconds handing frames to the encoder (waiting for it when its queue is full). */
  encodeMs: number;
}

/** The scenes are designed for a screen about 1280 CSS pixels wide: bigger videos draw that view sharper. */
const DESIGN_HEIGHT = 720;

type Codec = 'avc' | 'vp9' | 'vp8';

async function chooseCodec(
  format: VideoFormat,
  size: { width: number; height: number; frameRate: number },
): Promise<{ format: VideoFormat; codec: Codec; fellBack: boolean }> {
  const options = { ...size, quality: QUALITY_HIGH };
  if (format === 'mp4' && (await canEncodeVideo('avc', options))) return { format, codec: 'avc', fellBack: false };
  const webm = await getFirstEncodableVideoCodec(['vp9', 'vp8'], options);
  if (!webm) throw new Error('this browser cannot encode H.264, VP9 or VP8 video');
  return { format: 'webm', codec: webm as Codec, fellBack: format === 'mp4' };
}

export async function exportStoryVideo(story: Story, options: VideoOptions, host: CaptureHost): Promise<VideoResult> {
  const { width, height, fps, lang, signal } = options;
  if (width % 2 || height % 2) throw new Error('video width and height must be even');
  const chosen = await chooseCodec(options.format, { width, height, frameRate: fps });
  signal?.throwIfAborted();

  const scenes = story.scenes.slice(0, Math.max(1, options.maxScenes ?? story.scenes.length));
  const frames = videoTimeline({
    scenes: scenes.length,
    fps,
    secondsPerScene: options.secondsPerScene ?? 3,
    flightSeconds: options.flightSeconds ?? 2,
  });
  const captions: CaptionText[] = scenes.map((scene, index) => ({
    heading: `${story.title[lang]} · ${tf(lang, 'story.sceneOf', { n: index + 1, count: scenes.length })}`,
    caption: scene.caption[lang],
  }));
  const cameras: Camera[] = scenes.map((scene) => ({ center: scene.view.center, zoom: scene.view.zoom }));

  const frame = document.createElement('canvas');
  frame.width = width;
  frame.height = height;
  // A canvas in memory, not on the GPU: the encoder then reads each frame by a copy, where it had to read an
  // accelerated canvas back from the GPU (with software WebGL, 250 ms a 720p frame on a quiet machine against
  // 17 ms, and seconds while the maps render); only a composed frame reads the map's canvas back.
  const context = frame.getContext('2d', { alpha: false, willReadFrequently: true })!;
  await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 24px Vazirmatn`)));
  const colours = options.theme ? captionColours(options.theme) : LIGHT_CAPTION;
  const band = layoutBand(context, captions, width, height, lang, t(lang, 'map.attribution'), colours);

  const pixelRatio = Math.max(1, height / DESIGN_HEIGHT);
  const cssWidth = Math.round(width / pixelRatio);
  const map = await createVideoMap(host.view.map, cssWidth, Math.round(height / pixelRatio), pixelRatio);
  let codec: string = chosen.codec;
  const output = new Output({
    format: chosen.format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new CanvasSource(frame, {
    codec: chosen.codec,
    bitrate: QUALITY_HIGH,
    keyFrameInterval: 2,
    onEncoderConfig: (config) => (codec = config.codec),
  });
  output.addVideoTrack(source, { frameRate: fps });
  // Which frames draw the map, which only recompose the captions over the last drawing, which repeat.
  const plan = framePlan(frames, cameras, cssWidth);
  const stats = { drawnFrames: 0, drawMs: 0, renders: 0, composedFrames: 0, composeMs: 0, encodeMs: 0 };
  try {
    await output.start();
    options.onProgress?.(0, plan.length);
    let applied = -1;
    for (const [index, step] of plan.entries()) {
      signal?.throwIfAborted();
      if (step.scene !== applied) {
        // The scene's layers and selection, from the app itself (the live map shows it too).
        await host.applyScene(scenes[step.scene]!);
        signal?.throwIfAborted();
        map.setLayers(host.layers());
        applied = step.scene;
      }
      let started = performance.now();
      if (step.draw) {
        const renders = map.renders;
        // Resolves once the frame is completely drawn (basemap idle, layers loaded and drawn).
        await map.draw(step.draw, signal);
        stats.drawMs += performance.now() - started;
        stats.drawnFrames += 1;
        stats.renders += map.renders - renders;
        started = performance.now();
      }
      if (step.captions) {
        composeFrame(
          context,
          map.canvas,
          band,
          step.captions.map(({ scene, alpha }) => ({ text: captions[scene]!, alpha })),
        );
        stats.composedFrames += 1;
        stats.composeMs += performance.now() - started;
        started = performance.now();
      }
      // A repeated frame encodes the canvas as it is.
      await source.add(index / fps, 1 / fps);
      stats.encodeMs += performance.now() - started;
      options.onProgress?.(index + 1, plan.length);
    }
    signal?.throwIfAborted();
    await output.finalize();
  } catch (error) {
    if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel().catch(() => undefined);
    throw error;
  } finally {
    map.dispose();
  }
  const data = new Uint8Array(output.target.buffer!);
  return {
    data,
    format: chosen.format,
    mimeType: chosen.format === 'mp4' ? 'video/mp4' : 'video/webm',
    codec,
    fellBack: chosen.fellBack,
    frames: frames.length,
    width,
    height,
    drawnFrames: stats.drawnFrames,
    drawMs: Math.round(stats.drawMs),
    renders: stats.renders,
    composedFrames: stats.composedFrames,
    composeMs: Math.round(stats.composeMs),
    encodeMs: Math.round(stats.encodeMs),
  };
}
