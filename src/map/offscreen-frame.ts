// Draws the current view again at a higher pixel ratio in a hidden map, for 2× and 4× export.
// Why a second map: in interleaved mode deck.gl 9.4 keeps its pixel ratio when maplibre's changes,
// so rescaling the live map misaligns the layers. A fresh map and overlay, both created at the
// target ratio, agree with each other, and the live map is never disturbed.
import { Map as MaplibreMap } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';

export interface OffscreenRequest {
  source: MaplibreMap;
  layers: Layer[];
  /** Device pixels per CSS pixel of the result. */
  pixelRatio: number;
}

/** Renders, copies the frame into a 2D canvas, and disposes the hidden map. */
export async function renderOffscreen({ source, layers, pixelRatio }: OffscreenRequest): Promise<HTMLCanvasElement> {
  const { clientWidth: width, clientHeight: height } = source.getContainer();
  const container = document.createElement('div');
  // Laid out at the live map's CSS size but out of sight; invisible elements still render in WebGL.
  Object.assign(container.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${width}px`,
    height: `${height}px`,
  });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const center = source.getCenter();
  const map = new MaplibreMap({
    container,
    style: source.getStyle(),
    center,
    zoom: source.getZoom(),
    bearing: source.getBearing(),
    pitch: source.getPitch(),
    pixelRatio,
    maxCanvasSize: [16384, 16384],
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  try {
    let drawn = false;
    const copies = layers.map((layer) => layer.clone({}));
    const overlay = new MapLibreOverlay({
      interleaved: true,
      // Layer instances carry per-deck state, so the hidden deck gets its own copies.
      layers: copies,
      onAfterRender: () => (drawn = copies.every((layer) => layer.isLoaded)),
    });
    map.addControl(overlay);
    await new Promise<void>((resolve, reject) => {
      map.once('error', (event) => reject(event.error));
      map.once('load', () => {
        // Handed again with the style loaded, so the layers slot under the labels as on the live map (map-view.ts).
        overlay.setProps({ layers: copies });
        resolve();
      });
    });
    await new Promise<void>((resolve) => {
      const check = () => (drawn && map.loaded() && map.areTilesLoaded() ? resolve() : requestAnimationFrame(check));
      map.once('idle', () => {
        drawn = false;
        map.triggerRepaint();
        requestAnimationFrame(check);
      });
    });
    const canvas = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    copy.getContext('2d')!.drawImage(canvas, 0, 0);
    return copy;
  } finally {
    map.remove();
    container.remove();
  }
}
