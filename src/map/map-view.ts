// Owns the maplibre map and the deck.gl overlay: creates them, applies state, and reports readiness.
// Everything it draws comes from pure builders (basemap-style.ts, layers/); this file only wires them.
import { AttributionControl, Map as MaplibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { ControlPosition, IControl, StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import type { Lang } from '../i18n/i18n.ts';
import { t } from '../i18n/i18n.ts';
import { REGION_EXTENT, type LonLat } from '../model/geodata.ts';
import { REGION_BOUNDS } from '../app/state.ts';
import { BASEMAP_LAYER_IDS, labelText } from './basemap-style.ts';

// Bundling moves maplibre's worker away from the library; tell maplibre where Vite put it.
setWorkerUrl(workerUrl);

export interface MapViewOptions {
  container: HTMLElement;
  style: StyleSpecification | string;
  lang: Lang;
}

export interface MapView {
  map: MaplibreMap;
  overlay: MapLibreOverlay;
  /** Resolves once the basemap is idle and deck.gl has drawn every layer with its data loaded. */
  ready: Promise<void>;
  setLayers(layers: Layer[]): void;
  /** How many frames deck.gl has drawn; tests wait for it to grow after an action. */
  renderCount(): number;
  setLanguage(lang: Lang): void;
  project(lonLat: LonLat): [x: number, y: number];
}

export function createMapView({ container, style, lang }: MapViewOptions): MapView {
  const map = new MaplibreMap({
    container,
    style,
    bounds: REGION_BOUNDS,
    maxBounds: REGION_EXTENT,
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
    // Keep the frame so screenshots and PNG export read what is on screen.
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    dragRotate: false,
    pitchWithRotate: false,
  });
  let resolveDeckDrawn: () => void;
  const deckDrawn = new Promise<void>((resolve) => (resolveDeckDrawn = resolve));
  // Deck hands each layer's state to the instance passed last, so these report what is drawn.
  let currentLayers: Layer[] = [];
  let renders = 0;
  const overlay = new MapLibreOverlay({
    interleaved: false,
    layers: [],
    deviceProps: { webgl: { preserveDrawingBuffer: true } },
    onAfterRender: () => {
      renders += 1;
      if (currentLayers.length > 0 && currentLayers.every((layer) => layer.isLoaded)) resolveDeckDrawn();
    },
  });
  map.addControl(overlay);

  let controls: IControl[] = [];
  const placeControls = (language: Lang): void => {
    for (const control of controls) map.removeControl(control);
    // Controls sit on the side opposite the reading start, so the title keeps its corner.
    const [top, bottom]: ControlPosition[] = language === 'fa' ? ['top-left', 'bottom-left'] : ['top-right', 'bottom-right'];
    controls = [
      new NavigationControl({ showCompass: false }),
      new ScaleControl({ unit: 'metric' }),
      new AttributionControl({ compact: false, customAttribution: t(language, 'map.attribution') }),
    ];
    map.addControl(controls[0]!, top);
    map.addControl(controls[1]!, bottom);
    map.addControl(controls[2]!, language === 'fa' ? 'bottom-right' : 'bottom-left');
  };
  placeControls(lang);

  const basemapIdle = new Promise<void>((resolve) => map.once('load', () => map.once('idle', () => resolve())));

  return {
    map,
    overlay,
    ready: Promise.all([basemapIdle, deckDrawn]).then(() => undefined),
    setLayers: (layers) => {
      currentLayers = layers;
      overlay.setProps({ layers });
    },
    renderCount: () => renders,
    setLanguage: (language) => {
      for (const id of Object.values(BASEMAP_LAYER_IDS)) {
        if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelText(language));
      }
      placeControls(language);
    },
    project: (lonLat) => {
      const point = map.project(lonLat);
      return [point.x, point.y];
    },
  };
}
