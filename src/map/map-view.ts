// Owns the maplibre map and the deck.gl overlay: creates them, applies layers, moves the camera,
// forwards picks, and reports readiness. What it draws comes from pure builders; this file wires.
import {
  AttributionControl,
  FullscreenControl,
  Map as MaplibreMap,
  NavigationControl,
  ScaleControl,
} from 'maplibre-gl';
import type { ControlPosition, IControl, StyleSpecification } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Lang } from '../core/i18n/i18n.ts';
import { t } from '../core/i18n/i18n.ts';
import { REGION_EXTENT, type LonLat } from '../core/geodata.ts';
import type { ViewState } from '../state/state.ts';
import type { Theme } from '../core/theme.ts';
import type { Padding } from '../model/free-area.ts';
import { ZOOM_RANGE } from '../state/url-state.ts';
import { LABEL_LAYER_IDS, labelText } from '../layers/basemap-style.ts';
import type { Handover } from './upload-pacing.ts';

export interface MapViewOptions {
  container: HTMLElement;
  /** The basemap style for a theme. */
  styleFor(theme: Theme): StyleSpecification | string;
  theme: Theme;
  /** What the default view and the fit button frame: everything drawn. */
  home: Bounds;
  /** Camera padding that keeps a fit clear of the panels over the map (measured when a fit starts). */
  padding(): Padding;
  lang: Lang;
  /** Camera from the URL; without it the map fits the region to the window. */
  view: ViewState | null;
  reducedMotion: boolean;
  onHover(info: PickingInfo): void;
  /** A click or tap on the map: what is under it, and where. */
  onClick(info: PickingInfo, lonLat: LonLat): void;
  onViewChange(view: ViewState): void;
  /** True when the WebGL context is lost; false once the map has been rebuilt and drawn again. */
  onContext?(lost: boolean): void;
  /**
   * The handover of layers to deck.gl that the map takes on once it has drawn (loaded then, as the first
   * frame does not need it); until then layers go to deck.gl as they are.
   */
  handover?(): Promise<{ createHandover: CreateHandover }>;
}

/** Takes over handing `wanted()` to the overlay, whose layers are `wanted()` now. */
export type CreateHandover = (overlay: MapLibreOverlay, wanted: () => Layer[]) => Handover;

export type Bounds = [west: number, south: number, east: number, north: number];

/** What the app drives, whether the map is drawn with WebGL or as a static picture. */
export interface AtlasView {
  /** Resolves once the map (basemap and every layer) has drawn. */
  ready: Promise<void>;
  setLayers(layers: Layer[]): void;
  /** How many frames have been drawn; tests wait for it to grow after an action. */
  renderCount(): number;
  setLanguage(lang: Lang): void;
  project(lonLat: LonLat): [x: number, y: number];
  /** Frames a box, or centres a point, inside the part of the map the panels leave free. */
  flyTo(target: Bounds | LonLat): void;
  setView(view: ViewState, animate: boolean): void;
  /** Frames everything drawn (the home view) inside the free part of the map. */
  fitRegion(): void;
  /** Redraws the basemap (or the still picture) in another theme; deck.gl layers come from the render. */
  setTheme(theme: Theme): void;
}

export interface MapView extends AtlasView {
  /** The current map and overlay: both are replaced when a lost context comes back or the pixel ratio changes. */
  readonly map: MaplibreMap;
  readonly overlay: MapLibreOverlay;
}

interface Mounted {
  map: MaplibreMap;
  overlay: MapLibreOverlay;
  /** Basemap idle and deck.gl has drawn every layer with its data loaded. */
  drawn: Promise<void>;
  /** Hands the current layers to the overlay, big new data paced over frames. */
  pushLayers(): void;
}

