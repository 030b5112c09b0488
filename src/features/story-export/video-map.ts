// A hidden map of the video's size that draws one camera at a time and says when the frame is
// complete: the basemap idle (tiles, placement) and deck.gl's layers drawn with their data loaded.
// Like src/map/offscreen-frame.ts it is a second maplibre map with its own interleaved deck.gl
// overlay, created at the target pixel ratio so the layers stay aligned with the basemap, but it
// lives for the whole video (one map load, then a redraw per frame) and takes the video's own size.
import { Map as MaplibreMap } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import type { Camera } from './flight.ts';

export interface VideoMap {
  /** The map's canvas (the drawing buffer is kept, so it can be copied after the frame). */
  canvas: HTMLCanvasElement;
  /** Hands the hidden deck copies of these layers (a scene's). */
  setLayers(layers: Layer[]): void;
  /** The map's renders so far (a frame takes more than one while its tiles load). */
  readonly renders: number;
  /** Moves the camera and resolves once that frame is completely drawn. */
  draw(camera: Camera, signal?: AbortSignal): Promise<void>;
  dispose(): void;
}

/**
 * A map of `cssWidth` × `cssHeight` CSS pixels at `pixelRatio`, with `source`'s style (its labels in
 * the current language). Resolves once the style has loaded.
 */
export async function createVideoMap(
  source: MaplibreMap,
  cssWidth: number,
  cssHeight: number,
  pixelRatio: number,
): Promise<VideoMap> {
  const container = document.createElement('div');
  // Out of sight but laid out: WebGL draws in invisible elements too.
  Object.assign(container.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${cssWidth}px`,
    height: `${cssHeight}px`,
  });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const map = new MaplibreMap({
    container,
    style: source.getStyle(),
    center: source.getCenter(),
    zoom: source.getZoom(),
    pixelRatio,
    maxCanvasSize: [16384, 16384],
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  let copies: Layer[] = [];
  let drawn = false;
  let renders = 0;
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: copies,
    onAfterRender: () => (drawn = copies.every((layer) => layer.isLoaded)),
  });
  map.addControl(overlay);
  map.on('render', () => (renders += 1));
  const dispose = () => {
    map.remove();
    container.remove();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      map.once('error', (event) => reject(event.error));
      map.once('load', () => resolve());
    });
  } catch (error) {
    dispose();
    throw error;
  }

  const complete = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        map.off('idle', onIdle);
        reject(signal!.reason);
      };
      // maplibre is idle after a frame with nothing left to load or place; deck.gl drew in that frame.
      const onIdle = () => {
        if (drawn && map.loaded() && map.areTilesLoaded()) {
          map.off('idle', onIdle);
          signal?.removeEventListener('abort', onAbort);
          resolve();
        } else map.triggerRepaint();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      map.on('idle', onIdle);
      map.triggerRepaint();
    });

  return {
    canvas: map.getCanvas(),
    get renders() {
      return renders;
    },
    setLayers(layers) {
      // Layer instances carry per-deck state, so the hidden deck gets its own copies.
      copies = layers.map((layer) => layer.clone({}));
      drawn = false;
      overlay.setProps({ layers: copies });
    },
    async draw(camera, signal) {
      signal?.throwIfAborted();
      drawn = false;
      map.jumpTo({ center: camera.center, zoom: camera.zoom });
      await complete(signal);
    },
    dispose,
  };
}
