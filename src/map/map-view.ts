// Owns the maplibre map and the deck.gl overlay: creates them, applies layers, moves the camera,
// forwards picks, and reports readiness. What it draws comes from pure builders; this file wires.
import { AttributionControl, FullscreenControl, Map as MaplibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { ControlPosition, IControl, StyleSpecification } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Lang } from '../i18n/i18n.ts';
import { t } from '../i18n/i18n.ts';
import { REGION_EXTENT, type LonLat } from '../model/geodata.ts';
import { REGION_BOUNDS, type ViewState } from '../app/state.ts';
import { ZOOM_RANGE } from '../app/url-state.ts';
import { LABEL_LAYER_IDS, labelText } from './basemap-style.ts';

export interface MapViewOptions {
  container: HTMLElement;
  style: StyleSpecification | string;
  lang: Lang;
  /** Camera from the URL; without it the map fits the region to the window. */
  view: ViewState | null;
  reducedMotion: boolean;
  onHover(info: PickingInfo): void;
  /** A click or tap on the map: what is under it, and where. */
  onClick(info: PickingInfo, lonLat: LonLat): void;
  onViewChange(view: ViewState): void;
}

export type Bounds = [west: number, south: number, east: number, north: number];

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
  flyTo(target: Bounds | LonLat): void;
  setView(view: ViewState, animate: boolean): void;
  fitRegion(): void;
}

export function createMapView(options: MapViewOptions): MapView {
  const { container, style, lang, view, reducedMotion } = options;
  const map = new MaplibreMap({
    container,
    style,
    ...(view ? { center: view.center, zoom: view.zoom } : { bounds: REGION_BOUNDS, fitBoundsOptions: { padding: 24 } }),
    maxBounds: REGION_EXTENT,
    minZoom: ZOOM_RANGE[0],
    maxZoom: ZOOM_RANGE[1],
    attributionControl: false,
    // Keep the frame so screenshots and PNG export read what is on screen.
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
  });
  map.touchZoomRotate.disableRotation();

  let resolveDeckDrawn: () => void;
  const deckDrawn = new Promise<void>((resolve) => (resolveDeckDrawn = resolve));
  // Deck hands each layer's state to the instance passed last, so these report what is drawn.
  let currentLayers: Layer[] = [];
  let renders = 0;
  const overlay = new MapLibreOverlay({
    // Interleaved: deck.gl draws into maplibre's context, so its layers can sit under the labels.
    interleaved: true,
    layers: [],
    onHover: options.onHover,
    getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
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
    const side = language === 'fa' ? 'left' : 'right';
    const other = language === 'fa' ? 'right' : 'left';
    controls = [
      new NavigationControl({ showCompass: false }),
      new FullscreenControl(),
      new ScaleControl({ unit: 'metric' }),
      new AttributionControl({ compact: false, customAttribution: t(language, 'map.attribution') }),
    ];
    const positions: ControlPosition[] = [`top-${side}`, `top-${side}`, `bottom-${side}`, `bottom-${other}`];
    controls.forEach((control, i) => map.addControl(control, positions[i]));
  };
  placeControls(lang);

  // In interleaved mode deck.gl's own click recogniser never fires (seen with maplibre-gl 6.17 and
  // deck.gl 9.4), so clicks and taps come from maplibre and are picked here.
  map.on('click', (event) => {
    const { x, y } = event.point;
    const info = overlay.pickObject({ x, y, radius: 3 }) ?? ({ x, y, layer: null, object: null } as unknown as PickingInfo);
    options.onClick(info, [event.lngLat.lng, event.lngLat.lat]);
  });

  map.on('moveend', () => {
    const center = map.getCenter();
    options.onViewChange({ center: [center.lng, center.lat], zoom: map.getZoom() });
  });

  const basemapIdle = new Promise<void>((resolve) => map.once('load', () => map.once('idle', () => resolve())));
  const duration = reducedMotion ? 0 : 1200;

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
      for (const id of LABEL_LAYER_IDS) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelText(language));
      placeControls(language);
    },
    project: (lonLat) => {
      const point = map.project(lonLat);
      return [point.x, point.y];
    },
    flyTo: (target) => {
      if (target.length === 2) map.flyTo({ center: target, zoom: Math.max(map.getZoom(), 6), duration, essential: true });
      else map.fitBounds([[target[0], target[1]], [target[2], target[3]]], { padding: 80, maxZoom: 6.5, duration, essential: true });
    },
    setView: ({ center, zoom }, animate) => {
      if (animate && !reducedMotion) map.flyTo({ center, zoom, duration: 1600, essential: true });
      else map.jumpTo({ center, zoom });
    },
    fitRegion: () => map.fitBounds(REGION_BOUNDS, { padding: 24, duration, essential: true }),
  };
}