export function createMapView(options: MapViewOptions): MapView {
  const { container, reducedMotion, home } = options;
  let style = options.styleFor(options.theme);
  const homeBounds: [LonLat, LonLat] = [
    [home[0], home[1]],
    [home[2], home[3]],
  ];
  let lang = options.lang;
  // Deck hands each layer's state to the instance passed last, so these report what is drawn.
  let currentLayers: Layer[] = [];
  let renders = 0;

  const mount = (camera: ViewState | null): Mounted => {
    const map = new MaplibreMap({
      container,
      style,
      ...(camera
        ? { center: camera.center, zoom: camera.zoom }
        : { bounds: homeBounds, fitBoundsOptions: { padding: options.padding() } }),
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
    let handover: Handover = { push: () => overlay.setProps({ layers: currentLayers }), frameDrawn: () => {} };
    const pushLayers = (): void => handover.push();
    const overlay = new MapLibreOverlay({
      // Interleaved: deck.gl draws into maplibre's context, so its layers can sit under the labels.
      interleaved: true,
      layers: currentLayers,
      onHover: options.onHover,
      getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
      onAfterRender: () => {
        renders += 1;
        handover.frameDrawn();
        // Held layers were never handed over, so they are not loaded: drawn waits for the last piece.
        if (currentLayers.length > 0 && currentLayers.every((layer) => layer.isLoaded)) resolveDeckDrawn();
      },
    });
    map.addControl(overlay);

    // In interleaved mode deck.gl's own click recogniser never fires (seen with maplibre-gl 6.17 and
    // deck.gl 9.4), so clicks and taps come from maplibre and are picked here.
    map.on('click', (event) => {
      const { x, y } = event.point;
      const info =
        overlay.pickObject({ x, y, radius: 3 }) ?? ({ x, y, layer: null, object: null } as unknown as PickingInfo);
      options.onClick(info, [event.lngLat.lng, event.lngLat.lat]);
    });
    map.on('moveend', () => options.onViewChange(cameraOf(map)));
    // Maplibre restores its own style after a lost context, but not deck.gl's layers, whose GPU
    // resources (and luma.gl's cached GL state) belong to the old context: rebuild both afresh.
    map.on('webglcontextlost', () => options.onContext?.(true));
    map.on('webglcontextrestored', () => remount(true));
    // Also after a theme's new style has loaded.
    map.on('style.load', () => applyLabels(map, lang));

    // deck.gl's overlay slots its layer groups under their `beforeId` basemap layers only when it is handed
    // layers with the style loaded: without this the first view drew every deck.gl layer over the labels
    // until the first change of layers.
    map.once('load', pushLayers);
    const basemapIdle = new Promise<void>((resolve) => map.once('load', () => map.once('idle', () => resolve())));
    const drawn = Promise.all([basemapIdle, deckDrawn]).then(() => undefined);
    void drawn
      .then(() => options.handover?.())
      .then((loaded) => {
        if (!loaded) return;
        handover = loaded.createHandover(overlay, () => currentLayers);
        pushLayers();
      })
      .catch((error: unknown) => console.warn('the paced handover did not load', error));
    return { map, overlay, pushLayers, drawn };
  };

  let current = mount(options.view);
  let controls: IControl[] = [];
  const placeControls = (language: Lang): void => {
    for (const control of controls) if (current.map.hasControl(control)) current.map.removeControl(control);
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
    controls.forEach((control, i) => current.map.addControl(control, positions[i]));
  };
  placeControls(lang);

  /** Replaces the map and overlay with fresh ones on a fresh canvas, keeping camera, language and layers. */
  function remount(contextWasLost: boolean): void {
    const camera = cameraOf(current.map);
    current.map.remove();
    // Layer instances carry per-deck state, so the new deck gets copies.
    currentLayers = currentLayers.map((layer) => layer.clone({}));
    try {
      current = mount(camera);
    } catch (error) {
      console.error('the map could not be rebuilt', error); // no context to be had: the status stays up
      return;
    }
    placeControls(lang);
    if (contextWasLost) void current.drawn.then(() => options.onContext?.(false));
  }

  // Maplibre follows the container's size but not a pixel ratio that changes alone (a window moved
  // to another screen), and resizing the live map to a new ratio leaves deck.gl's interleaved
  // layers at the old one, misaligned: a new ratio gets a new map, as a restored context does.
  const watchResolution = (): void => {
    window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener(
      'change',
      () => {
        remount(false);
        watchResolution();
      },
      { once: true },
    );
  };
  watchResolution();

  const duration = reducedMotion ? 0 : 1200;
  return {
    get map() {
      return current.map;
    },
    get overlay() {
      return current.overlay;
    },
    /** The current map's: after a rebuild it resolves once the new map has drawn. */
    get ready() {
      return current.drawn;
    },
    setLayers: (layers) => {
      currentLayers = layers;
      current.pushLayers();
    },
    renderCount: () => renders,
    setLanguage: (language) => {
      lang = language;
      applyLabels(current.map, language);
      placeControls(language);
    },
    project: (lonLat) => {
      const point = current.map.project(lonLat);
      return [point.x, point.y];
    },
    flyTo: (target) => {
      const { map } = current;
      // A point gets a small box: fitBounds pads for this move only (flyTo's padding would stay on the map).
      const [west, south, east, north] =
        target.length === 2 ? [target[0] - 0.6, target[1] - 0.6, target[0] + 0.6, target[1] + 0.6] : target;
      map.fitBounds(
        [
          [west, south],
          [east, north],
        ],
        { padding: options.padding(), maxZoom: 6.5, duration, essential: true },
      );
    },
    setView: ({ center, zoom }, animate) => {
      if (animate && !reducedMotion) current.map.flyTo({ center, zoom, duration: 1600, essential: true });
      else current.map.jumpTo({ center, zoom });
    },
    fitRegion: () => current.map.fitBounds(homeBounds, { padding: options.padding(), duration, essential: true }),
    setTheme: (theme) => {
      style = options.styleFor(theme);
      current.map.setStyle(style);
    },
  };
}

/**
 * The live map, or null where the browser cannot draw one (maplibre throws when it gets no WebGL2
 * context). Trying is the test: a probe context of its own cost a second of software GL at startup.
 * maplibre has already dressed the container when it throws, so that is undone for the still picture.
 */
export function tryCreateMapView(options: MapViewOptions): MapView | null {
  const { container } = options;
  const children = new Set(container.children);
  const className = container.className;
  try {
    return createMapView(options);
  } catch (error) {
    console.warn('the map could not start; showing a still picture', error);
    for (const child of [...container.children]) if (!children.has(child)) child.remove();
    container.className = className;
    return null;
  }
}

function cameraOf(map: MaplibreMap): ViewState {
  const center = map.getCenter();
  return { center: [center.lng, center.lat], zoom: map.getZoom() };
}

function applyLabels(map: MaplibreMap, lang: Lang): void {
  for (const id of LABEL_LAYER_IDS) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelText(lang));
}
